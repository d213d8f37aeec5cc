// Table tests for the first rules: movement, control, convoys, post status. Each case is a small
// map written here, so the expected numbers can be checked by hand.
import { describe, expect, it } from 'vitest';
import { resolveTurn, type GameState, type Order } from '../../src/engine/index.ts';
import { scenarioHead, tinyGame, type TinyWorld } from './helpers.ts';

// base(crossing) --10-- a --20-- b --30-- c        (all `road`, 80% speed)
const line: TinyWorld['places'] = [
  { id: 'base', kind: 'crossing', at: [0, 0] },
  { id: 'a', at: [10, 0] },
  { id: 'b', at: [30, 0] },
  { id: 'c', at: [60, 0] },
];

function play(state: GameState, orders: Record<string, Order[]>, turns = 1): GameState {
  let s = resolveTurn(state, orders).state;
  for (let t = 1; t < turns; t++) s = resolveTurn(s, {}).state;
  return s;
}

describe('movement along roads', () => {
  // Infantry: 12 km/day, 1-day turns → a budget of 12,000 m; a `road` runs at 80 %, so
  // 12 km of budget covers 9.6 km of road; an M5 runs at 100 %.
  const cases: {
    name: string;
    cls: string;
    type: string;
    turns: number;
    expectLocation: string;
    expectCovered: number | null;
  }[] = [
    {
      name: 'infantry on a road covers 9.6 km a day',
      cls: 'road',
      type: 'infantry',
      turns: 1,
      expectLocation: 'base',
      expectCovered: 9600,
    },
    // Day 2: the last 0.4 km to a costs 500 m of budget; the 11,500 m left cover 9.2 km beyond a.
    {
      name: 'infantry on a road passes a (10 km) on day 2',
      cls: 'road',
      type: 'infantry',
      turns: 2,
      expectLocation: 'a',
      expectCovered: 9200,
    },
    {
      name: 'infantry on the M5 covers 12 km a day and passes a',
      cls: 'M5',
      type: 'infantry',
      turns: 1,
      expectLocation: 'a',
      expectCovered: 2000,
    },
    {
      name: 'mechanised (30 km/day) on the M5 reaches b (30 km) in one day',
      cls: 'M5',
      type: 'mechanised',
      turns: 1,
      expectLocation: 'b',
      expectCovered: null,
    },
    {
      name: 'track halves speed: infantry covers 6 km',
      cls: 'track',
      type: 'infantry',
      turns: 1,
      expectLocation: 'base',
      expectCovered: 6000,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const state = tinyGame({
        places: line,
        roads: [
          ['base', 'a', 10, c.cls],
          ['a', 'b', 20, c.cls],
          ['b', 'c', 30, c.cls],
        ],
        scenario: scenarioHead(`control: { default: blue }
units:
  - { id: u1, actor: blue, name: Unit one, type: ${c.type}, strength: 5, location: base }
`),
      });
      const after = play(state, { blue: [{ kind: 'move', unit: 'u1', to: 'b' }] }, c.turns);
      const unit = after.units.u1!;
      expect(unit.location).toBe(c.expectLocation);
      if (c.expectCovered === null) expect(unit.transit).toBeNull();
      else expect(unit.transit?.covered).toBe(c.expectCovered);
    });
  }

  it('takes the cheapest route, counting road speed', () => {
    // base→a→c by road is 10+20 = 30 km at 80 % (cost 37.5); base→b→c by M5 is 16+16 = 32 km at 100 %.
    const state = tinyGame({
      places: line,
      roads: [
        ['base', 'a', 10],
        ['a', 'c', 20],
        ['base', 'b', 16, 'M5'],
        ['b', 'c', 16, 'M5'],
      ],
      scenario: scenarioHead(`control: { default: blue }
units:
  - { id: u1, actor: blue, name: Unit one, type: mechanised, strength: 5, location: base }
`),
    });
    const { state: after, events } = resolveTurn(state, { blue: [{ kind: 'move', unit: 'u1', to: 'c' }] });
    expect(after.units.u1!.location).toBe('b');
    const moved = events.find((e) => e.kind === 'unit.moved')!;
    expect(moved.data.via).toBe('b');
  });

  it('stops for the turn on entering hostile ground, then goes on', () => {
    const state = tinyGame({
      places: line,
      roads: [
        ['base', 'a', 10],
        ['a', 'b', 20],
        ['b', 'c', 30],
      ],
      scenario: scenarioHead(`control: { default: blue, holds: { red: [a] } }
units:
  - { id: u1, actor: blue, name: Unit one, type: mechanised, strength: 5, location: base }
`),
    });
    const t1 = resolveTurn(state, { blue: [{ kind: 'move', unit: 'u1', to: 'c' }] });
    expect(t1.state.units.u1!.location).toBe('a');
    expect(t1.state.units.u1!.destination).toBe('c');
    expect(t1.events.map((e) => e.kind)).toContain('unit.halted');
    const t2 = resolveTurn(t1.state, {});
    expect(t2.state.units.u1!.location).toBe('b');
  });

  it('hold stops a unit at the end of the road it is on', () => {
    const state = tinyGame({
      places: line,
      roads: [
        ['base', 'a', 10],
        ['a', 'b', 20],
      ],
      scenario: scenarioHead(`control: { default: blue }
units:
  - { id: u1, actor: blue, name: Unit one, type: infantry, strength: 5, location: base }
`),
    });
    const t1 = resolveTurn(state, { blue: [{ kind: 'move', unit: 'u1', to: 'b' }] }).state;
    const t2 = resolveTurn(t1, { blue: [{ kind: 'hold', unit: 'u1' }] }).state;
    const t3 = resolveTurn(t2, {}).state;
    expect(t2.units.u1!.location).toBe('a');
    expect(t3.units.u1!.location).toBe('a');
    expect(t3.units.u1!.destination).toBe('');
  });
});

