// Table tests for combat: strikes (artillery, air, drones) and ground assaults. Each case is a
// small map written here, so the numbers can be checked by hand.
import { change } from '../../src/engine/working.ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenarioArg } from '../../src/cli/files.ts';
import {
  hashState,
  resolveTurn,
  validateOrder,
  type GameEvent,
  type GameState,
  type Order,
  type OrdersByActor,
} from '../../src/engine/index.ts';
import {
  COMBAT_EFFECTS,
  COMBAT_RESULTS,
  ODDS_COLUMNS,
  attackValue,
  defenceValue,
  oddsColumn,
  resolveCombat,
  suppliedPlaces,
  type CombatResult,
} from '../../src/engine/rules/assaults.ts';
import { cheapestPath, hostileHeld } from '../../src/engine/world.ts';
import { peopleAccounted } from '../../src/engine/rules/people.ts';
import { STRIKE_RESULTS, spreadLosses, strikeBand } from '../../src/engine/rules/strikes.ts';
import { DEFAULT_PARAMS, newGame } from '../../src/scenario/index.ts';
import { tinyGame, type TinyWorld } from './helpers.ts';

// The map (km; every road is a `road` unless said):
//
//   base(crossing) —10— a —10— t(10,000 people) —10— r —30— far
//                               \                  / \
//                                s ——————10——————   p (post site, track 6 km)
//   t —10— s as well.
const places: TinyWorld['places'] = [
  { id: 'base', kind: 'crossing', at: [0, 0], population: 0 },
  { id: 'a', at: [10, 0] },
  { id: 't', at: [20, 0], population: 10_000 },
  { id: 'r', at: [30, 0] },
  { id: 's', at: [20, 10] },
  { id: 'far', at: [60, 0] },
  { id: 'p', kind: 'post', at: [25, 3], population: 0 },
];
const roads: TinyWorld['roads'] = [
  ['base', 'a', 10],
  ['a', 't', 10],
  ['t', 'r', 10],
  ['t', 's', 10],
  ['s', 'r', 10],
  ['r', 'far', 30],
  ['r', 'p', 6, 'track'],
];

interface Setup {
  holds: string;
  units: string[];
  blue?: { air?: number; drone?: number };
  red?: { air?: number; drone?: number };
  green?: { air?: number };
  post?: boolean;
  extra?: string;
  seed?: number;
}

function game(s: Setup): GameState {
  const scenario = `schemaVersion: 1
id: tiny
title: Tiny
briefing: A test.
map: tiny.map.yaml
calendar: { start: '2020-01-01', daysPerTurn: 1, turns: 10 }
actors:
  - { id: blue, name: Blue, controller: scripted, supplySources: [base], airSorties: ${s.blue?.air ?? 0}, droneSorties: ${s.blue?.drone ?? 0} }
  - { id: red, name: Red, controller: scripted, supplySources: [r], airSorties: ${s.red?.air ?? 0}, droneSorties: ${s.red?.drone ?? 0} }
  - { id: green, name: Green, controller: scripted, airSorties: ${s.green?.air ?? 0} }
  - { id: grey, name: Grey, controller: passive }
  - { id: russia, name: Russia, controller: passive }
relations:
  - { a: blue, b: red, stance: hostile }
  - { a: blue, b: green, stance: allied }
  - { a: green, b: red, stance: hostile }
  - { a: red, b: russia, stance: allied }
control: { default: grey, holds: ${s.holds} }
${s.post ? 'posts:\n  - { id: op1, actor: blue, garrison: 100, supplyDays: 10 }\n' : ''}units:
${s.units.map((u) => `  - ${u}`).join('\n')}
${s.extra ?? ''}`;
  return tinyGame(
    { places, roads, posts: s.post ? [{ id: 'op1', location: 'p' }] : [], scenario },
    s.seed ?? 1,
  );
}

function tweak(state: GameState, fn: (draft: GameState) => void): GameState {
  return change(state, fn);
}

const unit = (id: string, actor: string, type: string, strength: number, location: string, readiness = 100) =>
  `{ id: ${id}, actor: ${actor}, name: ${id.toUpperCase()}, type: ${type}, strength: ${strength}, readiness: ${readiness}, location: ${location} }`;

function only(events: GameEvent[], kind: GameEvent['kind']): GameEvent {
  const list = events.filter((e) => e.kind === kind);
  expect(list, `exactly one ${kind}`).toHaveLength(1);
  return list[0]!;
}

/** The state hash with the log left out. */
function hashWithoutLog(state: GameState): string {
  return hashState({ ...state, log: [] });
}

// ================================================================ the combat results table

describe('odds columns', () => {
  const cases: [number, number, string][] = [
    [49, 100, '<1:2'],
    [50, 100, '1:2'],
    [99, 100, '1:2'],
    [100, 100, '1:1'],
    [149, 100, '1:1'],
    [150, 100, '3:2'],
    [199, 100, '3:2'],
    [200, 100, '2:1'],
    [299, 100, '2:1'],
    [300, 100, '3:1'],
    [399, 100, '3:1'],
    [400, 100, '4:1+'],
    [5000, 100, '4:1+'],
    [5, 0, '4:1+'],
    [0, 5, '<1:2'],
  ];
  for (const [attack, defence, odds] of cases) {
    it(`${attack} vs ${defence} → ${odds}`, () => {
      expect(ODDS_COLUMNS[oddsColumn(attack, defence)]).toBe(odds);
    });
  }
});

