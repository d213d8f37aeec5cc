// Highways: a segment (two consecutive waypoints) is open for an actor when both ends are held by
// it or its allies and no hostile fire reaches it (no artillery of an actor hostile to it within
// range of either end). A highway, or a stretch of it, is open when every segment on it is.
import type { EventSink } from '../events.ts';
import type { GameState } from '../types.ts';
import { actorName, isFriendly, isHostile, sortedIds } from '../world.ts';

/** Squared distance in metres² between two places (integers; exact in doubles for this map's size). */
export function distance2(state: GameState, a: string, b: string): number {
  const p = state.locations[a]!;
  const q = state.locations[b]!;
  const dx = p.x - q.x;
  const dy = p.y - q.y;
  return dx * dx + dy * dy;
}

/** Whether artillery of an actor hostile to `actor` stands within range of `location`. */
export function underHostileFire(state: GameState, actor: string, location: string): boolean {
  const range2 = state.params.artilleryRangeM * state.params.artilleryRangeM;
  for (const id of sortedIds(state.units)) {
    const u = state.units[id]!;
    if (u.type !== 'artillery' || u.transit !== null || u.strength <= 0) continue;
    if (!isHostile(state, actor, u.actor)) continue;
    if (distance2(state, u.location, location) <= range2) return true;
  }
  return false;
}

export function segmentOpen(state: GameState, actor: string, a: string, b: string): boolean {
  for (const end of [a, b]) {
    if (!isFriendly(state, actor, state.locations[end]!.controller)) return false;
    if (underHostileFire(state, actor, end)) return false;
  }
  return true;
}

/**
 * Is `highway` open for `actor` from `from` to `to` (waypoint ids; the whole highway when left
 * out)? "Is the M5 open from Hama to Aleppo for the government?"
 */
export function highwayOpenFor(
  state: GameState,
  highway: string,
  actor: string,
  from?: string,
  to?: string,
): boolean {
  const hw = state.highways[highway];
  if (!hw) return false;
  const w = hw.waypoints;
  let i = from === undefined ? 0 : w.indexOf(from);
  let j = to === undefined ? w.length - 1 : w.indexOf(to);
  if (i < 0 || j < 0) return false;
  if (i > j) [i, j] = [j, i];
  for (let k = i; k < j; k++) if (!segmentOpen(state, actor, w[k]!, w[k + 1]!)) return false;
  return true;
}

/** The whole-highway status of every highway for every actor. */
export function computeHighwayOpen(state: GameState): Record<string, Record<string, boolean>> {
  const out: Record<string, Record<string, boolean>> = {};
  for (const hw of sortedIds(state.highways)) {
    out[hw] = {};
    for (const actor of sortedIds(state.actors)) out[hw][actor] = highwayOpenFor(state, hw, actor);
  }
  return out;
}

/** Updates `highwayOpen` from `view` (the state after this turn's fighting) and reports each change. */
export function updateHighways(state: GameState, view: GameState, sink: EventSink): void {
  const now = computeHighwayOpen(view);
  for (const hw of sortedIds(now)) {
    for (const actor of sortedIds(now[hw]!)) {
      const was = view.highwayOpen[hw]?.[actor] ?? false;
      const is = now[hw]![actor]!;
      if (was === is) continue;
      const highway = view.highways[hw]!;
      const first = highway.waypoints[0]!;
      const last = highway.waypoints[highway.waypoints.length - 1]!;
      const blocked = is ? [] : blockingSegments(view, hw, actor);
      sink.emit(
        is ? 'highway.opened' : 'highway.closed',
        actor,
        '',
        () =>
          is
            ? `The ${highway.id} is open end to end (${view.locations[first]!.name} to ${view.locations[last]!.name}) for ${actorName(view, actor)}: every place on it is held by it or its allies and no hostile artillery reaches it.`
            : `The ${highway.id} is closed for ${actorName(view, actor)}: ${blocked.join('; ')}.`,
        { highway: hw, open: is },
      );
    }
  }
  state.highwayOpen = now;
}

function blockingSegments(state: GameState, highway: string, actor: string): string[] {
  const w = state.highways[highway]!.waypoints;
  const reasons: string[] = [];
  for (const id of w) {
    const loc = state.locations[id]!;
    if (!isFriendly(state, actor, loc.controller))
      reasons.push(`${loc.name} is held by ${actorName(state, loc.controller)}`);
    else if (underHostileFire(state, actor, id)) reasons.push(`${loc.name} is under hostile artillery fire`);
  }
  return reasons.slice(0, 3);
}
