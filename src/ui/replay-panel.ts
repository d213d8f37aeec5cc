// The replay viewer's side panel below its controls: what happened in the turn shown, every event
// (the viewer has the full view), grouped by phase in the order the rules resolve them. Text only.
import { dayOfTurn, formatLongDate, type GameEvent, type GameState } from '../engine/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { el } from './dom.ts';
import { PHASE_TITLES } from './play-model.ts';

/** The events of one turn grouped by phase, in the order they happened. */
export function eventsByPhase(
  events: readonly GameEvent[],
): { phase: string; title: string; events: GameEvent[] }[] {
  const groups: { phase: string; title: string; events: GameEvent[] }[] = [];
  for (const e of events) {
    let last = groups[groups.length - 1];
    if (!last || last.phase !== e.phase) {
      last = { phase: e.phase, title: PHASE_TITLES[e.phase] ?? e.phase, events: [] };
      groups.push(last);
    }
    last.events.push(e);
  }
  return groups;
}

/** Shows the turn that led to `state` (turn 0: the start) and its events. */
export function replayPanel(
  root: HTMLElement,
  _scenario: Scenario,
  state: GameState,
  events: readonly GameEvent[],
): void {
  const shown = state.turn - 1;
  const heading = el(
    'h2',
    { id: 'replay-turn-heading' },
    shown < 1
      ? 'The start'
      : `Turn ${shown} (${formatLongDate(dayOfTurn(state.calendar, shown))}): what happened`,
  );
  const parts: Node[] = [heading];
  if (state.over && state.outcome)
    parts.push(el('p', { class: 'outcome' }, `Game over: ${state.outcome.summary}`));
  if (shown >= 1) {
    const groups = eventsByPhase(events);
    if (groups.length === 0) parts.push(el('p', { class: 'none' }, 'Nothing to report.'));
    for (const g of groups) {
      parts.push(el('h3', {}, g.title));
      const list = el('ol', { class: 'events' });
      for (const e of g.events) list.append(el('li', {}, e.explain));
      parts.push(list);
    }
  }
  root.replaceChildren(...parts);
}
