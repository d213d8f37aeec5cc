// Plays a scenario headless: every actor's orders come from the scenario script (scripted actors)
// or are empty (passive, and for now human and computer actors too).
import { resolveTurn, type GameEvent, type GameState, type OrdersByActor } from '../engine/index.ts';
import {
  newGame,
  recordTurn,
  scriptedOrders,
  startReplay,
  type Replay,
  type Scenario,
} from '../scenario/index.ts';

export interface PlayResult {
  state: GameState;
  replay: Replay;
  eventCounts: Record<string, number>;
}

export function playScenario(
  scenario: Scenario,
  seed: string,
  maxTurns: number,
  onTurn?: (turn: number, events: GameEvent[], state: GameState) => void,
): PlayResult {
  let state = newGame(scenario, seed);
  const replay = startReplay(scenario, seed, state);
  const eventCounts: Record<string, number> = {};
  for (let played = 0; played < maxTurns && !state.over; played++) {
    const turn = state.turn;
    const orders: OrdersByActor = scriptedOrders(scenario, state);
    const result = resolveTurn(state, orders);
    state = result.state;
    recordTurn(replay, turn, orders, state);
    for (const e of result.events) eventCounts[e.kind] = (eventCounts[e.kind] ?? 0) + 1;
    onTurn?.(turn, result.events, state);
  }
  const sorted: Record<string, number> = {};
  for (const k of Object.keys(eventCounts).sort()) sorted[k] = eventCounts[k]!;
  return { state, replay, eventCounts: sorted };
}

const HEADLINE_KINDS = new Set([
  'control.changed',
  'post.status_changed',
  'post.supply_exhausted',
  'convoy.departed',
  'convoy.arrived',
  'unit.halted',
  'order.rejected',
  'scenario.ended',
]);

/** One line in words for a turn: the notable events in full, routine ones counted. */
export function describeTurn(date: string, turn: number, events: GameEvent[]): string {
  const notable = events
    .filter((e) => HEADLINE_KINDS.has(e.kind) && e.kind !== 'scenario.ended')
    .map((e) => e.explain);
  const moves = events.filter((e) => e.kind === 'unit.moved').length;
  const convoys = events.filter((e) => e.kind === 'convoy.moved').length;
  const routine: string[] = [];
  if (moves > 0) routine.push(`${moves} unit${moves === 1 ? '' : 's'} on the move`);
  if (convoys > 0) routine.push(`${convoys} convoy${convoys === 1 ? '' : 's'} on the road`);
  const parts = [...notable];
  if (routine.length > 0) parts.push(routine.join(', ') + '.');
  return `Turn ${turn} (${date}): ${parts.length > 0 ? parts.join(' ') : 'quiet; nothing changes hands.'}`;
}
