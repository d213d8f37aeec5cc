// Victory: objectives scored once or at the end, outcome bands at their thresholds, sudden death
// (everyone loses, or one side wins outright), and the final event.
import { describe, expect, it } from 'vitest';
import { resolveTurn, standing, type GameEvent, type GameState } from '../../src/engine/index.ts';
import { bandFor } from '../../src/engine/rules/victory.ts';
import { scenarioHead, tinyGame, type TinyWorld } from './helpers.ts';

// base(crossing) --5-- a --5-- b --5-- c   (all M5; mechanised covers 30 km a day)
const places: TinyWorld['places'] = [
  { id: 'base', kind: 'crossing', at: [0, 0] },
  { id: 'a', at: [5, 0] },
  { id: 'b', at: [10, 0] },
  { id: 'c', at: [15, 0] },
];
const roads: TinyWorld['roads'] = [
  ['base', 'a', 5, 'M5'],
  ['a', 'b', 5, 'M5'],
  ['b', 'c', 5, 'M5'],
];

/** A game with the given victory block (YAML, indented two spaces) and optional extra blocks. */
function game(victory: string, extra = '', turns = 10): GameState {
  const state = tinyGame({
    places,
    roads,
    scenario: scenarioHead(`control: { default: blue, holds: { red: [c] } }
units:
  - { id: u1, actor: blue, name: Blue column, type: mechanised, strength: 10, location: base }
${extra}
victory:
${victory}`),
  });
  return turns === state.calendar.turns ? state : { ...state, calendar: { ...state.calendar, turns } };
}

function run(state: GameState, turns: number): { state: GameState; events: GameEvent[] } {
  let s = state;
  const events: GameEvent[] = [];
  for (let t = 0; t < turns; t++) {
    const r = resolveTurn(s, {});
    s = r.state;
    events.push(...r.events);
  }
  return { state: s, events };
}

describe('bands from scores', () => {
  const bands = { decisive: 60, marginal: 30, draw: 0 };
  it.each([
    [100, 'decisive'],
    [60, 'decisive'],
    [59, 'marginal'],
    [30, 'marginal'],
    [29, 'draw'],
    [0, 'draw'],
    [-1, 'defeat'],
    [-50, 'defeat'],
  ])('a score of %i is %s', (score, band) => {
    expect(bandFor(bands, score)).toBe(band);
  });
});

