// Table tests for politics and people: diplomacy orders, agreements over time, the escalation
// ladder, tension, markets and pressure, civilians (displacement and aid), and claims per source.
// Small maps written here; the step functions are called directly with hand-made events where
// that is clearer than playing turns.
import { change } from '../../src/engine/working.ts';
import { describe, expect, it } from 'vitest';
import {
  EventSink,
  resolveTurn,
  rollD10,
  validateOrder,
  type Agreement,
  type GameEvent,
  type GameState,
  type Obligation,
  type Order,
} from '../../src/engine/index.ts';
import { startOfTurn } from '../../src/engine/rules/agreements.ts';
import { updateCivilians } from '../../src/engine/rules/civilians.ts';
import { resolveDiplomacy } from '../../src/engine/rules/diplomacy.ts';
import { climb, escalationPoints, tensionOf, updateEscalation } from '../../src/engine/rules/escalation.ts';
import { peopleAccounted } from '../../src/engine/rules/people.ts';
import { fileReports, publishReports, updateReports } from '../../src/engine/rules/reports.ts';
import { tinyGame, type TinyWorld } from './helpers.ts';

// gate(crossing, the aid crossing bab_al_hawa) --10-- a --10-- b --10-- c ; a --10-- d
const places: TinyWorld['places'] = [
  { id: 'bab_al_hawa', kind: 'crossing', at: [0, 0], population: 0 },
  { id: 'a', at: [10, 0], population: 10_000 },
  { id: 'b', at: [20, 0], population: 20_000 },
  { id: 'c', at: [30, 0], population: 5_000 },
  { id: 'd', at: [10, 10], population: 1_000 },
];
const roads: TinyWorld['roads'] = [
  ['bab_al_hawa', 'a', 10],
  ['a', 'b', 10],
  ['b', 'c', 10],
  ['a', 'd', 10],
];

function head(extra = ''): string {
  return `schemaVersion: 1
id: tiny
title: Tiny
briefing: A test.
map: tiny.map.yaml
calendar: { start: '2020-01-01', daysPerTurn: 1, turns: 30 }
actors:
  - { id: turkey, name: Turkey, controller: scripted, supplySources: [bab_al_hawa] }
  - { id: syria, name: Syria, controller: scripted }
  - { id: russia, name: Russia, controller: scripted }
  - { id: hts, name: HTS, controller: scripted, hardLine: true }
relations:
  - { a: turkey, b: syria, stance: hostile, tension: 50 }
  - { a: syria, b: russia, stance: allied, tension: 5 }
  - { a: turkey, b: russia, stance: neutral, tension: 30 }
  - { a: syria, b: hts, stance: hostile, tension: 90 }
${extra}`;
}

function game(extra = 'control: { default: turkey, holds: { syria: [c] } }\n'): GameState {
  return tinyGame({ places, roads, scenario: head(extra) });
}

function ev(kind: GameEvent['kind'], data: GameEvent['data'], location = '', turn = 1): GameEvent {
  return { kind, turn, phase: 'strikes', actors: [], location, data, explain: '' };
}

function sinkWith(turn: number, events: GameEvent[] = []): EventSink {
  const sink = new EventSink(turn);
  sink.events.push(...events);
  return sink;
}

type StepFn = (draft: GameState, before: GameState, sink: EventSink) => void;

/** Runs a step the way resolve.ts does: one change, reading `before`. */
function run(step: StepFn, state: GameState, sink: EventSink): GameState {
  return change(state, (draft) => step(draft, state, sink));
}

function play(state: GameState, orders: Record<string, Order[]> = {}) {
  return resolveTurn(state, orders);
}

const kinds = (events: GameEvent[]) => events.map((e) => e.kind);

// ---------------------------------------------------------------- diplomacy

describe('diplomacy: validation', () => {
  const s = game();
  s.proposals.push({ id: 'proposal_9', kind: 'ceasefire', from: 'turkey', to: 'russia', turn: 1 });
  const cases: { name: string; actor: string; order: Order; code: string | null }[] = [
    {
      name: 'propose to a known actor',
      actor: 'turkey',
      order: { kind: 'propose_ceasefire', to: 'syria' },
      code: null,
    },
    {
      name: 'propose to nobody',
      actor: 'turkey',
      order: { kind: 'propose_ceasefire', to: 'usa' },
      code: 'unknown_actor',
    },
    {
      name: 'propose to oneself',
      actor: 'turkey',
      order: { kind: 'propose_ceasefire', to: 'turkey' },
      code: 'same_actor',
    },
    {
      name: 'accept a standing proposal',
      actor: 'russia',
      order: { kind: 'accept_ceasefire', to: 'turkey' },
      code: null,
    },
    {
      name: 'accept with no proposal',
      actor: 'syria',
      order: { kind: 'accept_ceasefire', to: 'turkey' },
      code: 'no_proposal',
    },
    {
      name: 'accept the wrong way round',
      actor: 'turkey',
      order: { kind: 'accept_ceasefire', to: 'russia' },
      code: 'no_proposal',
    },
    {
      name: 'reject a standing proposal',
      actor: 'russia',
      order: { kind: 'reject_ceasefire', to: 'turkey' },
      code: null,
    },
    {
      name: 'reject with no proposal',
      actor: 'hts',
      order: { kind: 'reject_ceasefire', to: 'turkey' },
      code: 'no_proposal',
    },
    {
      name: 'call oneself',
      actor: 'russia',
      order: { kind: 'leaders_call', to: 'russia' },
      code: 'same_actor',
    },
    {
      name: 'call an unknown actor',
      actor: 'russia',
      order: { kind: 'leaders_call', to: 'iran' },
      code: 'unknown_actor',
    },
    {
      name: 'protest to oneself',
      actor: 'syria',
      order: { kind: 'protest', to: 'syria' },
      code: 'same_actor',
    },
    { name: 'protest', actor: 'turkey', order: { kind: 'protest', to: 'syria' }, code: null },
    { name: 'Turkey asks the US', actor: 'turkey', order: { kind: 'request_us_support' }, code: null },
    { name: 'Syria asks the US', actor: 'syria', order: { kind: 'request_us_support' }, code: 'not_a_party' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = validateOrder(s, c.actor, c.order);
      if (c.code === null) expect(r).toEqual({ ok: true, value: true });
      else expect(r.ok ? null : r.code).toBe(c.code);
    });
  }

  it('a proposal can be answered for proposalExpiryTurns turns after it is made, then lapses', () => {
    let s1 = play(game(), { turkey: [{ kind: 'propose_ceasefire', to: 'russia' }] }).state;
    expect(s1.proposals).toHaveLength(1);
    for (const turn of [2, 3, 4]) {
      expect(s1.turn).toBe(turn);
      expect(validateOrder(s1, 'russia', { kind: 'accept_ceasefire', to: 'turkey' }).ok).toBe(true);
      s1 = play(s1).state;
    }
    expect(validateOrder(s1, 'russia', { kind: 'accept_ceasefire', to: 'turkey' })).toMatchObject({
      ok: false,
      code: 'no_proposal',
    });
    const t5 = play(s1);
    expect(t5.state.proposals).toHaveLength(0);
    const lapse = t5.events.find((e) => e.kind === 'diplomacy.answered')!;
    expect(lapse.data).toMatchObject({ answer: 'expired', from: 'turkey', to: 'russia' });
  });
});

