// What an actor may order now. `legalOrders(state, actor)` builds candidates for every order kind,
// each one `validateOrder` accepts (some kinds are built valid, the others checked: see
// `legalOrdersOf`), so the list is exactly what the turn would take (each order on its own; two
// orders for the same unit are each legal, the later one wins). Computer actors score these
// candidates; the client offers them. `describeOrder` says in plain words what an order will do.
//
// The candidates, kind by kind (the list is sorted by kind in this order, then by the ids the
// order names):
//   move            each own standing unit (alive, not on a road) to each road neighbour that is
//                   not an observation post, and to the key places (value ≥ KEY_PLACE_VALUE) it
//                   can reach within one turn's road march: at most MAX_MARCH_TARGETS of them
//                   per unit, by value, then the nearest, then id. The march stops on entering
//                   hostile ground, as movement does.
//   hold            each own unit that is moving (on a road, or with a destination).
//   assault         each hostile target (a place held by a hostile actor, or where hostile units
//                   stand) with own units at it or next to it: one order per target with all those
//                   units, support arms (artillery, air defence) left out.
//   strike          each own standing artillery unit × each hostile target within artillery range;
//                   air and drone (when the turn's budget has a sortie): each hostile-held place in
//                   the de-escalation zone (params.deEscalationZone; the whole map when the map has
//                   none) and each place where hostile units stand, one sortie.
//   dispatch_convoy each own supply source × each own standing post, with STANDARD_CONVOY (4
//                   armoured vehicles and 12 trucks, 10 supply days), no escort, the shortest open
//                   route: Russia notified, and the same convoy not notified; for a post cut off or
//                   encircled also the convoy escorted by Russia (params.actorRoles.russia, notified),
//                   when that actor is in the game.
//   evacuate_post   each own standing post.
//   establish_post  each own standing unit, at its place.
//   set_checkpoint  each own standing unit, at its place.
//   run_patrol / suspend_patrol   each joint patrol the actor takes part in.
//   propose_ceasefire, accept_ceasefire, reject_ceasefire, leaders_call, protest: to each other actor.
//   request_us_support.
import { convoyRoute, validateOrder } from './orders.ts';
import { ceilDiv, roadCost, unitBudget, unitPath } from './rules/movement.ts';
import { distance2 } from './rules/highways.ts';
import { hostileUnitPlaces, sortieBudget } from './rules/strikes.ts';
import type { GameState, Location, ObservationPost, Order, OrderKind, Road, Unit } from './types.ts';
import {
  actorName,
  isHostile,
  neighbours,
  placeName,
  roadBetween,
  roadGraph,
  searchRoadGraph,
  SearchScratch,
  sortedIds,
  sortShort,
  sortShortBy,
  type RoadGraph,
  type RoadSearch,
  type RoadSearchResult,
} from './world.ts';

/** Places of at least this value are offered as march targets beyond the neighbours. */
export const KEY_PLACE_VALUE = 3;
/** At most this many key places per unit beyond its neighbours. */
export const MAX_MARCH_TARGETS = 6;
/** The standard load of a convoy offered by `legalOrders`. */
export const STANDARD_CONVOY = {
  vehicles: { tanks: 0, armoured: 4, trucks: 12, airDefence: 0 },
  cargo: { supplyDays: 10, troops: 0 },
} as const;

export const ORDER_KINDS: readonly OrderKind[] = [
  'move',
  'hold',
  'assault',
  'strike',
  'dispatch_convoy',
  'evacuate_post',
  'establish_post',
  'set_checkpoint',
  'run_patrol',
  'suspend_patrol',
  'propose_ceasefire',
  'accept_ceasefire',
  'reject_ceasefire',
  'leaders_call',
  'protest',
  'request_us_support',
];

const SUPPORT_ARMS: readonly Unit['type'][] = ['artillery', 'air_defence'];

function standing(unit: Unit): boolean {
  return unit.transit === null && unit.strength > 0;
}

function ownUnits(state: GameState, actor: string): Unit[] {
  const out: Unit[] = [];
  for (const id of sortedIds(state.units)) {
    const u = state.units[id]!;
    if (u.actor === actor) out.push(u);
  }
  return out;
}

/** Whether units of an actor hostile to `actor` stand (alive, not on a road) at `location`. */
function hostileUnitsAt(state: GameState, actor: string, location: string): boolean {
  return hostileUnitPlaces(state, actor).has(location);
}

