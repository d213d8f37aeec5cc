// The orders part of the play panel: the student's subjects in their groups (units, posts, the
// crossings convoys leave from, air and drones, joint patrols, diplomacy), the legal orders of
// the subject selected (numbered buttons, each with what it will do), a line for a refused order
// (role="alert") and one for what was added (polite), and this turn's pending orders, each with
// a Remove button. It draws what play-model.ts worked out and reports presses to its handlers;
// it holds no game state. Every interactive element carries `data-focus`, a key that stays the
// same from one drawing to the next, so the panel can give the focus back after a redraw.
import { el } from './dom.ts';
import type { OrderChoice, PendingLine, Subject } from './play-model.ts';

export interface OrdersModel {
  /** "Orders for Turkey" or, when watching, "Orders". */
  heading: string;
  /** Shown instead of the subjects when there are none (watching, game over). */
  emptyText: string;
  groups: readonly { title: string; subjects: readonly Subject[] }[];
  selected: Subject | null;
  /** A word on a map selection that is not one of the student's subjects ('' for none). */
  note: string;
  choices: readonly OrderChoice[];
  /** Shown when the selected subject has no legal order. */
  noOrdersText: string;
  pending: readonly PendingLine[];
}

export interface OrdersHandlers {
  choose(subject: Subject): void;
  issue(choice: OrderChoice): void;
  remove(index: number): void;
}

export class OrdersSection {
  readonly element = el('section', { class: 'orders-box', 'aria-labelledby': 'orders-heading' });
  private readonly heading = el('h2', { id: 'orders-heading' });
  private readonly empty = el('p', { class: 'none' });
  private readonly subjects = el('div', { class: 'subjects' });
  private readonly selected = el('section', {
    class: 'subject-orders',
    'aria-labelledby': 'subject-orders-heading',
  });
  private readonly selectedHeading = el('h3', { id: 'subject-orders-heading', tabindex: '-1' });
  private readonly selectedDetail = el('p', { class: 'subject-detail' });
  private readonly note = el('p', { class: 'selection-note' });
  private readonly choices = el('ol', {
    class: 'order-choices',
    'aria-labelledby': 'subject-orders-heading',
  });
  private readonly noOrders = el('p', { class: 'none' });
  private readonly keyHint = el(
    'p',
    { class: 'hint' },
    'Press 1 to 9 to give a numbered order, or Enter on a focused one.',
  );
  /** A refused order's reason. */
  readonly alert = el('p', { class: 'order-error', role: 'alert' });
  /** What was just added or removed, for screen readers (and sighted players). */
  readonly status = el('p', { class: 'order-status', role: 'status' });
  private readonly pendingBox = el('section', { class: 'pending-box', 'aria-labelledby': 'pending-heading' });
  private readonly pendingHeading = el('h2', { id: 'pending-heading', tabindex: '-1' });
  private readonly pendingList = el('ol', { class: 'pending', 'aria-labelledby': 'pending-heading' });
  private readonly pendingNone = el('p', { class: 'none' }, 'No orders yet this turn.');

  constructor(private readonly handlers: OrdersHandlers) {
    this.selected.append(
      this.selectedHeading,
      this.selectedDetail,
      this.choices,
      this.noOrders,
      this.keyHint,
    );
    this.element.append(
      this.heading,
      this.empty,
      this.subjects,
      this.note,
      this.selected,
      this.alert,
      this.status,
    );
    this.pendingBox.append(this.pendingHeading, this.pendingList, this.pendingNone);
  }

  /** The pending orders' box (the panel places it next to End turn). */
  get pendingElement(): HTMLElement {
    return this.pendingBox;
  }

  update(model: OrdersModel): void {
    this.heading.textContent = model.heading;
    this.empty.textContent = model.emptyText;
    this.empty.hidden = model.emptyText === '';

    const groups = model.groups.map((group) => {
      const box = el('div', { class: 'subject-group', role: 'group', 'aria-label': group.title });
      box.append(el('h3', {}, group.title));
      const list = el('ul', { class: 'subject-list' });
      for (const subject of group.subjects) {
        const isSelected = model.selected?.key === subject.key;
        const button = el(
          'button',
          {
            type: 'button',
            class: `subject subject-${subject.kind}${subject.orders.length === 0 ? ' subject-idle' : ''}`,
            'aria-pressed': isSelected ? 'true' : 'false',
            title: subject.detail,
            'data-focus': `subject:${subject.key}`,
          },
          subject.label,
        );
        button.addEventListener('click', () => this.handlers.choose(subject));
        const li = el('li');
        li.append(button);
        list.append(li);
      }
      box.append(list);
      return box;
    });
    this.subjects.replaceChildren(...groups);
    this.subjects.hidden = groups.length === 0;

    this.note.textContent = model.note;
    this.note.hidden = model.note === '';

    const subject = model.selected;
    this.selected.hidden = subject === null;
    if (subject) {
      this.selectedHeading.textContent = `${subject.label}: orders`;
      this.selectedDetail.textContent = subject.detail;
      this.choices.replaceChildren(
        ...model.choices.map((choice) => {
          const li = el('li', { class: choice.pending ? 'pending-choice' : undefined });
          const attrs: Record<string, string> = {
            type: 'button',
            class: 'order-choice',
            'data-focus': `choice:${subject.key}:${choice.number}`,
          };
          if (choice.shortcut !== '') attrs['aria-keyshortcuts'] = choice.shortcut;
          const button = el('button', attrs);
          button.append(
            el('span', { class: 'choice-number' }, `${choice.number}.`),
            ' ',
            el('span', { class: 'choice-text' }, choice.text),
          );
          if (choice.pending) button.append(' ', el('span', { class: 'choice-pending' }, '(pending)'));
          button.addEventListener('click', () => this.handlers.issue(choice));
          li.append(button);
          return li;
        }),
      );
      this.choices.hidden = model.choices.length === 0;
      this.noOrders.textContent = model.noOrdersText;
      this.noOrders.hidden = model.choices.length > 0;
      this.keyHint.hidden = model.choices.length === 0;
    }

    this.pendingHeading.textContent = `Pending orders (${model.pending.length})`;
    this.pendingList.replaceChildren(
      ...model.pending.map((line) => {
        const li = el('li');
        const remove = el(
          'button',
          {
            type: 'button',
            class: 'remove',
            'aria-label': line.removeLabel,
            'data-focus': `remove:${line.index}`,
          },
          'Remove',
        );
        remove.addEventListener('click', () => this.handlers.remove(line.index));
        li.append(el('span', { class: 'pending-text' }, line.text), remove);
        return li;
      }),
    );
    this.pendingList.hidden = model.pending.length === 0;
    this.pendingNone.hidden = model.pending.length > 0;
  }

  /** Where the focus goes when the element that had it is gone after a redraw. */
  fallbackFocus(key: string): HTMLElement | null {
    if (key.startsWith('remove:')) {
      // The next order's Remove button (it took the removed one's number), else the one before, else the heading.
      const index = Number(key.slice('remove:'.length));
      return (
        this.pendingList.querySelector<HTMLElement>(`[data-focus="remove:${index - 1}"]`) ??
        this.pendingHeading
      );
    }
    if (key.startsWith('choice:')) return this.selected.hidden ? this.heading : this.selectedHeading;
    return null;
  }
}
