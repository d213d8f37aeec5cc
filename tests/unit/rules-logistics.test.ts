// Table tests for the logistics rules: convoys (escort, interdiction, checkpoints and stand-offs),
// observation posts (evacuate, establish, posts in towns), checkpoints and joint patrols. Each
// case is a small map written here, so the numbers can be checked by hand.
import { describe, expect, it } from 'vitest';
import {
  assessPost,
  resolveTurn,
  validateOrder,
  type GameEvent,
  type GameState,
  type Order,
} from '../../src/engine/index.ts';
import {
  interdictionChance,
  interdictionOutcome,
  mediatorFor,
  type InterdictionInput,
} from '../../src/engine/rules/convoys.ts';
import { patrolAttackSeverity } from '../../src/engine/rules/patrols.ts';
import { DEFAULT_PARAMS } from '../../src/scenario/index.ts';
import { tinyGame, type TinyWorld } from './helpers.ts';

// base(crossing) —10— a —10— b —10(track)— P(post site)
//                     a —14— c —10(track)— P
//                     a —4(track)— r(hill) —56(track)— far
// r stands 4 km north of a: artillery there (range 5 km in these tests) reaches a and nothing else
// on the convoy's way.
const places: TinyWorld['places'] = [
  { id: 'base', kind: 'crossing', at: [0, 0] },
  { id: 'a', at: [10, 0] },
  { id: 'b', at: [20, 0] },
  { id: 'c', at: [20, 10] },
  { id: 'p_site', kind: 'post', at: [30, 5] },
  { id: 'r', kind: 'hill', at: [10, 4] },
  { id: 'far', kind: 'village', at: [10, 60] },
];
const roads: TinyWorld['roads'] = [
  ['base', 'a', 10],
  ['a', 'b', 10],
  ['a', 'c', 14],
  ['b', 'p_site', 10, 'track'],
  ['c', 'p_site', 10, 'track'],
  ['a', 'r', 4, 'track'],
  ['r', 'far', 56, 'track'],
];

interface Setup {
  holds?: string;
  control?: string;
  units?: string[];
  params?: string;
  relations?: string[];
  patrols?: string[];
  supplyDays?: number;
  meters?: string;
}

/**
 * Turkey, the Syrian government (allied to Russia), Russia, HTS (hard-line; hostile to Syria and
 * Russia, neutral to Turkey) and the United States (neutral to all, no tension unless given).
 */
function game({
  holds = '{}',
  control = 'turkey',
  units = [],
  params = '',
  relations = [],
  patrols = [],
  supplyDays = 10,
  meters = '{}',
}: Setup): GameState {
  const rel = [
    '{ a: turkey, b: syria, stance: hostile, tension: 60 }',
    '{ a: syria, b: russia, stance: allied, tension: 5 }',
    '{ a: syria, b: hts, stance: hostile, tension: 90 }',
    '{ a: russia, b: hts, stance: hostile, tension: 90 }',
    ...relations,
  ];
  const hasTr = relations.some((r) => r.includes('a: turkey, b: russia'));
  if (!hasTr) rel.push('{ a: turkey, b: russia, stance: neutral, tension: 35 }');
  const scenario = `schemaVersion: 1
id: tiny
title: Tiny
briefing: A test.
map: tiny.map.yaml
calendar: { start: '2020-01-01', daysPerTurn: 1, turns: 30 }
actors:
  - { id: turkey, name: Turkey, controller: scripted, supplySources: [base] }
  - { id: syria, name: Syria, controller: scripted, supplySources: [] }
  - { id: russia, name: Russia, controller: scripted }
  - { id: hts, name: HTS, controller: scripted, hardLine: true }
  - { id: usa, name: United States, controller: passive }
relations:
${rel.map((r) => `  - ${r}`).join('\n')}
control: { default: ${control}, holds: ${holds} }
params: { artilleryRangeM: 5000${params === '' ? '' : `, ${params}`} }
posts:
  - { id: op1, actor: turkey, garrison: 100, supplyDays: ${supplyDays}, maxSupplyDays: 30 }
units:
${units.length === 0 ? '  []' : units.map((u) => `  - ${u}`).join('\n')}
meters: ${meters}
patrols:
${patrols.length === 0 ? '  []' : patrols.map((p) => `  - ${p}`).join('\n')}
`;
  return tinyGame({ places, roads, posts: [{ id: 'op1', location: 'p_site' }], scenario });
}

function dispatch(extra: Partial<Extract<Order, { kind: 'dispatch_convoy' }>> = {}): Order {
  return {
    kind: 'dispatch_convoy',
    from: 'base',
    post: 'op1',
    vehicles: { tanks: 0, armoured: 0, trucks: 20, airDefence: 0 },
    cargo: { supplyDays: 12, troops: 0 },
    escort: '',
    notified: false,
    ...extra,
  };
}

function kinds(events: GameEvent[]): string[] {
  return events.map((e) => e.kind);
}

function one(events: GameEvent[], kind: string): GameEvent {
  const found = events.filter((e) => e.kind === kind);
  expect(found, `exactly one ${kind}`).toHaveLength(1);
  return found[0]!;
}

function rejection(state: GameState, actor: string, order: Order): string {
  const r = validateOrder(state, actor, order);
  return r.ok ? 'ok' : r.code;
}

// ---------------------------------------------------------------- interdiction: the numbers

