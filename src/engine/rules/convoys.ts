// Convoys: dispatched from a supply source along a road route to an observation post.
//
// Movement. Each turn a convoy covers the convoy speed × days per turn of road-march budget (a road
// costs its length scaled by its class's speed). An unescorted convoy never drives into a place
// held by an actor hostile to it: it waits at the last safe place (and cannot be dispatched at all
// when no road avoids hostile ground). An escorted convoy may pass places held by actors hostile to
// it as long as they are not hostile to the escort too: under Russian escort a Turkish column
// drives through government-held ground and reaches an encircled post, as Turkey resupplied its
// encircled posts in 2019-20. An escort needs the escorting actor's consent, given when its tension
// with the convoy's actor is below `escortConsentTensionBelow` (and the two are not hostile).
//
// Checkpoints. A convoy entering a place where an actor that is not the convoy's actor or its ally
// keeps a checkpoint (`location.checkpoint`) is halted there: a stand-off (status `halted`,
// `standoff` set), escorted or not. The stand-off ends when the checkpoint is lifted (the convoy
// drives on), when a third actor mediates (after `standoffMediationTurns` turns, any actor that is
// party to neither side (an escort may be), hostile to neither, and whose tension with the
// convoy's actor is below `mediationTensionBelow`: the one with the lowest such tension, ties by
// id), or when the convoy's actor gives up after `standoffGiveUpTurns` turns and turns it back. A
// convoy in a stand-off is not fired on.
//
// Interdiction. Each place a convoy enters on its way (not its destination), and the place it
// stands at when it does not move, is checked: when it is under hostile artillery fire
// (`underHostileFire`) or contested (units of an actor hostile to the convoy stand there), the
// convoy is hit with the per-mille chance of `interdictionChance` (base, + airspace closed,
// + escalation rung × a number, + not notified to Russia or − notified, − escort, − air-defence
// vehicles; clamped 0..1000). A hit is followed by a d10: up to `interdictionDelayedMaxRoll`
// delayed (it stops and loses the next turn too), up to `interdictionDamagedMaxRoll` damaged
// (`convoyDamagePct` more damage, as much of its supply cargo lost, `convoyDamagedKilledPct` of
// the soldiers aboard killed: crews plus troops carried; destroyed once damage reaches 100 %), up
// to `interdictionTurnedBackMaxRoll` turned back, above it destroyed (`convoyDestroyedKilledPct`
// of the soldiers aboard killed). The actor whose fire it was is the `by` of the event: the owner
// of the nearest hostile artillery in range, else the strongest hostile actor in the place.
//
// A convoy turned back drives home along the road it came by, whoever holds it now (it is still
// fired on, but no longer stopped at checkpoints), and is stood down at its origin. On arrival a
// convoy unloads its supply days (up to the post's stores) and its troops join the garrison; at
// an encircled post only an escorted convoy gets through (an unescorted one is turned back), and a
// convoy whose post has been evacuated or overrun turns back.
import type { EventSink } from '../events.ts';
import { drawInt, rollD10 } from '../rng.ts';
import type { Convoy, DispatchConvoyOrder, GameState, RejectCode, Result, RuleParams } from '../types.ts';
import {
  actorName,
  findRelation,
  hostileHeld,
  isFriendly,
  isHostile,
  pathTo,
  placeName,
  roadBetween,
  roadGraph,
  searchRoadGraph,
  sortedIds,
  type RoadGraph,
} from '../world.ts';
import { distance2, underHostileFire } from './highways.ts';
import { ceilDiv } from './movement.ts';
import { observeAttack } from './observation.ts';
import { assessPost } from './posts.ts';
import { beingChanged } from '../working.ts';

export const MAX_CONVOY_VEHICLES = 1000;
export const MAX_CONVOY_SUPPLY_DAYS = 90;
export const MAX_CONVOY_TROOPS = 2000;

function reject(code: RejectCode, message: string): Result<never> {
  return { ok: false, code, message };
}

const ok: Result = { ok: true, value: true };

// ---------------------------------------------------------------- small queries

/** Tension between two actors (0 when no relation is recorded). */
export function tensionBetween(state: Pick<GameState, 'relations'>, a: string, b: string): number {
  return findRelation(state.relations, a, b)?.tension ?? 0;
}

/**
 * Whether a convoy of `actor` with `escort` ('' for none) is kept out of `location`: it is held by
 * an actor hostile to the convoy, and (when escorted) hostile to the escort as well.
 */
export function convoyBarred(state: GameState, actor: string, escort: string, location: string): boolean {
  if (!hostileHeld(state, actor, location)) return false;
  return escort === '' || hostileHeld(state, escort, location);
}

