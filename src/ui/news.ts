// The news feed of the play panel: the scenario's messages of the last turn (a tutorial's steps, a
// scenario's news), the orders the last turn rejected (with the reason), the
// computer actors' decisions (one line each, with "Why did <Actor> do that?"), then the last
// turn's events by phase. Each event opens (click, Enter or Space: a <details>) on its full
// explanation and a table of its inputs in words; a report shows its source and each side's
// claim beside the truth; an event by a computer actor has a button that opens that actor's
// decision record. Routine movements are folded into a count with a "show" toggle. It draws a
// NewsModel (play-model.ts) with textContent only, and keeps which parts the student opened
// while the same turn is shown.
import { el, uniqueId } from './dom.ts';
import type { DecisionModel, NewsItem, NewsModel, NewsPhase, RejectedLine } from './play-model.ts';

function decisionBody(decision: DecisionModel, withSummary: boolean): HTMLElement {
  const box = el('div', { class: 'decision' });
  if (withSummary) box.append(el('p', { class: 'decision-summary' }, decision.summary));
  if (decision.top.length === 0) {
    box.append(el('p', { class: 'none' }, 'It had no candidate worth giving.'));
    return box;
  }
  box.append(el('p', { class: 'decision-lead' }, `The best ${decision.top.length} it weighed:`));
  const list = el('ol', { class: 'candidates' });
  for (const c of decision.top) {
    const li = el('li');
    li.append(el('span', { class: 'candidate-order' }, c.order), ' ', el('strong', {}, `(${c.scoreText})`));
    if (c.factors.length > 0) {
      const factors = el('ul', { class: 'factors' });
      for (const f of c.factors) {
        const fl = el('li');
        fl.append(el('span', {}, f.name), ' ', el('strong', {}, f.pointsText));
        factors.append(fl);
      }
      li.append(factors);
    } else li.append(el('p', { class: 'none' }, 'No factor scored it.'));
    list.append(li);
  }
  box.append(list);
  return box;
}

export class NewsFeed {
  readonly element = el('section', { class: 'news-box', 'aria-labelledby': 'news-heading' });
  private readonly rejectedBox = el('section', {
    class: 'rejected-box',
    'aria-labelledby': 'rejected-heading',
  });
  private readonly rejectedList = el('ul', { class: 'rejected' });
  private readonly messagesBox = el('section', {
    class: 'messages-box',
    'aria-labelledby': 'messages-heading',
  });
  private readonly messagesList = el('ul', { class: 'messages' });
  private readonly heading = el('h2', { id: 'news-heading' });
  private readonly body = el('div', { class: 'news' });
  /** Keys of the parts the student opened: "item:<key>", "why:<key>", "routine:<phase>". */
  private readonly open = new Set<string>();
  private shownTurn = -1;

  constructor() {
    this.rejectedBox.append(el('h2', { id: 'rejected-heading' }, 'Rejected orders'), this.rejectedList);
    this.messagesBox.append(el('h2', { id: 'messages-heading' }, 'Messages'), this.messagesList);
    this.element.append(this.messagesBox, this.rejectedBox, this.heading, this.body);
  }

  update(rejected: readonly RejectedLine[], model: NewsModel): void {
    if (model.turn !== this.shownTurn) {
      this.open.clear();
      this.shownTurn = model.turn;
    }
    this.rejectedBox.hidden = rejected.length === 0;
    this.rejectedList.replaceChildren(...rejected.map((r) => el('li', { title: r.code }, r.text)));
    this.messagesBox.hidden = model.messages.length === 0;
    this.messagesList.replaceChildren(...model.messages.map((m) => el('li', {}, m)));

    this.heading.textContent = model.heading;
    const parts: HTMLElement[] = [];
    if (model.emptyText !== '') parts.push(el('p', { class: 'none' }, model.emptyText));
    if (model.decisions.length > 0) {
      const box = el('section', { class: 'news-phase decisions', 'aria-label': 'Computer actors' });
      box.append(el('h3', {}, 'Computer actors'));
      const list = el('ul', { class: 'news-items' });
      for (const d of model.decisions) {
        const li = el('li', { class: 'news-item decided' });
        li.append(el('p', { class: 'news-text' }, d.summary), this.whyToggle(`actor:${d.actor}`, d, false));
        list.append(li);
      }
      box.append(list);
      parts.push(box);
    }
    for (const phase of model.phases) parts.push(this.phaseNode(phase));
    this.body.replaceChildren(...parts);
  }

