// Control: a place changes hands when units of one side stand in it alone and the side that
// held it is hostile to them (or nobody held it). Units of hostile actors together in one place
// contest it, and control stays where it was until a fight decides it.
import type { EventSink } from '../events.ts';
import type { GameState } from '../types.ts';
import { actorName, isHostile, sortedIds } from '../world.ts';
import { own } from '../working.ts';

/** Total strength per actor of the units standing (not travelling) at each place. */
export function strengthByPlace(state: GameState): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const id of sortedIds(state.units)) {
    const unit = state.units[id]!;
    if (unit.transit !== null || unit.strength <= 0) continue;
    const here = (out[unit.location] ??= {});
    here[unit.actor] = (here[unit.actor] ?? 0) + unit.strength;
  }
  return out;
}

/** Reads `view` (the state after movement), writes `state`. */
export function updateControl(state: GameState, view: GameState, sink: EventSink): void {
  const present = strengthByPlace(view);
  for (const id of sortedIds(present)) {
    const loc = view.locations[id]!;
    if (loc.kind === 'post') continue;
    const actors = sortedIds(present[id]!);
    const contested = actors.some((a) => actors.some((b) => isHostile(view, a, b)));
    if (contested) continue;
    if (actors.includes(loc.controller)) continue;
    if (loc.controller !== '' && !actors.every((a) => isHostile(view, a, loc.controller))) continue;
    // The strongest present actor takes the place; ties go to the first id.
    let taker = actors[0]!;
    for (const a of actors) if (present[id]![a]! > present[id]![taker]!) taker = a;
    const previous = loc.controller;
    own(state.locations, id)!.controller = taker;
    sink.emit(
      'control.changed',
      taker,
      id,
      () =>
        `${actorName(view, taker)} takes ${loc.name}` +
        (previous === '' ? '' : ` from ${actorName(view, previous)}`) +
        `: its units (strength ${present[id]![taker]}) hold it with no hostile force present.`,
      { from: previous, to: taker, strength: present[id]![taker]! },
    );
  }
}
