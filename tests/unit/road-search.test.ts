// The road search (`searchRoadGraph` in src/engine/world.ts) against a plain reference: the same
// Dijkstra written the obvious way, on ids, settling the cheapest place reached (ties to the lower
// id) one at a time. Random maps, random limits: the answers must agree to the last place.
// And convoy routes, read from one tree of routes per source (src/engine/rules/convoys.ts), against
// a search for each post alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GameState, Location, Road } from '../../src/engine/index.ts';
import { convoyBarred, convoyRoute } from '../../src/engine/rules/convoys.ts';
import {
  cheapestPath,
  roadGraph,
  SearchScratch,
  searchRoadGraph,
  type RoadSearch,
} from '../../src/engine/world.ts';

function reference(
  roads: Road[],
  locations: Record<string, Location>,
  from: string,
  o: RoadSearch,
): { dist: Record<string, number>; prev: Record<string, string>; goal: string | null } {
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
    if (current === null) return { dist, prev, goal: null };
    if (o.isGoal?.(current)) return { dist, prev, goal: current };
    done.add(current);
    if (current !== from && o.canLeave && !o.canLeave(current)) continue;
    for (const road of roads) {
      const other = road.from === current ? road.to : road.to === current ? road.from : null;
      if (other === null || done.has(other)) continue;
      const loc = locations[other];
      if (!loc || !o.canEnter(loc)) continue;
      const d = dist[current]! + o.cost(road);
      if (o.maxCost !== undefined && d > o.maxCost) continue;
      const known = dist[other];
      if (known === undefined || d < known || (d === known && current < prev[other]!)) {
        dist[other] = d;
        prev[other] = current;
      }
    }
  }
}

/** The search's answer in ids, as `reference` gives it; null for a start no road touches. */
function searchInIds(
  state: GameState,
  from: string,
  o: RoadSearch,
  scratch?: SearchScratch,
): { dist: Record<string, number>; prev: Record<string, string>; goal: string | null } | null {
  const start = roadGraph(state.roads).index.get(from);
  if (start === undefined) return null;
  const { graph, dist, prev, reached, goal } = searchRoadGraph(state, start, o, scratch);
  const out = {
    dist: {} as Record<string, number>,
    prev: {} as Record<string, string>,
    goal: null as string | null,
  };
  for (const i of reached) {
    out.dist[graph.ids[i]!] = dist[i]!;
    if (prev[i]! >= 0) out.prev[graph.ids[i]!] = graph.ids[prev[i]!]!;
  }
  if (goal >= 0) out.goal = graph.ids[goal]!;
  return out;
}

const PLACES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

/** Random roads between the places: up to `count`, each 1 to `longest` long. */
function randomRoads(count: number, longest: number) {
  return fc.array(
    fc.record({
      from: fc.constantFrom(...PLACES),
      to: fc.constantFrom(...PLACES),
      length: fc.integer({ min: 1, max: longest }),
    }),
    { maxLength: count },
  );
}

/** The drawn roads as the map has them: no road from a place to itself, ids in order. */
function mapRoads(drawn: { from: string; to: string; length: number }[]): Road[] {
  return drawn
    .filter((r) => r.from !== r.to)
    .map((r, i) => ({ id: `r${String(i).padStart(2, '0')}`, class: 'road', ...r }));
}

/** The parts of a state a road search reads: the roads by id, the places and anything else given. */
function roadState(roads: Road[], locations: Record<string, Location>, rest: object = {}): GameState {
  return {
    roads: Object.fromEntries(roads.map((r) => [r.id, r])),
    locations,
    ...rest,
  } as unknown as GameState;
}

const world = fc.record({
  roads: randomRoads(16, 5),
  closed: fc.subarray(PLACES),
  stops: fc.subarray(PLACES),
  goals: fc.subarray(PLACES),
  maxCost: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
  from: fc.constantFrom(...PLACES, 'nowhere'),
});

type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

/**
 * A drawn world's roads, places, state and search. One place ('h') is on roads but not on the map:
 * the search must pass it by.
 */