describe('objectives', () => {
  it('a `once` objective is scored the first turn it holds, and only once', () => {
    const state = game(`  objectives:
    - { id: take_c, actor: blue, text: Take C, points: 25, when: once, condition: { controls: { actor: blue, location: c } } }
`);
    expect(state.victory.scores.blue).toBe(0);
    // Turn 1: the column drives 15 km to C (red ground, no red units) and takes it.
    const t1 = resolveTurn(state, { blue: [{ kind: 'move', unit: 'u1', to: 'c' }] });
    expect(t1.state.locations.c!.controller).toBe('blue');
    expect(t1.state.victory.achieved).toEqual({ take_c: 1 });
    expect(t1.state.victory.scores.blue).toBe(25);
    const ev = t1.events.find((e) => e.kind === 'objective.achieved')!;
    expect(ev).toMatchObject({
      phase: 'victory',
      actors: ['blue'],
      data: { objective: 'take_c', actor: 'blue', points: 25, score: 25, when: 'once' },
    });
    expect(ev.explain).toContain('Take C');
    expect(ev.explain).toContain('+25 points, score now 25');
    // Still holds on turn 2: not scored again.
    const t2 = resolveTurn(t1.state, {});
    expect(t2.state.victory.scores.blue).toBe(25);
    expect(t2.state.victory.achieved).toEqual({ take_c: 1 });
    expect(t2.events.some((e) => e.kind === 'objective.achieved')).toBe(false);
  });

  it('a `once` objective is not scored while its condition fails', () => {
    const state = game(`  objectives:
    - { id: late, actor: blue, text: Hold on until turn 3, points: 10, when: once, condition: { turn_range: { from: 3 } } }
`);
    const { state: after } = run(state, 2);
    expect(after.victory.achieved).toEqual({});
    const t3 = resolveTurn(after, {});
    expect(t3.state.victory.achieved).toEqual({ late: 3 });
    expect(t3.state.victory.scores.blue).toBe(10);
  });

  it('an `end` objective counts only at the end, and only if it holds then', () => {
    const state = game(
      `  objectives:
    - { id: hold_a, actor: blue, text: Hold A, points: 40, when: end, condition: { controls: { actor: blue, location: a } } }
    - { id: hold_c, actor: blue, text: Hold C, points: 30, when: end, condition: { controls: { actor: blue, location: c } } }
`,
      '',
      3,
    );
    const { state: mid } = run(state, 2);
    expect(mid.over).toBe(false);
    expect(mid.victory.scores.blue).toBe(0);
    const end = resolveTurn(mid, {});
    expect(end.state.over).toBe(true);
    expect(end.state.victory.achieved).toEqual({ hold_a: 3 });
    expect(end.state.victory.scores.blue).toBe(40);
    expect(end.state.outcome!.bands.blue).toEqual({ band: 'marginal', score: 40 });
    // Objective events come before the end of the scenario.
    const kinds = end.events.filter((e) => e.phase === 'victory').map((e) => e.kind);
    expect(kinds).toEqual(['objective.achieved', 'scenario.ended']);
  });

  it('a score condition sees the points scored earlier in the same check', () => {
    const state = game(
      `  objectives:
    - { id: a_first, actor: blue, text: Hold A, points: 30, when: once, condition: { controls: { actor: blue, location: a } } }
    - { id: b_bonus, actor: blue, text: Score 30 or more, points: 5, when: end, condition: { compare: { left: { score: blue }, op: '>=', right: 30 } } }
`,
      '',
      1,
    );
    const end = resolveTurn(state, {});
    expect(end.state.victory.scores.blue).toBe(35);
  });

  // Bands at the thresholds (decisive 60, marginal 30, draw 0), reached through the game.
  it.each([
    [60, 'decisive'],
    [59, 'marginal'],
    [30, 'marginal'],
    [29, 'draw'],
    [0, 'draw'],
    [-1, 'defeat'],
  ])('%i points at the end is %s', (points, band) => {
    const state = game(
      `  bands: { decisive: 60, marginal: 30, draw: 0 }
  objectives:
    - { id: o1, actor: blue, text: Anything, points: ${points}, when: end, condition: { turn_range: { from: 1 } } }
`,
      '',
      1,
    );
    const end = resolveTurn(state, {});
    expect(end.state.outcome!.bands.blue).toEqual({ band, score: points });
  });

  it('actors without objectives are banded on 0 points', () => {
    const end = resolveTurn(game('  objectives: []\n', '', 1), {});
    expect(end.state.outcome!.bands).toEqual({
      blue: { band: 'draw', score: 0 },
      grey: { band: 'draw', score: 0 },
      red: { band: 'draw', score: 0 },
    });
  });
});

describe('sudden death', () => {
  it('all_lose: the game ends at once and every actor is defeated, whatever its score', () => {
    const state = game(
      `  objectives:
    - { id: early, actor: blue, text: Be there, points: 90, when: once, condition: { turn_range: { from: 1 } } }
  suddenDeath:
    - { id: ladder_top, text: The crisis reaches the top of the ladder, result: all_lose, condition: { turn_range: { from: 1 } } }
`,
      '',
    );
    const { state: after, events } = resolveTurn(state, {});
    expect(after.over).toBe(true);
    expect(after.outcome).toMatchObject({ reason: 'sudden-death', turn: 1 });
    expect(after.outcome!.bands).toEqual({
      blue: { band: 'defeat', score: 90 },
      grey: { band: 'defeat', score: 0 },
      red: { band: 'defeat', score: 0 },
    });
    const ended = events.find((e) => e.kind === 'scenario.ended')!;
    expect(ended.data).toMatchObject({
      reason: 'sudden-death',
      suddenDeath: 'ladder_top',
      result: 'all_lose',
    });
    expect(ended.explain).toContain('The crisis reaches the top of the ladder');
    expect(ended.explain).toContain('every side loses');
    expect(() => resolveTurn(after, {})).toThrow(/over/);
  });

  it('a named winner: that actor is decisive, the others banded by score', () => {
    const state = game(`  objectives:
    - { id: b1, actor: blue, text: Hold A, points: 35, when: once, condition: { controls: { actor: blue, location: a } } }
  suddenDeath:
    - { id: red_wins, text: Red keeps C, result: red, condition: { all: [ { controls: { actor: red, location: c } }, { turn_range: { from: 2 } } ] } }
`);
    const t1 = resolveTurn(state, {});
    expect(t1.state.over).toBe(false);
    const t2 = resolveTurn(t1.state, {});
    expect(t2.state.over).toBe(true);
    expect(t2.state.outcome!.reason).toBe('sudden-death');
    expect(t2.state.outcome!.turn).toBe(2);
    expect(t2.state.outcome!.bands).toEqual({
      blue: { band: 'marginal', score: 35 },
      grey: { band: 'draw', score: 0 },
      red: { band: 'decisive', score: 0 },
    });
    expect(t2.events.find((e) => e.kind === 'scenario.ended')!.explain).toContain('Red wins outright');
  });

  it('`end` objectives count when sudden death ends the game', () => {
    const state = game(`  objectives:
    - { id: e1, actor: blue, text: Hold A, points: 30, when: end, condition: { controls: { actor: blue, location: a } } }
  suddenDeath:
    - { id: red_wins, text: Red keeps C, result: red, condition: { controls: { actor: red, location: c } } }
`);
    const t1 = resolveTurn(state, {});
    expect(t1.state.outcome!.bands.blue).toEqual({ band: 'marginal', score: 30 });
  });

  it('everyone losing takes precedence over a win that holds on the same turn', () => {
    const state = game(
      `  suddenDeath:
    - { id: a_win, text: Red keeps C, result: red, condition: { controls: { actor: red, location: c } } }
    - { id: z_top, text: Top of the ladder, result: all_lose, condition: { turn_range: { from: 1 } } }
`,
      '',
    );
    const after = resolveTurn(state, {}).state;
    expect(after.outcome!.bands.red!.band).toBe('defeat');
    expect(after.log[0]!.events.find((e) => e.kind === 'scenario.ended')!.data.suddenDeath).toBe('z_top');
  });

  it('a sudden-death condition that does not hold changes nothing', () => {
    const state = game(`  suddenDeath:
    - { id: top, text: Top, result: all_lose, condition: { compare: { left: { meter: escalation }, op: '>=', right: 5 } } }
`);
    const after = resolveTurn(state, {}).state;
    expect(after.over).toBe(false);
    expect(after.outcome).toBeNull();
  });
});