/**
 * Routes found. A route depends only on the roads, on who holds each place and on who is hostile
 * to whom, so the routes are kept per roads object for one "ground": the holders and the stances,
 * as a string (`groundOf`). Most turns change neither, so the routes found one turn serve the
 * next ones, and every actor's view (which shares the places and the relations with the state).
 * They are kept as one tree of cheapest routes per convoy actor, source and escort
 * (`convoyTree`), which answers for every post at once.
 * States are never changed once made; the working copy a step is writing is never looked up here.
 */
const routeMemo = new WeakMap<object, { ground: string; trees: Map<string, ConvoyTree> }>();

/** The holders of the places and the stances of the relations, as a string; kept per object. */
const groundParts = new WeakMap<object, string>();

/** The ground of a state, kept per places object with the relations it was made with. */
const grounds = new WeakMap<object, { relations: object; ground: string }>();

/**
 * The ground of `state` as a string (see `routeMemo`). `known`, the ground the routes are kept
 * for: when the state's ground is the same, that very string is kept and given back, so that
 * later calls compare two strings by identity rather than character by character.
 */
function groundOf(state: GameState, known: string | undefined): string {
  const kept = grounds.get(state.locations);
  if (kept !== undefined && kept.relations === state.relations) return kept.ground;
  let holders = groundParts.get(state.locations);
  if (holders === undefined) {
    holders = sortedIds(state.locations)
      .map((id) => `${id}=${state.locations[id]!.controller}`)
      .join(';');
    groundParts.set(state.locations, holders);
  }
  let stances = groundParts.get(state.relations);
  if (stances === undefined) {
    stances = state.relations.map((r) => `${r.a}/${r.b}=${r.stance}`).join(';');
    groundParts.set(state.relations, stances);
  }
  let ground = `${holders}|${stances}`;
  if (ground === known) ground = known;
  grounds.set(state.locations, { relations: state.relations, ground });
  return ground;
}

/** The shortest road route for a convoy that keeps out of places it is barred from (see `convoyBarred`). */
export function convoyRoute(
  state: GameState,
  actor: string,
  from: string,
  to: string,
  escort = '',
): string[] | null {
  if (beingChanged(state.locations) || beingChanged(state.relations))
    return routeIn(convoyTree(state, actor, from, escort), from, to);
  let memo = routeMemo.get(state.roads);
  const ground = groundOf(state, memo?.ground);
  if (memo === undefined || memo.ground !== ground) {
    memo = { ground, trees: new Map() };
    routeMemo.set(state.roads, memo);
  }
  const key = `${actor}|${from}|${escort}`;
  let tree = memo.trees.get(key);
  if (tree === undefined) {
    tree = convoyTree(state, actor, from, escort);
    memo.trees.set(key, tree);
  }
  return routeIn(tree, from, to);
}

/** The cheapest routes from one source: the previous place on the way to each place reached. */
interface ConvoyTree {
  graph: RoadGraph;
  /** The source's number, -1 when no road touches it. */
  start: number;
  prev: readonly number[];
}

/**
 * The cheapest routes (by road length) from `from` for a convoy of `actor` with `escort`: it may
 * end at any place, but goes on only from the source and from places that are neither an
 * observation post nor barred to it. The route to a place is the one a search for that place
 * alone would find (cheapestPath, entering no other post and no barred place): the places a route
 * goes through are the same, each is settled the same way (cost, then id: see `searchRoadGraph`), and
 * a place no search goes on from changes nothing for the others.
 */
function convoyTree(state: GameState, actor: string, from: string, escort: string): ConvoyTree {
  const graph = roadGraph(state.roads);
  const start = graph.index.get(from);
  if (start === undefined) return { graph, start: -1, prev: [] };
  const { prev } = searchRoadGraph(state, start, {
    canEnter: () => true,
    cost: (road) => road.length,
    canLeave: (id) => state.locations[id]!.kind !== 'post' && !convoyBarred(state, actor, escort, id),
  });
  return { graph, start, prev };
}

/** The route from the tree's source to `to`, or null when the tree does not reach `to`. */
function routeIn(tree: ConvoyTree, from: string, to: string): string[] | null {
  if (to === from) return [from];
  const end = tree.graph.index.get(to);
  if (tree.start < 0 || end === undefined || tree.prev[end]! < 0) return null;
  return pathTo(tree.graph, tree.prev, tree.start, end);
}

/** Whether `escort` agrees to escort a convoy of `actor`: a sentence when it refuses, '' when it consents. */
export function escortRefusal(state: GameState, actor: string, escort: string): string {
  if (isHostile(state, actor, escort))
    return `${actorName(state, escort)} is hostile to ${actorName(state, actor)} and will not escort its convoy.`;
  const tension = tensionBetween(state, actor, escort);
  const limit = state.params.escortConsentTensionBelow;
  if (tension >= limit)
    return `${actorName(state, escort)} refuses to escort the convoy: tension with ${actorName(state, actor)} is ${tension}, consent needs it below ${limit}.`;
  return '';
}

