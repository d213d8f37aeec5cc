// Strikes: artillery fire from a unit within range of the target, and air or drone sorties from
// an actor's per-turn capacity. A strike hits the units hostile to the striker at the target
// (their strength falls, soldiers die), the garrison of a hostile observation post there, and the
// people who live there (some are killed).
//
// Firepower (in hundredths, so readiness keeps its per cent):
//   artillery: strength × readiness;  air: sorties × airSortieFirepower × 100;
//   drone: sorties that get through × droneSortieFirepower × 100.
// One d10 per strike on STRIKE_RESULTS scales it: 1-2 light (half damage), 3-7 normal,
// 8-10 heavy (one and a half). Strength lost = firepower × strikeLossPct % × that scale,
// rounded down; it is spread over the hostile units there, biggest first (see `spreadLosses`).
// Each strength point lost kills `soldiersPerStrength` soldiers. On a hostile post the same
// points fall on the garrison: points × soldiersPerStrength soldiers killed (at most all of it).
// Civilians: residents × strikeCiviliansPerMille[means] ‰ × the result's civilian scale are killed
// (per strike, whatever the number of sorties). The people who flee a place that was struck are
// counted once, by the civilians phase (rules/civilians.ts reads the `strike.resolved` events).
// A strike whose drones were all shot down still yields a `strike.resolved` (sorties 0, shotDown n).
//
// Sorties: an actor flies at most `airSorties` air and `droneSorties` drone sorties a turn, over
// all its orders. Each order is checked on its own when given (it must fit in the capacity); the
// turn's total is enforced here, in the order the orders were given: an order that would go over
// what is left is refused whole (`order.rejected`, no_sorties) and changes nothing. An artillery
// unit fires once a turn (its later fire missions are refused the same way).
// While Russia keeps the airspace closed (`meters.airspaceClosed`), an actor that is not Russia or
// its ally flies no air sorties and at most half its drone sorties (rounded down), and each drone
// sortie is shot down with a chance of `droneShootDownPerMille` ‰ (one draw per sortie).
import type { EventSink } from '../events.ts';
import { rollD10, chancePerMille } from '../rng.ts';
import type { GameState, RejectCode, Result, StrikeOrder } from '../types.ts';
import { actorName, hostileHeld, isFriendly, isHostile, placeName, sortedIds } from '../world.ts';
import { distance2 } from './highways.ts';
import { beingChanged } from '../working.ts';
import { killCivilians } from './people.ts';
import { observeAttack } from './observation.ts';
import { breachedBy, recordViolation } from './violations.ts';

export type StrikeMeans = StrikeOrder['means'];

export interface StrikeBand {
  /** Lowest and highest d10 roll of the band. */
  from: number;
  to: number;
  result: 'light' | 'normal' | 'heavy';
  /** Per cent of the normal strength losses. */
  damagePct: number;
  /** Per cent of the normal civilian toll. */
  civiliansPct: number;
}

/** The strike results table: one d10 per strike. */
export const STRIKE_RESULTS: readonly StrikeBand[] = [
  { from: 1, to: 2, result: 'light', damagePct: 50, civiliansPct: 50 },
  { from: 3, to: 7, result: 'normal', damagePct: 100, civiliansPct: 100 },
  { from: 8, to: 10, result: 'heavy', damagePct: 150, civiliansPct: 200 },
];

export function strikeBand(roll: number): StrikeBand {
  return STRIKE_RESULTS.find((b) => roll >= b.from && roll <= b.to) ?? STRIKE_RESULTS[1]!;
}

function reject(code: RejectCode, message: string): Result<never> {
  return { ok: false, code, message };
}

const ok: Result = { ok: true, value: true };

/** A post at `location` that still stands and belongs to another actor than `actor` (null when none). */
export function livePostAt(state: GameState, actor: string, location: string): string | null {
  for (const id of sortedIds(state.posts)) {
    const post = state.posts[id]!;
    if (post.location !== location || post.actor === actor) continue;
    if (post.status === 'evacuated' || post.status === 'overrun') continue;
    return id;
  }
  return null;
}

/** Units standing at `location` (not on a road) with strength left, of actors hostile to `actor`, by id. */
export function hostileUnitsAt(state: GameState, actor: string, location: string): string[] {
  return sortedIds(state.units).filter((id) => {
    const u = state.units[id]!;
    return (
      u.location === location && u.transit === null && u.strength > 0 && isHostile(state, actor, u.actor)
    );
  });
}

/**
 * Answers kept per state, for the states no step is writing (`beingChanged`): checking a few
 * hundred candidate orders asks the same questions again and again.
 */