describe('interdiction chance (per mille)', () => {
  const p = DEFAULT_PARAMS;
  const base: InterdictionInput = {
    airspaceClosed: false,
    escalation: 0,
    notified: true,
    escorted: false,
    airDefence: 0,
  };
  // Defaults: base 150; notified −100; not notified +100; airspace closed +100; escalation 30 a
  // rung; escort −150; air defence −20 a vehicle, at most −100.
  const cases: { name: string; input: Partial<InterdictionInput>; expect: number }[] = [
    { name: 'base, notified to Russia: 150 − 100', input: {}, expect: 50 },
    { name: 'not notified: 150 + 100', input: { notified: false }, expect: 250 },
    { name: 'airspace closed: 150 + 100 − 100', input: { airspaceClosed: true }, expect: 150 },
    { name: 'escalation 3: 150 + 3 × 30 − 100', input: { escalation: 3 }, expect: 140 },
    {
      name: 'escorted, not notified: 150 + 100 − 150',
      input: { escorted: true, notified: false },
      expect: 100,
    },
    { name: 'two air-defence vehicles: 250 − 40', input: { notified: false, airDefence: 2 }, expect: 210 },
    { name: 'air defence is capped at −100', input: { notified: false, airDefence: 9 }, expect: 150 },
    { name: 'never below 0: escorted and notified', input: { escorted: true }, expect: 0 },
    {
      name: 'all the penalties: 150 + 100 + 5 × 30 + 100',
      input: { airspaceClosed: true, escalation: 5, notified: false },
      expect: 500,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { perMille, parts } = interdictionChance(p, { ...base, ...c.input });
      expect(perMille).toBe(c.expect);
      if (c.expect > 0) expect(parts.reduce((s, x) => s + x.perMille, 0)).toBe(c.expect);
    });
  }

  it('never above 1000', () => {
    const params = { ...p, interdictionBasePerMille: 1000 };
    expect(interdictionChance(params, { ...base, notified: false }).perMille).toBe(1000);
  });

  it('each outcome of the d10: 1-4 delayed, 5-7 damaged, 8-9 turned back, 10 destroyed', () => {
    const got = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((d) => interdictionOutcome(p, d));
    expect(got).toEqual([
      'delayed',
      'delayed',
      'delayed',
      'delayed',
      'damaged',
      'damaged',
      'damaged',
      'turned_back',
      'turned_back',
      'destroyed',
    ]);
  });
});

// ---------------------------------------------------------------- interdiction: in play

