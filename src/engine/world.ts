// Small pure queries over the state: sorted ids, who is hostile to whom, the road graph.
import type { GameState, Location, Road, Stance } from './types.ts';

export function sortedIds(record: Record<string, unknown>): string[] {
  return Object.keys(record).sort();
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

// The road graph never changes during a game, and immer keeps the `roads` object identical
// across turns, so the adjacency lists are built once per roads object.
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

/**
 * Cheapest path by `cost` from `from` to any location accepted by `isGoal`, through locations
 * accepted by `canEnter` (the start is always allowed). Ties are broken by location id, so the
 * same graph always gives the same path. Returns the list of location ids, start included.
 */
export function cheapestPath(
  state: GameState,
  from: string,
  isGoal: (location: string) => boolean,
  canEnter: (location: Location) => boolean,
  cost: (road: Road) => number,
): string[] | null {
  const dist: Record<string, number> = { [from]: 0 };
  const prev: Record<string, string> = {};
  const done = new Set<string>();
  for (;;) {
    let current: string | null = null;
    for (const id of Object.keys(dist)) {
      if (done.has(id)) continue;
      if (current === null || dist[id]! < dist[current]! || (dist[id] === dist[current] && id < current))
        current = id;
    }
    if (current === null) return null;
    if (isGoal(current)) {
      const path = [current];
      while (path[0] !== from) path.unshift(prev[path[0]!]!);
      return path;
    }
    done.add(current);
    for (const n of neighbours(state, current)) {
      if (done.has(n.location)) continue;
      const loc = state.locations[n.location];
      if (!loc || !canEnter(loc)) continue;
      const d = dist[current]! + cost(n.road);
      const known = dist[n.location];
      if (known === undefined || d < known || (d === known && current < prev[n.location]!)) {
        dist[n.location] = d;
        prev[n.location] = current;
      }
    }
  }
}
