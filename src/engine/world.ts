// Small pure queries over the state: sorted ids, who is hostile to whom, the road graph.
import type { GameState, Location, Relation, Result, Road, SpawnedUnit, Stance, Unit } from './types.ts';

/**
 * The sorted keys of records, by record. For a frozen record (the records of every state are
 * frozen: deep with freezing on, one level deep with it off; see src/engine/working.ts and the
 * views) the memo is the answer: its keys can no longer change. For another record of the larger
 * sort, it is reused while the record's own keys are the same, in the same order (checked on
 * every call, so a record that gains or loses a key, a working copy being changed included, is
 * sorted again).
 *
 * The sorted arrays are not frozen: V8 (Node 20) reads a frozen array several times slower, and a
 * loop over one allocates at every step. Their type (`readonly string[]`) keeps callers from
 * changing them.
 */
const sortedKeys = new WeakMap<object, SortedKeys>();

interface SortedKeys {
  /** The record's keys in its own order, when sorted. */
  keys: readonly string[];
  sorted: readonly string[];
  /** Made for the record once frozen: the answer without a check. */
  fixed: boolean;
}

/** Lists longer than this go to the built-in sort (`sortShort`). */
const SHORT_LIST = 24;

/**
 * Sorts a list of strings in place in code-unit order, as `list.sort()` does, and returns it. The
 * lists sorted at every step and decision are short (a record's few keys, a unit's march targets,
 * the actors a clash concerns), and for those an insertion sort is about twice as fast as the
 * built-in one, which first copies the list into a work array of its own.
 */
export function sortShort(list: string[]): string[] {
  if (list.length > SHORT_LIST) return list.sort();
  for (let i = 1; i < list.length; i++) {
    const v = list[i]!;
    let j = i - 1;
    for (; j >= 0 && list[j]! > v; j--) list[j + 1] = list[j]!;
    list[j + 1] = v;
  }
  return list;
}

/** Sorts a list in place by `compare`, as `list.sort(compare)` does (stable), and returns it: see `sortShort`. */
export function sortShortBy<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  if (list.length > SHORT_LIST) return list.sort(compare);
  for (let i = 1; i < list.length; i++) {
    const v = list[i]!;
    let j = i - 1;
    for (; j >= 0 && compare(list[j]!, v) > 0; j--) list[j + 1] = list[j]!;
    list[j + 1] = v;
  }
  return list;
}

/** Records with fewer keys than this, unless frozen, are sorted on every call. */
const MEMO_KEYS = 8;

/**
 * The record whose fixed memo was read last, and its sorted keys: the calls in a row often ask
 * about the same record (a rule walking the units for each of several places), and this answers
 * them without the memo's lookup. A fixed memo never changes.
 */
let lastFixed: object | null = null;
let lastFixedSorted: readonly string[] = [];

/**
 * The keys of a record in code-unit order. Read-only: for a frozen or larger record it is the memo
 * itself, shared by every caller; copy it (`[...sortedIds(r)]`) to change it or keep it.
 */
export function sortedIds(record: Record<string, unknown>): readonly string[] {
  if (record === lastFixed) return lastFixedSorted;
  const memo = sortedKeys.get(record);
  if (memo !== undefined && memo.fixed) {
    lastFixed = record;
    lastFixedSorted = memo.sorted;
    return memo.sorted;
  }
  const keys = Object.keys(record);
  if (Object.isFrozen(record)) {
    // A memo made before the record was frozen (or shared from the record it was copied from)
    // is checked once more.
    const sorted = memo !== undefined && sameKeys(memo.keys, keys) ? memo.sorted : keys.slice().sort();
    sortedKeys.set(record, { keys, sorted, fixed: true });
    return sorted;
  }
  if (keys.length < MEMO_KEYS) return sortShort(keys);
  if (memo !== undefined && sameKeys(memo.keys, keys)) return memo.sorted;
  const sorted = keys.slice().sort();
  sortedKeys.set(record, { keys, sorted, fixed: false });
  return sorted;
}

/**
 * Freezes `record`, made with exactly the keys `ids` in that order, `ids` being sorted (a record
 * built by walking another's `sortedIds`, as the views build theirs): `sortedIds(record)` is then
 * `ids`, without listing the record's keys (which, for a record of more than a few entities, V8
 * keeps as a dictionary and lists slowly).
 */
export function freezeSorted<T extends object>(record: T, ids: readonly string[]): T {
  Object.freeze(record);
  if (record === lastFixed) lastFixed = null;
  sortedKeys.set(record, { keys: ids, sorted: ids, fixed: true });
  return record;
}

/**
 * Lets `copy`, a copy of `record` with the same keys in the same order, reuse the keys already
 * sorted for `record` (a working copy of the units, say). Still checked on every call.
 */
