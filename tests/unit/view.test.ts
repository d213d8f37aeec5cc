// Fog of war: what one actor sees. Own forces exact; others exact where observed (next to own
// units, within a post's radius, under own drones), estimated elsewhere; hidden RNG, reports and
// others' objectives; a filtered log; the full state for the review; and never a change to the game.
import { describe, expect, it } from 'vitest';
import {
  distance2,
  hashState,
  resolveTurn,
  sortedIds,
  viewFor,
  type Convoy,
  type GameEvent,
  type GameState,
} from '../../src/engine/index.ts';
import { estimateStrength, HIDDEN_READINESS, observedPlaces } from '../../src/engine/view.ts';
import { deepFreeze } from '../../src/engine/working.ts';
import { neighbours } from '../../src/engine/world.ts';
import { loadScenario, newGame } from '../../src/scenario/index.ts';
import { readText } from '../../src/cli/files.ts';
import { ROOT } from './cli-helpers.ts';
import { scenarioHead, tinyGame, type TinyWorld } from './helpers.ts';

// base --10-- a --10-- b --10-- c --30-- d --10-- e       (x in km; all on y = 0)
//                                        |8 (track)
//                                      p_site (x 60, y 8): blue post op1, radius 10 km
// q_site (x 200): a red post, far from everything.
const world = (withPost: boolean): TinyWorld => ({
  places: [
    { id: 'base', kind: 'crossing', at: [0, 0] },
    { id: 'a', at: [10, 0] },
    { id: 'b', at: [20, 0] },
    { id: 'c', at: [30, 0] },
    { id: 'd', at: [60, 0] },
    { id: 'e', at: [70, 0] },
    { id: 'p_site', kind: 'post', at: [60, 8] },
    { id: 'q_site', kind: 'post', at: [200, 0] },
  ],
  roads: [
    ['base', 'a', 10],
    ['a', 'b', 10],
    ['b', 'c', 10],
    ['c', 'd', 30],
    ['d', 'e', 10],
    ['d', 'p_site', 8, 'track'],
    ['e', 'q_site', 130, 'track'],
  ],
  posts: [
    { id: 'op1', location: 'p_site' },
    { id: 'op2', location: 'q_site' },
  ],
  scenario: scenarioHead(`control: { default: blue, holds: { red: [c, d, e, p_site] } }
posts:
${withPost ? '  - { id: op1, actor: blue, garrison: 100, supplyDays: 10 }\n' : ''}  - { id: op2, actor: red, garrison: 123, supplyDays: 7, maxSupplyDays: 21, readiness: 80 }
units:
  - { id: u1, actor: blue, name: Blue column, type: mechanised, strength: 17, readiness: 90, location: a }
  - { id: r1, actor: red, name: Red near, type: infantry, strength: 23, readiness: 70, location: b }
  - { id: r2, actor: red, name: Red far, type: infantry, strength: 23, readiness: 70, location: d }
  - { id: r3, actor: red, name: Red remnant, type: militia, strength: 3, readiness: 70, location: e }
  - { id: r4, actor: red, name: Red on the move, type: armour, strength: 36, readiness: 70, location: c }
  - { id: r5, actor: red, name: Red coming, type: armour, strength: 12, readiness: 70, location: c }
params: { droneViewRangeM: 12000 }
victory:
  objectives:
    - { id: blue_a, actor: blue, text: Hold A, points: 20, when: once, condition: { controls: { actor: blue, location: a } } }
    - { id: red_c, actor: red, text: Hold C, points: 30, when: once, condition: { controls: { actor: red, location: c } } }
`),
});

function roadId(state: GameState, a: string, b: string): string {
  return Object.values(state.roads).find((r) => (r.from === a && r.to === b) || (r.from === b && r.to === a))!
    .id;
}

/** The test world, with r4 driving c → d (bound for e) and r5 driving c → b (bound for a). */
function setUp(withPost = false): GameState {
  const s = tinyGame(world(withPost));
  return {
    ...s,
    units: {
      ...s.units,
      r4: {
        ...s.units.r4!,
        destination: 'e',
        transit: { road: roadId(s, 'c', 'd'), toward: 'd', covered: 5000 },
      },
      r5: {
        ...s.units.r5!,
        destination: 'a',
        transit: { road: roadId(s, 'b', 'c'), toward: 'b', covered: 2000 },
      },
    },
  };
}

function withBlueDrones(state: GameState, airspaceClosed = false): GameState {
  return {
    ...state,
    actors: { ...state.actors, blue: { ...state.actors.blue!, droneSorties: 2 } },
    meters: { ...state.meters, airspaceClosed },
  };
}

