// Observation posts see what happens within their radius. An attack they observe is reported:
// the post's count of observed violations grows and international pressure on the attacker rises.
import type { EventSink } from '../events.ts';
import type { GameState } from '../types.ts';
import { actorName, sortedIds } from '../world.ts';
import { distance2 } from './highways.ts';

/** Pressure added per observed attack. */
export const PRESSURE_PER_OBSERVED_ATTACK = 2;

/**
 * Records `attacker`'s attack on `location` (`what`: "artillery fire on Saraqib") with every
 * post within whose radius it falls (posts of other actors that still stand). Reads `view`,
 * writes `state`. Returns how many posts observed it.
 */
export function observeAttack(
  state: GameState,
  view: GameState,
  sink: EventSink,
  attacker: string,
  location: string,
  what: string,
): number {
  let seen = 0;
  for (const id of sortedIds(view.posts)) {
    const post = view.posts[id]!;
    if (post.actor === attacker || post.status === 'evacuated' || post.status === 'overrun') continue;
    if (distance2(view, post.location, location) > post.radius * post.radius) continue;
    seen += 1;
    state.posts[id]!.observed += 1;
    const pressure = state.meters.internationalPressure;
    pressure[attacker] = Math.min(100, (pressure[attacker] ?? 0) + PRESSURE_PER_OBSERVED_ATTACK);
    sink.emit(
      'post.observed',
      [post.actor, attacker],
      location,
      () =>
        `${post.name} observes and reports ${what} by ${actorName(view, attacker)}; international pressure on it rises to ${pressure[attacker]}.`,
      { post: id, attacker, pressure: pressure[attacker]! },
    );
  }
  return seen;
}