/** Places `actor` could attack: held by a hostile actor, or with hostile units standing there. */
export function hostileTargets(state: GameState, actor: string): string[] {
  const out: string[] = [];
  const hostileUnits = hostileUnitPlaces(state, actor);
  for (const id of sortedIds(state.locations)) {
    const loc = state.locations[id]!;
    if (isHostile(state, actor, loc.controller) || hostileUnits.has(id)) out.push(id);
  }
  return out;
}

/**
 * The road search of a unit's march this turn (see `reachableInOneTurn`), on the places' numbers;
 * null for a place no road touches. Its arrays are the march searches' scratch: read the answer
 * before the next march search.
 */
function marchSearch(state: GameState, unit: Unit): RoadSearchResult | null {
  const start = roadGraph(state.roads).index.get(unit.location);
  if (start === undefined) return null;
  return searchRoadGraph(state, start, new March(state, unit), marchScratch);
}

/** The march searches' scratch: each search's answer is read before the next search starts. */
const marchScratch = new SearchScratch();

/**
 * A unit's march as a road search: through no observation post, within the unit's budget, and
 * no further than the first hostile ground (a march stops there, as movement does). A class
 * rather than an object of closures: the searches run for every unit at every decision, and
 * closures made that often cost more than the methods, made once (under tsx, each is also given
 * its name as it is made).
 */
class March implements RoadSearch {
  readonly maxCost: number;
  private readonly hostileUnits: ReadonlySet<string>;

  constructor(
    private readonly state: GameState,
    private readonly unit: Unit,
  ) {
    this.maxCost = unitBudget(state, unit);
    this.hostileUnits = hostileUnitPlaces(state, unit.actor);
  }

  canEnter(loc: Location): boolean {
    return loc.kind !== 'post';
  }

  cost(road: Road): number {
    return roadCost(this.state, road);
  }

  canLeave(id: string): boolean {
    const { state } = this;
    return !isHostile(state, this.unit.actor, state.locations[id]!.controller) && !this.hostileUnits.has(id);
  }
}

/**
 * The places a unit standing at `from` reaches within one turn's road march, with the budget
 * each costs: through no observation post, and no further than the first hostile ground.
 */
export function reachableInOneTurn(state: GameState, unit: Unit): Record<string, number> {
  const out: Record<string, number> = {};
  const search = marchSearch(state, unit);
  if (search === null) return out;
  for (const i of search.reached) if (i !== search.start) out[search.graph.ids[i]!] = search.dist[i]!;
  return out;
}

/** The value of the place numbered `i` in `graph`. */
function placeValue(state: GameState, graph: RoadGraph, i: number): number {
  return state.locations[graph.ids[i]!]!.value;
}

function moveCandidates(state: GameState, actor: string, out: Order[]): void {
  for (const unit of ownUnits(state, actor)) {
    if (!standing(unit)) continue;
    // Road neighbours, but no observation post: units never move into one.
    const targets: string[] = [];
    for (const n of neighbours(state, unit.location))
      if (state.locations[n.location]?.kind !== 'post') targets.push(n.location);
    const search = marchSearch(state, unit);
    if (search !== null) {
      // The key places within reach: by value, then the nearest, then id (the numbers sort as the ids).
      const { graph, dist } = search;
      const key: number[] = [];
      for (const i of search.reached) {
        if (
          i === search.start ||
          placeValue(state, graph, i) < KEY_PLACE_VALUE ||
          targets.includes(graph.ids[i]!)
        )
          continue;
        key.push(i);
      }
      sortShortBy(
        key,
        (a, b) => placeValue(state, graph, b) - placeValue(state, graph, a) || dist[a]! - dist[b]! || a - b,
      );
      for (let k = 0; k < key.length && k < MAX_MARCH_TARGETS; k++) targets.push(graph.ids[key[k]!]!);
    }
    sortShort(targets);
    for (let k = 0; k < targets.length; k++)
      if (k === 0 || targets[k] !== targets[k - 1])
        out.push({ kind: 'move', unit: unit.id, to: targets[k]! });
  }
}

function holdCandidates(state: GameState, actor: string, out: Order[]): void {
  for (const u of ownUnits(state, actor))
    if (u.strength > 0 && (u.transit !== null || u.destination !== ''))
      out.push({ kind: 'hold', unit: u.id });
}

