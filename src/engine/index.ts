// The engine's public face: the state types, resolveTurn and the small pure helpers around it.
import { setFreezing } from './working.ts';
import { hashValue } from './hash.ts';
import type { GameState } from './types.ts';

export * from './types.ts';
export * from './doctrine.ts';
export { resolveTurn, type TurnOptions, type TurnResult } from './resolve.ts';
export { validateOrder, convoyRoute } from './orders.ts';
export { assessPost, type PostSituation } from './rules/posts.ts';
export { standing } from './rules/victory.ts';
export { viewFor, estimateStrength, eventVisibleTo } from './view.ts';
export { legalOrders, describeOrder, hostileTargets } from './legal.ts';
export {
  computeHighwayOpen,
  highwayOpenFor,
  segmentOpen,
  underHostileFire,
  distance2,
} from './rules/highways.ts';
export { evalCondition, evalNumber } from './conditions.ts';
export { eventAnswers } from './rules/triggers.ts';
export { textIn, fillPlaceholders, TRIGGER_PLACEHOLDERS } from './text.ts';
export { EventSink } from './events.ts';
export { peopleAccounted } from './rules/people.ts';
export { sortieBudget } from './rules/strikes.ts';
export { breachedBy, breaches } from './rules/violations.ts';
export { canonicalJson, sha256Hex, hashValue } from './hash.ts';
export { seedRng, drawInt, chancePerMille, rollD10 } from './rng.ts';
export * from './calendar.ts';
export {
  sortedIds,
  stanceOf,
  findRelation,
  isHostile,
  isFriendly,
  neighbours,
  roadBetween,
  actorName,
  placeName,
  newUnit,
} from './world.ts';

export function hashState(state: GameState): string {
  return hashValue(state);
}

/**
 * Every state a turn produces is frozen by default, which catches accidental mutation and is
 * right for tests and the browser; batch runs switch it off for speed (src/engine/working.ts).
 */
export function setStateFreezing(on: boolean): void {
  setFreezing(on);
}