describe('what is observed', () => {
  it.each([
    ['own units see their place and its neighbours', false, false, false, ['a', 'b', 'base']],
    ['a standing post sees its radius', true, false, false, ['a', 'b', 'base', 'd', 'p_site']],
    ['drones see around every held place', false, true, false, ['a', 'b', 'base', 'c']],
    ['no drone sight while the airspace is closed', false, true, true, ['a', 'b', 'base']],
  ])('%s', (_name, post, drones, closed, expected) => {
    let state = setUp(post);
    if (drones) state = withBlueDrones(state, closed);
    expect([...observedPlaces(state, 'blue')].sort()).toEqual(expected);
  });

  it('an evacuated post sees nothing', () => {
    const s = setUp(true);
    const state = { ...s, posts: { ...s.posts, op1: { ...s.posts.op1!, status: 'evacuated' as const } } };
    expect(observedPlaces(state, 'blue').has('d')).toBe(false);
  });

  it('a unit on a road observes nothing', () => {
    const s = setUp();
    const state = {
      ...s,
      units: {
        ...s.units,
        u1: { ...s.units.u1!, transit: { road: roadId(s, 'a', 'b'), toward: 'b', covered: 10 } },
      },
    };
    expect(observedPlaces(state, 'blue').size).toBe(0);
  });
});

describe('estimates', () => {
  it.each([
    [23, 20],
    [25, 30],
    [36, 40],
    [14, 10],
    [3, 10],
    [1, 10],
    [0, 0],
    [120, 120],
  ])('strength %i is estimated as %i', (strength, shown) => {
    expect(estimateStrength(strength, 10)).toBe(shown);
  });

  it('other buckets', () => {
    expect(estimateStrength(7, 5)).toBe(5);
    expect(estimateStrength(8, 5)).toBe(10);
    expect(estimateStrength(2, 5)).toBe(5);
  });
});

describe('viewFor', () => {
  const state = setUp();
  const view = viewFor(state, 'blue');

  it('shows own units exactly', () => {
    expect(view.units.u1).toEqual(state.units.u1);
  });

  it('shows an observed enemy unit exactly', () => {
    expect(view.units.r1).toEqual(state.units.r1);
  });

  it('shows an unobserved enemy unit as an estimate at its place', () => {
    expect(view.units.r2).toEqual({
      ...state.units.r2,
      strength: 20,
      readiness: HIDDEN_READINESS,
      destination: '',
      transit: null,
    });
    expect(view.units.r3!.strength).toBe(10);
    expect(view.units.r3!.name).toBe('Red remnant');
  });

  it('shows an unobserved unit on a road at the place it left, with no destination', () => {
    expect(view.units.r4).toMatchObject({
      location: 'c',
      transit: null,
      destination: '',
      strength: 40,
      readiness: 50,
    });
  });

  it('shows an observed unit on a road where it is, but not where it means to go', () => {
    expect(view.units.r5).toEqual({ ...state.units.r5, destination: 'b' });
  });

  it('observes through posts', () => {
    const s = setUp(true);
    expect(viewFor(s, 'blue').units.r2).toEqual(s.units.r2);
  });

  it('observes through drones, unless the airspace is closed', () => {
    const open = withBlueDrones(state);
    expect(viewFor(open, 'blue').units.r4).toEqual({ ...state.units.r4, destination: 'd' });
    const closed = withBlueDrones(state, true);
    expect(viewFor(closed, 'blue').units.r4!.transit).toBeNull();
  });

  it("estimates another actor's unobserved post", () => {
    expect(view.posts.op2).toEqual({
      ...state.posts.op2,
      garrison: 120,
      readiness: HIDDEN_READINESS,
      supplyDays: 10,
    });
    // Red sees its own post exactly.
    expect(viewFor(state, 'red').posts.op2).toEqual(state.posts.op2);
  });

  it('hides the RNG: same shape, zeroed', () => {
    expect(view.rng).toEqual({ seed: '', state: { c: 0, s0: 0, s1: 0, s2: 0 }, draws: 0 });
    expect(state.rng.seed).toBe('1');
  });

  it("keeps only the viewer's objectives, score and achievements", () => {
    const s = {
      ...state,
      victory: {
        ...state.victory,
        achieved: { blue_a: 1, red_c: 1 },
        scores: { blue: 20, red: 30, grey: 0 },
      },
    };
    const v = viewFor(s, 'blue');
    expect(v.victory.objectives.map((o) => o.id)).toEqual(['blue_a']);
    expect(v.victory.achieved).toEqual({ blue_a: 1 });
    expect(v.victory.scores).toEqual({ blue: 20 });
    expect(v.victory.bands).toEqual(state.victory.bands);
    expect(viewFor(s, 'red').victory.objectives.map((o) => o.id)).toEqual(['red_c']);
  });

  it('hides pending reports and proposals between others', () => {
    const s: GameState = {
      ...state,
      pendingReports: [
        { source: 'x', publishTurn: 3, about: { turn: 1, index: 0 }, text: 'later', claimed: {} },
      ],
      proposals: [
        { id: 'p1', kind: 'ceasefire', from: 'red', to: 'blue', turn: 1 },
        { id: 'p2', kind: 'ceasefire', from: 'red', to: 'grey', turn: 1 },
      ],
    };
    const v = viewFor(s, 'blue');
    expect(v.pendingReports).toEqual([]);
    expect(v.proposals.map((p) => p.id)).toEqual(['p1']);
  });

  it("shows others' convoys only where observed", () => {
    const convoy = (id: string, actor: string, route: string[], covered: number): Convoy => ({
      id,
      actor,
      origin: route[0]!,
      destination: 'op2',
      cargo: { supplyDays: 5, troops: 0 },
      route,
      leg: 0,
      covered,
      vehicles: { tanks: 0, armoured: 1, trucks: 2, airDefence: 0 },
      escort: '',
      notified: false,
      status: 'moving',
      delay: 0,
      damage: 0,
      standoff: null,
    });
    const s: GameState = {
      ...state,
      convoys: {
        c_hidden: convoy('c_hidden', 'red', ['d', 'e'], 100),
        c_near: convoy('c_near', 'red', ['b', 'c'], 0),
        c_next: convoy('c_next', 'red', ['c', 'b'], 100),
        c_own: convoy('c_own', 'blue', ['d', 'e'], 0),
      },
    };
    const v = viewFor(s, 'blue');
    expect(Object.keys(v.convoys).sort()).toEqual(['c_near', 'c_next', 'c_own']);
    // The view's records are frozen and hold their ids sorted (`freezeSorted`): the ones they have.
    for (const record of [v.units, v.posts, v.convoys]) {
      expect(Object.isFrozen(record)).toBe(true);
      expect(sortedIds(record)).toEqual(Object.keys(record).sort());
    }
  });

  it('keeps in the log only events that concern the viewer or are public', () => {
    const ev = (kind: GameEvent['kind'], actors: string[]): GameEvent => ({
      kind,
      turn: 1,
      phase: 'movement',
      actors,
      location: '',
      data: {},
      explain: `${kind} ${actors.join(',')}`,
    });
    const events = [
      ev('unit.moved', ['red']),
      ev('unit.moved', ['blue']),
      ev('control.changed', ['red']),
      ev('diplomacy.protest', ['red', 'blue']),
      ev('diplomacy.protest', ['red', 'grey']),
      ev('highway.closed', ['red']),
      ev('objective.achieved', ['red']),
      ev('assault.resolved', ['red', 'grey']),
      ev('civilians.killed', ['red']),
      ev('report.published', []),
      ev('market.moved', []),
      ev('escalation.changed', []),
      ev('agreement.violated', ['red']),
      ev('scenario.ended', ['blue', 'grey', 'red']),
    ];
    const s: GameState = { ...state, log: [{ turn: 1, date: '2020-01-01', events }] };
    const v = viewFor(s, 'blue');
    expect(v.log[0]!.events.map((e) => e.explain)).toEqual([
      'unit.moved blue',
      'control.changed red',
      'diplomacy.protest red,blue',
      'highway.closed red',
      'civilians.killed red',
      'report.published ',
      'market.moved ',
      'escalation.changed ',
      'agreement.violated red',
      'scenario.ended blue,grey,red',
    ]);
    expect(v.log[0]!.turn).toBe(1);
    expect(viewFor(s, '').log).toBe(s.log);
  });

  it("is the full state for '' (the instructor's and the review's view)", () => {
    expect(viewFor(state, '')).toBe(state);
  });

  it('leaves public things as they are', () => {
    expect(view.locations).toBe(state.locations);
    expect(view.meters).toBe(state.meters);
    expect(view.turn).toBe(state.turn);
  });
});