describe('diplomacy: resolution', () => {
  it('propose then accept makes a ceasefire agreement between the two that holds at once', () => {
    const t1 = play(game(), { turkey: [{ kind: 'propose_ceasefire', to: 'russia' }] });
    expect(kinds(t1.events)).toContain('diplomacy.proposed');
    expect(t1.state.proposals[0]).toMatchObject({ id: 'proposal_1', from: 'turkey', to: 'russia', turn: 1 });
    expect(t1.state.nextSerial).toBe(2);
    const t2 = play(t1.state, { russia: [{ kind: 'accept_ceasefire', to: 'turkey' }] });
    expect(t2.state.proposals).toHaveLength(0);
    const agreement = t2.state.agreements.ceasefire_2!;
    expect(agreement).toMatchObject({
      parties: ['russia', 'turkey'],
      status: 'holds',
      startTurn: 2,
      ceasefire: true,
      obligations: [],
      collapseAt: t2.state.params.agreementCollapseAt,
    });
    const answered = t2.events.find((e) => e.kind === 'diplomacy.answered')!;
    expect(answered.data).toMatchObject({ answer: 'accepted', agreement: 'ceasefire_2' });
    const changed = t2.events.find((e) => e.kind === 'agreement.changed')!;
    expect(changed.data).toMatchObject({ agreement: 'ceasefire_2', to: 'holds' });
  });

  it('a second proposal renews the first rather than adding another', () => {
    const t1 = play(game(), { turkey: [{ kind: 'propose_ceasefire', to: 'russia' }] }).state;
    const t2 = play(t1, { turkey: [{ kind: 'propose_ceasefire', to: 'russia' }] });
    expect(t2.state.proposals).toEqual([
      { id: 'proposal_1', kind: 'ceasefire', from: 'turkey', to: 'russia', turn: 2 },
    ]);
    expect(t2.events.find((e) => e.kind === 'diplomacy.proposed')!.data.renewed).toBe(true);
  });

  it('reject removes the proposal and raises tension by rejectTensionRise', () => {
    const t1 = play(game(), { turkey: [{ kind: 'propose_ceasefire', to: 'russia' }] }).state;
    const t2 = play(t1, { russia: [{ kind: 'reject_ceasefire', to: 'turkey' }] });
    expect(t2.state.proposals).toHaveLength(0);
    expect(Object.keys(t2.state.agreements)).toHaveLength(0);
    const e = t2.events.find((x) => x.kind === 'diplomacy.answered')!;
    expect(e.data).toMatchObject({ answer: 'rejected', tensionBefore: 30, tensionAfter: 35 });
  });

  it("a leaders' call lowers tension once per pair per cooldown, whoever calls", () => {
    // Tension turkey-russia 30; no clashes, so the escalation step also takes 1 a turn.
    const call = (from: string, to: string) => ({ [from]: [{ kind: 'leaders_call', to } as Order] });
    const t1 = play(game(), { ...call('turkey', 'russia'), ...call('russia', 'turkey') });
    const calls = t1.events.filter((e) => e.kind === 'diplomacy.call');
    // Orders go in actor-id order: russia's call counts, turkey's the same turn does not.
    expect(calls.map((e) => [e.data.from, e.data.effective])).toEqual([
      ['russia', true],
      ['turkey', false],
    ]);
    const effective = calls.find((e) => e.data.effective === true)!;
    expect(effective.data).toMatchObject({ tensionBefore: 30, tensionAfter: 20 });
    // turn 2, 3: within 3 turns of turn 1 → no effect; turn 4: effective again.
    let s = t1.state;
    for (const expected of [false, false, true]) {
      const r = play(s, call('turkey', 'russia'));
      expect(r.events.find((e) => e.kind === 'diplomacy.call')!.data.effective).toBe(expected);
      s = r.state;
    }
  });

  it('protest raises international pressure on the target and tension', () => {
    const r = play(game(), { turkey: [{ kind: 'protest', to: 'syria' }] });
    const e = r.events.find((x) => x.kind === 'diplomacy.protest')!;
    expect(e.data).toMatchObject({
      pressureBefore: 0,
      pressureAfter: 5,
      tensionBefore: 50,
      tensionAfter: 53,
    });
    // The escalation step then takes its decay of 1 off every actor's pressure.
    expect(r.state.meters.internationalPressure.syria).toBe(4);
  });

  it('a protest to a pair with no relation adds a neutral relation, kept sorted', () => {
    const r = play(game(), { hts: [{ kind: 'protest', to: 'turkey' }] });
    const rel = r.state.relations.map((x) => `${x.a}|${x.b}`);
    expect(rel).toEqual([...rel].sort());
    expect(r.state.relations.find((x) => x.a === 'hts' && x.b === 'turkey')).toMatchObject({
      stance: 'neutral',
      tension: 3, // +3 for the protest (no decay on turn 1: it comes every 3 turns)
    });
  });
});