describe('convoy interdiction outcomes', () => {
  // Base 1000 and not notified: every check at a place under fire is a hit. The d10 thresholds
  // are set so that every roll gives the outcome under test.
  const thresholds: Record<string, string> = {
    delayed: 'interdictionDelayedMaxRoll: 10',
    damaged: 'interdictionDelayedMaxRoll: 0, interdictionDamagedMaxRoll: 10',
    turned_back:
      'interdictionDelayedMaxRoll: 0, interdictionDamagedMaxRoll: 0, interdictionTurnedBackMaxRoll: 10',
    destroyed:
      'interdictionDelayedMaxRoll: 0, interdictionDamagedMaxRoll: 0, interdictionTurnedBackMaxRoll: 0',
  };
  const underFire = (outcome: string): GameState =>
    game({
      holds: '{ syria: [r, far] }',
      units: ['{ id: art, actor: syria, name: Guns, type: artillery, strength: 5, location: r }'],
      params: `interdictionBasePerMille: 1000, ${thresholds[outcome]}`,
    });

  it('delayed: stops where it is hit and loses the next turn too', () => {
    const t1 = resolveTurn(underFire('delayed'), { turkey: [dispatch()] });
    const ev = one(t1.events, 'convoy.interdicted');
    expect(ev.data).toMatchObject({ outcome: 'delayed', by: 'syria', actor: 'turkey', perMille: 1000 });
    expect(ev.location).toBe('a');
    expect(ev.explain).toMatch(
      /chance 1000‰ base \+ 100 not notified to Russia = 1000‰, roll \d+ < 1000 → hit; d10 \d+ → delayed/,
    );
    const convoy = Object.values(t1.state.convoys)[0]!;
    expect([convoy.route[convoy.leg], convoy.covered, convoy.delay]).toEqual(['a', 0, 1]);
    // The guns drive off (they are on the road next turn, so nothing fires); the convoy still waits.
    const t2 = resolveTurn(t1.state, { syria: [{ kind: 'move', unit: 'art', to: 'far' }] });
    const c2 = Object.values(t2.state.convoys)[0]!;
    expect([c2.route[c2.leg], c2.covered, c2.delay]).toEqual(['a', 0, 0]);
    expect(t2.events.some((e) => e.kind === 'convoy.moved' && e.data.delayed === true)).toBe(true);
    // Turn 3 it drives on: a → b (12.5 km of budget) and the 10 km track (20): it arrives.
    const t3 = resolveTurn(t2.state, {});
    expect(kinds(t3.events)).toContain('convoy.arrived');
  });

  it('damaged: 25 % damage, a quarter of the supply lost, 5 % of the soldiers aboard killed; it drives on', () => {
    const { state, events } = resolveTurn(underFire('damaged'), { turkey: [dispatch()] });
    const ev = one(events, 'convoy.interdicted');
    // 20 trucks × 2 crew = 40 aboard → 2 killed; 12 supply days → 3 lost.
    expect(ev.data).toMatchObject({ outcome: 'damaged', supplyLost: 3, damage: 25, 'killed:turkey': 2 });
    const convoy = Object.values(state.convoys)[0]!;
    expect(convoy.damage).toBe(25);
    expect(convoy.cargo.supplyDays).toBe(9);
    expect(convoy.route[convoy.leg]).toBe('b');
    expect(state.meters.losses.turkey).toBe(2);
  });

  it('damaged four times over: destroyed at 100 %', () => {
    let state = underFire('damaged');
    state = resolveTurn(state, {
      turkey: [dispatch({ route: ['base', 'a', 'r', 'a', 'r', 'a', 'b', 'p_site'] })],
    }).state;
    // Each pass through a or r (both under fire) is a hit; the fourth brings damage to 100 %.
    for (let t = 0; t < 5 && Object.keys(state.convoys).length > 0; t++) state = resolveTurn(state, {}).state;
    expect(Object.keys(state.convoys)).toHaveLength(0);
    const all = state.log.flatMap((l) => l.events).filter((e) => e.kind === 'convoy.interdicted');
    expect(all.map((e) => e.data.outcome)).toEqual(['damaged', 'damaged', 'damaged', 'destroyed']);
  });

  it('turned back: drives home to its origin and is stood down there', () => {
    const t1 = resolveTurn(underFire('turned_back'), { turkey: [dispatch()] });
    expect(one(t1.events, 'convoy.interdicted').data.outcome).toBe('turned_back');
    const convoy = Object.values(t1.state.convoys)[0]!;
    expect(convoy.status).toBe('turned_back');
    expect(convoy.route).toEqual(['a', 'base']);
    const t2 = resolveTurn(t1.state, {});
    expect(Object.keys(t2.state.convoys)).toHaveLength(0);
    const home = t2.events.find((e) => e.kind === 'convoy.moved' && e.data.returned === true)!;
    expect(home.location).toBe('base');
    expect(t2.state.posts.op1!.supplyDays).toBe(12); // 10 + routine supply, no convoy cargo
  });

  it('destroyed: removed, a quarter of the soldiers aboard killed (40 aboard: 10)', () => {
    const { state, events } = resolveTurn(underFire('destroyed'), { turkey: [dispatch()] });
    expect(one(events, 'convoy.interdicted').data).toMatchObject({
      outcome: 'destroyed',
      'killed:turkey': 10,
    });
    expect(Object.keys(state.convoys)).toHaveLength(0);
    expect(state.meters.losses.turkey).toBe(10);
  });

  it('a contested place (hostile units in it) is a risk too; the strongest hostile actor fires', () => {
    const state = game({
      units: ['{ id: s1, actor: syria, name: Raiders, type: infantry, strength: 2, location: a }'],
      params: `interdictionBasePerMille: 1000, ${thresholds.delayed}`,
    });
    const { events } = resolveTurn(state, { turkey: [dispatch()] });
    const ev = one(events, 'convoy.interdicted');
    expect(ev.data).toMatchObject({ by: 'syria', fire: false, contested: true, outcome: 'delayed' });
    expect(ev.location).toBe('a');
  });

  it('no fire and no hostile units on the way: no check, no draw', () => {
    const state = game({ params: 'interdictionBasePerMille: 1000' });
    const { state: after, events } = resolveTurn(state, { turkey: [dispatch()] });
    expect(kinds(events)).not.toContain('convoy.interdicted');
    expect(after.rng.draws).toBe(state.rng.draws);
  });

  it('the chance in the event is the documented sum (escalation, airspace, notification, air defence)', () => {
    let state = underFire('delayed');
    state = {
      ...state,
      params: { ...state.params, interdictionBasePerMille: 600 },
      meters: { ...state.meters, escalation: 2, airspaceClosed: true },
    };
    const order = dispatch({
      notified: true,
      vehicles: { tanks: 0, armoured: 0, trucks: 10, airDefence: 3 },
    });
    // 600 + 100 airspace + 60 escalation − 100 notified − 60 air defence = 600.
    const { events } = resolveTurn(state, { turkey: [order] });
    const hit = events.find((e) => e.kind === 'convoy.interdicted');
    const expected = interdictionChance(state.params, {
      airspaceClosed: true,
      escalation: 2,
      notified: true,
      escorted: false,
      airDefence: 3,
    });
    expect(expected.perMille).toBe(600);
    if (hit) expect(hit.data.perMille).toBe(600);
    // Either way one draw was made for the check at a (plus a d10 on a hit).
    const draws = resolveTurn(state, { turkey: [order] }).state.rng.draws - state.rng.draws;
    expect(draws).toBe(hit ? 2 : 1);
  });
});

// ---------------------------------------------------------------- escort and encircled posts