describe('combat results table', () => {
  it('has ten rows of seven columns', () => {
    expect(COMBAT_RESULTS).toHaveLength(10);
    for (const row of COMBAT_RESULTS) expect(row).toHaveLength(ODDS_COLUMNS.length);
  });

  // Attack 100 against the defence that lands in each column; every roll of every column.
  const defenceFor = [300, 150, 100, 60, 50, 30, 20];
  for (let column = 0; column < ODDS_COLUMNS.length; column++) {
    for (let roll = 1; roll <= 10; roll++) {
      it(`column ${ODDS_COLUMNS[column]}, roll ${roll}`, () => {
        const out = resolveCombat(100, defenceFor[column]!, roll);
        expect(out.column).toBe(column);
        expect(out.odds).toBe(ODDS_COLUMNS[column]);
        expect(out.result).toBe(COMBAT_RESULTS[roll - 1]![column]);
        expect(out.effect).toBe(COMBAT_EFFECTS[out.result]);
      });
    }
  }

  it('every result is reachable', () => {
    const seen = new Set(COMBAT_RESULTS.flat());
    expect([...seen].sort()).toEqual(Object.keys(COMBAT_EFFECTS).sort());
  });

  it('better odds or a higher roll never make the result worse for the attacker', () => {
    const rank: Record<CombatResult, number> = {
      attacker_repulsed_heavy: 0,
      attacker_repulsed: 1,
      both_lose: 2,
      defender_retreats: 3,
      defender_routed: 4,
    };
    for (let r = 0; r < 10; r++)
      for (let c = 0; c < 7; c++) {
        if (c > 0)
          expect(rank[COMBAT_RESULTS[r]![c]!]).toBeGreaterThanOrEqual(rank[COMBAT_RESULTS[r]![c - 1]!]);
        if (r > 0)
          expect(rank[COMBAT_RESULTS[r]![c]!]).toBeGreaterThanOrEqual(rank[COMBAT_RESULTS[r - 1]![c]!]);
      }
  });

  it('the documented losses', () => {
    expect(
      Object.fromEntries(
        Object.entries(COMBAT_EFFECTS).map(([k, e]) => [
          k,
          [e.attackerLossPct, e.defenderLossPct, e.defenderLeaves],
        ]),
      ),
    ).toEqual({
      attacker_repulsed_heavy: [30, 5, false],
      attacker_repulsed: [20, 10, false],
      both_lose: [15, 15, false],
      defender_retreats: [10, 20, true],
      defender_routed: [5, 40, true],
    });
  });

  it('refuses a roll that is not a d10', () => {
    expect(() => resolveCombat(1, 1, 0)).toThrow(RangeError);
    expect(() => resolveCombat(1, 1, 11)).toThrow(RangeError);
  });
});

describe('attack and defence values (hundredths of strength)', () => {
  const p = DEFAULT_PARAMS;
  const base = { units: [{ strength: 10, readiness: 100, supplied: true }], airSupport: false };
  const attackCases: [string, Parameters<typeof attackValue>[1], number][] = [
    ['strength × readiness', base, 1000],
    ['readiness 50 %', { ...base, units: [{ strength: 10, readiness: 50, supplied: true }] }, 500],
    ['out of supply ×50 %', { ...base, units: [{ strength: 10, readiness: 100, supplied: false }] }, 500],
    ['air support ×150 %', { ...base, airSupport: true }, 1500],
    [
      'one unit of two out of supply, with air support',
      {
        units: [
          { strength: 10, readiness: 100, supplied: true },
          { strength: 7, readiness: 90, supplied: false },
        ],
        airSupport: true,
      },
      // (1000 + 630 × 50 %) × 150 % = (1000 + 315) × 1.5 = 1972 (rounded down)
      1972,
    ],
  ];
  for (const [name, input, expected] of attackCases)
    it(`attack: ${name}`, () => expect(attackValue(p, input)).toBe(expected));

  const d = { units: [{ strength: 10, readiness: 100 }], garrison: 0, garrisonReadiness: 0 };
  const defenceCases: [string, Parameters<typeof defenceValue>[1], number][] = [
    ['open, no works', { ...d, terrain: 'open', fortification: 0 }, 1000],
    ['hills ×150 %', { ...d, terrain: 'hills', fortification: 0 }, 1500],
    ['urban ×200 %', { ...d, terrain: 'urban', fortification: 0 }, 2000],
    ['mountain ×200 %', { ...d, terrain: 'mountain', fortification: 0 }, 2000],
    ['fortification 1 ×125 %', { ...d, terrain: 'open', fortification: 1 }, 1250],
    ['fortification 3 ×175 %', { ...d, terrain: 'open', fortification: 3 }, 1750],
    ['urban and fortification 2', { ...d, terrain: 'urban', fortification: 2 }, 3000],
    [
      'readiness 60 %',
      { ...d, units: [{ strength: 10, readiness: 60 }], terrain: 'open', fortification: 0 },
      600,
    ],
    [
      'a garrison of 150 at readiness 80 % (1.5 strength × 80 %), on a hill',
      { units: [], garrison: 150, garrisonReadiness: 80, terrain: 'hills', fortification: 0 },
      180,
    ],
  ];
  for (const [name, input, expected] of defenceCases)
    it(`defence: ${name}`, () => expect(defenceValue(p, input)).toBe(expected));
});

describe('spreading losses', () => {
  const cases: [string, { id: string; strength: number }[], number, Record<string, number>][] = [
    // 4 × 10/15 = 2.67 → 2, 4 × 5/15 = 1.33 → 1; the point left goes to the biggest.
    [
      'in proportion, the rest to the biggest',
      [
        { id: 'x', strength: 10 },
        { id: 'y', strength: 5 },
      ],
      4,
      { x: 3, y: 1 },
    ],
    [
      'never more than there is',
      [
        { id: 'x', strength: 2 },
        { id: 'y', strength: 1 },
      ],
      10,
      { x: 2, y: 1 },
    ],
    [
      'ties go by id',
      [
        { id: 'y', strength: 3 },
        { id: 'x', strength: 3 },
      ],
      1,
      { x: 1, y: 0 },
    ],
    ['nothing lost', [{ id: 'x', strength: 3 }], 0, { x: 0 }],
  ];
  for (const [name, units, total, expected] of cases)
    it(name, () => expect(spreadLosses(units, total)).toEqual(expected));
});