function assaultCandidates(state: GameState, actor: string, targets: string[], out: Order[]): void {
  const mine = ownUnits(state, actor).filter((u) => standing(u) && !SUPPORT_ARMS.includes(u.type));
  if (mine.length === 0) return;
  for (const target of targets) {
    const around = neighbours(state, target);
    const units: string[] = [];
    for (const u of mine)
      if (u.location === target || around.some((n) => n.location === u.location)) units.push(u.id);
    if (units.length > 0) out.push({ kind: 'assault', units, target });
  }
}

function strikeCandidates(state: GameState, actor: string, targets: string[], out: Order[]): void {
  const zone = state.zones[state.params.deEscalationZone];
  const airTargets = targets.filter(
    (t) =>
      hostileUnitsAt(state, actor, t) ||
      (isHostile(state, actor, state.locations[t]!.controller) && (!zone || zone.locations.includes(t))),
  );
  // By means (air, artillery, drone), then unit, then target: the order of the list.
  sortieStrikes(state, actor, 'air', airTargets, out);
  const range2 = state.params.artilleryRangeM * state.params.artilleryRangeM;
  for (const unit of ownUnits(state, actor)) {
    if (unit.type !== 'artillery' || !standing(unit)) continue;
    for (const target of targets) {
      if (distance2(state, unit.location, target) <= range2)
        out.push({ kind: 'strike', means: 'artillery', unit: unit.id, target, sorties: 1 });
    }
  }
  sortieStrikes(state, actor, 'drone', airTargets, out);
}

/**
 * One sortie of `means` on each target, when one is within this turn's budget (none while the
 * closed airspace cuts it to nothing).
 */
function sortieStrikes(
  state: GameState,
  actor: string,
  means: 'air' | 'drone',
  targets: string[],
  out: Order[],
): void {
  if (sortieBudget(state, actor, means).budget < 1) return;
  for (const target of targets) out.push({ kind: 'strike', means, unit: '', target, sorties: 1 });
}

/**
 * A standard convoy order. Every one is made by this one object literal: spreading a shared base
 * and adding the escort gave each order a hidden class of its own in V8 (580 of them over 30
 * turns), and every function reading orders then read them through V8's slowest lookups.
 */
function standardConvoy(from: string, post: string, notified: boolean, escort: string): Order {
  return {
    kind: 'dispatch_convoy',
    from,
    post,
    vehicles: {
      tanks: STANDARD_CONVOY.vehicles.tanks,
      armoured: STANDARD_CONVOY.vehicles.armoured,
      trucks: STANDARD_CONVOY.vehicles.trucks,
      airDefence: STANDARD_CONVOY.vehicles.airDefence,
    },
    cargo: { supplyDays: STANDARD_CONVOY.cargo.supplyDays, troops: STANDARD_CONVOY.cargo.troops },
    notified,
    escort,
  };
}

/** The convoys (see the top of this file) that pass `validateOrder`. */
function convoyCandidates(state: GameState, actor: string, out: Order[]): void {
  const sources = [...state.actors[actor]!.supplySources].sort();
  const escort = state.params.actorRoles.russia;
  const escorts = state.actors[escort] && escort !== actor ? [escort] : [];
  for (const from of sources) {
    for (const id of sortedIds(state.posts)) {
      const post = state.posts[id]!;
      if (post.actor !== actor || post.status === 'evacuated' || post.status === 'overrun') continue;
      // Whether Russia was notified is no part of the check: one check serves both convoys.
      const notified = standardConvoy(from, id, true, '');
      if (validateOrder(state, actor, notified).ok) out.push(notified, standardConvoy(from, id, false, ''));
      if (post.status === 'encircled' || post.status === 'cut_off')
        for (const escort of escorts) {
          const escorted = standardConvoy(from, id, true, escort);
          if (validateOrder(state, actor, escorted).ok) out.push(escorted);
        }
    }
  }
}

function postCandidates(state: GameState, actor: string, out: Order[]): void {
  for (const post of sortedIds(state.posts)) {
    const p = state.posts[post]!;
    if (p.actor === actor && p.status !== 'evacuated' && p.status !== 'overrun')
      out.push({ kind: 'evacuate_post', post });
  }
}