describe('a view never changes the game', () => {
  const scenario = loadScenario(`${ROOT}scenarios/winter-2019-2020.scenario.yaml`, readText);

  it('works on a frozen state and leaves its hash and RNG alone', () => {
    let state = newGame(scenario, 3);
    state = resolveTurn(state, {}).state;
    state = deepFreeze(resolveTurn(state, {}).state);
    const hash = hashState(state);
    const draws = state.rng.draws;
    for (const actor of [...Object.keys(state.actors).sort(), '']) {
      const v = viewFor(state, actor);
      expect(v.turn).toBe(state.turn);
    }
    expect(hashState(state)).toBe(hash);
    expect(state.rng.draws).toBe(draws);
  });

  it('on the default scenario, every actor sees its own units exactly and every unit somewhere real', () => {
    const state = newGame(scenario, 1);
    for (const actor of Object.keys(state.actors).sort()) {
      const v = viewFor(state, actor);
      expect(Object.keys(v.units).sort()).toEqual(Object.keys(state.units).sort());
      for (const id of Object.keys(state.units)) {
        const real = state.units[id]!;
        const seen = v.units[id]!;
        if (real.actor === actor) expect(seen).toStrictEqual(real);
        else {
          expect(seen.location).toBe(real.location);
          expect(seen.strength).toBeGreaterThan(0);
        }
      }
      // The same state gives the same view.
      expect(hashState(viewFor(state, actor))).toBe(hashState(v));
    }
  });
});

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

// Against the rules worked out the long way (every place against every post and every held
// place): the same places, added in the same order, also for a state whose places stand elsewhere
// on the same road map (the places near each place are kept by road map).
describe('observed places, the long way', () => {
  const start = tinyGame(world(true));

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