describe('escort and encircled posts', () => {
  const encircled = (tension = 35): GameState =>
    game({
      holds: '{ syria: [b, c] }',
      relations: [`{ a: turkey, b: russia, stance: neutral, tension: ${tension} }`],
    });

  it('an unescorted convoy cannot be sent to an encircled post', () => {
    const state = encircled();
    expect(state.posts.op1!.status).toBe('encircled');
    expect(rejection(state, 'turkey', dispatch())).toBe('no_route');
    expect(rejection(state, 'turkey', dispatch({ route: ['base', 'a', 'b', 'p_site'] }))).toBe('no_route');
  });

  it('under Russian escort it drives through government-held ground and resupplies the encircled post', () => {
    let state = encircled();
    const t1 = resolveTurn(state, { turkey: [dispatch({ escort: 'russia', notified: true })] });
    state = t1.state;
    const convoy = Object.values(state.convoys)[0]!;
    expect(convoy.route).toEqual(['base', 'a', 'b', 'p_site']);
    expect(convoy.escort).toBe('russia');
    const t2 = resolveTurn(state, {});
    expect(Object.keys(t2.state.convoys)).toHaveLength(0);
    const resupplied = one(t2.events, 'post.resupplied');
    // 10 days, minus a day on turn 1 (encircled), + 12 on arrival.
    expect(resupplied.data).toMatchObject({ encircled: true, escort: 'russia', before: 9, after: 21 });
    expect(one(t2.events, 'convoy.arrived').actors).toEqual(['turkey', 'russia']);
    // Still encircled: it burns the turn's day.
    expect(t2.state.posts.op1!.status).toBe('encircled');
    expect(t2.state.posts.op1!.supplyDays).toBe(20);
  });

  const consent: { name: string; escort: string; tension: number; expect: string }[] = [
    { name: 'Russia consents below the threshold (35 < 50)', escort: 'russia', tension: 35, expect: 'ok' },
    { name: 'Russia refuses at the threshold (50)', escort: 'russia', tension: 50, expect: 'no_consent' },
    { name: 'a hostile actor never escorts', escort: 'syria', tension: 35, expect: 'no_consent' },
    { name: 'no escort by oneself', escort: 'turkey', tension: 35, expect: 'same_actor' },
    { name: 'an unknown escort', escort: 'nato', tension: 35, expect: 'unknown_actor' },
  ];
  for (const c of consent) {
    it(c.name, () => {
      expect(rejection(encircled(c.tension), 'turkey', dispatch({ escort: c.escort }))).toBe(c.expect);
    });
  }

  it('a convoy whose post is evacuated turns back and drives home', () => {
    // Turn 1: dispatched (it ends 7.5 km down the track to the post) and the post is evacuated.
    const t1 = resolveTurn(game({}), { turkey: [dispatch(), { kind: 'evacuate_post', post: 'op1' }] });
    expect(one(t1.events, 'post.evacuated').data.post).toBe('op1');
    const convoy = Object.values(t1.state.convoys)[0]!;
    expect([convoy.route[convoy.leg], convoy.covered]).toEqual(['b', 7500]);
    expect(rejection(t1.state, 'turkey', dispatch())).toBe('post_closed');
    // Turn 2: it turns round on the track (7.5 km back to b: 15 km of budget), then
    // b → a → base (12.5 + 12.5): exactly its 40 km; home and stood down.
    const t2 = resolveTurn(t1.state, {});
    const turned = t2.events.find((e) => e.kind === 'convoy.moved' && e.data.turnedBack === true)!;
    expect(turned.explain).toContain('evacuated');
    expect(t2.events.some((e) => e.kind === 'convoy.moved' && e.data.returned === true)).toBe(true);
    expect(Object.keys(t2.state.convoys)).toHaveLength(0);
    expect(kinds(t2.events)).not.toContain('convoy.arrived');
  });

  it('an unescorted convoy that reaches a post encircled behind it is turned back at the ring', () => {
    // Syrian units stand in Turkish-held b and c: they take both at the end of turn 1, after the
    // convoy has passed b (interdiction is off here), and the post is encircled.
    const state = game({
      units: [
        '{ id: s1, actor: syria, name: S1, type: infantry, strength: 3, location: b }',
        '{ id: s2, actor: syria, name: S2, type: infantry, strength: 3, location: c }',
      ],
      params: 'interdictionBasePerMille: 0',
    });
    const t1 = resolveTurn(state, { turkey: [dispatch({ notified: true })] });
    expect(t1.state.posts.op1!.status).toBe('encircled');
    const on = Object.values(t1.state.convoys)[0]!;
    expect([on.route[on.leg], on.covered]).toEqual(['b', 7500]);
    const t2 = resolveTurn(t1.state, {});
    expect(kinds(t2.events)).not.toContain('convoy.arrived');
    const back = t2.events.find((e) => e.kind === 'convoy.moved' && e.data.turnedBack === true)!;
    expect(back.explain).toContain('ring');
    const convoy = Object.values(t2.state.convoys)[0]!;
    expect(convoy.status).toBe('turned_back');
    expect(convoy.route).toEqual(['p_site', 'b', 'a', 'base']);
  });
});

// ---------------------------------------------------------------- checkpoints and stand-offs