// ---------------------------------------------------------------- dispatch: the order

export function validateDispatch(state: GameState, actor: string, order: DispatchConvoyOrder): Result {
  const source = state.locations[order.from];
  if (!source) return reject('unknown_location', `There is no place "${order.from}" on the map.`);
  if (!state.actors[actor]!.supplySources.includes(order.from))
    return reject(
      'not_a_supply_source',
      `${source.name} is not a supply source of ${state.actors[actor]!.name}.`,
    );
  if (hostileHeld(state, actor, order.from))
    return reject('not_a_supply_source', `${source.name} is held by a hostile actor.`);
  const post = state.posts[order.post];
  if (!post) return reject('unknown_post', `There is no observation post "${order.post}".`);
  if (post.actor !== actor)
    return reject('unknown_post', `${post.name} is not a post of ${state.actors[actor]!.name}.`);
  if (post.status === 'evacuated' || post.status === 'overrun')
    return reject('post_closed', `${post.name} has been ${post.status}; no convoy goes there any more.`);
  const counts = [
    order.vehicles.tanks,
    order.vehicles.armoured,
    order.vehicles.trucks,
    order.vehicles.airDefence,
  ];
  const vehicles = counts.reduce((a, b) => a + b, 0);
  if (counts.some((n) => !Number.isInteger(n) || n < 0) || vehicles < 1 || vehicles > MAX_CONVOY_VEHICLES)
    return reject('bad_number', `A convoy has 1 to ${MAX_CONVOY_VEHICLES} vehicles (got ${vehicles}).`);
  const { supplyDays, troops } = order.cargo;
  if (!Number.isInteger(supplyDays) || supplyDays < 0 || supplyDays > MAX_CONVOY_SUPPLY_DAYS)
    return reject(
      'bad_number',
      `A convoy carries 0 to ${MAX_CONVOY_SUPPLY_DAYS} supply days (got ${supplyDays}).`,
    );
  if (!Number.isInteger(troops) || troops < 0 || troops > MAX_CONVOY_TROOPS)
    return reject('bad_number', `A convoy carries 0 to ${MAX_CONVOY_TROOPS} troops (got ${troops}).`);
  if (supplyDays + troops === 0) return reject('bad_number', 'A convoy must carry supplies or troops.');
  const escort = order.escort ?? '';
  if (escort !== '') {
    if (!state.actors[escort])
      return reject('unknown_actor', `There is no actor "${escort}" to escort the convoy.`);
    if (escort === actor)
      return reject(
        'same_actor',
        `${state.actors[actor]!.name} cannot ask itself for an escort; leave the escort empty.`,
      );
    const refusal = escortRefusal(state, actor, escort);
    if (refusal !== '') return reject('no_consent', refusal);
  }
  if (escort === '' && post.status === 'encircled')
    return reject(
      'no_route',
      `${post.name} is encircled: only a convoy under escort (e.g. Russia's) can get through.`,
    );
  if (order.route) {
    const route = order.route;
    if (route.length < 2 || route[0] !== order.from || route[route.length - 1] !== post.location)
      return reject(
        'bad_route',
        `The route must run from ${source.name} to ${placeName(state, post.location)}.`,
      );
    for (let i = 0; i + 1 < route.length; i++) {
      if (!roadBetween(state, route[i]!, route[i + 1]!))
        return reject(
          'bad_route',
          `No road joins ${placeName(state, route[i]!)} and ${placeName(state, route[i + 1]!)}.`,
        );
    }
    return ok;
  }
  if (!convoyRoute(state, actor, order.from, post.location, escort))
    return reject(
      'no_route',
      escort === ''
        ? `No road from ${source.name} to ${post.name} avoids places held by hostile actors.`
        : `No road from ${source.name} to ${post.name} avoids places hostile to both ${actorName(state, actor)} and its escort.`,
    );
  return ok;
}