describe('control of places', () => {
  const world = (units: string, holds = '{ red: [a] }'): TinyWorld => ({
    places: line,
    roads: [
      ['base', 'a', 5, 'M5'],
      ['a', 'b', 5, 'M5'],
    ],
    scenario: scenarioHead(`control: { default: grey, holds: ${holds} }
units:
${units}`),
  });
  const cases: { name: string; units: string; holds?: string; orders: Order[]; expect: string }[] = [
    {
      name: 'a side that holds a hostile place alone takes it',
      units: '  - { id: u1, actor: blue, name: U1, type: infantry, strength: 5, location: base }\n',
      orders: [{ kind: 'move', unit: 'u1', to: 'a' }],
      expect: 'blue',
    },
    {
      name: 'hostile units present: the place is contested and does not change hands',
      units:
        '  - { id: u1, actor: blue, name: U1, type: infantry, strength: 5, location: base }\n  - { id: r1, actor: red, name: R1, type: infantry, strength: 1, location: a }\n',
      orders: [{ kind: 'move', unit: 'u1', to: 'a' }],
      expect: 'red',
    },
    {
      name: 'a place held by a neutral actor is not taken by walking in',
      units: '  - { id: u1, actor: blue, name: U1, type: infantry, strength: 5, location: base }\n',
      holds: '{ grey: [a] }',
      orders: [{ kind: 'move', unit: 'u1', to: 'a' }],
      expect: 'grey',
    },
    {
      name: 'a unit that only passes through still takes the place (it stops there)',
      units: '  - { id: u1, actor: blue, name: U1, type: mechanised, strength: 5, location: base }\n',
      orders: [{ kind: 'move', unit: 'u1', to: 'b' }],
      expect: 'blue',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const state = tinyGame(world(c.units, c.holds));
      const { state: after, events } = resolveTurn(state, { blue: c.orders });
      expect(after.locations.a!.controller).toBe(c.expect);
      expect(events.some((e) => e.kind === 'control.changed')).toBe(c.expect === 'blue');
    });
  }
});