describe('checkpoints and stand-offs', () => {
  const checkpointAt = (keeper: string, extraUnits: string[] = [], relations: string[] = []): GameState =>
    game({
      holds: `{ ${keeper}: [a] }`,
      units: [
        `{ id: cp, actor: ${keeper}, name: Checkpoint squad, type: infantry, strength: 1, location: a }`,
        ...extraUnits,
      ],
      relations,
    });

  it('set_checkpoint: only by a unit standing in a place its actor holds', () => {
    const state = checkpointAt('syria', [
      '{ id: tu, actor: turkey, name: Turks, type: infantry, strength: 2, location: base }',
    ]);
    expect(rejection(state, 'syria', { kind: 'set_checkpoint', unit: 'cp' })).toBe('ok');
    expect(rejection(state, 'turkey', { kind: 'set_checkpoint', unit: 'cp' })).toBe('not_your_unit');
    expect(rejection(state, 'turkey', { kind: 'set_checkpoint', unit: 'tu' })).toBe('ok');
    expect(rejection(state, 'turkey', { kind: 'set_checkpoint', unit: 'ghost' })).toBe('unknown_unit');
    const after = resolveTurn(state, { syria: [{ kind: 'set_checkpoint', unit: 'cp' }] });
    expect(after.state.locations.a!.checkpoint).toBe('syria');
    expect(one(after.events, 'checkpoint.set').location).toBe('a');
    expect(rejection(after.state, 'syria', { kind: 'set_checkpoint', unit: 'cp' })).toBe('already_there');
    // Standing in a place held by another actor: no checkpoint.
    const held = checkpointAt('syria', [
      '{ id: s2, actor: syria, name: S2, type: infantry, strength: 1, location: b }',
    ]);
    expect(rejection(held, 'syria', { kind: 'set_checkpoint', unit: 's2' })).toBe('unknown_location');
  });

  it('an HTS checkpoint stops a Turkish convoy: a stand-off, mediated after 2 turns by the US', () => {
    let state = checkpointAt('hts');
    const t1 = resolveTurn(state, {
      hts: [{ kind: 'set_checkpoint', unit: 'cp' }],
      turkey: [dispatch()],
    });
    const halted = one(t1.events, 'convoy.halted');
    expect(halted.data).toMatchObject({ with: 'hts', at: 'a', released: false });
    expect(halted.actors).toEqual(['turkey', 'hts']);
    let convoy = Object.values(t1.state.convoys)[0]!;
    expect(convoy.status).toBe('halted');
    expect(convoy.standoff).toEqual({ at: 'a', with: 'hts', since: 1 });
    expect([convoy.route[convoy.leg], convoy.covered]).toEqual(['a', 0]);
    state = resolveTurn(t1.state, {}).state; // turn 2: waited 1, still held
    convoy = Object.values(state.convoys)[0]!;
    expect(convoy.status).toBe('halted');
    // Turn 3: waited 2 → the US mediates (not hostile to either side, tension with Turkey 0 < 50);
    // Russia (tension 35) cannot: it is hostile to HTS. The convoy drives on and arrives.
    const t3 = resolveTurn(state, {});
    const released = t3.events.find((e) => e.kind === 'convoy.halted')!;
    expect(released.data).toMatchObject({ released: true, mediator: 'usa', waited: 2 });
    expect(kinds(t3.events)).toContain('convoy.arrived');
  });

  it('the mediator is the eligible third actor with the lowest tension with the convoy actor', () => {
    const state = checkpointAt('hts', [], ['{ a: turkey, b: usa, stance: neutral, tension: 49 }']);
    expect(mediatorFor(state, 'turkey', 'hts')).toBe('usa');
    const russian = checkpointAt('russia', [], ['{ a: turkey, b: usa, stance: neutral, tension: 49 }']);
    // Syria is hostile to Turkey and HTS to Russia: only the US is left.
    expect(mediatorFor(russian, 'turkey', 'russia')).toBe('usa');
    const tense = checkpointAt('russia', [], ['{ a: turkey, b: usa, stance: neutral, tension: 50 }']);
    expect(mediatorFor(tense, 'turkey', 'russia')).toBe('');
  });

  it('no mediator (US tension 70): the convoy gives up after 4 turns and turns back', () => {
    const start = checkpointAt('hts', [], ['{ a: turkey, b: usa, stance: neutral, tension: 70 }']);
    expect(mediatorFor(start, 'turkey', 'hts')).toBe('');
    let state = resolveTurn(start, {
      hts: [{ kind: 'set_checkpoint', unit: 'cp' }],
      turkey: [dispatch()],
    }).state;
    for (let t = 2; t <= 4; t++) {
      state = resolveTurn(state, {}).state;
      expect(Object.values(state.convoys)[0]!.status).toBe('halted');
    }
    const t5 = resolveTurn(state, {});
    const gaveUp = t5.events.find((e) => e.kind === 'convoy.halted')!;
    expect(gaveUp.data).toMatchObject({ gaveUp: true, waited: 4 });
    // Turned back from a, 10 km from home: it is back and stood down the same turn.
    expect(Object.keys(t5.state.convoys)).toHaveLength(0);
    expect(t5.events.some((e) => e.kind === 'convoy.moved' && e.data.returned === true)).toBe(true);
  });

  it('lifted when its units leave: the halted convoy drives on', () => {
    const state = resolveTurn(checkpointAt('hts'), {
      hts: [{ kind: 'set_checkpoint', unit: 'cp' }],
      turkey: [dispatch()],
    }).state;
    const t2 = resolveTurn(state, { hts: [{ kind: 'move', unit: 'cp', to: 'r' }] });
    const lifted = one(t2.events, 'checkpoint.lifted');
    expect(lifted.data).toMatchObject({ actor: 'hts', at: 'a', changedHands: false });
    expect(t2.state.locations.a!.checkpoint).toBe('');
    const t3 = resolveTurn(t2.state, {});
    expect(t3.events.find((e) => e.kind === 'convoy.halted')!.data).toMatchObject({
      released: true,
      mediator: '',
    });
    expect(kinds(t3.events)).toContain('convoy.arrived');
  });

  it('lifted when the place changes hands', () => {
    const state = game({
      holds: '{ syria: [a] }',
      units: [
        '{ id: cp, actor: syria, name: Checkpoint squad, type: infantry, strength: 1, location: a }',
        '{ id: tu, actor: turkey, name: Turks, type: mechanised, strength: 5, location: base }',
      ],
    });
    const t1 = resolveTurn(state, { syria: [{ kind: 'set_checkpoint', unit: 'cp' }] });
    // The squad leaves and the Turkish unit walks in: the place changes hands.
    const t2 = resolveTurn(t1.state, {
      syria: [{ kind: 'move', unit: 'cp', to: 'r' }],
      turkey: [{ kind: 'move', unit: 'tu', to: 'a' }],
    });
    expect(t2.state.locations.a!.controller).toBe('turkey');
    expect(one(t2.events, 'checkpoint.lifted').data.changedHands).toBe(true);
  });

  it('own checkpoints do not stop a convoy; an escort does not get it past a hostile checkpoint', () => {
    const own = checkpointAt('turkey');
    const t1 = resolveTurn(own, { turkey: [{ kind: 'set_checkpoint', unit: 'cp' }, dispatch()] });
    expect(kinds(t1.events)).toContain('checkpoint.set');
    expect(kinds(t1.events)).not.toContain('convoy.halted');
    // A Syrian checkpoint in Syrian-held a: under Russian escort the convoy may drive into
    // Syrian ground, but the checkpoint stops it all the same; Russia mediates after 2 turns (the
    // US, with tension 70, cannot).
    const syrian = checkpointAt('syria', [], ['{ a: turkey, b: usa, stance: neutral, tension: 70 }']);
    const t2 = resolveTurn(syrian, {
      syria: [{ kind: 'set_checkpoint', unit: 'cp' }],
      turkey: [dispatch({ escort: 'russia' })],
    });
    expect(one(t2.events, 'convoy.halted').data).toMatchObject({ with: 'syria', at: 'a' });
    const t4 = resolveTurn(resolveTurn(t2.state, {}).state, {});
    expect(t4.events.find((e) => e.kind === 'convoy.halted')!.data).toMatchObject({
      released: true,
      mediator: 'russia',
    });
  });
});

