// The computer actors on small maps: each shipped doctrine does what it says (Turkey supplies a
// post that runs short, the government surrounds a post rather than assault it while escalation
// is low, Russia offers a ceasefire past its threshold, Turkish retaliation grows with its losses,
// HTS goes for a joint patrol), a changed weight changes the decision (a defender holds its town
// rather than counter-attack or attack the next), decisions read only the actor's view, and their
// records enter the log and the replay.
import { describe, expect, it } from 'vitest';
import {
  buildContext,
  candidateOrders,
  computerOrders,
  decide,
  decideRandomly,
  FACTOR_JUDGES,
  FACTOR_KINDS,
  GENERIC_DOCTRINE,
} from '../../src/ai/index.ts';
import { playScenario, parsePlayers } from '../../src/cli/play.ts';
import { loadScenarioArg } from '../../src/cli/files.ts';
import {
  FACTORS,
  resolveTurn,
  THRESHOLDS,
  viewFor,
  type Doctrine,
  type GameEvent,
  type GameState,
  type Order,
} from '../../src/engine/index.ts';
import { analyseDoctrine, toDoctrine, verifyReplay } from '../../src/scenario/index.ts';
import { readProjectFile, tinyScenario, type TinyWorld } from './helpers.ts';
import { newGame } from '../../src/scenario/index.ts';

function doctrineFrom(text: string, file = 'x.doctrine.yaml'): Doctrine {
  const a = analyseDoctrine(file, text);
  expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return toDoctrine(a.data!);
}

const shipped = (id: string): string => readProjectFile(`scenarios/doctrines/${id}.doctrine.yaml`);
const DOCTRINE = {
  turkey: doctrineFrom(shipped('turkey')),
  syria: doctrineFrom(shipped('syria')),
  russia: doctrineFrom(shipped('russia')),
  hts: doctrineFrom(shipped('hts')),
};

// base(crossing) —10— a —10— b —10(track)— site(post op1)
//                     a —14— c —10(track)— site
//                     b —10— d —10— site          r(hill) —4— a, r —10— far
const places: TinyWorld['places'] = [
  { id: 'base', kind: 'crossing', at: [0, 0] },
  { id: 'a', at: [10, 0] },
  { id: 'b', at: [20, 0] },
  { id: 'c', at: [20, 10] },
  { id: 'd', at: [25, -5] },
  { id: 'site', kind: 'post', at: [30, 5] },
  { id: 'r', kind: 'hill', at: [10, 4] },
  { id: 'far', kind: 'village', at: [10, 14] },
];
const roads: TinyWorld['roads'] = [
  ['base', 'a', 10],
  ['a', 'b', 10],
  ['a', 'c', 14],
  ['b', 'site', 10, 'track'],
  ['c', 'site', 10, 'track'],
  ['b', 'd', 10],
  ['d', 'site', 10],
  ['a', 'r', 4, 'track'],
  ['r', 'far', 10, 'track'],
];

interface Setup {
  holds?: string;
  units?: string[];
  supplyDays?: number;
  tensionRussiaTurkey?: number;
  patrols?: string[];
  params?: string;
}

function world({
  holds = '{}',
  units = [],
  supplyDays = 20,
  tensionRussiaTurkey = 30,
  patrols = [],
  params = '',
}: Setup): TinyWorld {
  const scenario = `schemaVersion: 2
id: tiny-ai
title: Tiny
briefing: A test.
map: tiny.map.yaml
calendar: { start: '2020-01-01', daysPerTurn: 1, turns: 30 }
actors:
  - { id: turkey, name: Turkey, controller: computer, supplySources: [base], droneSorties: 3 }
  - { id: syria, name: Syria, controller: computer }
  - { id: russia, name: Russia, controller: computer, airSorties: 2 }
  - { id: hts, name: HTS, controller: computer, hardLine: true }
relations:
  - { a: turkey, b: syria, stance: hostile, tension: 60 }
  - { a: syria, b: russia, stance: allied, tension: 5 }
  - { a: turkey, b: russia, stance: neutral, tension: ${tensionRussiaTurkey} }
  - { a: syria, b: hts, stance: hostile, tension: 90 }
  - { a: russia, b: hts, stance: hostile, tension: 90 }
control: { default: turkey, holds: ${holds} }
params: { artilleryRangeM: 5000${params === '' ? '' : `, ${params}`} }
posts:
  - { id: op1, actor: turkey, garrison: 100, supplyDays: ${supplyDays}, maxSupplyDays: 30 }
forces:
${units.length === 0 ? '  []' : units.map((u) => `  - ${u}`).join('\n')}
patrols:
${patrols.length === 0 ? '  []' : patrols.map((p) => `  - ${p}`).join('\n')}
`;
  return { places, roads, posts: [{ id: 'op1', location: 'site' }], scenario };
}