/** Sets a convoy on the road. Reads `view` (the state as the step began), writes `state`. */
export function dispatchConvoy(
  state: GameState,
  view: GameState,
  actor: string,
  order: DispatchConvoyOrder,
  sink: EventSink,
): void {
  const post = view.posts[order.post]!;
  const escort = order.escort ?? '';
  const route = order.route ?? convoyRoute(view, actor, order.from, post.location, escort)!;
  const id = `convoy_${state.nextSerial}`;
  state.nextSerial += 1;
  const convoy: Convoy = {
    id,
    actor,
    origin: order.from,
    destination: post.id,
    route: [...route],
    leg: 0,
    covered: 0,
    vehicles: { ...order.vehicles },
    cargo: { ...order.cargo },
    escort,
    notified: order.notified,
    status: 'moving',
    delay: 0,
    damage: 0,
    standoff: null,
  };
  state.convoys[id] = convoy;
  sink.emit(
    'convoy.departed',
    escort === '' ? actor : [actor, escort],
    order.from,
    () =>
      `${actorName(view, actor)} sends a convoy of ${vehicleCount(convoy)} vehicles from ${placeName(view, order.from)} ` +
      `to ${post.name} with ${cargoWords(convoy)} (${order.notified ? 'Russia notified' : 'Russia not notified'}` +
      `${escort === '' ? '' : `; escorted by ${actorName(view, escort)}`}).`,
    {
      convoy: id,
      post: post.id,
      vehicles: vehicleCount(convoy),
      supplyDays: order.cargo.supplyDays,
      troops: order.cargo.troops,
      notified: order.notified,
      escort,
      route: route.join(' '),
    },
  );
}

// ---------------------------------------------------------------- interdiction: the numbers

export interface InterdictionInput {
  airspaceClosed: boolean;
  /** The escalation rung, 0-5. */
  escalation: number;
  notified: boolean;
  escorted: boolean;
  /** Air-defence vehicles in the convoy. */
  airDefence: number;
}

export interface ChancePart {
  /** What the part is, in words ("base", "notified to Russia", …). */
  label: string;
  /** Per-mille points it adds (negative: subtracts). */
  perMille: number;
}

/**
 * The per-mille chance that a convoy is hit at a place under hostile fire or contested, and the
 * parts it is made of: base + airspace closed + escalation × per-rung + not notified (or −
 * notified) − escort − air defence (per vehicle, capped), clamped to 0..1000.
 */
export function interdictionChance(
  params: RuleParams,
  input: InterdictionInput,
): { perMille: number; parts: ChancePart[] } {
  const parts: ChancePart[] = [{ label: 'base', perMille: params.interdictionBasePerMille }];
  if (input.airspaceClosed)
    parts.push({ label: 'airspace closed', perMille: params.interdictionAirspaceClosedPenalty });
  if (input.escalation > 0)
    parts.push({
      label: `escalation ${input.escalation} × ${params.interdictionPerEscalationLevel}`,
      perMille: input.escalation * params.interdictionPerEscalationLevel,
    });
  if (input.notified)
    parts.push({ label: 'notified to Russia', perMille: -params.interdictionNotifiedBonus });
  else parts.push({ label: 'not notified to Russia', perMille: params.interdictionNotNotifiedPenalty });
  if (input.escorted) parts.push({ label: 'escorted', perMille: -params.interdictionEscortBonus });
  if (input.airDefence > 0)
    parts.push({
      label: `${input.airDefence} air-defence vehicle${input.airDefence === 1 ? '' : 's'}`,
      perMille: -Math.min(
        params.interdictionAirDefenceMaxBonus,
        input.airDefence * params.interdictionAirDefencePerVehicle,
      ),
    });
  let sum = 0;
  for (const p of parts) sum += p.perMille;
  return { perMille: Math.max(0, Math.min(1000, sum)), parts };
}

export type InterdictionOutcome = 'delayed' | 'damaged' | 'turned_back' | 'destroyed';

/** What a hit does, by the d10 roll. */
export function interdictionOutcome(params: RuleParams, d10: number): InterdictionOutcome {
  if (d10 <= params.interdictionDelayedMaxRoll) return 'delayed';
  if (d10 <= params.interdictionDamagedMaxRoll) return 'damaged';
  if (d10 <= params.interdictionTurnedBackMaxRoll) return 'turned_back';
  return 'destroyed';
}

/** Soldiers aboard: the crews of its vehicles and the troops it carries. */
export function soldiersAboard(state: GameState, convoy: Pick<Convoy, 'vehicles' | 'cargo'>): number {
  return vehicleCount(convoy) * state.params.convoyCrewPerVehicle + convoy.cargo.troops;
}

function chanceWords(parts: ChancePart[], perMille: number): string {
  let text = '';
  parts.forEach((p, i) => {
    const n = p.perMille;
    text += i === 0 ? `${n}‰ ${p.label}` : ` ${n < 0 ? '−' : '+'} ${Math.abs(n)} ${p.label}`;
  });
  return `${text} = ${perMille}‰`;
}

/**
 * Who would fire on a convoy of `actor` at `location`: the owner of the nearest hostile artillery
 * in range (ties by unit id) when the place is under hostile fire, else the strongest hostile
 * actor with units standing there (ties by id); null when the place is neither.
 */