// ---------------------------------------------------------------- evacuate and establish

describe('evacuating a post', () => {
  it('an encircled post: evacuated, the garrison goes home, Turkish pressure up, tension with the besieger down', () => {
    const state = game({ holds: '{ syria: [b, c] }', meters: '{ turkishDomesticPressure: 20 }' });
    expect(state.posts.op1!.status).toBe('encircled');
    const { state: after, events } = resolveTurn(state, { turkey: [{ kind: 'evacuate_post', post: 'op1' }] });
    const ev = one(events, 'post.evacuated');
    expect(ev.data).toMatchObject({
      post: 'op1',
      garrison: 100,
      encircled: true,
      domesticPressureBefore: 20,
      domesticPressure: 25,
      'tension:syria': 55,
    });
    expect(after.posts.op1!.status).toBe('evacuated');
    expect(after.posts.op1!.garrison).toBe(0);
    expect(after.locations.p_site!.controller).toBe('');
    // Against the same turn without the evacuation (the escalation step moves both meters too).
    const baseline = resolveTurn(state, {}).state;
    const tension = (s: GameState) => s.relations.find((r) => r.a === 'syria' && r.b === 'turkey')!.tension;
    expect(after.meters.turkishDomesticPressure - baseline.meters.turkishDomesticPressure).toBe(5);
    expect(tension(after) - tension(baseline)).toBe(-5);
    const eased = events.filter((e) => e.kind === 'tension.changed' && e.data.cause === 'post.evacuated');
    expect(eased).toHaveLength(1);
    expect(eased[0]!.data).toMatchObject({ a: 'syria', b: 'turkey', before: 60, after: 55 });
    // Gone for good: no status changes, and a second evacuation is refused.
    const later = resolveTurn(after, {});
    expect(later.state.posts.op1!.status).toBe('evacuated');
    expect(rejection(after, 'turkey', { kind: 'evacuate_post', post: 'op1' })).toBe('post_closed');
  });

  it('a supplied post: the domestic cost only', () => {
    const start = game({});
    const { state, events } = resolveTurn(start, { turkey: [{ kind: 'evacuate_post', post: 'op1' }] });
    expect(one(events, 'post.evacuated').data).toMatchObject({ encircled: false, domesticPressure: 5 });
    expect(events.some((e) => e.kind === 'tension.changed' && e.data.cause === 'post.evacuated')).toBe(false);
    const baseline = resolveTurn(start, {}).state;
    expect(state.relations).toEqual(baseline.relations);
  });

  it('only its own actor evacuates a post, and only a post that exists', () => {
    const state = game({});
    expect(rejection(state, 'syria', { kind: 'evacuate_post', post: 'op1' })).toBe('unknown_post');
    expect(rejection(state, 'turkey', { kind: 'evacuate_post', post: 'op9' })).toBe('unknown_post');
  });
});

