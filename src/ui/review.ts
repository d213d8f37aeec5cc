// The after-action review screen: the outcome per actor and why, charts of the meters over the
// turns, the event timeline (beside history when the scenario gives it), and each source's claims
// set against the facts, with "Download replay", "View the replay" and "Back to the menu". It draws
// the `ReviewModel` (review-model.ts, where the game data is worked out) into the root it is given,
// and reports the buttons through the hooks; it never changes game state. Every text goes in
// through textContent or attributes, never as HTML.
import { chartFigure } from './charts.ts';
import type { ActorOutcome, ReviewModel, SourceClaims, TimelineRow } from './review-model.ts';
import './review.css';
import { el } from './dom.ts';

export interface ReviewHooks {
  onDownloadReplay(): void;
  /** Open the replay viewer on this game. */
  onViewReplay(): void;
  onMenu(): void;
}

function button(label: string, cls: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', { type: 'button', class: cls }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** A section with an h2 that labels it. */
function section(id: string, heading: string): HTMLElement {
  const s = el('section', {
    class: `review-section review-${id}`,
    'aria-labelledby': `review-${id}-heading`,
  });
  s.append(el('h2', { id: `review-${id}-heading` }, heading));
  return s;
}

/** A small square of the actor's colour (the name beside it stays dark, readable on white). */
function colourMark(colour: string): HTMLElement {
  const mark = el('span', { class: 'actor-mark', 'aria-hidden': 'true' });
  mark.style.backgroundColor = colour;
  return mark;
}

function actorCard(a: ActorOutcome, index: number): HTMLElement {
  const headingId = `review-actor-${index}`;
  const card = el('article', {
    class: `actor-outcome band-${a.band ?? 'none'}${a.student ? ' student' : ''}`,
    'aria-labelledby': headingId,
  });
  card.style.setProperty('--actor-colour', a.colour);
  const h = el('h3', { id: headingId });
  h.append(colourMark(a.colour), el('span', { class: 'actor-name' }, a.name));
  if (a.student) h.append(el('span', { class: 'you' }, ' (you)'));
  const band = el('p', { class: 'band' });
  band.append(el('strong', {}, a.bandText), document.createTextNode(` · ${a.score} points`));
  card.append(h, band, el('p', { class: 'why' }, a.why));

  if (a.objectives.length > 0) {
    const table = el('table', { class: 'objectives' });
    table.append(el('caption', {}, `Objectives of ${a.name}`));
    const head = el('tr');
    for (const col of ['Objective', 'Scored', 'Points', 'Result'])
      head.append(el('th', { scope: 'col' }, col));
    table.append(el('thead'));
    table.tHead!.append(head);
    const body = el('tbody');
    for (const o of a.objectives) {
      const row = el('tr', { class: `objective-${o.status}` });
      row.append(
        el('th', { scope: 'row' }, o.text),
        el('td', {}, o.when === 'end' ? 'if it holds at the end' : 'the turn it first holds'),
        el('td', { class: 'num' }, o.points >= 0 ? `+${o.points}` : String(o.points)),
      );
      const result = el('td');
      const mark = o.status === 'met' ? '✓ ' : o.status === 'open' ? '… ' : '✗ ';
      result.append(el('span', { 'aria-hidden': 'true' }, mark), document.createTextNode(o.statusText));
      row.append(result);
      body.append(row);
    }
    table.append(body);
    card.append(table);
  } else {
    card.append(el('p', { class: 'why' }, 'No objectives.'));
  }
  return card;
}

function outcomeSection(model: ReviewModel): HTMLElement {
  const s = section('outcome', 'Outcome');
  s.append(el('p', { class: 'reason' }, model.outcome.reasonText));
  if (model.outcome.summary !== '') s.append(el('p', { class: 'summary' }, `${model.outcome.summary}.`));
  s.append(el('p', { class: 'bands' }, model.outcome.bandsText));
  const cards = el('div', { class: 'actor-outcomes' });
  model.actors.forEach((a, i) => cards.append(actorCard(a, i)));
  s.append(cards);
  return s;
}

function chartsSection(model: ReviewModel): HTMLElement {
  const s = section('charts', 'How the meters moved');
  s.append(
    el(
      'p',
      { class: 'hint' },
      'One point per turn. Lines differ by colour and by dash; each chart has its numbers in a table below it.',
    ),
  );
  const grid = el('div', { class: 'chart-grid' });
  for (const c of model.charts) {
    const figure = chartFigure(c.spec, c.caption);
    figure.id = `chart-${c.id}`;
    grid.append(figure);
  }
  s.append(grid);
  return s;
}

function timelineSection(model: ReviewModel): HTMLElement {
  const s = section('timeline', model.hasHistory ? 'Timeline: this game beside history' : 'Timeline');
  if (model.timeline.length === 0) {
    s.append(el('p', {}, 'Nothing notable happened.'));
    return s;
  }
  if (model.historySummary !== '') s.append(el('p', { class: 'history-summary' }, model.historySummary));
  const table = el('table', { class: `timeline${model.hasHistory ? ' with-history' : ''}` });
  table.append(el('caption', {}, 'Notable events turn by turn'));
  const head = el('tr');
  head.append(el('th', { scope: 'col' }, 'Turn and date'), el('th', { scope: 'col' }, 'In this game'));
  if (model.hasHistory) head.append(el('th', { scope: 'col' }, 'In history'));
  table.append(el('thead'));
  table.tHead!.append(head);
  const body = el('tbody');
  for (const r of model.timeline) body.append(timelineRow(r, model.hasHistory));
  table.append(body);
  s.append(table);
  if (model.undatedHistory.length > 0) {
    s.append(el('h3', {}, 'History without a readable date'));
    const list = el('ul');
    for (const h of model.undatedHistory)
      list.append(el('li', {}, `${h.date}: ${h.what}${h.source ? ` (source: ${h.source})` : ''}`));
    s.append(list);
  }
  return s;
}

function timelineRow(r: TimelineRow, withHistory: boolean): HTMLTableRowElement {
  const row = el('tr');
  row.append(el('th', { scope: 'row' }, r.label));
  const game = el('td', { class: 'tl-game' });
  if (r.game.length > 0) {
    const list = el('ul');
    for (const item of r.game) {
      const li = el('li', { class: `tl-${item.kind.replace('.', '-')}` });
      li.append(
        el('span', { class: 'tl-category' }, `${item.category}: `),
        document.createTextNode(item.text),
      );
      list.append(li);
    }
    game.append(list);
  }
  row.append(game);
  if (withHistory) {
    const history = el('td', { class: 'tl-history' });
    if (r.history.length > 0) {
      const list = el('ul');
      for (const h of r.history) {
        const li = el('li');
        li.append(el('span', { class: 'tl-date' }, `${h.dateText}: `), document.createTextNode(h.what));
        if (h.source !== '') {
          const source = el('span', { class: 'tl-source' }, ' (source: ');
          source.append(
            h.url === ''
              ? document.createTextNode(h.source)
              : el('a', { href: h.url, target: '_blank', rel: 'noopener noreferrer' }, h.source),
            document.createTextNode(')'),
          );
          li.append(source);
        }
        if (h.inGame !== '') li.append(el('div', { class: 'tl-in-game' }, h.inGame));
        list.append(li);
      }
      history.append(list);
    }
    row.append(history);
  }
  return row;
}

function actorList(items: readonly { name: string; value: number }[]): HTMLElement {
  const list = el('ul', { class: 'claim-actors' });
  for (const i of items) list.append(el('li', {}, `${i.name}: ${i.value}`));
  return list;
}

function sourceBlock(source: SourceClaims, index: number): HTMLElement {
  const headingId = `review-source-${index}`;
  const block = el('article', { class: 'source-claims', 'aria-labelledby': headingId });
  block.append(
    el('h3', { id: headingId }, source.name),
    el('p', { class: 'source-summary' }, source.summary.text),
  );
  if (source.summary.perActor.length > 0) {
    const list = el('ul', { class: 'source-per-actor' });
    for (const a of source.summary.perActor) {
      const diff = a.claimed - a.truth;
      const words = diff === 0 ? 'exact' : diff > 0 ? `${diff} more` : `${-diff} fewer`;
      list.append(el('li', {}, `${a.name}: claimed ${a.claimed} killed, true ${a.truth} (${words})`));
    }
    block.append(list);
  }
  if (source.rows.length === 0) {
    block.append(el('p', {}, 'It published no report in this game.'));
    return block;
  }
  const details = el('details', { class: 'claims-details' });
  details.append(el('summary', {}, `Its ${source.rows.length} report${source.rows.length === 1 ? '' : 's'}`));
  const table = el('table', { class: 'claims' });
  table.append(el('caption', {}, `Reports of ${source.name}: killed as claimed and as it happened`));
  const head = el('tr');
  for (const col of ['Published', 'About', 'Claimed killed', 'True killed', 'Delay'])
    head.append(el('th', { scope: 'col' }, col));
  table.append(el('thead'));
  table.tHead!.append(head);
  const body = el('tbody');
  for (const r of source.rows) {
    const row = el('tr');
    const off = r.actors.some((a) => a.claimed !== a.truth);
    if (off) row.className = 'claim-off';
    row.append(el('th', { scope: 'row' }, r.publishedText), el('td', {}, r.about));
    const claimed = el('td');
    claimed.append(actorList(r.actors.map((a) => ({ name: a.name, value: a.claimed }))));
    const truth = el('td');
    truth.append(actorList(r.actors.map((a) => ({ name: a.name, value: a.truth }))));
    row.append(
      claimed,
      truth,
      el('td', { class: 'num' }, r.delay === 0 ? 'none' : `${r.delay} turn${r.delay === 1 ? '' : 's'}`),
    );
    body.append(row);
  }
  table.append(body);
  details.append(table);
  block.append(details);
  return block;
}

function claimsSection(model: ReviewModel): HTMLElement {
  const s = section('claims', 'Claims beside facts');
  s.append(
    el(
      'p',
      { class: 'hint' },
      'Each source reported the clashes through its own bias: it may leave a clash out, inflate or play down the losses, or publish late. Here is what each claimed, beside what happened.',
    ),
  );
  if (model.sources.length === 0) s.append(el('p', {}, 'This scenario has no reporting sources.'));
  model.sources.forEach((source, i) => s.append(sourceBlock(source, i)));
  return s;
}

/** Draws the review into `root` (replacing what was there) and wires its buttons to `hooks`. */
export function showReview(root: HTMLElement, model: ReviewModel, hooks: ReviewHooks): void {
  const page = el('div', { class: 'review' });
  const header = el('header', { class: 'review-header' });
  header.append(
    el('h1', { id: 'review-title' }, `After-action review: ${model.title}`),
    el('p', { class: 'review-subtitle' }, model.subtitle),
  );
  const actions = el('nav', { class: 'review-actions', 'aria-label': 'Review actions' });
  actions.append(
    button('Download replay', 'review-download', () => hooks.onDownloadReplay()),
    button('View the replay', 'review-view-replay', () => hooks.onViewReplay()),
    button('Back to the menu', 'review-menu', () => hooks.onMenu()),
  );
  header.append(actions);

  const main = el('div', { class: 'review-body' });
  main.append(outcomeSection(model), chartsSection(model), timelineSection(model), claimsSection(model));
  page.append(header, main);
  root.replaceChildren(page);
  // Bring the reader to the top of the new screen, with focus on its heading.
  const title = page.querySelector('h1');
  if (title) {
    title.setAttribute('tabindex', '-1');
    title.focus();
  }
}