describe('diplomacy: request for US support (one d10)', () => {
  // A state on turn 3 whose log holds Turkish losses on `lossTurn`.
  function setup(escalation: number, lossTurn: number | null, params: Partial<GameState['params']>) {
    const s = game();
    s.turn = 3;
    s.meters.escalation = escalation;
    s.meters.usSupport = 30;
    Object.assign(s.params, params);
    for (const turn of [1, 2])
      s.log.push({
        turn,
        date: '',
        events:
          turn === lossTurn
            ? [ev('strike.resolved', { attacker: 'syria', 'killed:turkey': 4 }, 'a', turn)]
            : [],
      });
    return s;
  }
  const cases: {
    name: string;
    escalation: number;
    lossTurn: number | null;
    params: Partial<GameState['params']>;
    cause: boolean;
    after: number;
  }[] = [
    {
      name: 'with a case and a good roll: +gain',
      escalation: 3,
      lossTurn: 2,
      params: { usSupportRiseMinRoll: 1 },
      cause: true,
      after: 40,
    },
    {
      name: 'with a case and a bad roll: no change',
      escalation: 4,
      lossTurn: 1,
      params: { usSupportRiseMinRoll: 11 },
      cause: true,
      after: 30,
    },
    {
      name: 'low escalation: no case, bad roll erodes',
      escalation: 2,
      lossTurn: 2,
      params: { usSupportErodeMaxRoll: 10 },
      cause: false,
      after: 25,
    },
    {
      name: 'no recent losses: no case, bad roll erodes',
      escalation: 5,
      lossTurn: null,
      params: { usSupportErodeMaxRoll: 10 },
      cause: false,
      after: 25,
    },
    {
      name: 'losses outside the lookback: no case',
      escalation: 5,
      lossTurn: 1,
      params: { usSupportLookbackTurns: 1, usSupportErodeMaxRoll: 10 },
      cause: false,
      after: 25,
    },
    {
      name: 'no case, good roll: no harm',
      escalation: 0,
      lossTurn: null,
      params: { usSupportErodeMaxRoll: 0 },
      cause: false,
      after: 30,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = setup(c.escalation, c.lossTurn, c.params);
      const sink = sinkWith(3);
      const order: Order = { kind: 'request_us_support' };
      const after = change(s, (d) =>
        resolveDiplomacy(d, s, sink, [
          { actor: 'turkey', order },
          { actor: 'turkey', order },
        ]),
      );
      expect(after.meters.usSupport).toBe(c.after);
      const events = sink.ofKind('diplomacy.us_support');
      expect(events).toHaveLength(1); // the second request of the turn is not heard
      expect(events[0]!.data.cause).toBe(c.cause);
      // One roll, the die the rng gives.
      const copy = structuredClone(s.rng);
      expect(events[0]!.data.roll).toBe(rollD10(copy));
      expect(after.rng.draws).toBe(s.rng.draws + 1);
    });
  }
});

// ---------------------------------------------------------------- agreements

function agreement(obligations: Partial<Obligation>[], extra: Partial<Agreement> = {}): Agreement {
  return {
    id: 'sochi',
    name: 'Sochi memorandum',
    parties: ['russia', 'turkey'],
    status: 'holds',
    startTurn: 1,
    ceasefire: false,
    obligations: obligations.map((o, i) => ({
      id: `o${i}`,
      actor: 'turkey',
      kind: 'no_assault',
      zone: 'dmz',
      highway: '',
      deadline: 18264, // 2020-01-03: turn 3
      status: 'pending',
      ...o,
    })),
    violations: {},
    collapseAt: 3,
    ...extra,
  };
}

function agreementGame(a: Agreement, units = ''): GameState {
  const s = game(
    `control: { default: turkey, holds: { syria: [c] } }\nunits:\n${units || '  - { id: t1, actor: turkey, name: T1, type: infantry, strength: 5, location: bab_al_hawa }\n'}`,
  );
  s.zones.dmz = { id: 'dmz', name: 'the demilitarised zone', locations: ['a', 'b'] };
  s.highways.m4 = { id: 'm4', name: 'M4', waypoints: ['bab_al_hawa', 'a', 'b'] };
  s.agreements[a.id] = a;
  return s;
}

