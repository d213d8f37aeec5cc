// The replay viewer's controls, in the side panel beside the map: "Start", "Back", "Forward" and
// "End" buttons, a range slider labelled "Turn", the turn and date ("Turn 4 of 56 · 7 Dec 2019";
// turn 0 is "Start"), the ←/→ and Home/End keys (when focus is not in a text field) and "Close
// replay". It holds only which turn it shows: a step calls `onTurn(n)`, and the lead's `setTurn`
// moves the controls when the turn changes from elsewhere. Text goes in through textContent.
import { replayTurnText } from './review-model.ts';
import './review.css';
import { el } from './dom.ts';

export interface ReplayControlsHooks {
  /** The last turn of the replay (turns run 0 … turns). */
  turns: number;
  /** 0 = start */
  current: number;
  /** The date shown for a turn ("7 Dec 2019"); '' for none. */
  dateOf(turn: number): string;
  onTurn(turn: number): void;
  onClose(): void;
}

let serial = 0;

export class ReplayControls {
  private turn: number;
  private readonly turns: number;
  private readonly box: HTMLElement;
  private readonly text: HTMLElement;
  private readonly slider: HTMLInputElement;
  private readonly start: HTMLButtonElement;
  private readonly back: HTMLButtonElement;
  private readonly forward: HTMLButtonElement;
  private readonly end: HTMLButtonElement;
  private readonly keyHandler: (e: KeyboardEvent) => void;

  constructor(
    readonly root: HTMLElement,
    private readonly hooks: ReplayControlsHooks,
  ) {
    serial += 1;
    const headingId = `replay-heading-${serial}`;
    const sliderId = `replay-turn-${serial}`;
    this.turns = Math.max(0, Math.floor(hooks.turns));
    this.turn = this.clamp(hooks.current);

    this.box = el('section', { class: 'replay-controls', 'aria-labelledby': headingId });
    this.text = el('p', { class: 'replay-when', 'aria-live': 'polite' });
    const label = el('label', { for: sliderId, class: 'replay-label' }, 'Turn');
    this.slider = el('input', {
      type: 'range',
      id: sliderId,
      min: '0',
      max: String(this.turns),
      step: '1',
      class: 'replay-slider',
    });
    this.start = this.button('Start', 'Go to the start', () => this.go(0));
    this.back = this.button('Back', 'One turn back', () => this.go(this.turn - 1));
    this.forward = this.button('Forward', 'One turn forward', () => this.go(this.turn + 1));
    this.end = this.button('End', 'Go to the last turn', () => this.go(this.turns));
    this.start.setAttribute('aria-keyshortcuts', 'Home');
    this.back.setAttribute('aria-keyshortcuts', 'ArrowLeft');
    this.forward.setAttribute('aria-keyshortcuts', 'ArrowRight');
    this.end.setAttribute('aria-keyshortcuts', 'End');
    const buttons = el('div', {
      class: 'replay-buttons',
      role: 'group',
      'aria-label': 'Step through the turns',
    });
    buttons.append(this.start, this.back, this.forward, this.end);
    const close = el('button', { type: 'button', class: 'replay-close' }, 'Close replay');
    close.addEventListener('click', () => this.hooks.onClose());

    const sliderRow = el('div', { class: 'replay-slider-row' });
    sliderRow.append(label, this.slider);
    this.box.append(
      el('h2', { id: headingId }, 'Replay'),
      this.text,
      sliderRow,
      buttons,
      el('p', { class: 'hint' }, 'Keys: ← and → step one turn, Home and End jump.'),
      close,
    );
    root.replaceChildren(this.box);

    this.slider.addEventListener('input', () => this.go(Number(this.slider.value)));
    this.keyHandler = (e: KeyboardEvent) => this.onKey(e);
    document.addEventListener('keydown', this.keyHandler);
    this.render();
  }

  /** Shows `turn` (clamped to 0 … turns) without calling `onTurn`. */
  setTurn(turn: number): void {
    this.turn = this.clamp(turn);
    this.render();
  }

  /** Removes the controls and the key listener. */
  destroy(): void {
    document.removeEventListener('keydown', this.keyHandler);
    this.box.remove();
  }

  private clamp(turn: number): number {
    const t = Number.isFinite(turn) ? Math.round(turn) : 0;
    return Math.min(this.turns, Math.max(0, t));
  }

  private button(label: string, description: string, onClick: () => void): HTMLButtonElement {
    const b = el('button', { type: 'button', class: 'replay-step', title: description }, label);
    b.addEventListener('click', () => {
      // aria-disabled keeps the button focusable at either end; a click there does nothing.
      if (b.getAttribute('aria-disabled') !== 'true') onClick();
    });
    return b;
  }

  private go(turn: number): void {
    const t = this.clamp(turn);
    if (t === this.turn) {
      this.render();
      return;
    }
    this.turn = t;
    this.render();
    this.hooks.onTurn(t);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey || !this.box.isConnected) return;
    const target = e.target instanceof Element ? e.target : null;
    // Text fields keep their keys; the slider moves itself with the arrows (and reports `input`).
    if (target?.closest('input, textarea, select, [contenteditable="true"], [contenteditable=""]')) return;
    let next: number;
    switch (e.key) {
      case 'ArrowLeft':
        next = this.turn - 1;
        break;
      case 'ArrowRight':
        next = this.turn + 1;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = this.turns;
        break;
      default:
        return;
    }
    e.preventDefault();
    this.go(next);
  }

  private render(): void {
    const date = this.hooks.dateOf(this.turn);
    const words = replayTurnText(this.turn, this.turns, date);
    this.text.textContent = words;
    this.slider.value = String(this.turn);
    this.slider.setAttribute('aria-valuetext', words);
    const atStart = this.turn <= 0;
    const atEnd = this.turn >= this.turns;
    this.start.setAttribute('aria-disabled', String(atStart));
    this.back.setAttribute('aria-disabled', String(atStart));
    this.forward.setAttribute('aria-disabled', String(atEnd));
    this.end.setAttribute('aria-disabled', String(atEnd));
  }
}
