// The victory check. Objectives and outcome bands per actor come with the scenario rules of a
// later issue; for now a game ends when its last turn has been resolved, and the outcome says
// where things stand.
import { dateOfTurn } from '../calendar.ts';
import type { EventSink } from '../events.ts';
import type { GameState, PostStatus } from '../types.ts';
import { actorName, sortedIds } from '../world.ts';

export function standing(state: GameState): string {
  const posts: Record<PostStatus, number> = {
    supplied: 0,
    cut_off: 0,
    encircled: 0,
    evacuated: 0,
    overrun: 0,
  };
  for (const id of sortedIds(state.posts)) posts[state.posts[id]!.status] += 1;
  const held: Record<string, number> = {};
  for (const id of sortedIds(state.locations)) {
    const loc = state.locations[id]!;
    if (loc.kind !== 'post' && loc.controller !== '') held[loc.controller] = (held[loc.controller] ?? 0) + 1;
  }
  const holders = sortedIds(held)
    .map((a) => `${actorName(state, a)} ${held[a]}`)
    .join(', ');
  return (
    `posts: ${posts.supplied} supplied, ${posts.cut_off} cut off, ${posts.encircled} encircled; ` +
    `places held: ${holders}`
  );
}

export function checkVictory(state: GameState, sink: EventSink): void {
  if (state.turn < state.calendar.turns) return;
  const summary = standing(state);
  state.over = true;
  state.outcome = { reason: 'turn-limit', turn: state.turn, summary, bands: {} };
  sink.emit(
    'scenario.ended',
    '',
    '',
    `The scenario ends after turn ${state.turn} (${dateOfTurn(state.calendar, state.turn)}): ${summary}.`,
    { turn: state.turn },
  );
}