function game(setup: Setup): GameState {
  return newGame(tinyScenario(world(setup)), 1);
}

/** A copy of the state to edit (states are frozen). */
function edit(state: GameState, change: (s: GameState) => void): GameState {
  const copy = structuredClone(state);
  change(copy);
  return copy;
}

function ordersOf(state: GameState, actor: string, doctrine: Doctrine): Order[] {
  return decide(viewFor(state, actor), actor, doctrine, 0).orders;
}

/**
 * `state` one turn on, after `attacker` struck `victim` at `at` last turn (the log the actors
 * remember), with `losses` soldiers of the victim's killed so far.
 */
function afterStrike(
  state: GameState,
  attacker: string,
  victim: string,
  at: string,
  losses: number,
): GameState {
  const struck: GameEvent = {
    kind: 'strike.resolved',
    turn: 1,
    phase: 'strikes',
    actors: [attacker, victim],
    location: at,
    data: {},
    explain: `A strike by ${attacker} on ${at}.`,
  };
  return edit(state, (s) => {
    s.meters.losses = { [victim]: losses };
    s.log = [{ turn: 1, date: '2020-01-01', events: [struck] }];
    s.turn = 2;
  });
}

const unit = (id: string, actor: string, at: string, strength = 10, type = 'infantry'): string =>
  `{ id: ${id}, actor: ${actor}, name: ${id}, type: ${type}, strength: ${strength}, location: ${at} }`;

describe('Turkey keeps its posts supplied', () => {
  it('sends a convoy to a post running out of supply when a route exists', () => {
    const orders = ordersOf(game({ supplyDays: 3 }), 'turkey', DOCTRINE.turkey);
    const convoys = orders.filter((o) => o.kind === 'dispatch_convoy');
    expect(convoys).toHaveLength(1);
    expect(convoys[0]).toMatchObject({ from: 'base', post: 'op1' });
  });

  it('sends none to a post with full stores', () => {
    const orders = ordersOf(game({ supplyDays: 30 }), 'turkey', DOCTRINE.turkey);
    expect(orders.filter((o) => o.kind === 'dispatch_convoy')).toEqual([]);
  });

  it('sends none when no route is open (government ground all round, and Russia refuses to escort)', () => {
    const state = game({ supplyDays: 3, holds: '{ syria: [b, c, d] }', tensionRussiaTurkey: 90 });
    expect(ordersOf(state, 'turkey', DOCTRINE.turkey).filter((o) => o.kind === 'dispatch_convoy')).toEqual(
      [],
    );
  });

  it('changing a weight in the doctrine file changes the decision', () => {
    const state = game({ supplyDays: 3 });
    const text = shipped('turkey').replace(
      /factor: keep_posts_supplied, weight: \d+/,
      'factor: keep_posts_supplied, weight: 0',
    );
    expect(text).not.toBe(shipped('turkey'));
    const without = ordersOf(state, 'turkey', doctrineFrom(text));
    expect(without.filter((o) => o.kind === 'dispatch_convoy')).toEqual([]);
    expect(ordersOf(state, 'turkey', DOCTRINE.turkey).some((o) => o.kind === 'dispatch_convoy')).toBe(true);
  });

  it('notifies Russia while tension allows, and not past the threshold', () => {
    const calm = ordersOf(game({ supplyDays: 3, tensionRussiaTurkey: 30 }), 'turkey', DOCTRINE.turkey);
    const tense = ordersOf(game({ supplyDays: 3, tensionRussiaTurkey: 90 }), 'turkey', DOCTRINE.turkey);
    expect(calm.find((o) => o.kind === 'dispatch_convoy')).toMatchObject({ notified: true });
    expect(tense.find((o) => o.kind === 'dispatch_convoy')).toMatchObject({ notified: false });
  });
});

