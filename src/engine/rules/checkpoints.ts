// Checkpoints: a unit standing at a place its actor holds sets a checkpoint there
// (`location.checkpoint` = the actor). Convoys of any actor that is not the checkpoint's actor or
// its ally are stopped there: a stand-off (see convoys.ts). The order takes effect at the start of
// the movement phase, so a convoy arriving that very turn is stopped. After units have moved and
// control has been settled, a checkpoint is lifted when its actor no longer holds the place, or
// when none of its units stands there any more (`checkpoint.lifted` says which).
import type { EventSink } from '../events.ts';
import type { CheckpointOrder, GameState, RejectCode, Result } from '../types.ts';
import { actorName, ownStandingUnit, sortedIds } from '../world.ts';
import { own } from '../working.ts';

function reject(code: RejectCode, message: string): Result<never> {
  return { ok: false, code, message };
}

export function validateCheckpoint(state: GameState, actor: string, order: CheckpointOrder): Result {
  const found = ownStandingUnit(state, actor, order.unit, 'a checkpoint is set where a unit stands');
  if (!found.ok) return found;
  const unit = found.value;
  const place = state.locations[unit.location];
  if (!place) return reject('unknown_location', `There is no place "${unit.location}" on the map.`);
  if (place.controller !== actor)
    return reject(
      'unknown_location',
      `${place.name} is held by ${actorName(state, place.controller)}; a checkpoint is set only in a place ${actorName(state, actor)} holds.`,
    );
  if (place.checkpoint === actor)
    return reject('already_there', `${actorName(state, actor)} already keeps a checkpoint at ${place.name}.`);
  return { ok: true, value: true };
}

/** Sets the checkpoint of a validated order. Reads `view`, writes `state`. */
export function setCheckpoint(
  state: GameState,
  view: GameState,
  actor: string,
  order: CheckpointOrder,
  sink: EventSink,
): void {
  const unit = view.units[order.unit]!;
  const place = own(state.locations, unit.location)!;
  if (place.checkpoint === actor) return;
  place.checkpoint = actor;
  sink.emit(
    'checkpoint.set',
    actor,
    place.id,
    () =>
      `${actorName(view, actor)} sets up a checkpoint at ${place.name} with ${unit.name}: convoys of actors that are not ` +
      `${actorName(view, actor)} or its allies are stopped there.`,
    { actor, unit: unit.id, at: place.id },
  );
}

/** Lifts checkpoints whose actor lost the place or has no unit left there. Reads `view`, writes `state`. */
export function updateCheckpoints(state: GameState, view: GameState, sink: EventSink): void {
  const manned = new Set<string>();
  for (const id of sortedIds(view.units)) {
    const u = view.units[id]!;
    if (u.transit === null && u.strength > 0) manned.add(`${u.actor}|${u.location}`);
  }
  for (const id of sortedIds(view.locations)) {
    const place = view.locations[id]!;
    const keeper = place.checkpoint;
    if (keeper === '') continue;
    let why = '';
    if (place.controller !== keeper)
      why = `${place.name} has changed hands (now held by ${actorName(view, place.controller)})`;
    else if (!manned.has(`${keeper}|${id}`))
      why = `no unit of ${actorName(view, keeper)} stands there any more`;
    if (why === '') continue;
    own(state.locations, id)!.checkpoint = '';
    sink.emit(
      'checkpoint.lifted',
      keeper,
      id,
      () => `The ${actorName(view, keeper)} checkpoint at ${place.name} is lifted: ${why}.`,
      { actor: keeper, at: id, changedHands: place.controller !== keeper },
    );
  }
}
