// What an actor observes, against the rules worked out the long way (every place against every
// post and every held place): the same places, added in the same order, also for a state whose
// places stand elsewhere on the same road map (the places near each place are kept by road map).
import { describe, expect, it } from 'vitest';
import { distance2, sortedIds, type GameState } from '../../src/engine/index.ts';
import { neighbours } from '../../src/engine/world.ts';
import { observedPlaces } from '../../src/engine/view.ts';
import { scenarioHead, tinyGame, type TinyWorld } from './helpers.ts';

// base --10-- a --10-- b --10-- c --30-- d --10-- e; p_site (x 60, y 8) off d: blue post op1.
const world: TinyWorld = {
  places: [
    { id: 'base', kind: 'crossing', at: [0, 0] },
    { id: 'a', at: [10, 0] },
    { id: 'b', at: [20, 0] },
    { id: 'c', at: [30, 0] },
    { id: 'd', at: [60, 0] },
    { id: 'e', at: [70, 0] },
    { id: 'p_site', kind: 'post', at: [60, 8] },
  ],
  roads: [
    ['base', 'a', 10],
    ['a', 'b', 10],
    ['b', 'c', 10],
    ['c', 'd', 30],
    ['d', 'e', 10],
    ['d', 'p_site', 8, 'track'],
  ],
  posts: [{ id: 'op1', location: 'p_site' }],
  scenario: scenarioHead(`control: { default: blue, holds: { red: [d, e] } }
posts:
  - { id: op1, actor: blue, garrison: 100, supplyDays: 10 }
units:
  - { id: u1, actor: blue, name: Blue column, type: mechanised, strength: 17, readiness: 90, location: a }
  - { id: r1, actor: red, name: Red, type: infantry, strength: 23, readiness: 70, location: e }
params: { droneViewRangeM: 12000 }
victory:
  objectives: []
`),
};

/** The places `actor` observes, by the rules at the top of src/engine/view.ts, the long way. */
function observedTheLongWay(state: GameState, actor: string): string[] {
  const seen = new Set<string>();
  for (const id of sortedIds(state.units)) {
    const u = state.units[id]!;
    if (u.actor !== actor || u.transit !== null || u.strength <= 0) continue;
    seen.add(u.location);
    for (const n of neighbours(state, u.location)) seen.add(n.location);
  }
  const places = sortedIds(state.locations);
  for (const id of sortedIds(state.posts)) {
    const post = state.posts[id]!;
    if (post.actor !== actor || post.status === 'evacuated' || post.status === 'overrun') continue;
    if (!state.locations[post.location]) continue;
    for (const place of places)
      if (distance2(state, post.location, place) <= post.radius * post.radius) seen.add(place);
  }
  if (state.actors[actor]!.droneSorties > 0 && !state.meters.airspaceClosed) {
    const r2 = state.params.droneViewRangeM * state.params.droneViewRangeM;
    const held = places.filter((id) => state.locations[id]!.controller === actor);
    for (const place of places)
      if (!seen.has(place) && held.some((h) => distance2(state, h, place) <= r2)) seen.add(place);
  }
  return [...seen];
}

/** `state` with its places moved by `dx` metres east (those in `which`), on the same road map. */
function moved(state: GameState, which: string[], dx: number, freeze: boolean): GameState {
  const locations = { ...state.locations };
  for (const id of which) locations[id] = { ...locations[id]!, x: locations[id]!.x + dx };
  return { ...state, locations: freeze ? Object.freeze(locations) : locations };
}

function withDrones(state: GameState, actor: string): GameState {
  return { ...state, actors: { ...state.actors, [actor]: { ...state.actors[actor]!, droneSorties: 2 } } };
}

describe('observed places', () => {
  const start = tinyGame(world);

  it.each([
    ['as set up', start],
    ['with drones', withDrones(start, 'blue')],
    ['with the post moved away (frozen)', moved(start, ['p_site'], 50_000, true)],
    ['with the post moved away (not frozen)', moved(start, ['p_site'], 50_000, false)],
    ['with the drone bases moved', withDrones(moved(start, ['c', 'd', 'e'], -15_000, true), 'blue')],
    ['for the other side, with drones', withDrones(start, 'red')],
  ])('%s', (_name, state) => {
    for (const actor of ['blue', 'red'])
      expect([...observedPlaces(state, actor)]).toEqual(observedTheLongWay(state, actor));
  });

  it('reads each state by its own places, whatever state was read before on the same roads', () => {
    const away = moved(start, ['p_site'], 50_000, true);
    expect(away.roads).toBe(start.roads);
    expect(observedPlaces(start, 'blue').has('d')).toBe(true);
    expect(observedPlaces(away, 'blue').has('d')).toBe(false);
    expect(observedPlaces(start, 'blue').has('d')).toBe(true);
  });
});