describe('the Syrian government encircles Turkish posts rather than assault them', () => {
  // The government holds a, b and d around the post; Turkey still holds c, its last way in.
  const setup: Setup = {
    holds: '{ syria: [a, b, d] }',
    units: [unit('sy1', 'syria', 'd', 30), unit('sy2', 'syria', 'b', 30), unit('sy3', 'syria', 'a', 30)],
  };

  it('while escalation is low: no assault on the post, but a push for its other side', () => {
    const orders = ordersOf(game(setup), 'syria', DOCTRINE.syria);
    expect(orders.filter((o) => o.kind === 'assault' && o.target === 'site')).toEqual([]);
    expect(
      orders.filter((o) => (o.kind === 'move' ? o.to : o.kind === 'assault' ? o.target : '') === 'c'),
    ).not.toEqual([]);
  });

  it('once escalation reaches its threshold, the post may be assaulted', () => {
    const state = edit(game(setup), (s) => {
      s.meters.escalation = DOCTRINE.syria.thresholds.assaultPostsFromEscalation;
    });
    const orders = ordersOf(state, 'syria', DOCTRINE.syria);
    expect(orders).toContainEqual(expect.objectContaining({ kind: 'assault', target: 'site' }));
  });
});

describe('Russia offers a ceasefire past its tension threshold', () => {
  const threshold = DOCTRINE.russia.thresholds.ceasefireTensionAbove;
  const proposals = (tension: number) =>
    ordersOf(game({ tensionRussiaTurkey: tension }), 'russia', DOCTRINE.russia).filter(
      (o) => o.kind === 'propose_ceasefire',
    );

  it(`not at ${threshold - 10}, and to Turkey at ${threshold + 10}`, () => {
    expect(proposals(threshold - 10)).toEqual([]);
    expect(proposals(threshold + 10)).toEqual([{ kind: 'propose_ceasefire', to: 'turkey' }]);
  });
});

describe('Turkish retaliation grows with its losses', () => {
  // Syria holds b and d; Russian troops stand at d; Syria struck Turkey last turn.
  const base = game({
    holds: '{ syria: [b, d] }',
    units: [unit('sy1', 'syria', 'b', 5), unit('ru1', 'russia', 'd', 5)],
  });
  const attacks = (losses: number): Order[] => {
    const state = edit(afterStrike(base, 'syria', 'turkey', 'site', losses), (s) => {
      s.meters.escalation = 2;
    });
    return ordersOf(state, 'turkey', DOCTRINE.turkey).filter(
      (o) => o.kind === 'strike' || o.kind === 'assault',
    );
  };

  it('none without losses, some with a few, more with many', () => {
    const counts = [0, 40, 200].map((l) => attacks(l).length);
    expect(counts[0]).toBe(0);
    expect(counts[1]).toBeGreaterThan(0);
    expect(counts[2]).toBeGreaterThan(counts[1]!);
  });

  it('strikes only whoever struck it', () => {
    for (const o of attacks(200)) expect(['b', 'd']).toContain((o as { target: string }).target);
  });
});

