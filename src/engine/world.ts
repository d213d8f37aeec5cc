// Small pure queries over the state: sorted ids, who is hostile to whom, the road graph.
import type { GameState, Location, Result, Road, SpawnedUnit, Stance, Unit } from './types.ts';

/**
 * The sorted keys of the larger records, by record: reused while the record's own keys are the
 * same, in the same order (checked on every call, so a record that gains or loses a key, a
 * working copy being changed included, is sorted again).
 */
const sortedKeys = new WeakMap<object, { keys: string[]; sorted: string[] }>();

/** Records with fewer keys than this are sorted on every call. */
const MEMO_KEYS = 8;

/** The keys of a record in code-unit order (a new array, the caller's to change). */
export function sortedIds(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  if (keys.length < MEMO_KEYS) return keys.sort();
  const memo = sortedKeys.get(record);
  if (memo !== undefined && sameKeys(memo.keys, keys)) return memo.sorted.slice();
  const sorted = keys.slice().sort();
  sortedKeys.set(record, { keys, sorted });
  return sorted.slice();
}

/**
 * Lets `copy`, a copy of `record` with the same keys in the same order, reuse the keys already
 * sorted for `record` (a working copy of the units, say). Still checked on every call.
 */
export function shareSortedIds(record: object, copy: object): void {
  const memo = sortedKeys.get(record);
  if (memo !== undefined) sortedKeys.set(copy, memo);
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function stanceOf(state: Pick<GameState, 'relations'>, a: string, b: string): Stance | 'self' {
  if (a === b) return 'self';
  for (const r of state.relations) {
    if ((r.a === a && r.b === b) || (r.a === b && r.b === a)) return r.stance;
  }
  return 'neutral';
}

export function isHostile(state: Pick<GameState, 'relations'>, a: string, b: string): boolean {
  return a !== '' && b !== '' && stanceOf(state, a, b) === 'hostile';
}

/** The same actor or an ally. */
export function isFriendly(state: Pick<GameState, 'relations'>, a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  const s = stanceOf(state, a, b);
  return s === 'self' || s === 'allied';
}

/** A place is hostile ground for `actor` when an actor hostile to it holds the place. */
export function hostileHeld(state: GameState, actor: string, location: string): boolean {
  const loc = state.locations[location];
  return loc !== undefined && isHostile(state, actor, loc.controller);
}

/** A unit as it enters the game (at the start or from a trigger): holding, off the road. */
export function newUnit(u: SpawnedUnit): Unit {
  return {
    id: u.id,
    actor: u.actor,
    name: u.name,
    type: u.type,
    strength: u.strength,
    readiness: u.readiness,
    location: u.location,
    destination: '',
    transit: null,
  };
}

export function actorName(state: GameState, id: string): string {
  return state.actors[id]?.name ?? (id === '' ? 'nobody' : id);
}

export function placeName(state: GameState, id: string): string {
  return state.locations[id]?.name ?? id;
}

export interface Neighbour {
  location: string;
  road: Road;
}

// The road graph never changes during a game, and every state of a game shares one frozen `roads`
// object (src/engine/working.ts), so the adjacency lists are built once per roads object.
const adjacencyCache = new WeakMap<Record<string, Road>, Record<string, Neighbour[]>>();

export function adjacency(roads: Record<string, Road>): Record<string, Neighbour[]> {
  const cached = adjacencyCache.get(roads);
  if (cached) return cached;
  const adj: Record<string, Neighbour[]> = {};
  for (const id of sortedIds(roads)) {
    const road = roads[id]!;
    (adj[road.from] ??= []).push({ location: road.to, road });
    (adj[road.to] ??= []).push({ location: road.from, road });
  }
  for (const key of Object.keys(adj)) {
    adj[key]!.sort((p, q) =>
      p.location < q.location ? -1 : p.location > q.location ? 1 : p.road.id < q.road.id ? -1 : 1,
    );
  }
  adjacencyCache.set(roads, adj);
  return adj;
}

export function neighbours(state: GameState, location: string): Neighbour[] {
  return adjacency(state.roads)[location] ?? [];
}

export function roadBetween(state: GameState, a: string, b: string): Road | null {
  let best: Road | null = null;
  for (const n of neighbours(state, a)) {
    if (n.location === b && (best === null || n.road.length < best.length)) best = n.road;
  }
  return best;
}

export interface RoadSearch {
  /** Which places the search may enter (the start is always allowed). */
  canEnter: (location: Location) => boolean;
  cost: (road: Road) => number;
  /** Whether the search may go on from a place it has reached (from the start it always may). */
  canLeave?: (location: string) => boolean;
  /** Places that would cost more than this are not reached. */
  maxCost?: number;
  /** The search stops as soon as it settles a place accepted by this. */
  isGoal?: (location: string) => boolean;
}

/**
 * Dijkstra over the road graph from `from`. Ties are broken by location id, so the same graph
 * always gives the same answer. Returns the cost of every place settled or reached, the previous
 * place on the cheapest way to each, and the goal settled (null when none was).
 */
export function searchRoads(
  state: GameState,
  from: string,
  o: RoadSearch,
): { dist: Record<string, number>; prev: Record<string, string>; goal: string | null } {
  const dist: Record<string, number> = { [from]: 0 };
  const prev: Record<string, string> = {};
  const done = new Set<string>();
  // The place settled next is the unsettled one with the least cost, ties to the lower id: a
  // binary heap of (cost, id) entries; an entry whose cost has since been lowered is skipped.
  const heap = new PlaceHeap();
  heap.push(0, from);
  for (;;) {
    const top = heap.pop();
    if (top === null) return { dist, prev, goal: null };
    const current = top.id;
    if (done.has(current) || top.cost !== dist[current]) continue;
    if (o.isGoal?.(current)) return { dist, prev, goal: current };
    done.add(current);
    if (current !== from && o.canLeave && !o.canLeave(current)) continue;
    for (const n of neighbours(state, current)) {
      if (done.has(n.location)) continue;
      const loc = state.locations[n.location];
      if (!loc || !o.canEnter(loc)) continue;
      const d = dist[current]! + o.cost(n.road);
      if (o.maxCost !== undefined && d > o.maxCost) continue;
      const known = dist[n.location];
      if (known === undefined || d < known || (d === known && current < prev[n.location]!)) {
        dist[n.location] = d;
        prev[n.location] = current;
        if (known === undefined || d < known) heap.push(d, n.location);
      }
    }
  }
}

/** A min-heap of places by (cost, id). */
class PlaceHeap {
  private readonly costs: number[] = [];
  private readonly ids: string[] = [];

  private less(i: number, j: number): boolean {
    const a = this.costs[i]!;
    const b = this.costs[j]!;
    return a < b || (a === b && this.ids[i]! < this.ids[j]!);
  }

  private swap(i: number, j: number): void {
    const c = this.costs[i]!;
    this.costs[i] = this.costs[j]!;
    this.costs[j] = c;
    const id = this.ids[i]!;
    this.ids[i] = this.ids[j]!;
    this.ids[j] = id;
  }

  push(cost: number, id: string): void {
    this.costs.push(cost);
    this.ids.push(id);
    let i = this.costs.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): { cost: number; id: string } | null {
    const n = this.costs.length;
    if (n === 0) return null;
    const top = { cost: this.costs[0]!, id: this.ids[0]! };
    const lastCost = this.costs.pop()!;
    const lastId = this.ids.pop()!;
    if (n > 1) {
      this.costs[0] = lastCost;
      this.ids[0] = lastId;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < n - 1 && this.less(l, m)) m = l;
        if (r < n - 1 && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}

/**
 * Cheapest path by `cost` from `from` to any location accepted by `isGoal`, through locations
 * accepted by `canEnter` (the start is always allowed). Returns the list of location ids, start
 * included, or null when no such path exists.
 */
export function cheapestPath(
  state: GameState,
  from: string,
  isGoal: (location: string) => boolean,
  canEnter: (location: Location) => boolean,
  cost: (road: Road) => number,
): string[] | null {
  const { prev, goal } = searchRoads(state, from, { canEnter, cost, isGoal });
  if (goal === null) return null;
  const path = [goal];
  while (path[0] !== from) path.unshift(prev[path[0]!]!);
  return path;
}

/**
 * The unit `id` if it belongs to `actor` and stands at a place (not on a road); otherwise a
 * rejection saying why. `purpose` ends the sentence: "a checkpoint is set where a unit stands".
 */
export function ownStandingUnit(state: GameState, actor: string, id: string, purpose: string): Result<Unit> {
  const unit = state.units[id];
  if (!unit || unit.strength <= 0)
    return { ok: false, code: 'unknown_unit', message: `There is no unit "${id}".` };
  if (unit.actor !== actor)
    return { ok: false, code: 'not_your_unit', message: `${unit.name} belongs to another actor.` };
  if (unit.transit !== null)
    return {
      ok: false,
      code: 'unknown_location',
      message: `${unit.name} is on the road to ${placeName(state, unit.transit.toward)}; ${purpose}.`,
    };
  return { ok: true, value: unit };
}
