// The hot-seat hand-over: when several students share one computer, this full-page screen covers
// the previous player's view until the next one is at the keyboard and presses Ready (focused, so
// Enter or Space will do). It shows nothing of the game but whose turn it is.
import { button, el, focusSoon, showScreen } from './dom.ts';
import './screens.css';

export interface HandoverHooks {
  /** The actor whose player is next, e.g. "Turkey". */
  actorName: string;
  /** E.g. "Turn 4 of 56, 7 Dec 2019". */
  turnText: string;
  onReady(): void;
}

/** The words of the hand-over screen (pure). */
export function handoverText(actorName: string, turnText: string): { heading: string; lines: string[] } {
  return {
    heading: `Pass the computer to ${actorName}`,
    lines: [
      turnText.endsWith('.') || turnText === '' ? turnText : `${turnText}.`,
      `Press Ready when only ${actorName}'s player can see the screen.`,
    ].filter((line) => line !== ''),
  };
}

export function showHandover(root: HTMLElement, hooks: HandoverHooks): void {
  const words = handoverText(hooks.actorName, hooks.turnText);
  const screen = el('article', {
    class: 'screen screen-handover',
    'aria-labelledby': 'handover-title',
    'aria-describedby': 'handover-lines',
  });
  const lines = el('div', { id: 'handover-lines' });
  for (const line of words.lines) lines.append(el('p', {}, line));
  const ready = button('Ready', () => hooks.onReady(), { class: 'primary handover-ready' });
  screen.append(el('h1', { id: 'handover-title' }, words.heading), lines, ready);
  showScreen(root, screen);
  focusSoon(ready);
}