// A post P on a spur: base(crossing) — a — b — P, and P — c — a (a second way round).
const postWorld = (holds: string, supplyDays = 10, extra = ''): TinyWorld => ({
  places: [
    { id: 'base', kind: 'crossing', at: [0, 0] },
    { id: 'a', at: [10, 0] },
    { id: 'b', at: [20, 0] },
    { id: 'c', at: [20, 10] },
    { id: 'p_site', kind: 'post', at: [30, 5] },
  ],
  roads: [
    ['base', 'a', 10],
    ['a', 'b', 10],
    ['a', 'c', 14],
    ['b', 'p_site', 10, 'track'],
    ['c', 'p_site', 10, 'track'],
  ],
  posts: [{ id: 'op1', location: 'p_site' }],
  scenario: scenarioHead(`control: { default: grey, holds: ${holds} }
posts:
  - { id: op1, actor: blue, garrison: 100, supplyDays: ${supplyDays}, maxSupplyDays: 30 }
${extra}`),
});

describe('observation post status', () => {
  const cases: { name: string; holds: string; status: string }[] = [
    {
      name: 'supplied: a friendly or neutral road reaches the crossing',
      holds: '{ blue: [base] }',
      status: 'supplied',
    },
    { name: 'supplied: one way round is enough', holds: '{ blue: [base], red: [b] }', status: 'supplied' },
    {
      name: 'cut off: the road to the crossing is held by a hostile side',
      holds: '{ blue: [base], red: [a] }',
      status: 'cut_off',
    },
    {
      name: 'encircled: every neighbour is hostile',
      holds: '{ blue: [base], red: [b, c] }',
      status: 'encircled',
    },
    { name: 'cut off: the crossing itself is in hostile hands', holds: '{ red: [base] }', status: 'cut_off' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const state = tinyGame(postWorld(c.holds));
      expect(state.posts.op1!.status).toBe(c.status);
      const after = resolveTurn(state, {}).state;
      expect(after.posts.op1!.status).toBe(c.status);
    });
  }

  it('an unsupplied post burns a day of supply a day, then loses readiness', () => {
    let state = tinyGame(postWorld('{ blue: [base], red: [b, c] }', 2));
    const seen: [number, number][] = [];
    for (let t = 0; t < 4; t++) {
      state = resolveTurn(state, {}).state;
      seen.push([state.posts.op1!.supplyDays, state.posts.op1!.readiness]);
    }
    expect(seen).toEqual([
      [1, 100],
      [0, 100],
      [0, 90],
      [0, 80],
    ]);
  });

  it('a supplied post gains routine supply up to its stores', () => {
    let state = tinyGame(postWorld('{ blue: [base] }', 28));
    state = resolveTurn(state, {}).state;
    state = resolveTurn(state, {}).state;
    state = resolveTurn(state, {}).state;
    expect(state.posts.op1!.supplyDays).toBe(30);
  });

  it('status changes are events that say why', () => {
    const state = tinyGame(
      postWorld(
        '{ blue: [base, c], red: [b] }',
        10,
        'units:\n  - { id: r1, actor: red, name: R1, type: mechanised, strength: 5, location: b }\n',
      ),
    );
    expect(state.posts.op1!.status).toBe('supplied');
    const { state: after, events } = resolveTurn(state, { red: [{ kind: 'move', unit: 'r1', to: 'c' }] });
    expect(after.posts.op1!.status).toBe('encircled');
    const ev = events.find((e) => e.kind === 'post.status_changed')!;
    expect(ev.explain).toContain('encircled');
    expect(ev.explain).toContain('every neighbouring place');
  });
});