export function shareSortedIds(record: object, copy: object): void {
  const memo = sortedKeys.get(record);
  // Checked for the copy (which may gain or lose keys) like any memo not its own.
  if (memo !== undefined) sortedKeys.set(copy, { keys: memo.keys, sorted: memo.sorted, fixed: false });
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The relations of a list by pair (both ways round), the first of the list for a pair given twice.
 * It holds the relation objects themselves, so a stance or tension changed in place reads true; a
 * relation added (`ensureRelation` splices one in) changes the length, which builds it anew. (No
 * rule replaces a relation by another in place: a new list gets an index of its own.)
 */
interface RelationIndex {
  length: number;
  byPair: Map<string, Map<string, Relation>>;
}

/**
 * The list asked about last, and its index. The calls about one list come in a run, so this one
 * entry builds about as few indexes as a memo per list did (110 a computer-played game against
 * 108), and it lets the old ones die young: a memo in a WeakMap kept every index (and so every
 * list) alive through V8's scavenges, which treat a WeakMap's values as alive (see `shallowSources`
 * in src/engine/working.ts).
 */
let lastRelations: readonly Relation[] | null = null;
let lastIndex: RelationIndex | null = null;

function relationIndex(relations: readonly Relation[]): RelationIndex {
  if (relations === lastRelations && lastIndex!.length === relations.length) return lastIndex!;
  const index = buildRelationIndex(relations);
  lastRelations = relations;
  lastIndex = index;
  return index;
}

/**
 * A function of its own: `add` closes over `byPair`, and V8 makes a function's closure context as
 * the function is entered, so in `relationIndex` it would be made at every call, answered from the
 * last index or not.
 */
function buildRelationIndex(relations: readonly Relation[]): RelationIndex {
  const byPair = new Map<string, Map<string, Relation>>();
  const add = (x: string, y: string, r: Relation) => {
    let row = byPair.get(x);
    if (row === undefined) byPair.set(x, (row = new Map()));
    if (!row.has(y)) row.set(y, r);
  };
  for (const r of relations) {
    add(r.a, r.b, r);
    add(r.b, r.a, r);
  }
  return { length: relations.length, byPair };
}

/** The relation recorded between `a` and `b` (either way round), if any. */
export function findRelation(relations: readonly Relation[], a: string, b: string): Relation | undefined {
  return relationIndex(relations).byPair.get(a)?.get(b);
}

export function stanceOf(state: Pick<GameState, 'relations'>, a: string, b: string): Stance | 'self' {
  if (a === b) return 'self';
  return findRelation(state.relations, a, b)?.stance ?? 'neutral';
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
 * The road graph with places as numbers, for the searches: `ids` sorted (so comparing two
 * numbers compares the ids), and each place's neighbours as `adjacency` has them (by id, then by
 * road id) in `next`/`road` from `first[i]` up to `first[i + 1]`. Built once per roads object.
 */
export interface RoadGraph {
  ids: string[];
  index: Map<string, number>;
  first: Int32Array;
  next: Int32Array;
  road: Road[];
}

const graphCache = new WeakMap<Record<string, Road>, RoadGraph>();

export function roadGraph(roads: Record<string, Road>): RoadGraph {
  const cached = graphCache.get(roads);
  if (cached) return cached;
  const adj = adjacency(roads);
  const ids = Object.keys(adj).sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const first = new Int32Array(ids.length + 1);
  const next: number[] = [];
  const road: Road[] = [];
  ids.forEach((id, i) => {
    first[i] = next.length;
    for (const n of adj[id]!) {
      next.push(index.get(n.location)!);
      road.push(n.road);
    }
  });
  first[ids.length] = next.length;
  const graph = { ids, index, first, next: Int32Array.from(next), road };
  graphCache.set(roads, graph);
  return graph;
}

/** A road search's answer on the places' numbers (see `RoadGraph`; `graph.ids` names them). */
export interface RoadSearchResult {
  graph: RoadGraph;
  /** The start's number, -1 for a place no road touches. */
  start: number;
  /** Cost of each place reached, -1 where none. */
  dist: number[];
  /** The previous place on the cheapest way to each place reached, -1 where none. */
  prev: number[];
  /** The places reached, in the order first reached. */
  reached: number[];
  /** The goal settled, -1 when none was. */
  goal: number;
}

/**
 * Dijkstra over the road graph from the place numbered `start` (`roadGraph(..).index`). Ties are
 * broken by location id, so the same graph always gives the same answer: the cost of every place
 * settled or reached, in the order first reached, the previous place on the cheapest way to each,
 * and the goal settled (-1 when none was).
 */
export function searchRoadGraph(
  state: GameState,
  start: number,
  o: RoadSearch,
  scratch?: SearchScratch,
): RoadSearchResult {
  const g = roadGraph(state.roads);
  const n = g.ids.length;
  // Plain arrays of small integers: a typed array of more than 64 bytes keeps its data outside
  // V8's heap, and making the three for a map of 61 places took about 2 µs against 0.5 (Node 20),
  // for each of the thousands of searches in a game. A caller that is done with one search before
  // it starts the next passes the same `scratch` to each, which the search fills anew.
  const space = scratch ?? new SearchScratch();
  space.reset(n);
  const { dist, prev, done, reached, heap } = space;
  reached.push(start);
  dist[start] = 0;
  // The place settled next is the unsettled one with the least cost, ties to the lower id: a
  // binary heap of (cost, place) entries; an entry whose cost has since been lowered is skipped.
  heap.push(0, start);
  let goal = -1;
  while (heap.size > 0) {
    const cost = heap.topCost();
    const current = heap.pop();
    if (done[current] === 1 || cost !== dist[current]) continue;
    if (o.isGoal?.(g.ids[current]!)) {
      goal = current;
      break;
    }
    done[current] = 1;
    if (current !== start && o.canLeave && !o.canLeave(g.ids[current]!)) continue;
    for (let k = g.first[current]!; k < g.first[current + 1]!; k++) {
      const to = g.next[k]!;
      if (done[to] === 1) continue;
      const loc = state.locations[g.ids[to]!];
      if (!loc || !o.canEnter(loc)) continue;
      const d = dist[current]! + o.cost(g.road[k]!);
      if (o.maxCost !== undefined && d > o.maxCost) continue;
      const known = dist[to]!;
      if (known < 0 || d < known || (d === known && current < prev[to]!)) {
        if (known < 0) reached.push(to);
        dist[to] = d;
        prev[to] = current;
        if (known < 0 || d < known) heap.push(d, to);
      }
    }
  }
  return { graph: g, start, dist, prev, reached, goal };
}

/**
 * What a road search works in, and the arrays of its answer (`dist`, `prev`, `reached`). A search
 * given one (`searchRoadGraph`'s `scratch`) empties it first, so its answer holds until the next
 * search given the same one: for searches whose answers are read at once, one after another (the
 * march of each unit for the legal orders), which then make no new arrays each time.
 */
export class SearchScratch {
  readonly dist: number[] = [];
  readonly prev: number[] = [];
  readonly done: number[] = [];
  readonly reached: number[] = [];
  readonly heap = new PlaceHeap();

  /** Empties the scratch for a search over `n` places. */
  reset(n: number): void {
    const { dist, prev, done } = this;
    if (dist.length !== n) {
      dist.length = 0;
      prev.length = 0;
      done.length = 0;
      for (let i = 0; i < n; i++) {
        dist.push(-1);
        prev.push(-1);
        done.push(0);
      }
    } else
      for (let i = 0; i < n; i++) {
        dist[i] = -1;
        prev[i] = -1;
        done[i] = 0;
      }
    this.reached.length = 0;
    this.heap.clear();
  }
}

/** A min-heap of places (numbers, ordered as their ids) by (cost, place). */
class PlaceHeap {
  // The entries are the first `count` of each array; the arrays only grow, so a heap that is
  // cleared and filled again (a search's scratch) makes no new arrays.
  private readonly costs: number[] = [];
  private readonly places: number[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  clear(): void {
    this.count = 0;
  }

  topCost(): number {
    return this.costs[0]!;
  }

  private less(i: number, j: number): boolean {
    const a = this.costs[i]!;
    const b = this.costs[j]!;
    return a < b || (a === b && this.places[i]! < this.places[j]!);
  }

  private swap(i: number, j: number): void {
    const c = this.costs[i]!;
    this.costs[i] = this.costs[j]!;
    this.costs[j] = c;
    const p = this.places[i]!;
    this.places[i] = this.places[j]!;
    this.places[j] = p;
  }

  push(cost: number, place: number): void {
    let i = this.count++;
    if (i === this.costs.length) {
      this.costs.push(cost);
      this.places.push(place);
    } else {
      this.costs[i] = cost;
      this.places[i] = place;
    }
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Takes the least entry off the heap (which must not be empty) and returns its place. */
  pop(): number {
    const n = this.count--;
    const top = this.places[0]!;
    if (n > 1) {
      this.costs[0] = this.costs[n - 1]!;
      this.places[0] = this.places[n - 1]!;
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
  const start = roadGraph(state.roads).index.get(from);
  if (start === undefined) return isGoal(from) ? [from] : null;
  const { graph, prev, goal } = searchRoadGraph(state, start, { canEnter, cost, isGoal }, pathScratch);
  return goal < 0 ? null : pathTo(graph, prev, start, goal);
}

/** `cheapestPath`'s scratch: each search's answer is made into a path before the next starts. */
const pathScratch = new SearchScratch();

/** The places from `start` to `end` along `prev` (a search's previous places), both included. */
export function pathTo(graph: RoadGraph, prev: readonly number[], start: number, end: number): string[] {
  const path: string[] = [];
  for (let at = end; at !== start; at = prev[at]!) path.push(graph.ids[at]!);
  path.push(graph.ids[start]!);
  return path.reverse();
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