// ================================================================ ground assaults

const assaultOn = (target: string, ...units: string[]): Order => ({ kind: 'assault', units, target });

describe('assault validation', () => {
  const state = game({
    holds: '{ blue: [base, a], red: [t, r] }',
    post: true,
    units: [
      unit('b1', 'blue', 'infantry', 10, 'a'),
      unit('b2', 'blue', 'infantry', 5, 'base'),
      unit('b3', 'blue', 'infantry', 5, 't'),
      unit('r1', 'red', 'infantry', 10, 't'),
      unit('r2', 'red', 'infantry', 10, 'r'),
    ],
  });
  const cases: [string, string, Order, string | null][] = [
    ['a unit next to a hostile place', 'blue', assaultOn('t', 'b1'), null],
    ['a unit in a contested place', 'blue', assaultOn('t', 'b3'), null],
    ['two units together', 'blue', assaultOn('t', 'b1', 'b3'), null],
    ['a hostile post next to the unit', 'red', assaultOn('p', 'r2'), null],
    ['no such place', 'blue', assaultOn('nowhere', 'b1'), 'unknown_location'],
    ['no such unit', 'blue', assaultOn('t', 'zz'), 'unknown_unit'],
    ['a unit of another actor', 'blue', assaultOn('t', 'r1'), 'not_your_unit'],
    ['a unit two roads away', 'blue', assaultOn('t', 'b2'), 'not_adjacent'],
    ['a place with nothing hostile in it', 'blue', assaultOn('s', 'b3'), 'not_hostile'],
    ['a place held by the attacker itself', 'red', assaultOn('r', 'r1'), 'not_hostile'],
    ['no units', 'blue', assaultOn('t'), 'bad_number'],
    ['a unit named twice', 'blue', assaultOn('t', 'b1', 'b1'), 'bad_number'],
  ];
  for (const [name, actor, order, code] of cases) {
    it(`${name} → ${code ?? 'ok'}`, () => {
      const check = validateOrder(state, actor, order);
      if (code === null) expect(check).toEqual({ ok: true, value: true });
      else expect(check).toMatchObject({ ok: false, code });
    });
  }

  it('a unit on the road cannot attack', () => {
    const moving = tweak(state, (d) => {
      d.units.b1!.transit = {
        road: Object.keys(d.roads).find((id) => id.includes('_a_t'))!,
        toward: 't',
        covered: 10,
      };
    });
    expect(validateOrder(moving, 'blue', assaultOn('t', 'b1'))).toMatchObject({
      ok: false,
      code: 'not_adjacent',
    });
  });
});

/** Blue b1 (10) at a attacks red r1 (10) in t; open ground, no works: 1000 vs 1000, odds 1:1. */
function duel(opts: Partial<Setup> & { tweak?: (d: GameState) => void } = {}): GameState {
  const s = game({
    holds: '{ blue: [base, a], red: [t, r] }',
    units: [unit('b1', 'blue', 'infantry', 10, 'a'), unit('r1', 'red', 'infantry', 10, 't')],
    ...opts,
  });
  return opts.tweak ? tweak(s, opts.tweak) : s;
}

function assaultEvent(events: GameEvent[]): GameEvent {
  return only(events, 'assault.resolved');
}

describe('each modifier changes the odds as documented (full turns)', () => {
  const cases: {
    name: string;
    state: () => GameState;
    orders: OrdersByActor;
    attack: number;
    defence: number | null;
    odds: string | null;
  }[] = [
    {
      name: 'even fight in the open',
      state: () => duel(),
      orders: {},
      attack: 1000,
      defence: 1000,
      odds: '1:1',
    },
    {
      name: 'attacker readiness 50 %',
      state: () =>
        duel({
          units: [unit('b1', 'blue', 'infantry', 10, 'a', 50), unit('r1', 'red', 'infantry', 10, 't')],
        }),
      orders: {},
      attack: 500,
      defence: 1000,
      odds: '1:2',
    },
    {
      name: 'defender readiness 40 %',
      state: () =>
        duel({
          units: [unit('b1', 'blue', 'infantry', 10, 'a'), unit('r1', 'red', 'infantry', 10, 't', 40)],
        }),
      orders: {},
      attack: 1000,
      defence: 400,
      odds: '2:1',
    },
    {
      name: 'attacker out of supply (s: every road out runs through red ground)',
      state: () =>
        duel({ units: [unit('b1', 'blue', 'infantry', 10, 's'), unit('r1', 'red', 'infantry', 10, 't')] }),
      orders: {},
      attack: 500,
      defence: 1000,
      odds: '1:2',
    },
    {
      name: 'hills ×150 %',
      state: () => duel({ tweak: (d) => void (d.locations.t!.terrain = 'hills') }),
      orders: {},
      attack: 1000,
      defence: 1500,
      odds: '1:2',
    },
    {
      name: 'urban ×200 %',
      state: () => duel({ tweak: (d) => void (d.locations.t!.terrain = 'urban') }),
      orders: {},
      attack: 1000,
      defence: 2000,
      odds: '1:2',
    },
    {
      name: 'mountain ×200 % and fortification 3 ×175 %',
      state: () =>
        duel({
          tweak: (d) => {
            d.locations.t!.terrain = 'mountain';
            d.locations.t!.fortification = 3;
          },
        }),
      orders: {},
      attack: 1000,
      defence: 3500,
      odds: '<1:2',
    },
    {
      name: 'fortification 2 ×150 %',
      state: () => duel({ tweak: (d) => void (d.locations.t!.fortification = 2) }),
      orders: {},
      attack: 1000,
      defence: 1500,
      odds: '1:2',
    },
    {
      name: 'air support from the attacker ×150 %',
      state: () => duel({ blue: { air: 1 } }),
      orders: { blue: [{ kind: 'strike', means: 'air', unit: '', target: 't', sorties: 1 }] },
      attack: 1500,
      defence: null, // the strike itself may have hurt the defender
      odds: null,
    },
    {
      name: 'air support from an ally ×150 %',
      state: () => duel({ green: { air: 1 } }),
      orders: { green: [{ kind: 'strike', means: 'air', unit: '', target: 't', sorties: 1 }] },
      attack: 1500,
      defence: null,
      odds: null,
    },
    {
      name: 'artillery is not air support',
      state: () =>
        duel({
          units: [
            unit('b1', 'blue', 'infantry', 10, 'a'),
            unit('art', 'blue', 'artillery', 1, 'base'),
            unit('r1', 'red', 'infantry', 10, 't'),
          ],
        }),
      orders: { blue: [{ kind: 'strike', means: 'artillery', unit: 'art', target: 't', sorties: 1 }] },
      attack: 1000,
      defence: null,
      odds: null,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const orders = { ...c.orders, blue: [...(c.orders.blue ?? []), assaultOn('t', 'b1')] };
      const { events } = resolveTurn(c.state(), orders);
      const ev = assaultEvent(events);
      expect(ev.data.attackHundredths).toBe(c.attack);
      if (c.defence !== null) expect(ev.data.defenceHundredths).toBe(c.defence);
      const odds = ODDS_COLUMNS[oddsColumn(c.attack, ev.data.defenceHundredths as number)];
      expect(ev.data.odds).toBe(c.odds ?? odds);
      expect(ev.data.airSupport).toBe(c.attack === 1500);
      expect(ev.explain).toContain(`odds ${ev.data.odds as string}, roll ${ev.data.roll as number}`);
    });
  }
});