describe('establishing a post', () => {
  const withUnit = (unit: string, holds = '{}'): GameState => game({ holds, units: [unit] });

  it('in a town held by the actor: garrison strength × 10, 10 of 30 supply days, supplied', () => {
    const state = withUnit(
      '{ id: tu, actor: turkey, name: Turks, type: infantry, strength: 5, location: a, readiness: 80 }',
    );
    const { state: after, events } = resolveTurn(state, {
      turkey: [{ kind: 'establish_post', unit: 'tu', name: 'Post at A' }],
    });
    const ev = one(events, 'post.established');
    const id = ev.data.post as string;
    expect(id).toBe(`post_${state.nextSerial}`);
    expect(after.nextSerial).toBe(state.nextSerial + 1);
    expect(after.posts[id]).toMatchObject({
      name: 'Post at A',
      actor: 'turkey',
      location: 'a',
      garrison: 50,
      supplyDays: 11, // 10, +1 routine supply the same turn
      maxSupplyDays: 30,
      readiness: 85, // the unit's 80, +5 for a supplied post
      radius: 10_000,
      status: 'supplied',
    });
    expect(after.locations.a!.kind).toBe('town');
  });

  it('in a place held by a neutral actor (as Turkey set up posts in ground HTS held)', () => {
    const state = withUnit(
      '{ id: tu, actor: turkey, name: T, type: infantry, strength: 5, location: b }',
      '{ hts: [b] }',
    );
    const { state: after, events } = resolveTurn(state, {
      turkey: [{ kind: 'establish_post', unit: 'tu', name: 'Post at B' }],
    });
    const id = one(events, 'post.established').data.post as string;
    expect(after.posts[id]!.status).toBe('supplied');
    expect(after.locations.b!.controller).toBe('hts');
  });

  it('the garrison is capped at 200', () => {
    const state = withUnit(
      '{ id: tu, actor: turkey, name: Turks, type: infantry, strength: 30, location: a }',
    );
    const { events } = resolveTurn(state, { turkey: [{ kind: 'establish_post', unit: 'tu', name: 'X' }] });
    expect(one(events, 'post.established').data.garrison).toBe(200);
  });

  const refusals: { name: string; unit: string; holds?: string; actor?: string; expect: string }[] = [
    {
      name: 'not at a crossing',
      unit: '{ id: tu, actor: turkey, name: T, type: infantry, strength: 5, location: base }',
      expect: 'post_location',
    },
    {
      name: 'not in a place held by a hostile actor',
      unit: '{ id: tu, actor: turkey, name: T, type: infantry, strength: 5, location: b }',
      holds: '{ syria: [b] }',
      expect: 'post_location',
    },
    {
      name: 'not by another actor',
      unit: '{ id: tu, actor: turkey, name: T, type: infantry, strength: 5, location: a }',
      actor: 'syria',
      expect: 'not_your_unit',
    },
    { name: 'not with a unit that does not exist', unit: '', expect: 'unknown_unit' },
  ];
  for (const c of refusals) {
    it(`refused: ${c.name}`, () => {
      const state = game({ holds: c.holds ?? '{}', units: c.unit === '' ? [] : [c.unit] });
      expect(rejection(state, c.actor ?? 'turkey', { kind: 'establish_post', unit: 'tu', name: 'X' })).toBe(
        c.expect,
      );
    });
  }

  it('refused where a post already stands, and while the unit is on the road', () => {
    let state = withUnit('{ id: tu, actor: turkey, name: T, type: infantry, strength: 5, location: a }');
    state = resolveTurn(state, { turkey: [{ kind: 'establish_post', unit: 'tu', name: 'X' }] }).state;
    expect(rejection(state, 'turkey', { kind: 'establish_post', unit: 'tu', name: 'Y' })).toBe(
      'post_location',
    );
    const moving = resolveTurn(state, { turkey: [{ kind: 'move', unit: 'tu', to: 'far' }] }).state;
    expect(moving.units.tu!.transit).not.toBeNull();
    expect(rejection(moving, 'turkey', { kind: 'establish_post', unit: 'tu', name: 'Y' })).toBe(
      'unknown_location',
    );
  });

  it('status of a post in a town: supplied (also in neutral hands), cut off when a hostile actor holds the town, encircled by its neighbours', () => {
    const state = withUnit('{ id: tu, actor: turkey, name: T, type: infantry, strength: 5, location: a }');
    const after = resolveTurn(state, {
      turkey: [{ kind: 'establish_post', unit: 'tu', name: 'A post' }],
    }).state;
    const post = Object.values(after.posts).find((p) => p.location === 'a')!;
    const status = (holds: Record<string, string>): string => {
      const s = structuredClone(after);
      for (const [place, actor] of Object.entries(holds)) s.locations[place]!.controller = actor;
      return assessPost(s, post).status;
    };
    expect(status({})).toBe('supplied');
    expect(status({ a: 'hts' })).toBe('supplied'); // a neutral holds the town itself: as Turkey's posts among HTS
    expect(status({ a: 'syria' })).toBe('cut_off'); // a hostile actor holds the town itself
    expect(status({ base: 'syria' })).toBe('cut_off'); // the road to the crossing is cut
    expect(status({ base: 'syria', b: 'syria', c: 'syria', r: 'syria' })).toBe('encircled');
    expect(status({ base: 'syria', b: 'syria', c: 'syria' })).toBe('cut_off'); // r is still open
  });

  it('a post in a town is overrun when a hostile actor takes the town', () => {
    let state = game({
      units: [
        '{ id: tu, actor: turkey, name: T, type: infantry, strength: 5, location: c }',
        '{ id: s1, actor: syria, name: S1, type: mechanised, strength: 9, location: r }',
      ],
      holds: '{ syria: [r, far] }',
    });
    state = resolveTurn(state, { turkey: [{ kind: 'establish_post', unit: 'tu', name: 'C post' }] }).state;
    const id = Object.keys(state.posts).find((k) => k !== 'op1')!;
    expect(state.posts[id]!.status).toBe('supplied');
    // The founding unit leaves; the Syrian column drives in (r → a → c) and takes the town.
    state = resolveTurn(state, {
      turkey: [{ kind: 'move', unit: 'tu', to: 'base' }],
      syria: [{ kind: 'move', unit: 's1', to: 'c' }],
    }).state;
    let t = resolveTurn(state, {});
    for (let i = 0; i < 3 && t.state.locations.c!.controller !== 'syria'; i++) t = resolveTurn(t.state, {});
    expect(t.state.locations.c!.controller).toBe('syria');
    expect(t.state.posts[id]!.status).toBe('overrun');
    expect(t.state.posts[id]!.garrison).toBe(0);
    const all = t.state.log.flatMap((l) => l.events);
    expect(
      all.some((e) => e.kind === 'post.status_changed' && e.data.to === 'overrun' && e.data.post === id),
    ).toBe(true);
  });
});