interface Kept {
  units: object;
  locations: object;
  posts: object;
  relations: object;
  /** Per actor: places where units hostile to it stand (alive, not on a road). */
  unitPlaces: Map<string, Set<string>>;
  /** Per actor: places where it finds something to fight (see `hostileTarget`). */
  targetPlaces: Map<string, Set<string>>;
}

/**
 * The answers for the state asked about last. The calls about one state come in a run (a rule's
 * or a decision's), and a state's parts are not asked about again once another's are: over a
 * computer-played game, keeping the answers of the last 64 states instead of the last one made
 * none fewer (381 a game either way). Only the last is kept, in a plain variable: a memo per state
 * (a WeakMap keyed by the units, which this once was) kept every view's and state's answers, and
 * the parts they name, from dying young, since V8's scavenges treat a WeakMap's values as alive
 * (see `shallowSources` in src/engine/working.ts and docs/architecture.md).
 */
let lastKept: Kept | null = null;

function keptFor(state: GameState): Kept | null {
  const { units, locations, posts, relations } = state;
  const last = lastKept;
  if (
    last !== null &&
    last.units === units &&
    last.locations === locations &&
    last.posts === posts &&
    last.relations === relations
  )
    return last;
  if (beingChanged(units) || beingChanged(locations) || beingChanged(posts) || beingChanged(relations))
    return null;
  const k: Kept = { units, locations, posts, relations, unitPlaces: new Map(), targetPlaces: new Map() };
  lastKept = k;
  return k;
}

/**
 * The places where units of actors hostile to `actor` stand (alive, not on a road): the same set
 * `hostileUnitsAt` tests place by place. Kept per state; worked out afresh for one being written.
 */
export function hostileUnitPlaces(state: GameState, actor: string): ReadonlySet<string> {
  const k = keptFor(state);
  const known = k?.unitPlaces.get(actor);
  if (known !== undefined) return known;
  const places = new Set<string>();
  for (const id of sortedIds(state.units)) {
    const u = state.units[id]!;
    if (u.transit === null && u.strength > 0 && isHostile(state, actor, u.actor)) places.add(u.location);
  }
  k?.unitPlaces.set(actor, places);
  return places;
}

/** The places where `actor` finds something to fight (see `hostileTarget`); null for a state being written. */
function hostileTargetPlaces(state: GameState, actor: string): Set<string> | null {
  const k = keptFor(state);
  if (k === null) return null;
  let places = k.targetPlaces.get(actor);
  if (places === undefined) {
    places = new Set(hostileUnitPlaces(state, actor));
    for (const id of sortedIds(state.locations)) if (hostileHeld(state, actor, id)) places.add(id);
    // As `livePostAt`: the first live post by id at a place that is not the actor's own decides.
    const firstPost = new Map<string, string>();
    for (const id of sortedIds(state.posts)) {
      const post = state.posts[id]!;
      if (post.actor === actor || post.status === 'evacuated' || post.status === 'overrun') continue;
      if (!firstPost.has(post.location)) firstPost.set(post.location, post.actor);
    }
    for (const [place, owner] of firstPost) if (isHostile(state, actor, owner)) places.add(place);
    k.targetPlaces.set(actor, places);
  }
  return places;
}

/** Is there something at `location` that `actor` may fight: hostile units, a hostile holder, a hostile post? */
export function hostileTarget(state: GameState, actor: string, location: string): boolean {
  const places = hostileTargetPlaces(state, actor);
  if (places !== null) return places.has(location);
  if (hostileUnitsAt(state, actor, location).length > 0) return true;
  if (hostileHeld(state, actor, location)) return true;
  const post = livePostAt(state, actor, location);
  return post !== null && isHostile(state, actor, state.posts[post]!.actor);
}

/** Sorties of `means` that `actor` may fly this turn, and whether the closed airspace cut them. */
export function sortieBudget(
  state: GameState,
  actor: string,
  means: 'air' | 'drone',
): { budget: number; capacity: number; limited: boolean } {
  const a = state.actors[actor]!;
  const capacity = means === 'air' ? a.airSorties : a.droneSorties;
  if (!airspaceLimits(state, actor)) return { budget: capacity, capacity, limited: false };
  return { budget: means === 'air' ? 0 : Math.floor(capacity / 2), capacity, limited: true };
}

/** True when the closed airspace limits `actor` (it is neither Russia nor Russia's ally). */
export function airspaceLimits(state: GameState, actor: string): boolean {
  return state.meters.airspaceClosed && !isFriendly(state, actor, state.params.actorRoles.russia);
}

