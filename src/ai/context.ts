// What a computer actor works out once per decision from its view of the game: who it is at war
// with, how strong the enemy looks at each place, who has been killing its soldiers, where the
// patrol routes and the highway towns are. Factors (factors.ts) read this rather than the raw view
// so that scoring a few hundred candidates stays cheap.
import {
  distance2,
  findRelation,
  isFriendly,
  isHostile,
  neighbours,
  sortedIds,
  type Condition,
  type Doctrine,
  type GameState,
  type ThresholdName,
  type Unit,
} from '../engine/index.ts';

/** How far back (in turns) an actor remembers who struck it. */
export const MEMORY_TURNS = 3;

export interface Context {
  view: GameState;
  actor: string;
  doctrine: Doctrine;
  th: Record<ThresholdName, number>;
  turkey: string;
  russia: string;
  syria: string;
  /** Strength of hostile units standing at each place, as the actor sees it. */
  hostileStrength: Map<string, number>;
  /** Actors (other than the viewer) standing at each place, and those beside it. */
  actorsAt: Map<string, Set<string>>;
  /** The actor's own standing strength at each place (strength × readiness / 100). */
  ownStrength: Map<string, number>;
  /** Hostile garrison strength of a live post at its place. */
  postDefence: Map<string, number>;
  /** Places where a live observation post of another actor stands → its actor. */
  postAt: Map<string, string>;
  /** Places next to a live post of an actor hostile to the viewer. */
  besidePost: Set<string>;
  /** Actors whose strikes or assaults hit the viewer in the last few turns. */
  struckBy: Set<string>;
  /** Places hit by Russian strikes in the last few turns (as far as the viewer saw). */
  russianStrikes: Set<string>;
  /** Places along the highways (shared by every context of a game: read only). */
  highwayTowns: ReadonlySet<string>;
  /** Places on the route of an active joint patrol the viewer does not take part in. */
  patrolRoutes: Set<string>;
  /** Own convoys on the way, by post. */
  convoysTo: Set<string>;
  /** The most valuable place the actor holds (its heart: Idlib for HTS). */
  heart: string;
  /** The heart and the places next to it (empty when the actor holds nothing). */
  nearHeart: Set<string>;
  /** A ceasefire with the actor among its parties, pending, that takes effect this turn or before. */
  ceasefireStarting: boolean;
  /** Places found to be front line (`frontLine`), kept for the decision: place → answer. */
  frontLineSeen: Map<string, boolean>;
  /** Places the actor's own objectives name (to take or hold), from their conditions. */
  objectivePlaces: Set<string>;
  /**
   * Places where hostile artillery stands within range of a highway the actor's objectives want
   * open (guns in range keep a highway closed however much of it the actor holds).
   */
  gunsOnObjectives: Set<string>;
  /** Places Turkish guns reach (for the actors Turkey supports): see `turkishGunRange`. */
  turkishGuns: Set<string> | null;
}

/**
 * The places Turkish guns reach, worked out when first asked (one factor asks, in few doctrines).
 * A function and a plain field rather than a getter in the context's literal: V8 (Node 20) makes
 * an object literal with an accessor in the old generation, and everything such an object points
 * to (here the view and the context's maps and sets) then outlives the scavenges until the next
 * full collection. With the getter, every decision's view and context moved to the old
 * generation (docs/architecture.md).
 */
export function turkishGunRange(ctx: Context): Set<string> {
  return (ctx.turkishGuns ??= ctx.actor === ctx.turkey ? new Set() : gunRange(ctx.view, ctx.turkey));
}

export function tensionOf(view: GameState, a: string, b: string): number {
  return findRelation(view.relations, a, b)?.tension ?? 0;
}

function gunRange(view: GameState, actor: string): Set<string> {
  const out = new Set<string>();
  const range2 = view.params.artilleryRangeM * view.params.artilleryRangeM;
  const places = sortedIds(view.locations);
  for (const id of sortedIds(view.units)) {
    const u = view.units[id]!;
    if (u.actor !== actor || u.type !== 'artillery' || u.strength <= 0 || u.transit !== null) continue;
    for (const p of places) if (distance2(view, u.location, p) <= range2) out.add(p);
  }
  return out;
}