describe('agreements over time', () => {
  it('pending → holds at its start turn', () => {
    let s = agreementGame(agreement([], { status: 'pending', startTurn: 3 }));
    for (const turn of [1, 2]) {
      const r = play(s);
      expect(r.state.agreements.sochi!.status).toBe('pending');
      expect(kinds(r.events)).not.toContain('agreement.changed');
      s = r.state;
      expect(s.turn).toBe(turn + 1);
    }
    const r = play(s);
    expect(r.state.agreements.sochi!.status).toBe('holds');
    expect(r.events.find((e) => e.kind === 'agreement.changed')!.data).toMatchObject({
      from: 'pending',
      to: 'holds',
    });
  });

  const heavy = '  - { id: art, actor: turkey, name: Guns, type: artillery, strength: 5, location: a }\n';
  const light = '  - { id: inf, actor: turkey, name: Rifles, type: infantry, strength: 5, location: a }\n';
  const hard = '  - { id: h1, actor: hts, name: HTS band, type: infantry, strength: 5, location: b }\n';
  const hardOutside =
    '  - { id: h1, actor: hts, name: HTS band, type: infantry, strength: 5, location: c }\n';
  const cases: {
    name: string;
    o: Partial<Obligation>;
    units?: string;
    prepare?: (s: GameState) => void;
    met: boolean;
    violations: number;
  }[] = [
    {
      name: 'heavy weapons withdrawn: met',
      o: { kind: 'withdraw_heavy_weapons' },
      units: light,
      met: true,
      violations: 0,
    },
    {
      name: 'artillery still in the zone: broken',
      o: { kind: 'withdraw_heavy_weapons' },
      units: heavy,
      met: false,
      violations: 1,
    },
    {
      name: 'hard-line units gone from the zone: met',
      o: { kind: 'remove_hard_line' },
      units: hardOutside,
      met: true,
      violations: 0,
    },
    {
      name: 'a hard-line unit in the zone: broken',
      o: { kind: 'remove_hard_line' },
      units: hard,
      met: false,
      violations: 1,
    },
    {
      name: 'highway open for the actor: met',
      o: { kind: 'open_highway', highway: 'm4' },
      met: true,
      violations: 0,
    },
    {
      name: 'highway held by a hostile actor: broken',
      o: { kind: 'open_highway', highway: 'm4' },
      prepare: (s) => {
        s.locations.b!.controller = 'syria';
      },
      met: false,
      violations: 1,
    },
    {
      name: 'an active joint patrol with a completed run: met',
      o: { kind: 'joint_patrols' },
      prepare: (s) => {
        s.patrols.p = {
          id: 'p',
          name: 'P',
          actors: ['russia', 'turkey'],
          route: ['a', 'b'],
          status: 'active',
          completed: 1,
          attacks: 0,
        };
      },
      met: true,
      violations: 0,
    },
    {
      name: 'a suspended joint patrol: broken',
      o: { kind: 'joint_patrols' },
      prepare: (s) => {
        s.patrols.p = {
          id: 'p',
          name: 'P',
          actors: ['russia', 'turkey'],
          route: ['a', 'b'],
          status: 'suspended',
          completed: 3,
          attacks: 1,
        };
      },
      met: false,
      violations: 1,
    },
    { name: 'no assault, none on record: met', o: { kind: 'no_assault' }, met: true, violations: 0 },
    {
      name: 'no assault, violated before: broken, not counted again',
      o: { kind: 'no_strike' },
      prepare: (s) => {
        s.agreements.sochi!.violations.turkey = 1;
        s.agreements.sochi!.status = 'violated';
      },
      met: false,
      violations: 1,
    },
  ];
  for (const c of cases) {
    it(`deadline: ${c.name}`, () => {
      let s = agreementGame(agreement([c.o]), c.units);
      c.prepare?.(s);
      s = play(play(s).state).state; // turns 1 and 2: before the deadline
      expect(s.agreements.sochi!.obligations[0]!.status).toBe('pending');
      const r = play(s); // turn 3: the deadline day
      const a = r.state.agreements.sochi!;
      expect(a.obligations[0]!.status).toBe(c.met ? 'met' : 'broken');
      expect(a.violations.turkey ?? 0).toBe(c.violations);
      const violated = r.events.filter((e) => e.kind === 'agreement.violated');
      const newViolation = !c.met && c.o.kind !== 'no_assault' && c.o.kind !== 'no_strike';
      expect(violated).toHaveLength(newViolation ? 1 : 0);
      if (newViolation) expect(a.status).toBe('violated');
      // Settled once: nothing more on later turns.
      const r4 = play(r.state);
      expect(r4.events.filter((e) => e.kind === 'agreement.violated')).toHaveLength(0);
    });
  }

  it('broken obligations collapse an agreement at its limit', () => {
    const s = agreementGame(
      agreement(
        [
          { kind: 'open_highway', highway: 'm4' },
          { kind: 'joint_patrols' },
          { kind: 'joint_patrols', actor: 'russia' },
        ],
        { collapseAt: 2 },
      ),
    );
    s.locations.a!.controller = 'syria';
    const sink = sinkWith(3);
    s.turn = 3;
    const after = run(startOfTurn, s, sink);
    const a = after.agreements.sochi!;
    expect(a.status).toBe('collapsed');
    expect(a.obligations.map((o) => o.status)).toEqual(['broken', 'broken', 'pending']);
    expect(sink.ofKind('agreement.changed').map((e) => e.data.to)).toEqual(['violated', 'collapsed']);
  });

  it('obligations without a deadline are never settled at turn start', () => {
    const s = agreementGame(agreement([{ kind: 'withdraw_heavy_weapons', deadline: 0 }]));
    s.turn = 20;
    const after = run(startOfTurn, s, sinkWith(20));
    expect(after.agreements.sochi!.obligations[0]!.status).toBe('pending');
  });
});

// ---------------------------------------------------------------- escalation