describe('assault outcomes follow the table (seeds 1-60, odds 1:1)', () => {
  const runs = Array.from({ length: 60 }, (_, i) => i + 1).map((seed) => {
    const state = duel({ seed });
    const { state: after, events } = resolveTurn(state, { blue: [assaultOn('t', 'b1')] });
    return { seed, state, after, events, ev: assaultEvent(events) };
  });

  it('the result is the table cell of the roll, and every result turns up', () => {
    const seen = new Set<string>();
    for (const { ev } of runs) {
      expect(ev.data.odds).toBe('1:1');
      expect(ev.data.result).toBe(COMBAT_RESULTS[(ev.data.roll as number) - 1]![2]);
      seen.add(ev.data.result as string);
    }
    expect([...seen].sort()).toEqual(Object.keys(COMBAT_EFFECTS).sort());
  });

  it('losses are the per cents of the result, 10 soldiers a point, into the losses meter', () => {
    for (const { ev, after } of runs) {
      const e = COMBAT_EFFECTS[ev.data.result as CombatResult];
      const blueLost = Math.floor((10 * e.attackerLossPct + 50) / 100);
      const redLost = Math.floor((10 * e.defenderLossPct + 50) / 100);
      expect(ev.data['strengthLost:blue'] ?? 0).toBe(blueLost);
      expect(ev.data['strengthLost:red'] ?? 0).toBe(redLost);
      expect(ev.data['killed:blue'] ?? 0).toBe(blueLost * 10);
      expect(ev.data['killed:red'] ?? 0).toBe(redLost * 10);
      expect(after.meters.losses.blue).toBe(blueLost * 10);
      expect(after.meters.losses.red).toBe(redLost * 10);
      expect(after.units.b1!.strength).toBe(10 - blueLost);
      expect(after.units.r1!.strength).toBe(10 - redLost);
    }
  });

  it('a retreating defender falls back to r (held by red); the attacker takes t and moves in', () => {
    for (const { ev, after, events } of runs) {
      const leaves = COMBAT_EFFECTS[ev.data.result as CombatResult].defenderLeaves;
      expect(ev.data.captured).toBe(leaves);
      expect(after.units.r1!.location).toBe(leaves ? 'r' : 't');
      expect(after.units.b1!.location).toBe(leaves ? 't' : 'a');
      expect(after.locations.t!.controller).toBe(leaves ? 'blue' : 'red');
      const changed = events.filter((e) => e.kind === 'control.changed' && e.location === 't');
      expect(changed).toHaveLength(leaves ? 1 : 0);
      expect(ev.data.postAttacked).toBe(false);
    }
  });

  it('civilians in t: killed in proportion to the fighting, and all accounted for', () => {
    for (const { ev, after, state, events } of runs) {
      const lost = (ev.data['strengthLost:blue'] as number) + ((ev.data['strengthLost:red'] as number) ?? 0);
      // 2 ‰ of 10,000 residents per 10 points lost.
      const killed = Math.floor((10_000 * 2 * lost) / 10_000);
      expect(ev.data.civiliansKilled).toBe(killed);
      const k = events.filter((e) => e.kind === 'civilians.killed' && e.phase === 'assaults');
      expect(k.map((e) => e.data.killed)).toEqual(killed > 0 ? [killed] : []);
      // Nobody flees in the assaults phase: the civilians phase counts the flight once.
      expect(events.some((e) => e.kind === 'civilians.displaced' && e.phase === 'assaults')).toBe(false);
      expect(peopleAccounted(after)).toEqual(peopleAccounted(state));
      expect(after.meters.civilianDead).toBeGreaterThanOrEqual(killed);
    }
  });
});