// ---------------------------------------------------------------- joint patrols

describe('joint patrols', () => {
  const patrolGame = (setup: Partial<Setup> = {}, status = 'active'): GameState =>
    game({
      ...setup,
      patrols: [
        `{ id: m4, name: M4 patrol, actors: [russia, turkey], route: [base, a, b], status: ${status} }`,
      ],
    });

  it('completes a run a turn when no hard-line group is near', () => {
    let state = patrolGame();
    const t1 = resolveTurn(state, {});
    expect(one(t1.events, 'patrol.completed').data).toMatchObject({
      patrol: 'm4',
      completed: 1,
      threatened: 0,
    });
    state = resolveTurn(t1.state, {}).state;
    expect(state.patrols.m4!.completed).toBe(2);
  });

  it('attacked at a place a hard-line group holds; suspended after 2 attacks', () => {
    let state = patrolGame({
      holds: '{ hts: [b] }',
      params: 'patrolAttackPerMille: 1000, patrolLightMaxRoll: 0, patrolSeriousMaxRoll: 10',
    });
    const t1 = resolveTurn(state, {});
    const a1 = one(t1.events, 'patrol.attacked');
    expect(a1.data).toMatchObject({
      patrol: 'm4',
      by: 'hts',
      at: 'b',
      severity: 'serious',
      'killed:russia': 1,
      'killed:turkey': 1,
    });
    expect(a1.actors[0]).toBe('hts');
    expect(kinds(t1.events)).not.toContain('patrol.completed');
    expect(t1.state.patrols.m4!).toMatchObject({ status: 'active', attacks: 1, completed: 0 });
    expect(t1.state.meters.losses).toMatchObject({ russia: 1, turkey: 1 });
    const t2 = resolveTurn(t1.state, {});
    one(t2.events, 'patrol.attacked');
    expect(one(t2.events, 'patrol.changed').data).toMatchObject({ to: 'suspended', attacks: 2 });
    expect(t2.state.patrols.m4!.status).toBe('suspended');
    state = t2.state;
    const t3 = resolveTurn(state, {});
    expect(kinds(t3.events).filter((k) => k.startsWith('patrol.'))).toEqual([]);
  });

  it('hard-line units next to the route threaten it too; severity follows the d10', () => {
    const state = patrolGame({
      units: ['{ id: h1, actor: hts, name: Cell, type: militia, strength: 2, location: r }'],
      holds: '{ hts: [r] }',
      params: 'patrolAttackPerMille: 1000, patrolLightMaxRoll: 10',
    });
    const { events } = resolveTurn(state, {});
    expect(one(events, 'patrol.attacked').data).toMatchObject({
      at: 'a',
      severity: 'light',
      'killed:turkey': 0,
    });
  });

  it('the severity table: 1-5 light (0), 6-8 serious (1 each), 9-10 severe (3 each)', () => {
    const got = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((d) => patrolAttackSeverity(DEFAULT_PARAMS, d).killed);
    expect(got).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 3, 3]);
  });

  it('run and suspend orders: by a party only; they emit patrol.changed', () => {
    const state = patrolGame({}, 'suspended');
    expect(rejection(state, 'syria', { kind: 'run_patrol', patrol: 'm4' })).toBe('not_a_party');
    expect(rejection(state, 'turkey', { kind: 'run_patrol', patrol: 'm9' })).toBe('unknown_patrol');
    expect(rejection(state, 'turkey', { kind: 'suspend_patrol', patrol: 'm4' })).toBe('already_there');
    const t1 = resolveTurn(state, { turkey: [{ kind: 'run_patrol', patrol: 'm4' }] });
    expect(one(t1.events, 'patrol.changed').data).toMatchObject({
      from: 'suspended',
      to: 'active',
      by: 'turkey',
    });
    one(t1.events, 'patrol.completed');
    const t2 = resolveTurn(t1.state, { russia: [{ kind: 'suspend_patrol', patrol: 'm4' }] });
    expect(one(t2.events, 'patrol.changed').data).toMatchObject({ to: 'suspended', by: 'russia' });
    expect(kinds(t2.events)).not.toContain('patrol.completed');
    expect(t2.state.patrols.m4!.completed).toBe(1);
  });
});