describe('escalation ladder: climbing and falling', () => {
  // climb(level, carried, gained, step 10, decay 2)
  it.each([
    ['one step', 0, 0, 10, 1, 0],
    ['a step and change', 0, 5, 12, 1, 7],
    ['two rungs at once', 2, 0, 25, 4, 5],
    ['not enough', 2, 3, 6, 2, 9],
    ['quiet: decay', 1, 5, 0, 1, 3],
    ['quiet below zero: down one rung, the step added back', 1, 1, 0, 0, 9],
    ['quiet at the bottom: stays at 0', 0, 1, 0, 0, 0],
    ['the top keeps points below a step', 4, 8, 30, 5, 9],
  ])('%s', (_name, level, carried, gained, toLevel, toPoints) => {
    expect(climb(level, carried, gained, 10, 2)).toEqual({ level: toLevel, points: toPoints });
  });

  it('points alone stop at rung 4; the crisis rung needs a Russia-Turkey clash (ceiling 5)', () => {
    expect(climb(3, 0, 40, 10, 2, 4)).toEqual({ level: 4, points: 9 });
    expect(climb(4, 9, 30, 10, 2, 4)).toEqual({ level: 4, points: 9 });
    expect(climb(4, 9, 30, 10, 2, 5)).toEqual({ level: 5, points: 9 });
  });

  const s = game();
  s.locations.b!.value = 4;
  s.locations.c!.value = 2;
  const cases: { name: string; events: GameEvent[]; points: number; russiaTurkey?: boolean }[] = [
    {
      name: 'a strike',
      events: [ev('strike.resolved', { attacker: 'syria', target: 'a', 'killed:hts': 2 })],
      points: 1,
    },
    {
      name: 'an assault',
      events: [ev('assault.resolved', { attacker: 'syria', defender: 'hts', target: 'a' })],
      points: 2,
    },
    {
      name: 'a strike on a post',
      events: [ev('strike.resolved', { attacker: 'syria', target: 'a', postHit: true, 'killed:turkey': 0 })],
      points: 1 + 8,
    },
    {
      name: 'an assault on a post that kills Turks',
      events: [
        ev('assault.resolved', {
          attacker: 'syria',
          defender: 'turkey',
          postAttacked: true,
          'killed:turkey': 5,
        }),
      ],
      points: 2 + 8 + 6,
    },
    {
      name: 'Turkey strikes government units',
      events: [
        ev('strike.resolved', {
          attacker: 'turkey',
          target: 'c',
          'killed:syria': 10,
          'strengthLost:syria': 1,
        }),
      ],
      points: 1 + 4,
    },
    {
      name: 'a Russian strike kills Turks',
      events: [ev('strike.resolved', { attacker: 'russia', means: 'air', target: 'a', 'killed:turkey': 33 })],
      points: 1 + 10,
      russiaTurkey: true,
    },
    {
      name: 'a convoy interdicted by the government, Turks killed',
      events: [ev('convoy.interdicted', { convoy: 'c1', actor: 'turkey', by: 'syria', 'killed:turkey': 2 })],
      points: 3 + 6,
    },
    {
      name: 'a patrol attacked',
      events: [ev('patrol.attacked', { patrol: 'p', by: 'hts', 'killed:russia': 1 })],
      points: 3,
    },
    {
      name: 'a high-value place changes hands',
      events: [ev('control.changed', { from: 'turkey', to: 'syria' }, 'b')],
      points: 3,
    },
    {
      name: 'a low-value place changes hands',
      events: [ev('control.changed', { from: 'syria', to: 'turkey' }, 'c')],
      points: 0,
    },
  ];
  for (const c of cases) {
    it(`points: ${c.name}`, () => {
      const t = escalationPoints(s, c.events);
      expect(t.points).toBe(c.points);
      expect(t.russiaTurkey).toBe(c.russiaTurkey ?? false);
    });
  }
});

function escalationState(level: number, points = 0): GameState {
  const s = game();
  s.meters.escalation = level;
  s.meters.escalationPoints = points;
  return s;
}

const postStrike = ev('strike.resolved', { attacker: 'syria', target: 'a', postHit: true }); // 9 points

describe('escalation step', () => {
  it('climbs with the reasons, and decays when quiet', () => {
    const sink = sinkWith(1, [postStrike, postStrike]); // 18 points
    const s1 = run(updateEscalation, escalationState(0, 0), sink);
    expect(s1.meters.escalation).toBe(1);
    expect(s1.meters.escalationPoints).toBe(8);
    const e = sink.ofKind('escalation.changed')[0]!;
    expect(e.data).toMatchObject({ from: 0, to: 1, points: 18, carried: 8 });
    expect(e.explain).toContain('2 × attack on an observation post (+16)');
    const quiet = sinkWith(2);
    const s2 = run(updateEscalation, s1, quiet);
    expect(s2.meters.escalation).toBe(1);
    expect(s2.meters.escalationPoints).toBe(6);
    expect(quiet.ofKind('escalation.changed')).toHaveLength(0);
  });

  it('falls a rung when the points run out', () => {
    const sink = sinkWith(1);
    const s = run(updateEscalation, escalationState(3, 1), sink);
    expect(s.meters.escalation).toBe(2);
    expect(s.meters.escalationPoints).toBe(9);
    expect(sink.ofKind('escalation.changed')[0]!.data).toMatchObject({ from: 3, to: 2 });
  });

  it('a Russian-Turkish clash puts the ladder at rung 4 at least', () => {
    const sink = sinkWith(1, [
      ev('strike.resolved', { attacker: 'turkey', target: 'a', 'killed:russia': 1 }),
    ]);
    const s = run(updateEscalation, escalationState(1, 0), sink);
    expect(s.meters.escalation).toBe(4);
  });

  it('the US statement fires once, at rung 3', () => {
    let s = escalationState(2, 5);
    s.meters.usSupport = 30;
    s = run(updateEscalation, s, sinkWith(1, [postStrike]));
    expect(s.meters.escalation).toBe(3);
    expect(s.meters.usSupport).toBe(35);
    expect(s.meters.consequences).toEqual(['us_statement']);
    // Down and up again: no second statement.
    s = change(s, (d) => {
      d.meters.escalation = 2;
      d.meters.escalationPoints = 5;
    });
    const sink = sinkWith(2, [postStrike]);
    s = run(updateEscalation, s, sink);
    expect(s.meters.escalation).toBe(3);
    expect(s.meters.usSupport).toBe(35);
    expect(sink.ofKind('escalation.consequence')).toHaveLength(0);
  });

  it('Russia closes the airspace at rung 4 and reopens it at rung 2', () => {
    let s = escalationState(3, 5);
    const close = sinkWith(1, [postStrike]);
    s = run(updateEscalation, s, close);
    expect(s.meters.escalation).toBe(4);
    expect(s.meters.airspaceClosed).toBe(true);
    expect(s.meters.consequences).toContain('airspace_closed');
    expect(close.ofKind('escalation.consequence').map((e) => e.data.consequence)).toEqual([
      'us_statement',
      'airspace_closed',
    ]);
    // Quiet turns (−2 points each): 4 (2), 4 (0), 3 (8), 3 (6) … 3 (0): closed all along; then 2.
    for (const level of [4, 4, 3, 3, 3, 3, 3]) {
      s = run(updateEscalation, s, sinkWith(2));
      expect(s.meters.escalation).toBe(level);
      expect(s.meters.airspaceClosed).toBe(true);
    }
    const reopen = sinkWith(9);
    s = run(updateEscalation, s, reopen);
    expect(s.meters.escalation).toBe(2);
    expect(s.meters.airspaceClosed).toBe(false);
    expect(reopen.ofKind('escalation.consequence')[0]!.data.consequence).toBe('airspace_reopened');
  });

  it('a ceasefire with Turkey that holds keeps the airspace open, and reopens it', () => {
    const s = escalationState(4, 0);
    s.meters.airspaceClosed = true;
    s.agreements.cf = {
      ...agreement([]),
      id: 'cf',
      ceasefire: true,
      parties: ['russia', 'turkey'],
    };
    const sink = sinkWith(1, [postStrike]);
    const after = run(updateEscalation, s, sink);
    expect(after.meters.escalation).toBe(4);
    expect(after.meters.airspaceClosed).toBe(false);
  });
});