  private phaseNode(phase: NewsPhase): HTMLElement {
    const headingId = uniqueId('news-phase');
    const box = el('section', { class: 'news-phase', 'aria-labelledby': headingId });
    box.append(el('h3', { id: headingId }, phase.title));
    const list = el('ul', { class: 'news-items' });
    const routineItems: HTMLElement[] = [];
    for (const item of phase.items) {
      const node = this.itemNode(item);
      if (item.routine && phase.folded) routineItems.push(node);
      list.append(node);
    }
    box.append(list);
    if (routineItems.length > 0) {
      const key = `routine:${phase.phase}`;
      const listId = uniqueId('routine');
      list.id = listId;
      const toggle = el('button', {
        type: 'button',
        class: 'routine-toggle',
        'aria-expanded': 'false',
        'aria-controls': listId,
        'data-focus': key,
      });
      const show = (open: boolean) => {
        for (const node of routineItems) node.hidden = !open;
        toggle.setAttribute('aria-expanded', String(open));
        toggle.textContent = open ? `Hide the ${phase.routineText}` : `Show all: ${phase.routineText}`;
      };
      toggle.addEventListener('click', () => {
        const open = !this.open.has(key);
        if (open) this.open.add(key);
        else this.open.delete(key);
        show(open);
      });
      show(this.open.has(key));
      box.append(toggle);
    }
    return box;
  }

  private itemNode(item: NewsItem): HTMLElement {
    const li = el('li', { class: `news-item kind-${item.kind.replace('.', '-')}` });
    const details = el('details', { class: 'news-details' });
    const key = `item:${item.key}`;
    details.open = this.open.has(key);
    details.addEventListener('toggle', () => {
      if (details.open) this.open.add(key);
      else this.open.delete(key);
    });
    const summary = el('summary', { 'data-focus': key });
    if (item.source !== '') summary.append(el('span', { class: 'news-source' }, `${item.source}: `));
    summary.append(el('span', { class: 'news-text' }, item.text));
    details.append(summary);

    const body = el('div', { class: 'news-explain' });
    body.append(el('p', {}, item.explain));
    if (item.place !== '') body.append(el('p', { class: 'news-place' }, `Where: ${item.place}`));
    if (item.rows.length > 0) {
      const table = el('table', { class: 'inputs' });
      table.append(el('caption', {}, 'Inputs and result'));
      const tbody = el('tbody');
      for (const row of item.rows) {
        const tr = el('tr');
        tr.append(el('th', { scope: 'row' }, row.label), el('td', {}, row.value));
        tbody.append(tr);
      }
      table.append(tbody);
      body.append(table);
    }
    details.append(body);
    li.append(details);
    // The claims show without opening the report: they are its point.
    if (item.claims.length > 0) {
      const claims = el('ul', {
        class: 'claims',
        'aria-label': `What ${item.source || 'the source'} claims beside the facts`,
      });
      for (const c of item.claims) claims.append(el('li', {}, c.text));
      li.append(claims);
    }
    if (item.decision) li.append(this.whyToggle(`why:${item.key}`, item.decision, true));
    return li;
  }

  /** "Why did <Actor> do that?": a button that opens the actor's decision record below it. */
  private whyToggle(key: string, decision: DecisionModel, withSummary: boolean): HTMLElement {
    const wrap = el('div', { class: 'why' });
    const bodyId = uniqueId('why');
    const button = el(
      'button',
      {
        type: 'button',
        class: 'why-toggle',
        'aria-expanded': 'false',
        'aria-controls': bodyId,
        'data-focus': key,
      },
      decision.question,
    );
    const body = decisionBody(decision, withSummary);
    body.id = bodyId;
    const show = (open: boolean) => {
      body.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
    };
    button.addEventListener('click', () => {
      const open = !this.open.has(key);
      if (open) this.open.add(key);
      else this.open.delete(key);
      show(open);
    });
    show(this.open.has(key));
    wrap.append(button, body);
    return wrap;
  }
}