function searchSetting(w: World) {
  const roads = mapRoads(w.roads);
  const locations: Record<string, Location> = {};
  for (const id of PLACES.slice(0, -1))
    locations[id] = { id, name: id, kind: 'town', x: 0, y: 0, population: 0, residents: 0 } as Location;
  const state = roadState(roads, locations);
  const search: RoadSearch = {
    canEnter: (loc) => !w.closed.includes(loc.id),
    cost: (road) => road.length,
    canLeave: (id) => !w.stops.includes(id),
    maxCost: w.maxCost,
    isGoal: w.goals.length > 0 ? (id) => w.goals.includes(id) : undefined,
  };
  return { roads, locations, state, search };
}

describe('searchRoadGraph', () => {
  it('agrees with the plain search: costs, ways and goal, ties to the lower id', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { roads, locations, state, search } = searchSetting(w);
        const got = searchInIds(state, w.from, search);
        const want = reference(roads, locations, w.from, search);
        if (got === null) {
          // A start no road touches: the search settles it and ends; a route goes nowhere but to it.
          const here = w.goals.includes(w.from);
          expect(want).toEqual({ dist: { [w.from]: 0 }, prev: {}, goal: here ? w.from : null });
          const path = cheapestPath(
            state,
            w.from,
            (id) => w.goals.includes(id),
            search.canEnter,
            search.cost,
          );
          expect(path).toEqual(here ? [w.from] : null);
          return;
        }
        expect(got.goal).toBe(want.goal);
        expect(got.dist).toEqual(want.dist);
        expect(got.prev).toEqual(want.prev);
      }),
      { numRuns: 2000 },
    );
  });

  it('answers the same with a scratch that earlier searches, on other maps, have filled', () => {
    // One scratch for every run: maps of other sizes, searches that stopped at a goal with
    // entries left on the heap, searches that reached more or fewer places.
    const scratch = new SearchScratch();
    fc.assert(
      fc.property(world, (w) => {
        const { roads, locations, state, search } = searchSetting(w);
        expect(searchInIds(state, w.from, search, scratch)).toEqual(searchInIds(state, w.from, search));
        // And from every place (but those no road touches, which no search starts from), one
        // search after another on the same scratch.
        for (const from of PLACES) {
          const got = searchInIds(state, from, search, scratch);
          if (got !== null) expect(got).toEqual(reference(roads, locations, from, search));
        }
      }),
      { numRuns: 500 },
    );
  });
});

const ACTORS = ['', 't', 'r', 'x', 'y'];
const STANCES = ['hostile', 'neutral', 'allied'] as const;

const ground = fc.record({
  roads: randomRoads(18, 4),
  posts: fc.subarray(PLACES),
  holders: fc.array(fc.constantFrom(...ACTORS), { minLength: PLACES.length, maxLength: PLACES.length }),
  stances: fc.array(fc.constantFrom(...STANCES), { minLength: 4, maxLength: 4 }),
  from: fc.constantFrom(...PLACES),
  escort: fc.constantFrom('', 'r'),
});

describe('convoyRoute', () => {
  it('gives, for every place, the route a search for that place alone finds', () => {
    fc.assert(
      fc.property(ground, (w) => {
        const roads = mapRoads(w.roads);
        const locations: Record<string, Location> = {};
        PLACES.forEach((id, i) => {
          locations[id] = {
            id,
            name: id,
            kind: w.posts.includes(id) ? 'post' : 'town',
            controller: w.holders[i]!,
          } as Location;
        });
        // The convoy's actor t and its escort r, each with a stance to x and to y.
        const relations = [
          { a: 't', b: 'x', stance: w.stances[0]!, tension: 0 },
          { a: 't', b: 'y', stance: w.stances[1]!, tension: 0 },
          { a: 'r', b: 'x', stance: w.stances[2]!, tension: 0 },
          { a: 'r', b: 'y', stance: w.stances[3]!, tension: 0 },
        ];
        const state = roadState(roads, locations, { relations });
        for (const to of PLACES) {
          const alone = cheapestPath(
            state,
            w.from,
            (id) => id === to,
            (loc) => loc.id === to || (loc.kind !== 'post' && !convoyBarred(state, 't', w.escort, loc.id)),
            (road) => road.length,
          );
          expect(convoyRoute(state, 't', w.from, to, w.escort)).toEqual(alone);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