describe('tension, markets and pressure', () => {
  it('a clash raises the pair’s tension; quiet pairs fall by 1, reported at multiples of 5', () => {
    const sink = sinkWith(1, [
      ev('assault.resolved', { attacker: 'syria', defender: 'turkey', 'killed:turkey': 1 }),
    ]);
    const s0 = game();
    s0.turn = 3; // tension eases on turns that are multiples of 3
    const s = run(updateEscalation, s0, sink);
    expect(tensionOf(s, 'turkey', 'syria')).toBe(55);
    // Russia is Syria's ally: +2 with Turkey (30 → 32: moved < 3, no multiple of 5 crossed, not reported).
    expect(tensionOf(s, 'turkey', 'russia')).toBe(32);
    expect(tensionOf(s, 'syria', 'russia')).toBe(4); // crosses 5 → reported
    expect(tensionOf(s, 'syria', 'hts')).toBe(89); // 90 → 89 crosses 90 → reported
    const reported = sink.ofKind('tension.changed').map((e) => `${e.data.a}|${e.data.b}`);
    expect(reported.sort()).toEqual(['hts|syria', 'russia|syria', 'syria|turkey']);
    const quiet = sinkWith(2);
    const s2 = run(updateEscalation, s, quiet);
    expect(tensionOf(s2, 'turkey', 'syria')).toBe(54); // 55 → 54: crosses 55, reported
    expect(tensionOf(s2, 'turkey', 'russia')).toBe(31); // 32 → 31: not reported
    expect(quiet.ofKind('tension.changed').map((e) => `${e.data.a}|${e.data.b}`)).toEqual(['syria|turkey']);
  });

  it('a clash against an ally strains the attacker and the ally too', () => {
    const s = game();
    s.relations.push({ a: 'hts', b: 'turkey', stance: 'allied', tension: 10 });
    const sink = sinkWith(1, [ev('strike.resolved', { attacker: 'russia', target: 'a', 'killed:hts': 3 })]);
    const r = run(updateEscalation, s, sink);
    expect(tensionOf(r, 'russia', 'hts')).toBe(5); // a new pair: +5
    expect(tensionOf(r, 'russia', 'turkey')).toBe(32); // hts is Turkey's ally: +2
    expect(tensionOf(r, 'syria', 'hts')).toBe(92); // russia is Syria's ally: +2
    const e = sink.ofKind('tension.changed').find((x) => x.data.a === 'hts' && x.data.b === 'russia')!;
    expect(e.data).toMatchObject({ before: 0, after: 5, clashes: 1, allyClashes: 0 });
  });

  it.each([
    ['rung 2, turn 3: eases', 2, 3, 49],
    ['rung 3, turn 3: grudges hold', 3, 3, 50],
    ['rung 0, turn 4: not a turn of easing', 0, 4, 50],
    ['rung 0, turn 6: eases', 0, 6, 49],
  ])('tension decay: %s', (_n, level, turn, after) => {
    const s = escalationState(level, 5);
    s.turn = turn;
    s.meters.consequences = ['us_statement'];
    const r = run(updateEscalation, s, sinkWith(turn));
    expect(r.meters.escalation).toBe(level);
    expect(tensionOf(r, 'turkey', 'syria')).toBe(after);
  });

  const killing = (n: number) => ev('strike.resolved', { attacker: 'hts', target: 'a', 'killed:turkey': n });
  it.each([
    ['no losses, at 100: unchanged', 100, 0, 0, 100, false],
    ['no losses, below 100: recovers 1 (quietly)', 90, 0, 0, 91, false],
    ['no losses: recovering past a multiple of 5 is reported', 94, 0, 0, 95, false],
    ['10 killed: −3', 100, 0, 10, 97, false],
    ['7 killed: −2 (rounded down)', 100, 0, 7, 98, false],
    ['rung 4: −2 every turn', 100, 4, 0, 98, false],
    ['20 killed: −6 and the shock −10', 100, 0, 20, 84, true],
  ])('market: %s', (_n, index, level, killed, after, shock) => {
    const s = escalationState(level, 5); // 5 points carried: a quiet turn keeps the rung
    s.meters.marketIndex = index;
    s.meters.airspaceClosed = level >= 4;
    s.meters.consequences = ['us_statement'];
    const sink = sinkWith(1, killed > 0 ? [killing(killed)] : []);
    const r = run(updateEscalation, s, sink);
    expect(r.meters.marketIndex).toBe(after);
    const moved = sink.ofKind('market.moved');
    // A fall is always reported; the recovery only as it passes a multiple of 5.
    const reported = after < index || (after > index && Math.floor(after / 5) !== Math.floor(index / 5));
    expect(moved).toHaveLength(reported ? 1 : 0);
    if (moved[0]) expect(moved[0].data.shock).toBe(shock);
  });

  it('the market shock fires once', () => {
    let s = game();
    s = run(updateEscalation, s, sinkWith(1, [killing(20)]));
    expect(s.meters.marketIndex).toBe(84);
    s = run(updateEscalation, s, sinkWith(2, [killing(20)]));
    expect(s.meters.marketIndex).toBe(78);
    expect(s.meters.consequences.filter((c) => c === 'market_shock')).toHaveLength(1);
  });

  it('Turkish domestic pressure: +1 per soldier killed and per 10,000 displaced, −1 when nothing happens', () => {
    let s = game();
    s.meters.turkishDomesticPressure = 10;
    s = run(
      updateEscalation,
      s,
      sinkWith(1, [
        killing(5),
        ev('civilians.displaced', { displaced: 25_000 }),
        ev('civilians.displaced', { displaced: 5_000 }),
      ]),
    );
    expect(s.meters.turkishDomesticPressure).toBe(18);
    s = run(updateEscalation, s, sinkWith(2));
    expect(s.meters.turkishDomesticPressure).toBe(17);
  });

  it('international pressure decays by 1 and rises with civilians killed by the attacker', () => {
    const s = game();
    s.meters.internationalPressure = { hts: 0, russia: 10, syria: 10, turkey: 3 };
    const r = run(
      updateEscalation,
      s,
      sinkWith(1, [
        ev('strike.resolved', { attacker: 'syria', target: 'a', civiliansKilled: 30 }),
        ev('assault.resolved', { attacker: 'syria', defender: 'hts', target: 'b', civiliansKilled: 15 }),
      ]),
    );
    expect(r.meters.internationalPressure).toEqual({ hts: 0, russia: 9, syria: 9 + 2, turkey: 2 });
  });
});