describe('convoys', () => {
  it('drives from the crossing along the route and resupplies the post on arrival', () => {
    // Convoy speed 40 km/day; route base→a→b→P is 10 + 10 km of road (at 80 %: 12.5 + 12.5 km of
    // budget) and 10 km of track (at 50 %): the 15 km of budget left covers 7.5 km of the track on
    // day 1; day 2 arrives.
    let state = tinyGame(postWorld('{ blue: [base] }', 5));
    const t1 = resolveTurn(state, {
      blue: [
        {
          kind: 'dispatch_convoy',
          from: 'base',
          post: 'op1',
          vehicles: { tanks: 0, armoured: 0, trucks: 20, airDefence: 0 },
          cargo: { supplyDays: 12, troops: 0 },
          escort: '',
          notified: true,
          route: ['base', 'a', 'b', 'p_site'],
        },
      ],
    });
    state = t1.state;
    expect(t1.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['convoy.departed', 'convoy.moved']));
    const convoy = Object.values(state.convoys)[0]!;
    expect(convoy.leg).toBe(2);
    expect(convoy.covered).toBe(7500);
    const t2 = resolveTurn(state, {});
    expect(Object.keys(t2.state.convoys)).toHaveLength(0);
    const arrived = t2.events.find((e) => e.kind === 'convoy.arrived')!;
    expect(arrived.data).toMatchObject({ before: 6, after: 18, cargo: 12 });
    expect(t2.state.posts.op1!.supplyDays).toBe(19); // 18 on arrival, +1 routine supply
  });

  it('without a route, takes the shortest one that avoids hostile ground', () => {
    const state = tinyGame(postWorld('{ blue: [base], red: [b] }', 5));
    const { state: after } = resolveTurn(state, {
      blue: [
        {
          kind: 'dispatch_convoy',
          from: 'base',
          post: 'op1',
          vehicles: { tanks: 0, armoured: 0, trucks: 5, airDefence: 0 },
          cargo: { supplyDays: 5, troops: 0 },
          escort: '',
          notified: false,
        },
      ],
    });
    expect(Object.values(after.convoys)[0]!.route).toEqual(['base', 'a', 'c', 'p_site']);
  });

  it('waits rather than drive into a place a hostile side holds, and goes on once it is free', () => {
    let state = tinyGame(
      postWorld(
        '{ blue: [base, b, c] }',
        5,
        'units:\n  - { id: r1, actor: red, name: R1, type: mechanised, strength: 5, location: c }\n',
      ),
    );
    state = resolveTurn(state, { red: [{ kind: 'move', unit: 'r1', to: 'b' }] }).state;
    expect(state.locations.b!.controller).toBe('red');
    const sent = resolveTurn(state, {
      blue: [
        {
          kind: 'dispatch_convoy',
          from: 'base',
          post: 'op1',
          vehicles: { tanks: 0, armoured: 0, trucks: 5, airDefence: 0 },
          cargo: { supplyDays: 5, troops: 0 },
          escort: '',
          notified: true,
          route: ['base', 'a', 'b', 'p_site'],
        },
      ],
    });
    const convoy = Object.values(sent.state.convoys)[0]!;
    expect(convoy.route[convoy.leg]).toBe('a');
    expect(convoy.covered).toBe(0);
    expect(sent.events.find((e) => e.kind === 'convoy.moved')!.data).toMatchObject({
      waiting: true,
      blockedAt: 'b',
    });
  });

  it('cannot be sent when no route avoids hostile ground', () => {
    const state = tinyGame(postWorld('{ blue: [base], red: [a] }', 5));
    const { state: after, events } = resolveTurn(state, {
      blue: [
        {
          kind: 'dispatch_convoy',
          from: 'base',
          post: 'op1',
          vehicles: { tanks: 0, armoured: 0, trucks: 5, airDefence: 0 },
          cargo: { supplyDays: 5, troops: 0 },
          escort: '',
          notified: true,
        },
      ],
    });
    expect(Object.keys(after.convoys)).toHaveLength(0);
    expect(events[0]).toMatchObject({ kind: 'order.rejected', data: { code: 'no_route' } });
  });
});