export function interdictionThreat(
  state: GameState,
  actor: string,
  location: string,
): { by: string; fire: boolean; contested: boolean } | null {
  const fire = underHostileFire(state, actor, location);
  let gunner = '';
  let best = -1;
  const present: Record<string, number> = {};
  const range2 = state.params.artilleryRangeM * state.params.artilleryRangeM;
  for (const id of sortedIds(state.units)) {
    const u = state.units[id]!;
    if (u.transit !== null || u.strength <= 0 || !isHostile(state, actor, u.actor)) continue;
    if (u.location === location) present[u.actor] = (present[u.actor] ?? 0) + u.strength;
    if (fire && u.type === 'artillery') {
      const d2 = distance2(state, u.location, location);
      if (d2 <= range2 && (best < 0 || d2 < best)) {
        best = d2;
        gunner = u.actor;
      }
    }
  }
  let strongest = '';
  for (const a of sortedIds(present))
    if (strongest === '' || present[a]! > present[strongest]!) strongest = a;
  const contested = strongest !== '';
  if (!fire && !contested) return null;
  return { by: fire && gunner !== '' ? gunner : strongest, fire, contested };
}

// ---------------------------------------------------------------- movement

type Moved = 'on' | 'stop' | 'gone';

/** Reads `view` (the state as the step began), writes `state`. */
export function moveConvoys(state: GameState, view: GameState, sink: EventSink): void {
  for (const id of sortedIds(view.convoys)) {
    const convoy = state.convoys[id];
    if (!convoy || convoy.status === 'arrived' || convoy.status === 'destroyed') continue;
    const post = view.posts[convoy.destination];
    const postName = post?.name ?? convoy.destination;

    // The post it drives to is gone: it turns back.
    if (
      convoy.status !== 'turned_back' &&
      (!post || post.status === 'evacuated' || post.status === 'overrun')
    ) {
      const at = convoy.route[convoy.leg]!;
      turnBack(state, view, convoy);
      sink.emit(
        'convoy.moved',
        convoy.actor,
        at,
        () => `The convoy to ${postName} turns back: the post has been ${post?.status ?? 'closed'}.`,
        { convoy: id, at, turnedBack: true, waiting: false },
      );
      if (!state.convoys[id]) continue;
    }

    // A stand-off at a checkpoint.
    if (convoy.status === 'halted') {
      if (!resolveStandoff(state, view, convoy, sink)) continue;
      if (!state.convoys[id]) continue;
    }

    // A delayed convoy stands still this turn (and may be hit where it stands).
    if (convoy.delay > 0) {
      convoy.delay -= 1;
      const at = convoy.route[convoy.leg]!;
      sink.emit(
        'convoy.moved',
        convoy.actor,
        at,
        () =>
          `The convoy to ${postName} is held up near ${placeName(view, at)} after coming under fire and does not move this turn.`,
        { convoy: id, at, waiting: true, delayed: true },
      );
      if (convoy.covered === 0) interdictAt(state, view, convoy, at, sink);
      continue;
    }

    driveConvoy(state, view, convoy, sink);
  }
}

function driveConvoy(state: GameState, view: GameState, convoy: Convoy, sink: EventSink): void {
  const id = convoy.id;
  const postName = view.posts[convoy.destination]?.name ?? convoy.destination;
  const returning = convoy.status === 'turned_back';
  let budget = state.params.convoySpeedKmPerDay * 1000 * state.calendar.daysPerTurn;
  const startLeg = convoy.leg;
  const startCovered = convoy.covered;
  let blockedAt = '';
  let outcome: Moved = 'on';
  while (budget > 0 && convoy.leg + 1 < convoy.route.length) {
    const here = convoy.route[convoy.leg]!;
    const next = convoy.route[convoy.leg + 1]!;
    const isLast = convoy.leg + 2 === convoy.route.length;
    if (!returning && !isLast && convoyBarred(view, convoy.actor, convoy.escort, next)) {
      blockedAt = next;
      break;
    }
    const road = roadBetween(view, here, next)!;
    const pct = view.params.roadSpeedPct[road.class];
    const needed = ceilDiv((road.length - convoy.covered) * 100, pct);
    if (budget < needed) {
      convoy.covered += Math.floor((budget * pct) / 100);
      break;
    }
    budget -= needed;
    convoy.leg += 1;
    convoy.covered = 0;
    if (isLast) break;
    if (!returning && checkpointStops(view, convoy, next)) {
      halt(state, view, convoy, next, sink);
      outcome = 'stop';
      break;
    }
    outcome = interdictAt(state, view, convoy, next, sink);
    if (outcome !== 'on') break;
  }
  if (outcome === 'gone' || !state.convoys[id]) return;
  const at = convoy.route[convoy.leg]!;
  if (convoy.leg + 1 === convoy.route.length) {
    if (convoy.status === 'turned_back') standDown(state, convoy, sink);
    else arrive(state, view, convoy, sink);
    return;
  }
  if (outcome === 'stop') return;
  const moved = convoy.leg !== startLeg || convoy.covered !== startCovered;
  if (blockedAt !== '') {
    sink.emit(
      'convoy.moved',
      convoy.actor,
      at,
      () =>
        `The convoy to ${postName} waits at ${placeName(view, at)}: ` +
        `${placeName(view, blockedAt)} ahead is held by ${actorName(view, view.locations[blockedAt]!.controller)}.`,
      { convoy: id, at, blockedAt, waiting: true },
    );
  } else if (moved) {
    sink.emit(
      'convoy.moved',
      convoy.actor,
      at,
      () =>
        returning
          ? `The convoy turned back from ${postName} drives home past ${placeName(view, at)}.`
          : `The convoy to ${postName} drives on past ${placeName(view, at)}.`,
      { convoy: id, at, waiting: false, turnedBack: returning },
    );
  }
  // Standing still at a place: it may be hit where it stands.
  if (!moved && convoy.covered === 0) interdictAt(state, view, convoy, at, sink);
}

