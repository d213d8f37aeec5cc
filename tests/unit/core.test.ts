// The engine's small parts: calendar, RNG, canonical JSON and hash, sorting, order validation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  chancePerMille,
  civilFromDays,
  dateOfTurn,
  daysFromCivil,
  drawInt,
  formatIsoDate,
  hashValue,
  parseIsoDate,
  rollD10,
  seedRng,
  turnOfDay,
  validateOrder,
} from '../../src/engine/index.ts';
import { sortShort, sortShortBy } from '../../src/engine/world.ts';
import { newGame, loadScenario } from '../../src/scenario/index.ts';
import { readText } from '../../src/cli/files.ts';
import { ROOT } from './cli-helpers.ts';

describe('calendar', () => {
  it.each([
    ['1970-01-01', 0],
    ['2019-12-01', 18231],
    ['2020-02-29', 18321],
    ['2020-03-05', 18326],
    ['2000-03-01', 11017],
  ])('%s is day %i', (iso, day) => {
    expect(parseIsoDate(iso)).toBe(day);
    expect(formatIsoDate(day)).toBe(iso);
  });

  it('refuses dates that do not exist', () => {
    for (const bad of ['2019-02-29', '2020-13-01', '2020-04-31', '20-01-01', 'yesterday'])
      expect(parseIsoDate(bad)).toBeNull();
  });

  it('round-trips every day across four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const { y, m, d } = civilFromDays(day);
        return daysFromCivil(y, m, d) === day;
      }),
    );
  });

  it('maps turns to dates and back', () => {
    const cal = { start: '2019-12-01', startDay: 18231, daysPerTurn: 2, turns: 48 };
    expect(dateOfTurn(cal, 1)).toBe('2019-12-01');
    expect(dateOfTurn(cal, 34)).toBe('2020-02-05');
    expect(turnOfDay(cal, parseIsoDate('2020-02-06')!)).toBe(34);
    expect(turnOfDay(cal, parseIsoDate('2020-02-07')!)).toBe(35);
  });
});

describe('rng', () => {
  it('continues the same sequence from a JSON copy of its state, and counts draws', () => {
    const a = seedRng('42');
    drawInt(a, 100);
    const copy = JSON.parse(JSON.stringify(a)) as typeof a;
    const fromA = [drawInt(a, 1000), drawInt(a, 1000), rollD10(a)];
    const fromCopy = [drawInt(copy, 1000), drawInt(copy, 1000), rollD10(copy)];
    expect(fromCopy).toEqual(fromA);
    expect(a.draws).toBe(4);
  });

  it('gives the same draws from states that share one state object, drawn in turn', () => {
    // Two copies made the way a step copies the state share nothing but their numbers; two
    // records may also hold the very same state object (a view of the state, a shallow copy).
    const start = seedRng('shared');
    drawInt(start, 7);
    const alone = { ...start };
    const expected = [drawInt(alone, 1000), drawInt(alone, 1000), drawInt(alone, 1000)];
    const a = { ...start };
    const b = { ...start };
    expect(a.state).toBe(b.state);
    const fromA: number[] = [];
    const fromB: number[] = [];
    for (let i = 0; i < 3; i++) {
      fromA.push(drawInt(a, 1000));
      fromB.push(drawInt(b, 1000));
    }
    expect(fromA).toEqual(expected);
    expect(fromB).toEqual(expected);
    // A draw from a state object that came before the last one written starts from it again.
    const again = { ...start };
    expect(drawInt(again, 1000)).toBe(expected[0]);
  });

  it('is seeded: different seeds, different sequences', () => {
    const a = seedRng('1');
    const b = seedRng('2');
    const seqA = Array.from({ length: 8 }, () => drawInt(a, 1_000_000));
    const seqB = Array.from({ length: 8 }, () => drawInt(b, 1_000_000));
    expect(seqA).not.toEqual(seqB);
  });

  it('stays in range and is roughly uniform', () => {
    const r = seedRng('uniform');
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i++) counts[rollD10(r) - 1]! += 1;
    for (const c of counts) expect(c).toBeGreaterThan(850);
    let hits = 0;
    for (let i = 0; i < 10_000; i++) if (chancePerMille(r, 250)) hits += 1;
    expect(hits).toBeGreaterThan(2300);
    expect(hits).toBeLessThan(2700);
  });

  it('refuses a bad range', () => {
    expect(() => drawInt(seedRng('x'), 0)).toThrow(RangeError);
  });
});

describe('canonical JSON and hash', () => {
  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        return canonicalJson(obj) === canonicalJson(reversed) && hashValue(obj) === hashValue(reversed);
      }),
    );
  });

  it('parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });

  it('is SHA-256 of the canonical text', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'] })).toBe('{"a":[true,null,"x"],"b":1}');
    // sha256('{"a":1}')
    expect(hashValue({ a: 1 })).toBe('015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/"a" is NaN/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow();
  });
});