function unitPlaceCandidates(state: GameState, actor: string, out: Order[]): void {
  const units = ownUnits(state, actor).filter(standing);
  for (const u of units)
    out.push({
      kind: 'establish_post',
      unit: u.id,
      name: `Observation post at ${placeName(state, u.location)}`,
    });
  for (const u of units) out.push({ kind: 'set_checkpoint', unit: u.id });
}

function patrolCandidates(state: GameState, actor: string, out: Order[]): void {
  for (const kind of ['run_patrol', 'suspend_patrol'] as const) {
    for (const id of sortedIds(state.patrols))
      if (state.patrols[id]!.actors.includes(actor)) out.push({ kind, patrol: id });
  }
}

function diplomacyCandidates(state: GameState, actor: string, out: Order[]): void {
  const others = sortedIds(state.actors).filter((a) => a !== actor);
  for (const kind of [
    'propose_ceasefire',
    'accept_ceasefire',
    'reject_ceasefire',
    'leaders_call',
    'protest',
  ] as const) {
    for (const to of others) out.push({ kind, to });
  }
  out.push({ kind: 'request_us_support' });
}

/** The ids an order names, in the order they sort it within its kind. */
function orderKey(order: Order): string[] {
  switch (order.kind) {
    case 'move':
      return [order.unit, order.to];
    case 'hold':
      return [order.unit];
    case 'assault':
      return [order.target, ...order.units];
    case 'strike':
      return [order.means, order.unit, order.target];
    case 'dispatch_convoy':
      // Notified before not notified.
      return [order.from, order.post, order.escort, order.notified ? 'a' : 'b'];
    case 'evacuate_post':
      return [order.post];
    case 'establish_post':
    case 'set_checkpoint':
      return [order.unit];
    case 'run_patrol':
    case 'suspend_patrol':
      return [order.patrol];
    case 'request_us_support':
      return [];
    default:
      return [order.to];
  }
}

/** An order with what it sorts by: its kind's place in ORDER_KINDS, then the ids it names. */
interface Keyed {
  order: Order;
  kind: number;
  key: string[];
}

function keyed(order: Order): Keyed {
  return { order, kind: ORDER_KINDS.indexOf(order.kind), key: orderKey(order) };
}

function compareKeyed(a: Keyed, b: Keyed): number {
  if (a.kind !== b.kind) return a.kind - b.kind;
  const pa = a.key;
  const pb = b.key;
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i]! < pb[i]!) return -1;
    if (pa[i]! > pb[i]!) return 1;
  }
  return pa.length - pb.length;
}

export function compareOrders(a: Order, b: Order): number {
  return compareKeyed(keyed(a), keyed(b));
}

/** Every order `actor` may give now (see the candidates above), in a fixed order. */
export function legalOrders(state: GameState, actor: string): Order[] {
  if (state.over || !state.actors[actor]) return [];
  return legalOrdersOf(state, actor);
}

function legalOrdersOf(state: GameState, actor: string): Order[] {
  const targets = hostileTargets(state, actor);
  // The moves, holds, assaults and strikes are built to pass every check `validateOrder` makes
  // (own standing units, a road to a place that is no post, a target within reach with something
  // hostile there, a sortie within the turn's budget), so they are not checked again: these are
  // most of the candidates, and the checks were a tenth of a computer actor's time. The convoys
  // are checked as they are built (`convoyCandidates`). tests/unit/legal.test.ts checks every
  // listed order against `validateOrder`. The other kinds are offered more widely (a ceasefire to
  // accept that nobody proposed) and kept only when valid.
  // Each kind's builder appends to one list (spreading lists of several shapes, an empty one
  // among them, made V8 drop this function's optimized code again and again).
  const valid: Order[] = [];
  moveCandidates(state, actor, valid);
  holdCandidates(state, actor, valid);
  assaultCandidates(state, actor, targets, valid);
  strikeCandidates(state, actor, targets, valid);
  convoyCandidates(state, actor, valid);
  const offered: Order[] = [];
  postCandidates(state, actor, offered);
  unitPlaceCandidates(state, actor, offered);
  patrolCandidates(state, actor, offered);
  diplomacyCandidates(state, actor, offered);
  for (const o of offered) if (validateOrder(state, actor, o).ok) valid.push(o);
  // Already in the order `compareOrders` gives: kind by kind as ORDER_KINDS lists them, and each
  // kind built in the order of the ids it names (the test checks it on played games).
  return valid;
}