/** The interdiction check at `location`; returns whether the convoy goes on, stops or is gone. */
function interdictAt(
  state: GameState,
  view: GameState,
  convoy: Convoy,
  location: string,
  sink: EventSink,
): Moved {
  const threat = interdictionThreat(view, convoy.actor, location);
  if (!threat) return 'on';
  const { perMille, parts } = interdictionChance(view.params, {
    airspaceClosed: view.meters.airspaceClosed,
    escalation: view.meters.escalation,
    notified: convoy.notified,
    escorted: convoy.escort !== '',
    airDefence: convoy.vehicles.airDefence,
  });
  if (perMille <= 0) return 'on';
  const roll = drawInt(state.rng, 1000);
  if (roll >= perMille) return 'on';
  const d10 = rollD10(state.rng);
  const p = view.params;
  let outcome = interdictionOutcome(p, d10);
  const postName = view.posts[convoy.destination]?.name ?? convoy.destination;
  const aboard = soldiersAboard(state, convoy);
  let killed = 0;
  let supplyLost = 0;
  let result = '';
  let moved: Moved = 'stop';
  if (outcome === 'damaged') {
    convoy.damage = Math.min(100, convoy.damage + p.convoyDamagePct);
    supplyLost = Math.floor((convoy.cargo.supplyDays * p.convoyDamagePct) / 100);
    convoy.cargo.supplyDays -= supplyLost;
    killed =
      aboard === 0 ? 0 : Math.min(aboard, Math.max(1, Math.floor((aboard * p.convoyDamagedKilledPct) / 100)));
    const troopsKilled =
      aboard === 0 ? 0 : Math.min(convoy.cargo.troops, Math.floor((killed * convoy.cargo.troops) / aboard));
    convoy.cargo.troops -= troopsKilled;
    if (convoy.damage >= 100) outcome = 'destroyed';
    else {
      result = `damaged: ${convoy.damage} % damage in all, ${supplyLost} supply day${supplyLost === 1 ? '' : 's'} lost, ${killed} soldier${killed === 1 ? '' : 's'} killed; it drives on`;
      moved = 'on';
    }
  }
  if (outcome === 'destroyed') {
    const more =
      aboard === 0
        ? 0
        : Math.min(aboard, Math.max(1, Math.floor((aboard * p.convoyDestroyedKilledPct) / 100)));
    killed = Math.max(killed, more);
    supplyLost += convoy.cargo.supplyDays;
    result = `destroyed: ${killed} soldier${killed === 1 ? '' : 's'} killed, the cargo lost`;
    moved = 'gone';
  } else if (outcome === 'delayed') {
    convoy.delay = 1;
    result = 'delayed: it stops here and loses the next turn too';
  } else if (outcome === 'turned_back') {
    result = `turned back towards ${placeName(view, convoy.origin)}`;
  }
  if (killed > 0) state.meters.losses[convoy.actor] = (state.meters.losses[convoy.actor] ?? 0) + killed;
  const why = threat.fire
    ? `${placeName(view, location)} is under ${actorName(view, threat.by)} artillery fire`
    : `hostile units of ${actorName(view, threat.by)} stand in ${placeName(view, location)}`;
  sink.emit(
    'convoy.interdicted',
    [threat.by, convoy.actor],
    location,
    () =>
      `${actorName(view, convoy.actor)}'s convoy to ${postName} is hit at ${placeName(view, location)} (${why}): ` +
      `chance ${chanceWords(parts, perMille)}, roll ${roll} < ${perMille} → hit; d10 ${d10} → ${result}.`,
    {
      convoy: convoy.id,
      actor: convoy.actor,
      post: convoy.destination,
      by: threat.by,
      outcome,
      perMille,
      roll,
      d10,
      fire: threat.fire,
      contested: threat.contested,
      supplyLost,
      damage: convoy.damage,
      [`killed:${convoy.actor}`]: killed,
    },
  );
  observeAttack(
    state,
    view,
    sink,
    threat.by,
    location,
    `fire on a ${actorName(view, convoy.actor)} convoy at ${placeName(view, location)}`,
  );
  if (outcome === 'destroyed') delete state.convoys[convoy.id];
  else if (outcome === 'turned_back') {
    turnBack(state, view, convoy);
    if (!state.convoys[convoy.id]) return 'gone';
  }
  return moved;
}

