// The play panel beside the map: the student's orders (subjects, their legal orders, the pending
// list), the "End turn" button (also the E key, and Enter when the focus is on no control), the
// orders the last turn rejected, the news feed with its explanations, and the legend (collapsible,
// at the bottom). Plain DOM; every text goes in through textContent, never as HTML. The panel
// reads everything from its PlayControls on each refresh() and reports presses back through them:
// it never changes the game, and the only things it keeps are what is on screen (the subject the
// student picked, the last message, which explanations are open).
import { el } from './dom.ts';
import { NewsFeed } from './news.ts';
import { OrdersSection } from './orders.ts';
import {
  groupSubjects,
  newsModel,
  noOrdersText,
  orderChoices,
  pendingLines,
  rejectedOrders,
  selectionKey,
  selectionNote,
  subjectForSelection,
  subjectsOf,
  type MapSelection,
  type OrderChoice,
  type Subject,
} from './play-model.ts';
import { swatch, type Swatch } from './swatches.ts';
import type { DecisionRecord, GameEvent, GameState, Order } from '../engine/index.ts';

export interface LegendItem {
  label: string;
  swatch: Swatch;
}

export interface LegendGroup {
  title: string;
  items: readonly LegendItem[];
}

/** What the panel reads from the game and reports back to it (the app wires it to the session). */
export interface PlayControls {
  /** The student actor whose orders are being given now ('' when none: watching). */
  actor(): string;
  /** What that actor sees (viewFor), or the full state when actor is ''. */
  view(): GameState;
  /** The actor's legal orders now (engine legalOrders on the view). */
  legal(): readonly Order[];
  /** What an order will do, in words (engine describeOrder on the view). */
  describe(order: Order): string;
  pending(): readonly Order[];
  add(order: Order): { ok: true } | { ok: false; message: string };
  remove(index: number): void;
  /** "End turn" (or the hand-over to the next student in hot-seat: see endTurnLabel()). */
  endTurn(): void;
  /** The End turn button's text, e.g. "End turn". */
  endTurnLabel(): string;
  /** True while a turn is resolving: End turn is disabled. */
  busy(): boolean;
  /** What is selected on the map (shared with it). */
  selection(): MapSelection | null;
  select(sel: MapSelection | null): void;
  /** The last resolved turn's events the actor may see (with its order.rejected events). */
  lastEvents(): readonly GameEvent[];
  /** The computer actors' decision records of that turn. */
  lastDecisions(): readonly DecisionRecord[];
  computerActors(): readonly string[];
}

/** Keys typed into these are text, not shortcuts. */
const TEXT_FIELDS = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
/** Enter on these is theirs (on a button it is already a click). */
const CONTROLS = `button, a, summary, ${TEXT_FIELDS}`;

export class Panel {
  private readonly orders: OrdersSection;
  private readonly news = new NewsFeed();
  private readonly turnBox = el('section', { class: 'turn-box', 'aria-label': 'End of turn' });
  private readonly button = el('button', {
    type: 'button',
    class: 'end-turn',
    'aria-keyshortcuts': 'E Enter',
    'data-focus': 'end-turn',
  });
  private readonly busyLine = el('p', { class: 'busy', role: 'status' });
  private readonly keyHandler: (e: KeyboardEvent) => void;

  /** The subject on screen (its key), picked in the list or on the map. */
  private chosen: string | null = null;
  /** The map's selection as last seen, so a new click on the map wins over the list. */
  private lastSelection = '';
  private note = '';
  /** The subject whose orders are on screen ('' for none). */
  private shownSubject = '';
  private shownTurn = 0;
  /** The choices shown now: what keys 1-9 give. */
  private choices: readonly OrderChoice[] = [];
  /** The news as last drawn (it is redrawn only when the turn's events change). */
  private newsKey = '';

  constructor(
    readonly root: HTMLElement,
    legend: readonly LegendGroup[],
    private readonly controls: PlayControls,
  ) {
    this.orders = new OrdersSection({
      choose: (subject) => this.choose(subject),
      issue: (choice) => this.issue(choice.order),
      remove: (index) => this.removeOrder(index),
    });
    root.replaceChildren();
    this.turnBox.append(
      this.orders.pendingElement,
      this.button,
      el('p', { class: 'hint' }, 'Shortcut: E, or Enter when no control has the focus.'),
      this.busyLine,
    );
    root.append(this.orders.element, this.turnBox, this.news.element, legendSection(legend));

    this.button.addEventListener('click', () => {
      if (!this.button.disabled) this.controls.endTurn();
    });
    this.keyHandler = (e: KeyboardEvent) => this.onKey(e);
    document.addEventListener('keydown', this.keyHandler);
    this.refresh();
  }