describe('HTS goes for the joint patrols when its doctrine says so', () => {
  // HTS's unit stands at c, away from far (the heart it keeps forces around) and r beside it.
  const setup: Setup = {
    holds: '{ hts: [far, r] }',
    units: [unit('hts1', 'hts', 'c', 10)],
    patrols: ['{ id: jp, name: Joint patrol, actors: [russia, turkey], route: [a, b], status: active }'],
    params: 'patrolAttackPerMille: 1000',
  };

  it('moves onto the patrol route; with the factor weighed 0 it stays away', () => {
    const state = game(setup);
    const orders = ordersOf(state, 'hts', DOCTRINE.hts);
    expect(orders).toContainEqual({ kind: 'move', unit: 'hts1', to: 'a' });
    const calm = doctrineFrom(
      shipped('hts').replace(
        /factor: attack_patrols_and_spoilers, weight: \d+/,
        'factor: attack_patrols_and_spoilers, weight: 0',
      ),
    );
    expect(
      ordersOf(state, 'hts', calm).filter((o) => o.kind === 'move' && (o.to === 'a' || o.to === 'b')),
    ).toEqual([]);
  });

  it('and, played out, the patrol is attacked', () => {
    const scenario = tinyScenario(world(setup));
    let state = newGame(scenario, 1);
    const kinds: string[] = [];
    for (let t = 0; t < 4 && !state.over; t++) {
      const d = computerOrders(state, 'hts', DOCTRINE.hts);
      const r = resolveTurn(state, { hts: d.orders }, [d.record]);
      kinds.push(...r.events.map((e) => e.kind));
      state = r.state;
    }
    expect(kinds).toContain('patrol.attacked');
  });
});

describe('HTS never leaves the place it values most (Idlib) empty', () => {
  // Its only unit stands at r, its most valuable place, with a joint patrol to attack next door.
  const state = edit(
    game({
      holds: '{ hts: [far, r] }',
      units: [unit('hts1', 'hts', 'r', 10)],
      patrols: ['{ id: jp, name: Joint patrol, actors: [russia, turkey], route: [a, b], status: active }'],
    }),
    (s) => {
      s.locations.r!.value = 5;
    },
  );
  const leaves = (o: Order) => o.kind === 'move' || o.kind === 'assault';

  it('its last defender stays', () => {
    expect(buildContext(viewFor(state, 'hts'), 'hts', DOCTRINE.hts).heart).toBe('r');
    expect(ordersOf(state, 'hts', DOCTRINE.hts).filter(leaves)).toEqual([]);
  });

  it('with hold_idlib weighed 0, it goes for the patrol', () => {
    const careless = doctrineFrom(
      shipped('hts').replace(/factor: hold_idlib, weight: \d+/, 'factor: hold_idlib, weight: 0'),
    );
    expect(ordersOf(state, 'hts', careless)).toContainEqual({ kind: 'move', unit: 'hts1', to: 'a' });
  });
});

describe('no shuttle: moving the defenders of one held town to another earns nothing', () => {
  // HTS holds a and b, both valuable and both objectives, with government forces next to each
  // (at c and d); it also holds far, worth nothing. a has defenders to spare (hts1 may go and
  // leave hts3), but moving them from a to b only shifts defenders.
  const state = edit(
    game({
      holds: '{ hts: [a, b, far, r], syria: [c, d] }',
      units: [
        unit('hts1', 'hts', 'a', 10),
        unit('hts3', 'hts', 'a', 20),
        unit('hts2', 'hts', 'far', 10),
        unit('s1', 'syria', 'c', 10),
        unit('s2', 'syria', 'd', 10),
      ],
    }),
    (s) => {
      for (const id of ['a', 'b']) s.locations[id]!.value = 4;
      s.victory.objectives = ['a', 'b'].map((id) => ({
        id: `hold_${id}`,
        actor: 'hts',
        text: `Hold ${id}`,
        points: 10,
        when: 'end' as const,
        condition: { controls: { actor: 'hts', location: id } },
      }));
    },
  );
  const ctx = buildContext(viewFor(state, 'hts'), 'hts', DOCTRINE.hts);
  const move = (unitId: string, to: string): Order => ({ kind: 'move', unit: unitId, to });

  it('defend_held_places: from a threatened town, nothing; from elsewhere, a reinforcement', () => {
    expect(FACTOR_JUDGES.defend_held_places(move('hts1', 'b'), ctx)).toBe(0);
    expect(FACTOR_JUDGES.defend_held_places(move('hts2', 'b'), ctx)).toBeGreaterThan(0);
  });

  it('pursue_objectives: from a held objective, nothing; from elsewhere, a reinforcement', () => {
    expect(FACTOR_JUDGES.pursue_objectives(move('hts1', 'b'), ctx)).toBe(0);
    expect(FACTOR_JUDGES.pursue_objectives(move('hts2', 'b'), ctx)).toBe(40);
  });
});