// ---------------------------------------------------------------- civilians

describe('civilians: displacement and aid', () => {
  const cases: {
    name: string;
    events: GameEvent[];
    urban?: boolean;
    fled: Record<string, number>;
  }[] = [
    {
      // b hit: 80 ‰ of 20,000 = 1,600; its neighbours a (10,000) and c (5,000): 20 ‰ = 200 and 100.
      name: 'artillery on open ground',
      events: [ev('strike.resolved', { attacker: 'syria', means: 'artillery', target: 'b' }, 'b')],
      fled: { b: 1600, a: 200, c: 100 },
    },
    {
      name: 'an air strike: +50 %',
      events: [ev('strike.resolved', { attacker: 'russia', means: 'air', target: 'b' }, 'b')],
      fled: { b: 2400, a: 200, c: 100 },
    },
    {
      name: 'an air strike on a town: +50 % +50 %',
      events: [ev('strike.resolved', { attacker: 'russia', means: 'air', target: 'b' }, 'b')],
      urban: true,
      fled: { b: 3200, a: 200, c: 100 },
    },
    {
      name: 'several hits on one place count once; a hit place is not also "next to" fighting',
      events: [
        ev('assault.resolved', { attacker: 'syria', defender: 'turkey', target: 'b' }, 'b'),
        ev('strike.resolved', { attacker: 'syria', means: 'artillery', target: 'b' }, 'b'),
        ev('strike.resolved', { attacker: 'syria', means: 'drone', target: 'c' }, 'c'),
      ],
      fled: { b: 1600, c: 400, a: 200 },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = game();
      if (c.urban) s.locations.b!.terrain = 'urban';
      const sink = sinkWith(1, c.events);
      const after = run(updateCivilians, s, sink);
      const fled = Object.fromEntries(
        sink.ofKind('civilians.displaced').map((e) => [e.location, e.data.displaced]),
      );
      expect(fled).toEqual(c.fled);
      const total = Object.values(c.fled).reduce((x, y) => x + y, 0);
      expect(after.meters.displaced).toBe(total);
      const people = peopleAccounted(after);
      expect(people.now).toBe(people.start);
    });
  }

  it('people are conserved over turns of fighting', () => {
    let s = game();
    for (let turn = 1; turn <= 5; turn++) {
      const sink = sinkWith(turn, [
        ev('strike.resolved', { attacker: 'syria', means: 'air', target: 'a' }, 'a'),
      ]);
      s = run(updateCivilians, s, sink);
      const p = peopleAccounted(s);
      expect(p.now).toBe(p.start);
    }
    expect(s.meters.displaced).toBeGreaterThan(0);
  });

  const aidCases: { name: string; prepare: (s: GameState) => void; aid: number; need: number }[] = [
    { name: 'the crossing held and quiet: aid passes', prepare: () => {}, aid: 40_000, need: 60 },
    {
      name: 'held by nobody: no aid',
      prepare: (s) => {
        s.locations.bab_al_hawa!.controller = '';
      },
      aid: 0,
      need: 100,
    },
    {
      name: 'hostile artillery in range: no aid',
      prepare: (s) => {
        s.units.gun = {
          id: 'gun',
          actor: 'syria',
          name: 'Guns',
          type: 'artillery',
          strength: 5,
          readiness: 100,
          location: 'b',
          destination: '',
          transit: null,
        };
      },
      aid: 0,
      need: 100,
    },
    {
      name: 'more aid than displaced: no need',
      prepare: (s) => {
        s.meters.displaced = 30_000;
      },
      aid: 40_000,
      need: 0,
    },
  ];
  for (const c of aidCases) {
    it(`aid: ${c.name}`, () => {
      const s = game();
      s.meters.displaced = 100_000;
      c.prepare(s);
      const sink = sinkWith(1);
      const after = run(updateCivilians, s, sink);
      expect(after.meters.aidDelivered).toBe(c.aid);
      expect(after.meters.humanitarianNeed).toBe(c.need);
      expect(sink.ofKind('civilians.aid')[0]!.data).toMatchObject({
        aid: c.aid,
        need: c.need,
        open: c.aid > 0,
      });
    });
  }

  it('aid is blocked the turn the crossing is struck', () => {
    const s = game();
    const sink = sinkWith(1, [
      ev('strike.resolved', { attacker: 'syria', means: 'air', target: 'bab_al_hawa' }, 'bab_al_hawa'),
    ]);
    const after = run(updateCivilians, s, sink);
    expect(after.meters.aidDelivered).toBe(0);
  });
});

// ---------------------------------------------------------------- reports

function reportingGame(bias: string): GameState {
  return game(`control: { default: turkey }
reporting:
  - { id: sana, name: SANA, bias: ${bias} }
`);
}

const clash = ev(
  'strike.resolved',
  { attacker: 'syria', means: 'air', target: 'b', 'killed:hts': 12, 'killed:syria': 0 },
  'b',
);