describe('retreat with nowhere to go', () => {
  it('a defender with no friendly neighbour is destroyed when it must leave', () => {
    let checked = 0;
    for (let seed = 1; seed <= 40; seed++) {
      // r is grey now: red has nowhere to fall back to.
      const state = duel({ seed, holds: '{ blue: [base, a], red: [t] }' });
      const { state: after, events } = resolveTurn(state, { blue: [assaultOn('t', 'b1')] });
      const ev = assaultEvent(events);
      if (!COMBAT_EFFECTS[ev.data.result as CombatResult].defenderLeaves) continue;
      checked += 1;
      expect(after.units.r1).toBeUndefined();
      expect(events.some((e) => e.kind === 'unit.destroyed' && e.data.unit === 'r1')).toBe(true);
      expect(after.meters.losses.red).toBe(100); // the whole unit: 10 strength × 10
      expect(after.locations.t!.controller).toBe('blue');
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('assaults on observation posts', () => {
  // Red r2 (10) at r storms blue's post at p (garrison 100 = 1 strength): 1000 vs 100, 4:1+.
  const postGame = (seed: number, extra = '') =>
    game({
      seed,
      post: true,
      holds: '{ blue: [base, a], red: [r, t] }',
      units: [unit('r2', 'red', 'infantry', 10, 'r')],
      extra,
    });

  it('the garrison defends: 100 soldiers count as 1 strength', () => {
    const { events } = resolveTurn(postGame(1), { red: [assaultOn('p', 'r2')] });
    const ev = assaultEvent(events);
    expect(ev.data).toMatchObject({
      defenceHundredths: 100,
      attackHundredths: 1000,
      odds: '4:1+',
      postAttacked: true,
    });
    expect(ev.data.post).toBe('op1');
  });

  it('a post that falls is overrun: the garrison is lost and red holds the site; one that holds loses men', () => {
    const seen = new Set<boolean>();
    for (let seed = 1; seed <= 40; seed++) {
      const { state: after, events } = resolveTurn(postGame(seed), { red: [assaultOn('p', 'r2')] });
      const ev = assaultEvent(events);
      const effect = COMBAT_EFFECTS[ev.data.result as CombatResult];
      seen.add(effect.defenderLeaves);
      expect(ev.data.captured).toBe(effect.defenderLeaves);
      expect(ev.data.postAttacked).toBe(true);
      const inFight = Math.floor((100 * effect.defenderLossPct + 50) / 100);
      if (effect.defenderLeaves) {
        expect(after.posts.op1!.status).toBe('overrun');
        expect(after.posts.op1!.garrison).toBe(0);
        expect(after.meters.losses.blue).toBe(100);
        expect(ev.data['killed:blue']).toBe(100);
        expect(after.locations.p!.controller).toBe('red');
        expect(after.units.r2!.location).toBe('r'); // no unit stands in a post
        const changed = events.find((e) => e.kind === 'post.status_changed' && e.data.to === 'overrun')!;
        expect(changed.data.post).toBe('op1');
      } else {
        expect(after.posts.op1!.status).not.toBe('overrun');
        expect(after.posts.op1!.garrison).toBe(100 - inFight);
        expect(after.meters.losses.blue).toBe(inFight);
        expect(after.locations.p!.controller).toBe('blue');
      }
    }
    expect([...seen].sort()).toEqual([false, true]);
  });
});

describe('agreements: an assault or strike that breaks one is legal and recorded', () => {
  const ceasefire = `agreements:
  - { id: cf, name: Test ceasefire, parties: [blue, red], ceasefire: true }
`;
  it('an assault during a ceasefire is a violation', () => {
    const state = duel({ extra: ceasefire });
    expect(state.agreements.cf!.status).toBe('holds');
    expect(validateOrder(state, 'blue', assaultOn('t', 'b1')).ok).toBe(true);
    const { state: after, events } = resolveTurn(state, { blue: [assaultOn('t', 'b1')] });
    expect(events.some((e) => e.kind === 'assault.resolved')).toBe(true);
    const v = events.find((e) => e.kind === 'agreement.violated')!;
    expect(v.data).toMatchObject({ agreement: 'cf', actor: 'blue' });
    expect(after.agreements.cf!.violations.blue).toBe(1);
  });

  it('a strike against a no_strike obligation is a violation', () => {
    const state = duel({
      units: [unit('art', 'blue', 'artillery', 5, 'a'), unit('r1', 'red', 'infantry', 10, 't')],
      extra: `agreements:
  - { id: ns, name: No strikes, parties: [blue, red], obligations: [{ id: o1, actor: blue, kind: no_strike }] }
`,
    });
    const { state: after } = resolveTurn(state, {
      blue: [{ kind: 'strike', means: 'artillery', unit: 'art', target: 't', sorties: 1 }],
    });
    expect(after.agreements.ns!.violations.blue).toBe(1);
  });

  it('without an agreement nothing is recorded', () => {
    const { events } = resolveTurn(duel(), { blue: [assaultOn('t', 'b1')] });
    expect(events.some((e) => e.kind === 'agreement.violated')).toBe(false);
  });
});

describe('assaults in one turn', () => {
  it('an undefended hostile place is taken at no cost', () => {
    const state = duel({ units: [unit('b1', 'blue', 'infantry', 10, 'a')] });
    const { state: after, events } = resolveTurn(state, { blue: [assaultOn('t', 'b1')] });
    const ev = assaultEvent(events);
    expect(ev.data).toMatchObject({ defenceHundredths: 0, odds: '4:1+', captured: true, defender: 'red' });
    expect(ev.data['strengthLost:blue']).toBeUndefined();
    expect(after.units.b1!).toMatchObject({ strength: 10, location: 't' });
    expect(after.locations.t!.controller).toBe('blue');
  });

  it('a unit attacks once a turn; an assault left with no unit is called off', () => {
    const state = duel();
    const { events } = resolveTurn(state, { blue: [assaultOn('t', 'b1'), assaultOn('t', 'b1')] });
    expect(events.filter((e) => e.kind === 'assault.resolved')).toHaveLength(1);
    expect(events.find((e) => e.kind === 'order.rejected' && e.phase === 'assaults')!.data.code).toBe(
      'not_adjacent',
    );
  });
});

// ================================================================ strikes

const artillery = (unitId: string, target: string): Order => ({
  kind: 'strike',
  means: 'artillery',
  unit: unitId,
  target,
  sorties: 1,
});
const sorties = (means: 'air' | 'drone', target: string, n: number): Order => ({
  kind: 'strike',
  means,
  unit: '',
  target,
  sorties: n,
});

/** Blue artillery (10) at a; red r1 (10) in t (10,000 people); red r2 in r. */
function gunnery(opts: Partial<Setup> = {}): GameState {
  return game({
    holds: '{ blue: [base, a], red: [t, r] }',
    units: [
      unit('art', 'blue', 'artillery', 10, 'a'),
      unit('b1', 'blue', 'infantry', 5, 'a'),
      unit('r1', 'red', 'infantry', 10, 't'),
      unit('r2', 'red', 'infantry', 10, 'r'),
    ],
    ...opts,
  });
}

describe('strike validation', () => {
  const state = gunnery({ blue: { air: 3, drone: 2 } });
  const cases: [string, string, Order, string | null][] = [
    ['artillery on a hostile place in range', 'blue', artillery('art', 't'), null],
    ['air sorties within the capacity', 'blue', sorties('air', 't', 3), null],
    ['drone sorties on a hostile place with nobody in it', 'blue', sorties('drone', 'r', 2), null],
    ['no such place', 'blue', artillery('art', 'nowhere'), 'unknown_location'],
    ['no such unit', 'blue', artillery('zz', 't'), 'unknown_unit'],
    ['a unit of another actor', 'blue', artillery('r1', 't'), 'not_your_unit'],
    ['infantry does not fire at range', 'blue', artillery('b1', 't'), 'not_artillery'],
    ['out of range (50 km)', 'blue', artillery('art', 'far'), 'out_of_range'],
    ['nothing hostile there (own ground)', 'blue', artillery('art', 'a'), 'not_hostile'],
    ['nothing hostile there (neutral ground)', 'blue', artillery('art', 's'), 'not_hostile'],
    ['more sorties than the capacity', 'blue', sorties('air', 't', 4), 'no_sorties'],
    ['zero sorties', 'blue', sorties('air', 't', 0), 'bad_number'],
    ['an actor with no aircraft', 'red', sorties('air', 'a', 1), 'no_sorties'],
  ];
  for (const [name, actor, order, code] of cases) {
    it(`${name} → ${code ?? 'ok'}`, () => {
      const check = validateOrder(state, actor, order);
      if (code === null) expect(check).toEqual({ ok: true, value: true });
      else expect(check).toMatchObject({ ok: false, code });
    });
  }

  // The range is 25,000 m, compared on squared integer metres.
  const rangeCases: [number, boolean][] = [
    [24_999, true],
    [25_000, true],
    [25_001, false],
  ];
  for (const [metres, inRange] of rangeCases) {
    it(`a target ${metres} m away is ${inRange ? 'in' : 'out of'} range`, () => {
      const placed = tweak(state, (d) => {
        d.locations.a!.x = 0;
        d.locations.a!.y = 0;
        d.locations.t!.x = metres;
        d.locations.t!.y = 0;
      });
      const check = validateOrder(placed, 'blue', artillery('art', 't'));
      expect(check.ok).toBe(inRange);
      if (!inRange) expect(check).toMatchObject({ code: 'out_of_range' });
    });
  }

  it('artillery on the road does not fire', () => {
    const moving = tweak(state, (d) => {
      d.units.art!.transit = {
        road: Object.keys(d.roads).find((id) => id.includes('_a_t'))!,
        toward: 't',
        covered: 10,
      };
    });
    expect(validateOrder(moving, 'blue', artillery('art', 't'))).toMatchObject({
      ok: false,
      code: 'out_of_range',
    });
  });
});

describe('strike results (seeds 1-40)', () => {
  const runs = Array.from({ length: 40 }, (_, i) => i + 1).map((seed) => {
    const state = gunnery({ seed });
    const { state: after, events } = resolveTurn(state, { blue: [artillery('art', 't')] });
    return { state, after, events, ev: only(events, 'strike.resolved') };
  });

  it('the d10 band scales the damage: 10 strength → 1, 2 or 3 points; every band turns up', () => {
    const seen = new Set<string>();
    for (const { ev, after } of runs) {
      const band = strikeBand(ev.data.roll as number);
      seen.add(band.result);
      expect(ev.data.result).toBe(band.result);
      // 10 × 100 % readiness × 20 % × the band's per cent
      const points = Math.floor((1000 * 20 * band.damagePct) / 1_000_000);
      expect(points).toBe({ light: 1, normal: 2, heavy: 3 }[band.result]);
      expect(ev.data['strengthLost:red']).toBe(points);
      expect(ev.data['killed:red']).toBe(points * 10);
      expect(after.units.r1!.strength).toBe(10 - points);
      expect(after.units.r2!.strength).toBe(10); // only the target is hit
      expect(after.meters.losses.red).toBe(points * 10);
      expect(ev.data.postHit).toBe(false);
      expect(ev.explain).toContain(`roll ${ev.data.roll as number} → ${band.result}`);
    }
    expect([...seen].sort()).toEqual(STRIKE_RESULTS.map((b) => b.result).sort());
  });

  it('civilians: artillery kills 1 ‰ of the residents (× the band); all accounted for', () => {
    for (const { ev, events, after, state } of runs) {
      const band = strikeBand(ev.data.roll as number);
      const killed = Math.floor((10_000 * 1 * band.civiliansPct) / 100_000);
      expect(ev.data.civiliansKilled).toBe(killed);
      expect(events.some((e) => e.kind === 'civilians.displaced' && e.phase === 'strikes')).toBe(false);
      const k = events.find(
        (e) => e.kind === 'civilians.killed' && e.location === 't' && e.phase === 'strikes',
      )!;
      expect(k.data.killed).toBe(killed);
      expect(peopleAccounted(after)).toEqual(peopleAccounted(state));
    }
  });

  it('air kills more civilians than artillery or drones (per strike)', () => {
    const pm = DEFAULT_PARAMS.strikeCiviliansPerMille;
    expect(pm.air).toBeGreaterThan(pm.artillery);
    expect(pm.air).toBeGreaterThan(pm.drone);
  });
});

describe('strikes: units destroyed, posts hit, losses spread', () => {
  it('a unit brought to 0 is destroyed and removed', () => {
    const state = gunnery({
      units: [unit('art', 'blue', 'artillery', 10, 'a'), unit('r1', 'red', 'infantry', 1, 't')],
    });
    const { state: after, events } = resolveTurn(state, { blue: [artillery('art', 't')] });
    expect(after.units.r1).toBeUndefined();
    expect(only(events, 'unit.destroyed').data).toMatchObject({ unit: 'r1', by: 'blue', cause: 'artillery' });
    expect(after.meters.losses.red).toBe(10);
  });

  it('losses spread over the hostile units there, biggest first; friendly units are spared', () => {
    // Heavy air raid: 3 sorties × 5 = 15 firepower; 20 % × band.
    const state = game({
      blue: { air: 3 },
      holds: '{ blue: [base, a], red: [t, r] }',
      units: [
        unit('r1', 'red', 'infantry', 6, 't'),
        unit('r3', 'red', 'militia', 3, 't'),
        unit('g1', 'grey', 'infantry', 5, 't'),
      ],
    });
    const { state: after, events } = resolveTurn(state, { blue: [sorties('air', 't', 3)] });
    const ev = only(events, 'strike.resolved');
    const points = Math.floor((1500 * 20 * strikeBand(ev.data.roll as number).damagePct) / 1_000_000);
    const share = spreadLosses(
      [
        { id: 'r1', strength: 6 },
        { id: 'r3', strength: 3 },
      ],
      points,
    );
    expect(after.units.r1?.strength ?? 0).toBe(6 - share.r1!);
    expect(after.units.r3?.strength ?? 0).toBe(3 - share.r3!);
    expect(after.units.g1!.strength).toBe(5);
    expect(ev.data['strengthLost:red']).toBe(points);
  });

  it('a strike on a post: postHit, its garrison loses points × 10 soldiers', () => {
    const state = game({
      seed: 3,
      post: true,
      holds: '{ blue: [base, a], red: [t, r] }',
      units: [unit('rart', 'red', 'artillery', 10, 'r')],
    });
    expect(validateOrder(state, 'red', artillery('rart', 'p')).ok).toBe(true);
    const { state: after, events } = resolveTurn(state, { red: [artillery('rart', 'p')] });
    const ev = only(events, 'strike.resolved');
    const points = Math.floor((1000 * 20 * strikeBand(ev.data.roll as number).damagePct) / 1_000_000);
    expect(ev.data).toMatchObject({ postHit: true, post: 'op1', attacker: 'red', means: 'artillery' });
    expect(ev.data['killed:blue']).toBe(points * 10);
    expect(after.posts.op1!.garrison).toBe(100 - points * 10);
    expect(after.meters.losses.blue).toBe(points * 10);
    expect(ev.actors).toEqual(['red', 'blue']);
  });

  it('a post within its radius observes a strike by another actor', () => {
    // The post at p is 5.8 km from t; red shells t where blue's b1 stands.
    const state = game({
      post: true,
      holds: '{ blue: [base, a, t], red: [r] }',
      units: [unit('b1', 'blue', 'infantry', 10, 't'), unit('rart', 'red', 'artillery', 10, 'r')],
    });
    const { state: after, events } = resolveTurn(state, { red: [artillery('rart', 't')] });
    expect(events.some((e) => e.kind === 'post.observed' && e.data.attacker === 'red')).toBe(true);
    expect(after.posts.op1!.observed).toBe(1);
  });
});

describe('fire missions and sorties per turn', () => {
  it('artillery fires once a turn: a second mission is refused in the strikes phase', () => {
    const { events } = resolveTurn(gunnery(), { blue: [artillery('art', 't'), artillery('art', 'r')] });
    expect(events.filter((e) => e.kind === 'strike.resolved')).toHaveLength(1);
    const refused = only(events, 'order.rejected');
    expect(refused).toMatchObject({ phase: 'strikes', data: { code: 'no_sorties', order: 'strike' } });
  });

  const budgetCases: { name: string; orders: number[]; flown: number[]; refused: number }[] = [
    { name: '2 + 1 of 3 air sorties: both fly', orders: [2, 1], flown: [2, 1], refused: 0 },
    { name: '2 + 2 of 3: the second is refused whole', orders: [2, 2], flown: [2], refused: 1 },
    {
      name: '1 + 3 + 2 of 3: the second is refused, the third flies',
      orders: [1, 3, 2],
      flown: [1, 2],
      refused: 1,
    },
  ];
  for (const c of budgetCases) {
    it(c.name, () => {
      const state = gunnery({ blue: { air: 3 } });
      const { events } = resolveTurn(state, { blue: c.orders.map((n) => sorties('air', 't', n)) });
      expect(events.filter((e) => e.kind === 'strike.resolved').map((e) => e.data.sorties)).toEqual(c.flown);
      expect(events.filter((e) => e.kind === 'order.rejected' && e.data.code === 'no_sorties')).toHaveLength(
        c.refused,
      );
    });
  }
});

describe('closed airspace', () => {
  const closed = (blue: Setup['blue'], red: Setup['red'] = {}, extra = '') =>
    gunnery({ blue, red, extra: `meters: { airspaceClosed: true }\n${extra}` });
  const cases: [string, GameState, string, Order, string | null][] = [
    ['half of 4 drone sorties may fly: 2', closed({ drone: 4 }), 'blue', sorties('drone', 't', 2), null],
    ['half of 4: not 3', closed({ drone: 4 }), 'blue', sorties('drone', 't', 3), 'no_sorties'],
    ['half of 1 is none', closed({ drone: 1 }), 'blue', sorties('drone', 't', 1), 'airspace_closed'],
    ['no air sorties at all', closed({ air: 4 }), 'blue', sorties('air', 't', 1), 'airspace_closed'],
    ['Russia’s ally flies all its drones', closed({}, { drone: 4 }), 'red', sorties('drone', 'a', 4), null],
    ['open airspace: all 4', gunnery({ blue: { drone: 4 } }), 'blue', sorties('drone', 't', 4), null],
  ];
  for (const [name, state, actor, order, code] of cases) {
    it(`${name} → ${code ?? 'ok'}`, () => {
      const check = validateOrder(state, actor, order);
      if (code === null) expect(check).toEqual({ ok: true, value: true });
      else expect(check).toMatchObject({ ok: false, code });
    });
  }

  it('the halved budget holds over all the turn’s orders', () => {
    const { events } = resolveTurn(closed({ drone: 4 }), {
      blue: [sorties('drone', 't', 1), sorties('drone', 't', 1), sorties('drone', 't', 1)],
    });
    expect(events.filter((e) => e.kind === 'strike.resolved')).toHaveLength(2);
    expect(only(events, 'order.rejected').data.code).toBe('no_sorties');
  });

  it('every drone shot down (1000 ‰): nothing is hit, the loss is reported', () => {
    const state = closed({ drone: 4 }, {}, 'params: { droneShootDownPerMille: 1000 }');
    const { state: after, events } = resolveTurn(state, { blue: [sorties('drone', 't', 2)] });
    const ev = only(events, 'strike.resolved');
    expect(ev.data).toMatchObject({ sorties: 0, shotDown: 2, roll: 0 });
    expect(ev.explain).toContain('2 shot down');
    expect(after.units.r1!.strength).toBe(10);
    expect(ev.data.civiliansKilled).toBe(0);
    expect(events.some((e) => e.kind === 'civilians.killed')).toBe(false);
  });

  it('no drone shot down (0 ‰): both sorties fly', () => {
    const state = closed({ drone: 4 }, {}, 'params: { droneShootDownPerMille: 0 }');
    const { events } = resolveTurn(state, { blue: [sorties('drone', 't', 2)] });
    expect(only(events, 'strike.resolved').data).toMatchObject({ sorties: 2, shotDown: 0 });
  });

  it('Russia’s ally risks nothing', () => {
    const state = closed({}, { drone: 2 }, 'params: { droneShootDownPerMille: 1000 }');
    const { events } = resolveTurn(state, { red: [sorties('drone', 'a', 2)] });
    expect(only(events, 'strike.resolved').data).toMatchObject({ sorties: 2, shotDown: 0 });
  });
});

// ================================================================ rejected orders change nothing

describe('a rejected order changes nothing but the log', () => {
  const cases: { name: string; state: () => GameState; orders: OrdersByActor; same: OrdersByActor }[] = [
    {
      name: 'an assault by a unit that is not next to the target',
      state: () =>
        duel({ units: [unit('b1', 'blue', 'infantry', 10, 'base'), unit('r1', 'red', 'infantry', 10, 't')] }),
      orders: { blue: [assaultOn('t', 'b1')] },
      same: {},
    },
    {
      name: 'artillery out of range',
      state: () => gunnery(),
      orders: { blue: [artillery('art', 'far')] },
      same: {},
    },
    {
      name: 'drone sorties in a closed airspace',
      state: () => gunnery({ blue: { drone: 1 }, extra: 'meters: { airspaceClosed: true }' }),
      orders: { blue: [sorties('drone', 't', 1)] },
      same: {},
    },
    {
      name: 'air sorties over the turn’s budget (refused in the strikes phase)',
      state: () => gunnery({ blue: { air: 3 } }),
      orders: { blue: [sorties('air', 't', 2), sorties('air', 't', 2)] },
      same: { blue: [sorties('air', 't', 2)] },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const state = c.state();
      const rejected = resolveTurn(state, c.orders);
      expect(rejected.events.some((e) => e.kind === 'order.rejected')).toBe(true);
      const plain = resolveTurn(state, c.same);
      expect(hashWithoutLog(rejected.state)).toBe(hashWithoutLog(plain.state));
    });
  }
});

describe('supply of units (suppliedPlaces)', () => {
  // The rule in words: a unit is supplied when a road through places not held by actors hostile
  // to it, and not through observation posts, joins its place to one of its supply sources. The
  // oracle searches that road place by place; suppliedPlaces answers every place with one search.
  const scenario = loadScenarioArg('winter-2019-2020');
  const start = newGame(scenario, 'supply');
  const ids = Object.keys(start.locations).sort();
  const actors = Object.keys(start.actors).sort();
  const oracle = (state: GameState, actor: string, location: string): boolean => {
    const sources = new Set(state.actors[actor]!.supplySources);
    if (sources.size === 0) return true;
    return (
      cheapestPath(
        state,
        location,
        (id) => sources.has(id) && !hostileHeld(state, actor, id),
        (loc) => loc.kind !== 'post' && !hostileHeld(state, actor, loc.id),
        (road) => road.length,
      ) !== null
    );
  };

  it('agrees with a road search from each place, whoever holds what', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...actors), { minLength: ids.length, maxLength: ids.length }),
        (holders) => {
          const state = change(
            start,
            (s) => {
              ids.forEach((id, i) => (s.locations[id]!.controller = holders[i]!));
            },
            ['locations'],
          );
          for (const actor of actors) {
            const supplied = suppliedPlaces(state, actor);
            for (const id of ids) expect(supplied?.has(id) ?? true).toBe(oracle(state, actor, id));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