describe('a defender holds rather than counter-attacks when its doctrine says so', () => {
  // HTS's only unit holds a (valuable), with a government force next door at b and the
  // government's empty town c beyond: worth taking, but only by leaving a open.
  const state = edit(
    game({
      holds: '{ hts: [a], syria: [b, c] }',
      units: [unit('hts1', 'hts', 'a', 10), unit('s1', 'syria', 'b', 4)],
    }),
    (s) => {
      for (const id of ['a', 'b', 'c']) s.locations[id]!.value = 4;
    },
  );
  const doctrine = (hold: number) =>
    doctrineFrom(`schemaVersion: 1
id: defender
name: Defender
ordersPerTurn: 2
priorities:
  - { factor: take_valuable_places, weight: 10, why: 'Towns are worth taking.' }
  - { factor: hold_rather_than_counter_attack, weight: ${hold}, why: 'Do not leave a town open.' }
`);
  const leavesA = (o: Order) =>
    (o.kind === 'move' && o.unit === 'hts1') || (o.kind === 'assault' && o.units.includes('hts1'));

  it('with the factor weighed 0 its last defender moves or attacks out of the town', () => {
    expect(ordersOf(state, 'hts', doctrine(0)).some(leavesA)).toBe(true);
  });

  it('weighed, the last defender stays: neither a move nor an assault takes it away', () => {
    expect(ordersOf(state, 'hts', doctrine(20)).filter(leavesA)).toEqual([]);
  });

  it('with a second unit left to hold the town, the first may go', () => {
    const reinforced = edit(state, (s) => {
      s.units.hts2 = { ...s.units.hts1!, id: 'hts2', name: 'hts2', strength: 10 };
    });
    expect(ordersOf(reinforced, 'hts', doctrine(20)).some(leavesA)).toBe(true);
  });
});

describe('the government consolidates a town it holds before attacking the next when its doctrine says so', () => {
  // The government's only unit holds b (valuable), with HTS at d next door: a weak force, an
  // assault at good odds, but one that takes the unit on into d and leaves b open.
  const state = edit(
    game({
      holds: '{ syria: [b], hts: [a, d] }',
      units: [unit('s1', 'syria', 'b', 10), unit('h1', 'hts', 'd', 2)],
    }),
    (s) => {
      for (const id of ['a', 'b', 'd']) s.locations[id]!.value = 4;
    },
  );
  const doctrine = (consolidate: number) =>
    doctrineFrom(`schemaVersion: 1
id: government
name: Government
ordersPerTurn: 2
priorities:
  - { factor: take_valuable_places, weight: 10, why: 'Towns are worth taking.' }
  - { factor: favourable_odds, weight: 10, why: 'Attack where the odds are good.' }
  - { factor: defend_held_places, weight: 20, why: 'Do not walk out of a threatened town.' }
  - { factor: consolidate_gains, weight: ${consolidate}, why: 'Hold what was taken.' }
`);
  const assaultsFromB = (orders: Order[]) =>
    orders.filter((o) => o.kind === 'assault' && o.units.includes('s1'));

  it('judges an assault by the last defenders of a threatened town at -100, and any other at 0', () => {
    const ctx = buildContext(viewFor(state, 'syria'), 'syria', doctrine(3));
    const assault: Order = { kind: 'assault', units: ['s1'], target: 'd' };
    expect(FACTOR_JUDGES.consolidate_gains(assault, ctx)).toBe(-100);
    expect(FACTOR_JUDGES.consolidate_gains({ kind: 'move', unit: 's1', to: 'c' }, ctx)).toBe(0);
  });

  it('with the factor weighed 0, its last defender assaults out of the town', () => {
    expect(assaultsFromB(ordersOf(state, 'syria', doctrine(0)))).not.toEqual([]);
  });

  it('weighed, it stays', () => {
    expect(assaultsFromB(ordersOf(state, 'syria', doctrine(20)))).toEqual([]);
  });

  it('with a second unit left to hold the town, one may go, not both', () => {
    const reinforced = edit(state, (s) => {
      s.units.s2 = { ...s.units.s1!, id: 's2', name: 's2' };
    });
    const ctx = buildContext(viewFor(reinforced, 'syria'), 'syria', doctrine(3));
    const judge = (units: string[]) =>
      FACTOR_JUDGES.consolidate_gains({ kind: 'assault', units, target: 'd' }, ctx);
    expect(judge(['s1'])).toBe(0);
    expect(judge(['s1', 's2'])).toBe(-100);
  });
});