describe('claims and reports', () => {
  it('a straight source reports the truth at once', () => {
    const s = reportingGame('{}');
    const sink = sinkWith(1, [clash]);
    const after = run(updateReports, s, sink);
    const r = sink.ofKind('report.published');
    expect(r).toHaveLength(1);
    expect(r[0]!.data).toMatchObject({
      source: 'sana',
      aboutTurn: 1,
      aboutIndex: 0,
      aboutKind: 'strike.resolved',
      'claimed:hts': 12,
      'true:hts': 12,
      'claimed:syria': 0,
      'true:syria': 0,
    });
    expect(r[0]!.explain).toBe(
      'SANA says of the air strike on B on turn 1: "HTS lost 12 killed; Syria lost 0 killed." What happened: HTS lost 12 killed; Syria lost 0 killed.',
    );
    expect(after.pendingReports).toHaveLength(0);
  });

  it.each([
    ['inflates the enemy ×3', '{ hts: { inflate: 200 } }', 36, 0],
    ['plays down by half', "{ '*': { inflate: -50 } }", 6, 0],
    ['a named actor beats *', "{ hts: { inflate: 100 }, '*': { inflate: -100 } }", 24, 0],
  ])('%s', (_n, bias, hts, syria) => {
    const s = reportingGame(bias);
    const sink = sinkWith(1, [clash]);
    run(updateReports, s, sink);
    const r = sink.ofKind('report.published')[0]!;
    expect(r.data['claimed:hts']).toBe(hts);
    expect(r.data['claimed:syria']).toBe(syria);
    expect(r.data['true:hts']).toBe(12);
  });

  it('a source that always denies clashes involving an actor writes nothing, and draws nothing', () => {
    const s = reportingGame('{ syria: { deny: 1000 } }');
    const sink = sinkWith(1, [clash]);
    const after = run(updateReports, s, sink);
    expect(sink.ofKind('report.published')).toHaveLength(0);
    expect(after.pendingReports).toHaveLength(0);
    expect(after.rng.draws).toBe(s.rng.draws);
  });

  it('a source that denies half the time leaves out about half the clashes, one draw each', () => {
    const s = reportingGame('{ syria: { deny: 500 } }');
    const events = Array.from({ length: 200 }, () => clash);
    const sink = sinkWith(1, events);
    const after = run(updateReports, s, sink);
    const n = sink.ofKind('report.published').length;
    expect(n).toBeGreaterThan(70);
    expect(n).toBeLessThan(130);
    expect(after.rng.draws).toBe(s.rng.draws + 200);
  });

  it('a delayed report waits in pendingReports and is published with the truth of its turn', () => {
    const s = reportingGame('{ hts: { inflate: 100, delay: 2 } }');
    const sink1 = sinkWith(1, [ev('assault.resolved', { attacker: 'turkey', defender: 'syria' }), clash]);
    const s1 = run(fileReports, s, sink1);
    expect(s1.pendingReports).toEqual([
      expect.objectContaining({ source: 'sana', publishTurn: 1, about: { turn: 1, index: 0 } }),
      expect.objectContaining({
        source: 'sana',
        publishTurn: 3,
        about: { turn: 1, index: 1 },
        claimed: { hts: 24, syria: 0 },
      }),
    ]);
    const logged = change(s1, (d) => {
      d.log.push(
        { turn: 1, date: '2020-01-01', events: sink1.events },
        { turn: 2, date: '2020-01-02', events: [] },
      );
    });
    // Turn 1 publishes the undelayed one; turn 2 nothing; turn 3 the delayed one.
    const p1 = sinkWith(1, sink1.events);
    const after1 = run(publishReports, s1, p1);
    expect(p1.ofKind('report.published')).toHaveLength(1);
    expect(after1.pendingReports).toHaveLength(1);
    const p2 = sinkWith(2);
    run(
      publishReports,
      change(logged, (d) => void d.pendingReports.splice(0, 1)),
      p2,
    );
    expect(p2.ofKind('report.published')).toHaveLength(0);
    const p3 = sinkWith(3);
    const after3 = run(
      publishReports,
      change(logged, (d) => void d.pendingReports.splice(0, 1)),
      p3,
    );
    const r = p3.ofKind('report.published');
    expect(r).toHaveLength(1);
    expect(r[0]!.data).toMatchObject({ 'claimed:hts': 24, 'true:hts': 12, aboutTurn: 1, delay: 2 });
    expect(r[0]!.explain).toContain('(published 2 turns later)');
    expect(r[0]!.location).toBe('b');
    expect(after3.pendingReports).toHaveLength(0);
  });
});

describe('the steps in a whole turn', () => {
  it('runs turn after turn with aid, decay and conserved people; aid is reported on the first turn, then when the need changes band', () => {
    let s = game();
    s.meters.displaced = 0;
    for (let turn = 1; turn <= 4; turn++) {
      const r = play(s, turn === 1 ? { turkey: [{ kind: 'propose_ceasefire', to: 'syria' }] } : {});
      expect(kinds(r.events).includes('civilians.aid')).toBe(turn === 1);
      s = r.state;
      const p = peopleAccounted(s);
      expect(p.now).toBe(p.start);
    }
    expect(s.meters.aidDelivered).toBe(4 * 40_000);
  });
});

describe('actor roles come from the scenario', () => {
  it('the rules about Turkey follow params.actorRoles, whatever the ids', async () => {
    const { tinyGame, scenarioHead } = await import('./helpers.ts');
    const { validateOrder } = await import('../../src/engine/index.ts');
    const state = tinyGame({
      places: [
        { id: 'base', kind: 'crossing', at: [0, 0] },
        { id: 'a', at: [10, 0] },
      ],
      roads: [['base', 'a', 10]],
      scenario: scenarioHead(`control: { default: blue }
params: { actorRoles: { turkey: blue, russia: grey, syria: red } }
`),
    });
    expect(state.params.actorRoles).toEqual({ turkey: 'blue', russia: 'grey', syria: 'red' });
    expect(validateOrder(state, 'blue', { kind: 'request_us_support' })).toEqual({ ok: true, value: true });
    expect(validateOrder(state, 'red', { kind: 'request_us_support' })).toMatchObject({
      ok: false,
      code: 'not_a_party',
    });
  });
});