describe('the end of the scenario', () => {
  it('the turn limit ends the game with bands, a summary and an event that explains them', () => {
    const state = game(
      `  bands: { decisive: 50, marginal: 20, draw: 0 }
  objectives:
    - { id: take_c, actor: blue, text: Take C, points: 25, when: once, condition: { controls: { actor: blue, location: c } } }
    - { id: hold_b, actor: blue, text: Keep B, points: 30, when: end, condition: { controls: { actor: blue, location: b } } }
    - { id: red_c, actor: red, text: Keep C, points: 40, when: end, condition: { controls: { actor: red, location: c } } }
`,
      '',
      2,
    );
    const t1 = resolveTurn(state, { blue: [{ kind: 'move', unit: 'u1', to: 'c' }] });
    expect(t1.state.over).toBe(false);
    const t2 = resolveTurn(t1.state, {});
    const outcome = t2.state.outcome!;
    expect(t2.state.over).toBe(true);
    expect(outcome.reason).toBe('turn-limit');
    expect(outcome.turn).toBe(2);
    expect(outcome.bands).toEqual({
      blue: { band: 'decisive', score: 55 },
      grey: { band: 'draw', score: 0 },
      red: { band: 'draw', score: 0 },
    });
    expect(outcome.summary).toContain('time is up after turn 2 (2020-01-02)');
    expect(outcome.summary).toContain('Blue: decisive, 55 points ("Take C" +25, "Keep B" +30)');
    expect(outcome.summary).toContain('Red: draw, 0 points (no objective met)');
    expect(outcome.summary).toContain('posts: 0 supplied, 0 cut off, 0 encircled, 0 evacuated, 0 overrun');
    const ended = t2.events.find((e) => e.kind === 'scenario.ended')!;
    expect(ended.actors).toEqual(['blue', 'grey', 'red']);
    expect(ended.data).toMatchObject({
      reason: 'turn-limit',
      'band:blue': 'decisive',
      'score:blue': 55,
      'band:red': 'draw',
      'score:red': 0,
      objectives: 'hold_b take_c',
      decisiveAt: 50,
    });
    expect(ended.explain).toContain('decisive at 50 points or more, marginal at 20, draw at 0');
  });

  it('standing names every post status and the places each side holds', () => {
    const state = tinyGame({
      places: [...places, { id: 'p_site', kind: 'post', at: [5, 5] }],
      roads: [...roads, ['a', 'p_site', 5, 'track']],
      posts: [{ id: 'op1', location: 'p_site' }],
      scenario: scenarioHead(`control: { default: blue, holds: { red: [c] } }
posts:
  - { id: op1, actor: blue, garrison: 100, supplyDays: 10 }
`),
    });
    expect(standing(state)).toBe(
      'posts: 1 supplied, 0 cut off, 0 encircled, 0 evacuated, 0 overrun; places held: Blue 3, Red 1',
    );
  });
});