describe('decisions', () => {
  it("read only the actor's view: what it cannot see does not change them", () => {
    // A government force at far (unobserved by Turkey) with a different exact strength.
    const setup = (strength: number): Setup => ({
      supplyDays: 3,
      holds: '{ syria: [far] }',
      units: [unit('sy_hidden', 'syria', 'far', strength)],
      params: 'droneViewRangeM: 1000',
    });
    const a = ordersOf(game(setup(9)), 'turkey', DOCTRINE.turkey);
    const b = ordersOf(game(setup(11)), 'turkey', DOCTRINE.turkey);
    expect(viewFor(game(setup(9)), 'turkey').units.sy_hidden!.strength).toBe(
      viewFor(game(setup(11)), 'turkey').units.sy_hidden!.strength,
    );
    expect(a).toEqual(b);
  });

  it("record the top three candidates with each factor's part, and the draw", () => {
    const d = decide(viewFor(game({ supplyDays: 3 }), 'turkey'), 'turkey', DOCTRINE.turkey, 4242);
    expect(d.record).toMatchObject({ actor: 'turkey', doctrine: 'turkey', draw: 4242 });
    expect(d.record.top).toHaveLength(3);
    expect(d.record.chosen).toBe(d.orders.length);
    const best = d.record.top[0]!;
    expect(best.score).toBe(best.factors.reduce((sum, f) => sum + f.points, 0));
    expect(best.order).toMatch(/^convoy from BASE to Post op1/);
    expect(best.factors[0]!.factor).toBe('keep_posts_supplied');
  });

  it('give no more orders than the doctrine allows, and never two for one unit', () => {
    const state = game({
      holds: '{ syria: [b, d] }',
      units: [unit('sy1', 'syria', 'd', 30), unit('sy2', 'syria', 'b', 30), unit('sy3', 'syria', 'b', 30)],
    });
    const orders = ordersOf(state, 'syria', { ...DOCTRINE.syria, ordersPerTurn: 2 });
    expect(orders.length).toBeLessThanOrEqual(2);
    const units = orders.flatMap((o) =>
      'unit' in o && o.unit !== '' ? [o.unit] : 'units' in o ? o.units : [],
    );
    expect(new Set(units).size).toBe(units.length);
  });

  it('fly no more sorties than may fly: half the drones while Russia keeps the airspace closed', () => {
    // Turkey (3 drone sorties) has lost soldiers to the government at b and d: it wants to strike.
    const base = afterStrike(
      game({
        holds: '{ syria: [b, d, c] }',
        units: [unit('sy1', 'syria', 'b', 5), unit('sy2', 'syria', 'd', 5)],
      }),
      'syria',
      'turkey',
      'site',
      200,
    );
    const drones = (state: GameState) =>
      ordersOf(state, 'turkey', DOCTRINE.turkey).filter((o) => o.kind === 'strike' && o.means === 'drone');
    expect(drones(base).length).toBeGreaterThan(1);
    const closed = edit(base, (s) => void (s.meters.airspaceClosed = true));
    expect(drones(closed)).toHaveLength(1); // floor(3 / 2)
  });

  it('leave out of an assault the units still marching elsewhere', () => {
    // sy1 and sy2 stand next to Turkish-held a; sy2 is on its way to far and marches on first.
    const state = edit(
      game({
        holds: '{ syria: [b, r] }',
        units: [unit('sy1', 'syria', 'b', 30), unit('sy2', 'syria', 'r', 30)],
      }),
      (s) => void (s.units.sy2!.destination = 'far'),
    );
    const assaults = candidateOrders(viewFor(state, 'syria'), 'syria').filter(
      (o) => o.kind === 'assault' && o.target === 'a',
    );
    expect(assaults).toEqual([{ kind: 'assault', units: ['sy1'], target: 'a' }]);
  });

  it('do not strike a place an order of theirs walks into unopposed', () => {
    // Turkey holds a with nobody in it; the government has a battalion at b and guns at r, both
    // beside a, and Turkey struck it last turn. Its doctrine wants a, and to hit back: the guns
    // would shell a, the battalion walk in; shelling a would hit nothing by then.
    const state = afterStrike(
      game({
        holds: '{ syria: [b, r] }',
        units: [unit('sy1', 'syria', 'b', 30), unit('guns', 'syria', 'r', 10, 'artillery')],
      }),
      'turkey',
      'syria',
      'b',
      500,
    );
    const doctrine: Doctrine = {
      ...GENERIC_DOCTRINE,
      ordersPerTurn: 8,
      priorities: [
        { factor: 'take_valuable_places', weight: 10, why: 'Take a.' },
        { factor: 'retaliate_for_losses', weight: 10, why: 'Hit back.' },
        { factor: 'favourable_odds', weight: -30, why: 'No assaults in this test.' },
      ],
    };
    const view = viewFor(state, 'syria');
    const strikeOnA = (o: Order) => o.kind === 'strike' && o.target === 'a';
    // Shelling a is the best candidate…
    const d = decide(view, 'syria', doctrine, 0);
    expect(d.record.top[0]!.order).toMatch(/^shell A/);
    // …but the battalion walks in first, so the guns do something else.
    expect(d.orders).toContainEqual({ kind: 'move', unit: 'sy1', to: 'a' });
    expect(d.orders.filter(strikeOnA)).toEqual([]);
    expect(d.orders.some((o) => 'unit' in o && o.unit === 'guns')).toBe(true);
  });

  it("Russia's air support goes where the government must fight, not where it walks in", () => {
    // The government stands at b, beside a and d: HTS holds both, and has fighters in d only.
    const state = game({
      holds: '{ syria: [b], hts: [a, d] }',
      units: [unit('sy1', 'syria', 'b', 30), unit('hts1', 'hts', 'd', 5)],
    });
    const ctx = buildContext(viewFor(state, 'russia'), 'russia', DOCTRINE.russia);
    const judge = (target: string) =>
      FACTOR_JUDGES.support_offensive_from_air(
        { kind: 'strike', means: 'air', unit: '', target, sorties: 1 },
        ctx,
      );
    expect(judge('d')).toBe(100);
    expect(judge('a')).toBeLessThan(0);
  });

  it('go for the guns that keep a highway they must open closed', () => {
    // The government holds a and b, the highway's two towns, and wants it open; Turkish guns at
    // r reach a. A battalion stands at a, beside r.
    const state = edit(
      game({
        holds: '{ syria: [a, b] }',
        units: [unit('sy1', 'syria', 'a', 30), unit('tguns', 'turkey', 'r', 5, 'artillery')],
      }),
      (s) => {
        s.highways.hw = { id: 'hw', name: 'Highway', waypoints: ['a', 'b'] };
        s.victory.objectives = [
          {
            id: 'open_hw',
            actor: 'syria',
            text: 'Open the highway',
            points: 50,
            when: 'end',
            condition: { highway_open: { highway: 'hw', actor: 'syria' } },
          },
        ];
      },
    );
    const view = viewFor(state, 'syria');
    const ctx = buildContext(view, 'syria', DOCTRINE.syria);
    expect([...ctx.gunsOnObjectives]).toEqual(['r']);
    const assault = (target: string): Order => ({ kind: 'assault', units: ['sy1'], target });
    expect(FACTOR_JUDGES.pursue_objectives(assault('r'), ctx)).toBe(100);
    expect(FACTOR_JUDGES.pursue_objectives(assault('c'), ctx)).toBe(0);
    // Without the objective, the guns are no business of that factor.
    const aimless = buildContext(
      viewFor(
        edit(state, (s) => void (s.victory.objectives = [])),
        'syria',
      ),
      'syria',
      DOCTRINE.syria,
    );
    expect(aimless.gunsOnObjectives.size).toBe(0);
  });

  it('break ties by the draw: the same draw gives the same orders', () => {
    const view = viewFor(game({}), 'hts');
    const x = decide(view, 'hts', GENERIC_DOCTRINE, 7).orders;
    expect(decide(view, 'hts', GENERIC_DOCTRINE, 7).orders).toEqual(x);
    const random = decideRandomly(view, 'turkey', 3, 11);
    expect(decideRandomly(view, 'turkey', 3, 11)).toEqual(random);
  });

  it('enter the log as ai.decided and the replay, which verifies', () => {
    const scenario = loadScenarioArg('winter-2019-2020');
    const { replay, state } = playScenario(scenario, '7', 3, { players: parsePlayers('computer', scenario) });
    expect(replay.turns.every((t) => (t.decisions ?? []).length === 5)).toBe(true);
    const decided = state.log.flatMap((l) => l.events).filter((e) => e.kind === 'ai.decided');
    expect(decided).toHaveLength(15);
    expect(decided[0]!.explain).toMatch(/weighed \d+ orders and gave \d+\. 1\. /);
    expect(verifyReplay(replay, scenario)).toMatchObject({ ok: true, turns: 3 });
    // The record is part of the game: a replay whose records were edited does not verify.
    const edited = structuredClone(replay);
    edited.turns[1]!.decisions![0]!.draw += 1;
    expect(verifyReplay(edited, scenario)).toMatchObject({ ok: false, turn: 2 });
  });
});