// ---------------------------------------------------------------- describing orders

function unitName(state: GameState, id: string): string {
  return state.units[id]?.name ?? id;
}

function km(metres: number): number {
  return Math.floor((metres + 500) / 1000);
}

function turnsWord(n: number): string {
  return `about ${n} turn${n === 1 ? '' : 's'}`;
}

/** Length in metres and road-march cost of a path of location ids. */
function pathMeasure(state: GameState, path: string[]): { metres: number; cost: number } {
  let metres = 0;
  let cost = 0;
  for (let i = 0; i + 1 < path.length; i++) {
    const road = roadBetween(state, path[i]!, path[i + 1]!);
    if (!road) continue;
    metres += road.length;
    cost += roadCost(state, road);
  }
  return { metres, cost };
}

function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "the al-Eis observation post" when the post has a place of its own, else "Post X at Y". */
function postPlace(state: GameState, post: ObservationPost): string {
  const loc = state.locations[post.location];
  if (loc && loc.kind === 'post') return `the ${loc.name}`;
  return `${post.name} at ${placeName(state, post.location)}`;
}

function describeMove(state: GameState, unitId: string, to: string): string {
  const unit = state.units[unitId];
  const dest = placeName(state, to);
  if (!unit) return `Move ${unitId} to ${dest}.`;
  let metres = 0;
  let cost = 0;
  let start = unit.location;
  let from = placeName(state, unit.location);
  if (unit.transit) {
    const road = state.roads[unit.transit.road];
    if (road) {
      metres += road.length - unit.transit.covered;
      cost += roadCost(state, road, road.length - unit.transit.covered);
    }
    start = unit.transit.toward;
    from = `the road to ${placeName(state, start)}`;
  }
  const path = start === to ? [to] : unitPath(state, start, to);
  if (!path) return `Move ${unit.name} from ${from} to ${dest} (no road leads there).`;
  const m = pathMeasure(state, path);
  metres += m.metres;
  cost += m.cost;
  const turns = Math.max(1, ceilDiv(cost, Math.max(1, unitBudget(state, unit))));
  return `Move ${unit.name} from ${from} to ${dest} (${km(metres)} km, ${turnsWord(turns)}).`;
}

function describeConvoy(
  state: GameState,
  actor: string,
  order: Extract<Order, { kind: 'dispatch_convoy' }>,
): string {
  const post = state.posts[order.post];
  const postWords = post ? postPlace(state, post) : order.post;
  const v = order.vehicles;
  const vehicles = listWords(
    [
      [v.tanks, 'tank', 'tanks'],
      [v.armoured, 'armoured vehicle', 'armoured vehicles'],
      [v.trucks, 'truck', 'trucks'],
      [v.airDefence, 'air-defence vehicle', 'air-defence vehicles'],
    ]
      .filter(([n]) => (n as number) > 0)
      .map(([n, one, many]) => `${n} ${n === 1 ? one : many}`),
  );
  const cargo = listWords(
    [
      order.cargo.supplyDays > 0 ? `${order.cargo.supplyDays} days of supply` : '',
      order.cargo.troops > 0 ? `${order.cargo.troops} troops` : '',
    ].filter((s) => s !== ''),
  );
  const route =
    order.route ?? (post ? convoyRoute(state, actor, order.from, post.location, order.escort) : null);
  let way: string;
  if (!route) way = 'no open road leads there now';
  else {
    const m = pathMeasure(state, route);
    const budget = Math.max(1, state.params.convoySpeedKmPerDay * 1000 * state.calendar.daysPerTurn);
    const via = route.slice(1, -1).map((id) => placeName(state, id));
    way =
      `${order.route ? 'by the given route' : 'by the shortest open road'}` +
      `${via.length > 0 ? ` via ${listWords(via)}` : ''}, ${km(m.metres)} km, ${turnsWord(Math.max(1, ceilDiv(m.cost, budget)))}`;
  }
  const escort = order.escort === '' ? 'no escort' : `escorted by ${actorName(state, order.escort)}`;
  const notified = order.notified ? 'Russia notified' : 'Russia not notified';
  return (
    `Send a convoy from ${placeName(state, order.from)} to ${postWords}: ${vehicles || 'no vehicles'} carrying ` +
    `${cargo || 'nothing'} (${way}; ${escort}; ${notified}).`
  );
}

