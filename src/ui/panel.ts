// The side panel beside the map: the turn and date, the "End turn" button (also the E or Enter
// key), what happened last turn in plain words, and the legend. Plain DOM; every text goes in
// through textContent, never as HTML. The panel shows what it is given and reports the button;
// it holds no game state of its own.
import { swatch, type Swatch } from './swatches.ts';

export interface PanelModel {
  title: string;
  /** E.g. "Seed 1 · you view Turkey". */
  subtitle: string;
  /** "Turn 3 of 16". */
  turnText: string;
  /** "2 Jan 2020". */
  dateText: string;
  over: boolean;
  /** Shown when the game is over. */
  outcomeText: string;
  /** Heading over the events, e.g. "Turn 2 (26 Dec 2019)". */
  eventsHeading: string;
  events: readonly string[];
}

export interface LegendItem {
  label: string;
  swatch: Swatch;
}

export interface LegendGroup {
  title: string;
  items: readonly LegendItem[];
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

export class Panel {
  private readonly title = el('h1', { class: 'panel-title' });
  private readonly subtitle = el('p', { class: 'panel-subtitle' });
  private readonly turn = el('p', { class: 'turn', id: 'turn' });
  private readonly date = el('p', { class: 'date', id: 'date' });
  private readonly button = el(
    'button',
    { type: 'button', class: 'end-turn', 'aria-keyshortcuts': 'E Enter' },
    'End turn',
  );
  private readonly outcome = el('p', { class: 'outcome', role: 'status' });
  private readonly eventsHeading = el('h2', { id: 'events-heading' });
  private readonly events = el('ol', { class: 'events', 'aria-labelledby': 'events-heading' });
  private readonly keyHandler: (e: KeyboardEvent) => void;

  constructor(
    readonly root: HTMLElement,
    legend: readonly LegendGroup[],
    onEndTurn: () => void,
  ) {
    root.replaceChildren();
    const header = el('header', { class: 'panel-header' });
    header.append(this.title, this.subtitle);

    const turnBox = el('section', { class: 'turn-box', 'aria-label': 'Turn' });
    const when = el('div', { class: 'when', 'aria-live': 'polite' });
    when.append(this.turn, this.date);
    const hint = el('p', { class: 'hint' }, 'Shortcut: E or Enter');
    turnBox.append(when, this.button, hint, this.outcome);

    const eventsBox = el('section', { class: 'events-box', 'aria-live': 'polite' });
    eventsBox.append(this.eventsHeading, this.events);

    const legendBox = el('section', { class: 'legend', 'aria-labelledby': 'legend-heading' });
    legendBox.append(el('h2', { id: 'legend-heading' }, 'Legend'));
    for (const group of legend) {
      legendBox.append(el('h3', {}, group.title));
      const list = el('ul');
      for (const item of group.items) {
        const li = el('li');
        li.append(swatch(item.swatch), el('span', {}, item.label));
        list.append(li);
      }
      legendBox.append(list);
    }

    root.append(header, turnBox, eventsBox, legendBox);

    this.button.addEventListener('click', () => {
      if (!this.button.disabled) onEndTurn();
    });
    this.keyHandler = (e: KeyboardEvent) => {
      if (e.repeat || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target instanceof Element ? e.target : null;
      if (e.key === 'e' || e.key === 'E') {
        // Typing in a text field is not a shortcut.
        if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      } else if (e.key === 'Enter') {
        // A focused control handles Enter itself (on the focused button it is already a click).
        if (target?.closest('button, a, input, textarea, select, summary, [contenteditable="true"]')) return;
      } else return;
      e.preventDefault();
      this.button.click();
    };
    document.addEventListener('keydown', this.keyHandler);
  }

  update(model: PanelModel): void {
    this.title.textContent = model.title;
    this.subtitle.textContent = model.subtitle;
    this.turn.textContent = model.turnText;
    this.date.textContent = model.dateText;
    this.button.disabled = model.over;
    this.outcome.textContent = model.outcomeText;
    this.outcome.hidden = model.outcomeText === '';
    this.eventsHeading.textContent = model.eventsHeading;
    const items = model.events.map((text) => el('li', {}, text));
    if (items.length === 0) items.push(el('li', { class: 'none' }, 'Nothing to report.'));
    this.events.replaceChildren(...items);
  }

  destroy(): void {
    document.removeEventListener('keydown', this.keyHandler);
  }
}

/** Replaces the panel with an error: a title and one line per problem (as text). */
export function showError(root: HTMLElement, title: string, lines: readonly string[]): void {
  const box = el('section', { class: 'error', role: 'alert' });
  box.append(el('h1', {}, title));
  const list = el('ul');
  for (const line of lines) list.append(el('li', {}, line));
  box.append(list);
  root.replaceChildren(box);
}