/** Checks a strike order against the state as the turn starts (one order on its own). */
export function validateStrike(state: GameState, actor: string, order: StrikeOrder): Result {
  const target = state.locations[order.target];
  if (!target) return reject('unknown_location', `There is no place "${order.target}" on the map.`);
  if (order.means === 'artillery') {
    const unit = state.units[order.unit];
    if (!unit) return reject('unknown_unit', `There is no unit "${order.unit}".`);
    if (unit.actor !== actor) return reject('not_your_unit', `${unit.name} belongs to another actor.`);
    if (unit.type !== 'artillery')
      return reject('not_artillery', `${unit.name} is not artillery; only artillery fires at range.`);
    if (unit.strength <= 0) return reject('unknown_unit', `${unit.name} has been destroyed.`);
    if (unit.transit !== null)
      return reject(
        'out_of_range',
        `${unit.name} is on the road; artillery fires only from where it stands.`,
      );
    const range = state.params.artilleryRangeM;
    const d2 = distance2(state, unit.location, order.target);
    if (d2 > range * range)
      return reject(
        'out_of_range',
        `${target.name} is ${km(d2)} km from ${unit.name} at ${placeName(state, unit.location)}; its guns reach ${km(range * range)} km.`,
      );
  } else if (order.means === 'air' || order.means === 'drone') {
    if (!Number.isInteger(order.sorties) || order.sorties < 1)
      return reject('bad_number', `A strike flies at least one sortie (got ${order.sorties}).`);
    const word = order.means === 'air' ? 'air' : 'drone';
    const { budget, capacity, limited } = sortieBudget(state, actor, order.means);
    if (capacity === 0)
      return reject('no_sorties', `${actorName(state, actor)} has no ${word} sorties to fly.`);
    if (budget === 0)
      return reject(
        'airspace_closed',
        `Russia has closed the airspace: ${actorName(state, actor)} may fly no ${word} sorties.`,
      );
    if (order.sorties > budget)
      return reject(
        'no_sorties',
        `${actorName(state, actor)} may fly ${budget} ${word} sorties a turn` +
          (limited ? ` while Russia keeps the airspace closed (half of ${capacity})` : '') +
          ` (asked for ${order.sorties}).`,
      );
  } else {
    return reject('bad_number', `A strike is by artillery, air or drone (got "${String(order.means)}").`);
  }
  if (!hostileTarget(state, actor, order.target))
    return reject(
      'not_hostile',
      `Nothing hostile to ${actorName(state, actor)} is at ${target.name}: no hostile units, holder or post.`,
    );
  return ok;
}

/** Squared metres → whole kilometres, rounded (integer square root). */
function km(d2: number): number {
  return Math.floor((Math.floor(Math.sqrt(d2)) + 500) / 1000);
}

/** Hundredths → "12" or "12.5". */
export function fmt100(x: number): string {
  const whole = Math.floor(x / 100);
  const tenth = Math.floor((x % 100) / 10);
  return tenth === 0 ? `${whole}` : `${whole}.${tenth}`;
}

/**
 * Spreads `total` strength lost over units: each loses its share of the total in proportion to
 * its strength, rounded down; the points left over go one at a time to the biggest unit (by
 * strength, ties by id) that can still lose one. Never more than a unit has.
 */
export function spreadLosses(
  units: { id: string; strength: number }[],
  total: number,
): Record<string, number> {
  const sum = units.reduce((a, u) => a + u.strength, 0);
  const lost: Record<string, number> = {};
  if (sum <= 0) return lost;
  const due = Math.min(total, sum);
  const order = [...units].sort((p, q) => q.strength - p.strength || (p.id < q.id ? -1 : 1));
  let given = 0;
  for (const u of order) {
    lost[u.id] = Math.floor((due * u.strength) / sum);
    given += lost[u.id]!;
  }
  while (given < due) {
    for (const u of order) {
      if (given >= due) break;
      if (lost[u.id]! < u.strength) {
        lost[u.id]! += 1;
        given += 1;
      }
    }
  }
  return lost;
}

/** Adds soldiers killed of `actor` to the meters. */
export function addLosses(state: GameState, actor: string, killed: number): void {
  if (killed <= 0) return;
  state.meters.losses[actor] = (state.meters.losses[actor] ?? 0) + killed;
}

const MEANS_WORDS: Record<StrikeMeans, string> = {
  artillery: 'artillery fire',
  air: 'an air strike',
  drone: 'a drone strike',
};

function refuse(sink: EventSink, actor: string, code: RejectCode, message: string): void {
  sink.emit('order.rejected', actor, '', () => `Order rejected (${code}): ${message}`, {
    code,
    order: 'strike',
  });
}