/** Places where hostile standing artillery reaches one of `towns`. */
function gunsReaching(view: GameState, actor: string, towns: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  if (towns.size === 0) return out;
  const range2 = view.params.artilleryRangeM * view.params.artilleryRangeM;
  for (const id of sortedIds(view.units)) {
    const u = view.units[id]!;
    if (u.type !== 'artillery' || u.strength <= 0 || u.transit !== null) continue;
    if (!isHostile(view, actor, u.actor)) continue;
    for (const t of towns)
      if (distance2(view, u.location, t) <= range2) {
        out.add(u.location);
        break;
      }
  }
  return out;
}

/**
 * The places the actor's open objectives (those it can see: its own) ask it to control:
 * `controls` of itself, `not controls` of another actor, the towns of a highway it must see open;
 * and among them the towns of highways to open.
 */
function objectiveAims(view: GameState, actor: string): { places: Set<string>; highwayTowns: Set<string> } {
  const aims = { places: new Set<string>(), highwayTowns: new Set<string>() };
  for (const o of view.victory.objectives)
    if (o.actor === actor && view.victory.achieved[o.id] === undefined)
      addAims(view, actor, o.condition, false, aims);
  return aims;
}

/** Adds to `aims` the places condition `c` (`negated`: its opposite) asks `actor` to control. */
function addAims(
  view: GameState,
  actor: string,
  c: Condition,
  negated: boolean,
  aims: { places: Set<string>; highwayTowns: Set<string> },
): void {
  if ('all' in c) for (const x of c.all) addAims(view, actor, x, negated, aims);
  else if ('any' in c) for (const x of c.any) addAims(view, actor, x, negated, aims);
  else if ('not' in c) addAims(view, actor, c.not, !negated, aims);
  else if ('controls' in c) {
    if ((c.controls.actor === actor) !== negated) aims.places.add(c.controls.location);
  } else if ('highway_open' in c && !negated) {
    const hw = view.highways[c.highway_open.highway];
    if (hw && (c.highway_open.actor === actor || isFriendly(view, actor, c.highway_open.actor)))
      for (const w of hw.waypoints) {
        aims.places.add(w);
        aims.highwayTowns.add(w);
      }
  }
}

/**
 * The places along the highways, by highways record: the highways' routes never change, and every
 * state of a game (and every view) shares one record (src/engine/working.ts).
 */
const townsOfHighways = new WeakMap<object, ReadonlySet<string>>();

function highwayTownsOf(view: GameState): ReadonlySet<string> {
  let towns = townsOfHighways.get(view.highways);
  if (towns === undefined) {
    const all = new Set<string>();
    for (const id of sortedIds(view.highways)) for (const w of view.highways[id]!.waypoints) all.add(w);
    townsOfHighways.set(view.highways, (towns = all));
  }
  return towns;
}

/** A unit's fighting strength: its strength as far as its readiness lets it fight. */
export function fighting(u: Unit): number {
  return Math.trunc((u.strength * u.readiness) / 100);
}

/** Adds `v` to the number kept for `k`. */
function add(m: Map<string, number>, k: string, v: number): void {
  m.set(k, (m.get(k) ?? 0) + v);
}

/** Whether `other` is hostile to `actor` (`isHostile`), kept in `known` once asked. */
function hostileTo(view: GameState, actor: string, other: string, known: Map<string, boolean>): boolean {
  let answer = known.get(other);
  if (answer === undefined) known.set(other, (answer = isHostile(view, actor, other)));
  return answer;
}

