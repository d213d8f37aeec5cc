// The meters bar across the top of the play screen (`<header id="meters">`): the turn and date,
// the escalation ladder, the tension of the student's pairs, the displaced and civilian dead,
// Turkish domestic pressure, the market index and the student's score, on one or two lines; the
// student's objectives (each holding or not) and every tension pair in a <details> at the end of
// the line, which opens over the map. It draws a MetersModel (play-model.ts) with textContent
// only and holds no game state.
import { el } from './dom.ts'; // shared DOM helpers (text only, never HTML)
import type { MetersModel, ObjectiveLine, TensionPair } from './play-model.ts';

const OBJECTIVE_MARKS: Record<ObjectiveLine['state'], string> = {
  scored: '✔',
  holds: '●',
  not_yet: '○',
  failed: '✖',
};

function pairNode(pair: TensionPair, short: boolean): HTMLElement {
  const node = el('span', {
    class: `meter tension stance-${pair.stance}`,
    title: `${pair.label}: ${pair.stance}, tension ${pair.tension} of 100`,
  });
  const dots = el('span', { class: 'pair-dots', 'aria-hidden': 'true' });
  const a = el('span', { class: 'dot' });
  a.style.background = pair.colourA;
  const b = el('span', { class: 'dot' });
  b.style.background = pair.colourB;
  dots.append(a, b);
  node.append(
    dots,
    el('span', { class: 'meter-label' }, short ? pair.shortLabel : pair.label),
    ' ',
    el('strong', {}, String(pair.tension)),
  );
  return node;
}

export class MetersBar {
  private readonly when = el('span', { class: 'meter meter-turn' });
  private readonly turn = el('span', { id: 'turn' });
  private readonly date = el('span', { id: 'date' });
  private readonly escalation = el('span', { class: 'meter meter-escalation' });
  private readonly tensions = el('span', { class: 'meter-group meter-tensions' });
  private readonly figures = el('span', { class: 'meter-group meter-figures' });
  private readonly score = el('span', { class: 'meter meter-score' });
  private readonly outcome = el('p', { class: 'meters-outcome', role: 'status' });
  private readonly details = el('details', { class: 'meters-details' });
  private readonly summary = el('summary', {}, 'Objectives and all tensions');
  private readonly objBox = el('section', {
    class: 'objectives-box',
    'aria-labelledby': 'objectives-heading',
  });
  private readonly objectives = el('ol', { class: 'objectives', 'aria-labelledby': 'objectives-heading' });
  private readonly allTensions = el('ul', { class: 'all-tensions', 'aria-labelledby': 'tensions-heading' });

  constructor(readonly root: HTMLElement) {
    root.replaceChildren();
    root.classList.add('meters-bar');
    if (!root.hasAttribute('aria-label')) root.setAttribute('aria-label', 'Meters');
    this.when.append(this.turn, ' · ', this.date);
    this.when.setAttribute('aria-live', 'polite');
    const line = el('div', { class: 'meters-line' });
    // The <details> sits at the end of the line; its body opens over the map (panel.css).
    line.append(this.when, this.escalation, this.tensions, this.figures, this.score, this.details);
    this.objBox.append(el('h2', { id: 'objectives-heading' }, 'Your objectives'), this.objectives);
    const tenBox = el('section', { class: 'tensions-box', 'aria-labelledby': 'tensions-heading' });
    tenBox.append(
      el('h2', { id: 'tensions-heading' }, 'Tension between each pair (0-100)'),
      this.allTensions,
    );
    const body = el('div', { class: 'meters-body' });
    body.append(this.objBox, tenBox);
    this.details.append(this.summary, body);
    root.append(line, this.outcome);
  }

  update(model: MetersModel): void {
    // Only a change is written: the turn and date are a live region, read out when they change.
    if (this.turn.textContent !== model.turnText) this.turn.textContent = model.turnText;
    if (this.date.textContent !== model.dateText) this.date.textContent = model.dateText;

    this.escalation.replaceChildren(
      el('span', { class: 'meter-label' }, 'Escalation '),
      el('strong', {}, `${model.escalation.level}/${model.escalation.max}`),
      ` ${model.escalation.name}`,
    );
    this.escalation.dataset.level = String(model.escalation.level);
    this.escalation.title = model.escalation.text;

    this.tensions.replaceChildren(
      el('span', { class: 'meter-label' }, `${model.tensionsLabel}:`),
      ...model.tensionsInline.map((t) => pairNode(t, true)),
    );

    this.figures.replaceChildren(
      ...model.figures.map((f) => {
        const node = el('span', { class: `meter meter-${f.id}`, title: f.note });
        node.append(el('span', { class: 'meter-label' }, `${f.label} `), el('strong', {}, f.valueText));
        return node;
      }),
    );

    this.score.textContent = model.scoreText;
    this.score.hidden = model.scoreText === '';
    if (model.actor !== '') this.score.style.borderColor = model.colour;
    else this.score.style.removeProperty('border-color');

    this.outcome.textContent = model.outcomeText;
    this.outcome.hidden = model.outcomeText === '';

    this.objBox.hidden = model.objectives.length === 0;
    this.summary.textContent =
      model.objectives.length > 0 ? 'Your objectives and every tension pair' : 'Every tension pair';
    this.objectives.replaceChildren(
      ...model.objectives.map((o) => {
        const li = el('li', { class: `objective objective-${o.state}` });
        li.append(
          el('span', { class: 'mark', 'aria-hidden': 'true' }, OBJECTIVE_MARKS[o.state]),
          el('span', { class: 'objective-text' }, o.text),
          el('span', { class: 'objective-points' }, ` ${o.points} points`),
          el('span', { class: 'objective-state' }, ` · ${o.stateText} (${o.whenText})`),
        );
        return li;
      }),
    );
    this.allTensions.replaceChildren(
      ...model.tensions.map((t) => {
        const li = el('li');
        li.append(pairNode(t, false), el('span', { class: 'stance' }, ` (${t.stance})`));
        return li;
      }),
    );
  }
}