/** What `order` by `actor` will do, in plain words ("Move 25th Division from … (20 km, about 1 turn)."). */
export function describeOrder(state: GameState, actor: string, order: Order): string {
  switch (order.kind) {
    case 'move':
      return describeMove(state, order.unit, order.to);
    case 'hold': {
      const unit = state.units[order.unit];
      if (!unit) return `${order.unit} holds.`;
      if (unit.transit)
        return `${unit.name} stops at ${placeName(state, unit.transit.toward)}, at the end of the road it is on, and holds there.`;
      if (unit.destination !== '')
        return `${unit.name} gives up its move to ${placeName(state, unit.destination)} and holds at ${placeName(state, unit.location)}.`;
      return `${unit.name} holds at ${placeName(state, unit.location)}.`;
    }
    case 'assault': {
      const loc = state.locations[order.target];
      const names = order.units.map((id) => unitName(state, id));
      let strength = 0;
      for (const id of order.units) strength += state.units[id]?.strength ?? 0;
      const held = loc && loc.controller !== '' ? `, held by ${actorName(state, loc.controller)},` : '';
      return `Assault ${placeName(state, order.target)}${held} with ${listWords(names)} (strength ${strength} in all).`;
    }
    case 'strike': {
      const target = placeName(state, order.target);
      if (order.means === 'artillery') {
        const unit = state.units[order.unit];
        if (!unit || !state.locations[order.target] || !state.locations[unit.location])
          return `${unitName(state, order.unit)} fires on ${target}.`;
        const d = km(Math.floor(Math.sqrt(distance2(state, unit.location, order.target))));
        return `${unit.name} fires from ${placeName(state, unit.location)} on ${target} (${d} km away; range ${km(state.params.artilleryRangeM)} km).`;
      }
      const what = order.means === 'air' ? 'air' : 'drone';
      return `Fly ${order.sorties} ${what} sortie${order.sorties === 1 ? '' : 's'} against ${target}.`;
    }
    case 'dispatch_convoy':
      return describeConvoy(state, actor, order);
    case 'evacuate_post': {
      const post = state.posts[order.post];
      if (!post) return `Evacuate ${order.post}.`;
      return `Evacuate ${postPlace(state, post)}: its garrison of ${post.garrison} withdraws and the post is given up.`;
    }
    case 'establish_post': {
      const unit = state.units[order.unit];
      const where = unit ? placeName(state, unit.location) : '?';
      return `${unitName(state, order.unit)} sets up a new observation post, "${order.name}", at ${where}.`;
    }
    case 'set_checkpoint': {
      const unit = state.units[order.unit];
      const where = unit ? placeName(state, unit.location) : '?';
      return `${unitName(state, order.unit)} sets a checkpoint at ${where}: the convoys of every actor but ${actorName(state, actor)} and its allies are stopped there.`;
    }
    case 'run_patrol':
    case 'suspend_patrol': {
      const patrol = state.patrols[order.patrol];
      if (!patrol) return `${order.kind === 'run_patrol' ? 'Run' : 'Suspend'} the patrol ${order.patrol}.`;
      const route = `${placeName(state, patrol.route[0] ?? '')} to ${placeName(state, patrol.route[patrol.route.length - 1] ?? '')}`;
      const with_ = listWords(patrol.actors.map((a) => actorName(state, a)));
      return order.kind === 'run_patrol'
        ? `Run the joint patrol ${patrol.name} (${with_}) from ${route}.`
        : `Suspend the joint patrol ${patrol.name} (${with_}) from ${route}.`;
    }
    case 'propose_ceasefire':
      return `Propose a ceasefire to ${actorName(state, order.to)}.`;
    case 'accept_ceasefire':
      return `Accept the ceasefire ${actorName(state, order.to)} proposed.`;
    case 'reject_ceasefire':
      return `Reject the ceasefire ${actorName(state, order.to)} proposed.`;
    case 'leaders_call':
      return `Hold a leaders' call with ${actorName(state, order.to)}.`;
    case 'protest':
      return `Protest formally to ${actorName(state, order.to)}.`;
    case 'request_us_support':
      return 'Ask the United States for support.';
  }
}