/**
 * The strikes phase: every accepted strike order, in actor-id order then as given. Reads `view`
 * (the state after movement) for who stands where and what fires; writes `state`. Strikes land
 * together: artillery fires with its strength as the phase began even if it is hit itself.
 */
export function resolveStrikes(
  state: GameState,
  view: GameState,
  sink: EventSink,
  orders: { actor: string; order: { kind: string } }[],
): void {
  const used: Record<string, number> = {};
  const fired = new Set<string>();
  for (const { actor, order: o } of orders) {
    if (o.kind !== 'strike') continue;
    const order = o as StrikeOrder;
    const target = view.locations[order.target]!;
    // What the phase checks that a single order's validation cannot: the turn's budget, and the
    // ground as it is after movement.
    if (order.means === 'artillery') {
      const unit = view.units[order.unit];
      if (!unit || unit.strength <= 0) {
        refuse(sink, actor, 'unknown_unit', `the artillery unit "${order.unit}" is gone.`);
        continue;
      }
      if (fired.has(unit.id)) {
        refuse(
          sink,
          actor,
          'no_sorties',
          `${unit.name} has already fired this turn (one fire mission a turn).`,
        );
        continue;
      }
      const range = view.params.artilleryRangeM;
      if (unit.transit !== null || distance2(view, unit.location, order.target) > range * range) {
        refuse(
          sink,
          actor,
          'out_of_range',
          `${unit.name} moved this turn and ${target.name} is no longer within its range.`,
        );
        continue;
      }
    } else {
      const key = `${actor}|${order.means}`;
      const { budget } = sortieBudget(view, actor, order.means);
      const left = budget - (used[key] ?? 0);
      if (order.sorties > left) {
        refuse(
          sink,
          actor,
          'no_sorties',
          `${actorName(view, actor)} has ${left} of its ${budget} ${order.means} sorties left this turn; the strike on ${target.name} with ${order.sorties} does not fly.`,
        );
        continue;
      }
    }
    if (!hostileTarget(view, actor, order.target)) {
      refuse(
        sink,
        actor,
        'not_hostile',
        `by the time of the strike nothing hostile to ${actorName(view, actor)} is left at ${target.name}.`,
      );
      continue;
    }
    if (order.means === 'artillery') fired.add(order.unit);
    else used[`${actor}|${order.means}`] = (used[`${actor}|${order.means}`] ?? 0) + order.sorties;
    strike(state, view, sink, actor, order);
  }
}