describe('sorting short lists', () => {
  // Lists up to 24 long are sorted by insertion, longer ones by the built-in sort: both sizes.
  const lists = fc.array(fc.string({ unit: 'binary', maxLength: 4 }), { maxLength: 40 });

  it('sortShort sorts as the built-in sort does, in place', () => {
    fc.assert(
      fc.property(lists, (list) => {
        const copy = [...list];
        expect(sortShort(copy)).toBe(copy);
        expect(copy).toEqual([...list].sort());
      }),
    );
  });

  it('sortShortBy sorts as the built-in sort does with the same comparison, equal items kept in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.nat()), { maxLength: 40 }), (list) => {
        const byFirst = (a: [number, number], b: [number, number]) => a[0] - b[0];
        const copy = [...list];
        expect(sortShortBy(copy, byFirst)).toBe(copy);
        expect(copy).toEqual([...list].sort(byFirst));
      }),
    );
  });
});

describe('validateOrder', () => {
  const scenario = loadScenario(`${ROOT}scenarios/winter-2019-2020.scenario.yaml`, readText);
  const state = newGame(scenario, '1');
  const cases: [string, string, Parameters<typeof validateOrder>[2], string][] = [
    ['a good move', 'syria', { kind: 'move', unit: 'saa_25th', to: 'maarat_al_numan' }, 'ok'],
    ['an unknown unit', 'syria', { kind: 'move', unit: 'nope', to: 'idlib' }, 'unknown_unit'],
    ["another actor's unit", 'syria', { kind: 'move', unit: 'tr_mech', to: 'idlib' }, 'not_your_unit'],
    ['an unknown place', 'turkey', { kind: 'move', unit: 'tr_mech', to: 'atlantis' }, 'unknown_location'],
    ['into a post', 'turkey', { kind: 'move', unit: 'tr_mech', to: 'op_surman_site' }, 'post_location'],
    ['to where it stands', 'turkey', { kind: 'move', unit: 'tr_mech', to: 'kafr_lusin' }, 'already_there'],
    ['an unknown actor', 'usa', { kind: 'hold', unit: 'tr_mech' }, 'unknown_actor'],
    ['an unknown kind of order', 'syria', { kind: 'fly', unit: 'saa_25th' } as never, 'unknown_order'],
    [
      'a good convoy',
      'turkey',
      {
        kind: 'dispatch_convoy',
        from: 'kafr_lusin',
        post: 'op_surman',
        vehicles: { tanks: 0, armoured: 0, trucks: 30, airDefence: 0 },
        cargo: { supplyDays: 10, troops: 0 },
        escort: '',
        notified: true,
      },
      'ok',
    ],
    [
      'a convoy from a place that is no supply source',
      'turkey',
      {
        kind: 'dispatch_convoy',
        from: 'idlib',
        post: 'op_surman',
        vehicles: { tanks: 0, armoured: 0, trucks: 30, airDefence: 0 },
        cargo: { supplyDays: 10, troops: 0 },
        escort: '',
        notified: true,
      },
      'not_a_supply_source',
    ],
    [
      'a convoy to an encircled post',
      'turkey',
      {
        kind: 'dispatch_convoy',
        from: 'kafr_lusin',
        post: 'op_morek',
        vehicles: { tanks: 0, armoured: 0, trucks: 30, airDefence: 0 },
        cargo: { supplyDays: 10, troops: 0 },
        escort: '',
        notified: true,
      },
      'no_route',
    ],
    [
      'a convoy of no vehicles',
      'turkey',
      {
        kind: 'dispatch_convoy',
        from: 'kafr_lusin',
        post: 'op_surman',
        vehicles: { tanks: 0, armoured: 0, trucks: 0, airDefence: 0 },
        cargo: { supplyDays: 10, troops: 0 },
        escort: '',
        notified: true,
      },
      'bad_number',
    ],
    [
      'a convoy on a broken route',
      'turkey',
      {
        kind: 'dispatch_convoy',
        from: 'kafr_lusin',
        post: 'op_surman',
        vehicles: { tanks: 0, armoured: 0, trucks: 5, airDefence: 0 },
        cargo: { supplyDays: 10, troops: 0 },
        escort: '',
        notified: true,
        route: ['kafr_lusin', 'idlib', 'op_surman_site'],
      },
      'bad_route',
    ],
  ];
  it.each(cases)('%s', (_name, actor, order, want) => {
    const r = validateOrder(state, actor, order);
    if (want === 'ok') expect(r).toEqual({ ok: true, value: true });
    else {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe(want);
        expect(r.message.length).toBeGreaterThan(10);
      }
    }
  });
});

describe('paths', () => {
  it('joins and normalises like the file system does', async () => {
    const { joinPath, dirname } = await import('../../src/scenario/index.ts');
    expect(joinPath('scenarios', 'maps/idlib.map.yaml')).toBe('scenarios/maps/idlib.map.yaml');
    expect(joinPath('scenarios/a', '../maps/./x.yaml')).toBe('scenarios/maps/x.yaml');
    expect(joinPath('.', 'x.yaml')).toBe('x.yaml');
    expect(joinPath('/abs/dir', 'x.yaml')).toBe('/abs/dir/x.yaml');
    expect(joinPath('scenarios', '/etc/x.yaml')).toBe('/etc/x.yaml');
    expect(dirname('scenarios/x.scenario.yaml')).toBe('scenarios');
    expect(dirname('x.yaml')).toBe('.');
  });
});