  /** Re-reads everything from the controls and redraws (called after every change). */
  refresh(): void {
    const c = this.controls;
    const focusKey = this.focusedKey();
    const actor = c.actor();
    const view = c.view();
    const subjects = subjectsOf(view, actor, c.legal());

    // A new selection on the map picks its subject (or says why it has none); otherwise the
    // subject picked last stays.
    const sel = c.selection();
    const selKey = selectionKey(sel);
    if (selKey !== this.lastSelection) {
      this.lastSelection = selKey;
      if (sel) {
        const subject = subjectForSelection(view, subjects, sel);
        this.chosen = subject?.key ?? null;
        this.note = subject ? '' : selectionNote(view, actor, sel);
      }
    }
    const selected: Subject | null = subjects.find((s) => s.key === this.chosen) ?? null;
    // A message belongs to the subject and the turn it was about.
    const shownKey = selected?.key ?? '';
    if (shownKey !== this.shownSubject) {
      this.shownSubject = shownKey;
      this.orders.alert.textContent = '';
    }
    if (view.turn !== this.shownTurn) {
      this.shownTurn = view.turn;
      this.orders.alert.textContent = '';
      this.orders.status.textContent = '';
    }
    const pending = c.pending();
    const describe = (order: Order) => c.describe(order);
    this.choices = selected ? orderChoices(selected, describe, pending) : [];

    const name = actor === '' ? '' : (view.actors[actor]?.name ?? actor);
    this.orders.update({
      heading: name === '' ? 'Orders' : `Orders for ${name}`,
      emptyText:
        actor === ''
          ? 'You are watching: no student gives orders.'
          : view.over
            ? 'The game is over: no more orders.'
            : subjects.length === 0
              ? 'Nothing of yours can take orders.'
              : selected === null && this.note === ''
                ? 'Select a unit, post, crossing, air and drones or diplomacy (here or on the map) to see its orders.'
                : '',
      groups: view.over ? [] : groupSubjects(subjects),
      selected: view.over ? null : selected,
      note: this.note,
      choices: this.choices,
      noOrdersText: selected ? noOrdersText(selected) : '',
      pending: pendingLines(pending, describe),
    });

    this.button.textContent = c.endTurnLabel();
    const busy = c.busy();
    this.button.disabled = busy || view.over;
    this.busyLine.textContent = busy ? 'The turn is being resolved…' : '';
    this.busyLine.hidden = !busy;

    const events = c.lastEvents();
    const decisions = c.lastDecisions();
    const key = `${actor}|${events[0]?.turn ?? 0}|${events.length}|${decisions.length}|${view.turn}`;
    if (key !== this.newsKey) {
      this.newsKey = key;
      this.news.update(
        rejectedOrders(view, events, actor),
        newsModel(view, events, decisions, c.computerActors()),
      );
    }
    this.restoreFocus(focusKey);
  }

  destroy(): void {
    document.removeEventListener('keydown', this.keyHandler);
  }

  private choose(subject: Subject): void {
    this.chosen = subject.key;
    this.note = '';
    // The map shows what the list picked; air, patrols and diplomacy have nothing on the map.
    this.lastSelection = selectionKey(subject.selection);
    this.controls.select(subject.selection);
    this.refresh();
  }

  private issue(order: Order): void {
    const text = this.controls.describe(order);
    const result = this.controls.add(order);
    if (result.ok) {
      this.orders.alert.textContent = '';
      this.orders.status.textContent = `Order added: ${text}`;
    } else {
      this.orders.status.textContent = '';
      this.orders.alert.textContent = `Order not added: ${result.message}`;
    }
    this.refresh();
  }

  private removeOrder(index: number): void {
    const order = this.controls.pending()[index];
    const text = order ? this.controls.describe(order) : '';
    this.controls.remove(index);
    this.orders.alert.textContent = '';
    this.orders.status.textContent = text === '' ? '' : `Order removed: ${text}`;
    this.refresh();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.repeat || e.ctrlKey || e.metaKey || e.altKey) return;
    if (!this.root.isConnected || this.root.closest('[hidden]')) return;
    const target = e.target instanceof Element ? e.target : null;
    if (target?.closest(TEXT_FIELDS)) return;
    if (e.key >= '1' && e.key <= '9' && e.key.length === 1) {
      const choice = this.choices[Number(e.key) - 1];
      if (!choice) return;
      e.preventDefault();
      this.issue(choice.order);
      return;
    }
    if (e.key === 'Enter') {
      // A focused control handles Enter itself (on the focused button it is already a click).
      if (target?.closest(CONTROLS)) return;
    } else if (e.key !== 'e' && e.key !== 'E') return;
    e.preventDefault();
    this.button.click();
  }

  /** The `data-focus` key of the panel element that has the focus ('' when none). */
  private focusedKey(): string {
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || !this.root.contains(active)) return '';
    return active.closest<HTMLElement>('[data-focus]')?.dataset.focus ?? '';
  }

  /** Gives the focus back to the element with `key` after a redraw (or to its fallback). */
  private restoreFocus(key: string): void {
    if (key === '') return;
    const active = document.activeElement;
    if (active instanceof HTMLElement && this.root.contains(active) && active.dataset.focus === key) return;
    const same = [...this.root.querySelectorAll<HTMLElement>('[data-focus]')].find(
      (n) => n.dataset.focus === key,
    );
    const target = same && !same.closest('[hidden]') ? same : this.orders.fallbackFocus(key);
    target?.focus();
  }
}

/** The legend at the bottom of the panel, folded by a button in its heading. */
function legendSection(legend: readonly LegendGroup[]): HTMLElement {
  const box = el('section', { class: 'legend', 'aria-labelledby': 'legend-heading' });
  const heading = el('h2', { id: 'legend-heading' });
  const toggle = el('button', {
    type: 'button',
    class: 'legend-toggle',
    'aria-expanded': 'false',
    'aria-controls': 'legend-body',
    'data-focus': 'legend',
  });
  toggle.append(el('span', { class: 'toggle-mark', 'aria-hidden': 'true' }), 'Legend');
  heading.append(toggle);
  const body = el('div', { id: 'legend-body', hidden: true });
  for (const group of legend) {
    body.append(el('h3', {}, group.title));
    const list = el('ul');
    for (const item of group.items) {
      const li = el('li');
      li.append(swatch(item.swatch), el('span', {}, item.label));
      list.append(li);
    }
    body.append(list);
  }
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    body.hidden = !open;
  });
  box.append(heading, body);
  return box;
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