function strike(state: GameState, view: GameState, sink: EventSink, actor: string, order: StrikeOrder): void {
  const p = view.params;
  const target = view.locations[order.target]!;
  const name = actorName(view, actor);
  const what = MEANS_WORDS[order.means];
  const parts: string[] = [];

  // Firepower, and drones lost over closed airspace.
  let sorties = order.means === 'artillery' ? 1 : order.sorties;
  let shotDown = 0;
  let firepower: number;
  if (order.means === 'artillery') {
    const unit = view.units[order.unit]!;
    firepower = unit.strength * unit.readiness;
    parts.push(
      `${name}'s ${unit.name} (strength ${unit.strength}, readiness ${unit.readiness} %) fires on ${target.name}, ` +
        `${km(distance2(view, unit.location, order.target))} km away (range ${km(p.artilleryRangeM * p.artilleryRangeM)} km): firepower ${fmt100(firepower)}`,
    );
  } else {
    if (order.means === 'drone' && airspaceLimits(view, actor)) {
      for (let i = 0; i < order.sorties; i++)
        if (chancePerMille(state.rng, p.droneShootDownPerMille)) shotDown += 1;
      sorties = order.sorties - shotDown;
    }
    const each = order.means === 'air' ? p.airSortieFirepower : p.droneSortieFirepower;
    firepower = sorties * each * 100;
    parts.push(
      `${name} flies ${order.sorties} ${order.means} sortie${order.sorties === 1 ? '' : 's'} against ${target.name}` +
        (shotDown > 0 || (airspaceLimits(view, actor) && order.means === 'drone')
          ? ` (Russia holds the airspace: each risks being shot down, ${p.droneShootDownPerMille} ‰; ${shotDown} shot down)`
          : '') +
        `: ${sorties} × ${each} = firepower ${fmt100(firepower)}`,
    );
  }

  const postId = livePostAt(view, actor, order.target);
  const post = postId ? view.posts[postId]! : null;
  const data: Record<string, string | number | boolean | null> = {
    attacker: actor,
    means: order.means,
    unit: order.means === 'artillery' ? order.unit : '',
    target: order.target,
    sorties,
    shotDown,
    roll: 0,
    result: 'shot_down',
    firepower: Math.floor(firepower / 100),
    civiliansKilled: 0,
    postHit: false,
    post: '',
  };

  if (sorties === 0) {
    sink.emit(
      'strike.resolved',
      [actor],
      order.target,
      () => `${parts.join('')}; no sortie gets through, and nothing is hit.`,
      data,
    );
    return;
  }

  const roll = rollD10(state.rng);
  const band = strikeBand(roll);
  data.roll = roll;
  data.result = band.result;
  const points = Math.floor((firepower * p.strikeLossPct * band.damagePct) / 1_000_000);
  parts.push(
    `; roll ${roll} → ${band.result} (${band.from}–${band.to}: ${band.damagePct} % of ${p.strikeLossPct} % of the firepower) = ${points} point${points === 1 ? '' : 's'} of damage`,
  );

  // Units hit: those hostile to the striker, at their strength now (earlier strikes count).
  // A literal and `push` rather than `filter` and `map`: V8 then makes `hit` an array of one kind
  // whether empty or not (an empty one from `map` is of another kind, which threw away the
  // optimized `strike` at the `for…of` below, twice over a worker's first games).
  const hit: { id: string; strength: number }[] = [];
  for (const id of hostileUnitsAt(view, actor, order.target)) {
    const strength = state.units[id]?.strength ?? 0;
    if (strength > 0) hit.push({ id, strength });
  }
  const lost = spreadLosses(hit, points);
  const byActor: Record<string, { lost: number; killed: number }> = {};
  const destroyed: string[] = [];
  for (const { id } of hit) {
    const n = lost[id] ?? 0;
    if (n === 0) continue;
    const unit = state.units[id]!;
    const who = (byActor[unit.actor] ??= { lost: 0, killed: 0 });
    who.lost += n;
    who.killed += n * p.soldiersPerStrength;
    unit.strength -= n;
    if (unit.strength <= 0) destroyed.push(id);
  }
  const hitWords: string[] = [];
  for (const a of sortedIds(byActor)) {
    const { lost: l, killed } = byActor[a]!;
    addLosses(state, a, killed);
    data[`strengthLost:${a}`] = l;
    data[`killed:${a}`] = killed;
    hitWords.push(`${actorName(view, a)} loses ${l} strength (${killed} killed)`);
  }
  if (hit.length === 0 && post === null) hitWords.push('no hostile units are there');
  else if (hitWords.length === 0 && hit.length > 0) hitWords.push('the units there lose nothing');

  // An observation post of another actor at the target: its garrison takes the damage.
  if (post !== null) {
    const garrison = state.posts[post.id]!.garrison;
    const killed = Math.min(garrison, points * p.soldiersPerStrength);
    state.posts[post.id]!.garrison -= killed;
    addLosses(state, post.actor, killed);
    data[`killed:${post.actor}`] = ((data[`killed:${post.actor}`] as number | undefined) ?? 0) + killed;
    data.postHit = true;
    data.post = post.id;
    hitWords.push(
      `${post.name} of ${actorName(view, post.actor)} is hit: ${killed} of its ${garrison} soldiers killed (${points} × ${p.soldiersPerStrength})`,
    );
  }

  // Civilians killed (those who flee are the civilians phase's).
  const residents = state.locations[order.target]!.residents;
  const perMille = p.strikeCiviliansPerMille[order.means];
  const civilians = Math.min(residents, Math.floor((residents * perMille * band.civiliansPct) / 100_000));
  data.civiliansKilled = civilians;
  if (residents > 0)
    hitWords.push(
      `${civilians} civilians killed (${perMille} ‰ of ${residents} residents × ${band.civiliansPct} %)`,
    );

  sink.emit(
    'strike.resolved',
    [actor, ...sortedIds(byActor).filter((a) => a !== post?.actor), ...(post ? [post.actor] : [])],
    order.target,
    () => `${parts.join('')}: ${hitWords.join('; ')}.`,
    data,
  );

  for (const id of destroyed) {
    const unit = state.units[id]!;
    delete state.units[id];
    sink.emit(
      'unit.destroyed',
      [unit.actor, actor],
      order.target,
      () => `${unit.name} is destroyed by ${what} of ${name} on ${target.name}.`,
      {
        unit: id,
        by: actor,
        cause: order.means,
      },
    );
  }
  killCivilians(state, sink, order.target, civilians, `${what} by ${name}`, actor);
  observeAttack(state, view, sink, actor, order.target, `${what} on ${target.name}`);
  for (const agreement of breachedBy(view, actor, 'strike', order.target))
    recordViolation(state, sink, agreement.id, actor, `${what} on ${target.name}`);
}