export function buildContext(view: GameState, actor: string, doctrine: Doctrine): Context {
  const roles = view.params.actorRoles;
  const hostileStrength = new Map<string, number>();
  const ownStrength = new Map<string, number>();
  const actorsAt = new Map<string, Set<string>>();
  const hostile = new Map<string, boolean>();
  for (const id of sortedIds(view.units)) {
    const u = view.units[id]!;
    if (u.strength <= 0 || u.transit !== null) continue;
    if (u.actor === actor) add(ownStrength, u.location, fighting(u));
    else {
      const there = actorsAt.get(u.location);
      if (there === undefined) actorsAt.set(u.location, new Set([u.actor]));
      else there.add(u.actor);
      if (hostileTo(view, actor, u.actor, hostile)) add(hostileStrength, u.location, u.strength);
    }
  }
  const postDefence = new Map<string, number>();
  const postAt = new Map<string, string>();
  const besidePost = new Set<string>();
  for (const id of sortedIds(view.posts)) {
    const p = view.posts[id]!;
    if (p.status === 'evacuated' || p.status === 'overrun' || p.actor === actor) continue;
    postAt.set(p.location, p.actor);
    if (!hostileTo(view, actor, p.actor, hostile)) continue;
    add(postDefence, p.location, Math.trunc(p.garrison / Math.max(1, view.params.garrisonPerStrength)));
    for (const n of neighbours(view, p.location)) besidePost.add(n.location);
  }
  const struckBy = new Set<string>();
  const russianStrikes = new Set<string>();
  for (let t = Math.max(0, view.log.length - MEMORY_TURNS); t < view.log.length; t++) {
    for (const e of view.log[t]!.events) {
      if (e.kind !== 'strike.resolved' && e.kind !== 'assault.resolved') continue;
      const attacker = e.actors[0];
      if (attacker === undefined) continue;
      if (attacker !== actor && e.actors.includes(actor)) struckBy.add(attacker);
      if (attacker === roles.russia && e.kind === 'strike.resolved' && e.location !== '')
        russianStrikes.add(e.location);
    }
  }
  const patrolRoutes = new Set<string>();
  for (const id of sortedIds(view.patrols)) {
    const p = view.patrols[id]!;
    if (p.status !== 'active' || p.actors.includes(actor)) continue;
    for (const l of p.route) patrolRoutes.add(l);
  }
  const convoysTo = new Set<string>();
  for (const id of sortedIds(view.convoys)) {
    const c = view.convoys[id]!;
    if (c.actor === actor && (c.status === 'moving' || c.status === 'halted')) convoysTo.add(c.destination);
  }
  let heart = '';
  let best = -1;
  for (const id of sortedIds(view.locations)) {
    const l = view.locations[id]!;
    const worth = l.value * 1_000_000 + Math.min(999_999, l.population);
    if (l.controller === actor && worth > best) {
      best = worth;
      heart = id;
    }
  }
  const nearHeart = new Set<string>();
  if (heart !== '') {
    nearHeart.add(heart);
    for (const n of neighbours(view, heart)) nearHeart.add(n.location);
  }
  const aims = objectiveAims(view, actor);
  return {
    objectivePlaces: aims.places,
    gunsOnObjectives: gunsReaching(view, actor, aims.highwayTowns),
    view,
    actor,
    doctrine,
    th: doctrine.thresholds,
    turkey: roles.turkey,
    russia: roles.russia,
    syria: roles.syria,
    hostileStrength,
    actorsAt,
    ownStrength,
    postDefence,
    postAt,
    besidePost,
    struckBy,
    russianStrikes,
    highwayTowns: highwayTownsOf(view),
    patrolRoutes,
    convoysTo,
    heart,
    nearHeart,
    ceasefireStarting: ceasefireStarting(view, actor),
    frontLineSeen: new Map(),
    turkishGuns: null,
  };
}

/** Whether a ceasefire with `actor` among its parties is pending and takes effect this turn or before. */
function ceasefireStarting(view: GameState, actor: string): boolean {
  for (const id of sortedIds(view.agreements)) {
    const a = view.agreements[id]!;
    if (a.status === 'pending' && a.startTurn <= view.turn && a.ceasefire && a.parties.includes(actor))
      return true;
  }
  return false;
}

/** Whether `place` is held by the actor or an ally. */
export function heldByFriend(ctx: Context, place: string): boolean {
  const c = ctx.view.locations[place]?.controller ?? '';
  return c === ctx.actor || (c !== '' && isFriendly(ctx.view, ctx.actor, c));
}

/** Whether `place` is on the front line: a place next to it is held by an enemy, or enemy units stand there. */
export function frontLine(ctx: Context, place: string): boolean {
  let answer = ctx.frontLineSeen.get(place);
  if (answer === undefined) {
    answer = neighbours(ctx.view, place).some(
      (n) => heldByEnemy(ctx, n.location) || (ctx.hostileStrength.get(n.location) ?? 0) > 0,
    );
    ctx.frontLineSeen.set(place, answer);
  }
  return answer;
}

/** Whether `place` is held by an actor hostile to the viewer. */
export function heldByEnemy(ctx: Context, place: string): boolean {
  const c = ctx.view.locations[place]?.controller ?? '';
  return c !== '' && isHostile(ctx.view, ctx.actor, c);
}