/** Does a checkpoint at `location` stop this convoy? */
function checkpointStops(view: GameState, convoy: Convoy, location: string): boolean {
  const keeper = view.locations[location]?.checkpoint ?? '';
  return keeper !== '' && !isFriendly(view, convoy.actor, keeper);
}

function halt(state: GameState, view: GameState, convoy: Convoy, location: string, sink: EventSink): void {
  const keeper = view.locations[location]!.checkpoint;
  convoy.status = 'halted';
  convoy.standoff = { at: location, with: keeper, since: state.turn };
  const p = view.params;
  sink.emit(
    'convoy.halted',
    [convoy.actor, keeper],
    location,
    () =>
      `${actorName(view, convoy.actor)}'s convoy to ${view.posts[convoy.destination]?.name ?? convoy.destination} is stopped at a ` +
      `${actorName(view, keeper)} checkpoint in ${placeName(view, location)}: a stand-off. It stays until the checkpoint is lifted, ` +
      `a third actor mediates (after ${p.standoffMediationTurns} turns), or it gives up (after ${p.standoffGiveUpTurns} turns).`,
    { convoy: convoy.id, actor: convoy.actor, with: keeper, at: location, released: false, waited: 0 },
  );
}

/** The actor that would mediate a stand-off between `actor` and `keeper`, or ''. */
export function mediatorFor(state: GameState, actor: string, keeper: string): string {
  let best = '';
  let bestTension = 0;
  for (const id of sortedIds(state.actors)) {
    if (id === actor || id === keeper) continue;
    if (isHostile(state, id, actor) || isHostile(state, id, keeper)) continue;
    const t = tensionBetween(state, id, actor);
    if (t >= state.params.mediationTensionBelow) continue;
    if (best === '' || t < bestTension) {
      best = id;
      bestTension = t;
    }
  }
  return best;
}

/** A turn of a stand-off; returns true when the convoy is released and drives on this turn. */
function resolveStandoff(state: GameState, view: GameState, convoy: Convoy, sink: EventSink): boolean {
  const standoff = convoy.standoff!;
  const waited = state.turn - standoff.since;
  const at = standoff.at;
  const keeper = standoff.with;
  const p = view.params;
  const postName = view.posts[convoy.destination]?.name ?? convoy.destination;
  const release = (why: string, data: Record<string, string | number | boolean>): true => {
    convoy.status = 'moving';
    convoy.standoff = null;
    sink.emit(
      'convoy.halted',
      [convoy.actor, keeper],
      at,
      () =>
        `The stand-off at ${placeName(view, at)} ends after ${waited} turn${waited === 1 ? '' : 's'}: ${why}; the convoy to ${postName} drives on.`,
      { convoy: convoy.id, actor: convoy.actor, with: keeper, at, released: true, waited, ...data },
    );
    return true;
  };
  if (view.locations[at]?.checkpoint !== keeper)
    return release(`the ${actorName(view, keeper)} checkpoint has been lifted`, { mediator: '' });
  if (waited >= p.standoffMediationTurns) {
    const mediator = mediatorFor(view, convoy.actor, keeper);
    if (mediator !== '')
      return release(
        `${actorName(view, mediator)} mediates (its tension with ${actorName(view, convoy.actor)} is ` +
          `${tensionBetween(view, mediator, convoy.actor)}, below ${p.mediationTensionBelow})`,
        { mediator },
      );
  }
  if (waited >= p.standoffGiveUpTurns) {
    turnBack(state, view, convoy);
    sink.emit(
      'convoy.halted',
      [convoy.actor, keeper],
      at,
      () =>
        `${actorName(view, convoy.actor)} gives up the stand-off at ${placeName(view, at)} after ${waited} turns with no mediator: ` +
        `the convoy to ${postName} turns back.`,
      { convoy: convoy.id, actor: convoy.actor, with: keeper, at, released: false, gaveUp: true, waited },
    );
    return true;
  }
  sink.emit(
    'convoy.halted',
    [convoy.actor, keeper],
    at,
    () =>
      `The convoy to ${postName} is still held at the ${actorName(view, keeper)} checkpoint in ${placeName(view, at)} ` +
      `(turn ${waited} of the stand-off; mediation possible from turn ${p.standoffMediationTurns}, it gives up at turn ${p.standoffGiveUpTurns}).`,
    { convoy: convoy.id, actor: convoy.actor, with: keeper, at, released: false, waited },
  );
  return false;
}