describe('FACTOR_KINDS', () => {
  it('names every kind of order a factor judges: for the others each judge gives 0', () => {
    // On the candidates of every actor, every few turns of computer-played games of two scenarios,
    // with each doctrine's own thresholds. The policy asks a factor only about the kinds it names.
    const seen = new Set<string>();
    for (const id of ['winter-2019-2020', 'idlib-2019']) {
      const scenario = loadScenarioArg(id);
      playScenario(scenario, '5', 36, {
        record: false,
        players: parsePlayers('computer', scenario),
        onTurn: (turn, _events, state) => {
          if (turn % 4 !== 1) return;
          for (const actor of Object.keys(state.actors).sort()) {
            const view = viewFor(state, actor);
            const ctx = buildContext(view, actor, scenario.doctrines[actor] ?? GENERIC_DOCTRINE);
            // Answers to ceasefires nobody proposed too: judges need not be asked only legal orders.
            const answers: Order[] = Object.keys(state.actors)
              .filter((a) => a !== actor)
              .flatMap((to) => [
                { kind: 'accept_ceasefire', to },
                { kind: 'reject_ceasefire', to },
              ]);
            for (const order of [...candidateOrders(view, actor), ...answers]) {
              seen.add(order.kind);
              for (const factor of FACTORS) {
                if (FACTOR_KINDS[factor].includes(order.kind)) continue;
                expect(FACTOR_JUDGES[factor](order, ctx), `${factor} ${JSON.stringify(order)}`).toBe(0);
              }
            }
          }
        },
      });
    }
    // Every kind a factor names came up.
    for (const factor of FACTORS) for (const kind of FACTOR_KINDS[factor]) expect(seen).toContain(kind);
  });
});

describe('docs/doctrines.md', () => {
  it('explains every factor and threshold, and only those', () => {
    const text = readProjectFile('docs/doctrines.md');
    /** The names in the first column of the table under a heading. */
    const rows = (heading: string): string[] => {
      const section = text.split(`### ${heading}\n`)[1]!.split(/\n#/)[0]!;
      return [...section.matchAll(/^\| `([a-zA-Z_]+)` \|/gm)].map((m) => m[1]!).sort();
    };
    expect(rows('Factors')).toEqual([...FACTORS].sort());
    expect(rows('Thresholds')).toEqual([...THRESHOLDS].sort());
  });
});