/** Reverses the convoy towards its origin from where it is now (stood down at once if it is there). */
function turnBack(state: GameState, view: GameState, convoy: Convoy): void {
  const back = convoy.route.slice(0, convoy.leg + 1).reverse();
  if (convoy.covered > 0 && convoy.leg + 1 < convoy.route.length) {
    const ahead = convoy.route[convoy.leg + 1]!;
    const road = roadBetween(view, convoy.route[convoy.leg]!, ahead)!;
    convoy.route = [ahead, ...back];
    convoy.covered = road.length - convoy.covered;
  } else {
    convoy.route = back;
    convoy.covered = 0;
  }
  convoy.leg = 0;
  convoy.status = 'turned_back';
  convoy.standoff = null;
  convoy.delay = 0;
  if (convoy.route.length === 1) delete state.convoys[convoy.id];
}

function standDown(state: GameState, convoy: Convoy, sink: EventSink): void {
  delete state.convoys[convoy.id];
  sink.emit(
    'convoy.moved',
    convoy.actor,
    convoy.origin,
    () =>
      `The convoy turned back from ${state.posts[convoy.destination]?.name ?? convoy.destination} is home at ${placeName(state, convoy.origin)} and stands down; its cargo is not delivered.`,
    { convoy: convoy.id, at: convoy.origin, waiting: false, turnedBack: true, returned: true },
  );
}

export function vehicleCount(convoy: Pick<Convoy, 'vehicles'>): number {
  const v = convoy.vehicles;
  return v.tanks + v.armoured + v.trucks + v.airDefence;
}

function cargoWords(convoy: Convoy): string {
  const parts: string[] = [];
  if (convoy.cargo.supplyDays > 0) parts.push(`${convoy.cargo.supplyDays} days of supply`);
  if (convoy.cargo.troops > 0) parts.push(`${convoy.cargo.troops} troops`);
  return parts.length > 0 ? parts.join(' and ') : 'nothing left to deliver';
}

function arrive(state: GameState, view: GameState, convoy: Convoy, sink: EventSink): void {
  const post = state.posts[convoy.destination]!;
  const situation = assessPost(view, view.posts[convoy.destination]!);
  if (situation.status === 'encircled' && convoy.escort === '') {
    turnBack(state, view, convoy);
    sink.emit(
      'convoy.moved',
      convoy.actor,
      post.location,
      () => `The convoy cannot get through the ring around ${post.name} without an escort and turns back.`,
      { convoy: convoy.id, at: post.location, waiting: false, turnedBack: true },
    );
    return;
  }
  const before = post.supplyDays;
  const garrisonBefore = post.garrison;
  post.supplyDays = Math.min(post.maxSupplyDays, post.supplyDays + convoy.cargo.supplyDays);
  post.garrison += convoy.cargo.troops;
  delete state.convoys[convoy.id];
  const escorted = convoy.escort === '' ? '' : ` under ${actorName(view, convoy.escort)} escort`;
  const data = {
    convoy: convoy.id,
    actor: convoy.actor,
    post: post.id,
    before,
    after: post.supplyDays,
    cargo: convoy.cargo.supplyDays,
    troops: convoy.cargo.troops,
    garrison: post.garrison,
    escort: convoy.escort,
    encircled: situation.status === 'encircled',
  };
  sink.emit(
    'post.resupplied',
    convoy.actor,
    post.location,
    () =>
      `${post.name} is resupplied by convoy${escorted}: supply ${before} → ${post.supplyDays} days` +
      (post.supplyDays - before < convoy.cargo.supplyDays ? ` (stores full at ${post.maxSupplyDays})` : '') +
      (convoy.cargo.troops > 0 ? `; garrison ${garrisonBefore} → ${post.garrison}.` : '.'),
    data,
  );
  sink.emit(
    'convoy.arrived',
    escorted === '' ? convoy.actor : [convoy.actor, convoy.escort],
    post.location,
    () =>
      `The convoy of ${vehicleCount(convoy)} vehicles reaches ${post.name}${escorted}: supply ${before} → ${post.supplyDays} days` +
      (post.supplyDays - before < convoy.cargo.supplyDays ? ` (stores full at ${post.maxSupplyDays})` : '') +
      (convoy.cargo.troops > 0
        ? `; ${convoy.cargo.troops} troops join the garrison (now ${post.garrison}).`
        : '.'),
    data,
  );
}
