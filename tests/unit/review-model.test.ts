// The after-action review's model (src/ui/review-model.ts) on real games: the default scenario
// played to the end with its script, every state collected, and the model's outcome, charts,
// timeline and claims checked against the states and their logs.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioArg } from '../../src/cli/files.ts';
import { playScenario } from '../../src/cli/play.ts';
import { evalCondition, type GameEvent, type GameState } from '../../src/engine/index.ts';
import { CLASH_KINDS } from '../../src/engine/rules/diplomacy.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import {
  BAND_WORDS,
  replayDate,
  replayTurnText,
  reviewModel,
  TIMELINE_KINDS,
  turnLabel,
  type ReviewModel,
} from '../../src/ui/review-model.ts';

let scenario: Scenario;
let states: GameState[];
let final: GameState;
let model: ReviewModel;

function allEvents(state: GameState): GameEvent[] {
  return state.log.flatMap((entry) => entry.events);
}

beforeAll(() => {
  scenario = loadScenarioArg('winter-2019-2020');
  states = [];
  playScenario(scenario, '1', 1000, {
    onStart: (s) => states.push(s),
    onTurn: (_turn, _events, s) => states.push(s),
  });
  final = states[states.length - 1]!;
  model = reviewModel(scenario, states, { student: 'syria' });
});

describe('the game played', () => {
  it('is over on the turn limit with every state collected', () => {
    expect(final.over).toBe(true);
    expect(final.outcome?.reason).toBe('turn-limit');
    expect(states.length).toBe(final.calendar.turns + 1);
  });
});

describe('outcome per actor', () => {
  it('lists every actor once, the student first, the rest in scenario order', () => {
    const order = scenario.data.actors.map((a) => a.id);
    expect(model.actors.map((a) => a.id)).toEqual(['syria', ...order.filter((a) => a !== 'syria')]);
    expect(model.actors.filter((a) => a.student).map((a) => a.id)).toEqual(['syria']);
    const plain = reviewModel(scenario, states);
    expect(plain.actors.map((a) => a.id)).toEqual(order);
    expect(plain.actors.some((a) => a.student)).toBe(false);
  });

  it("gives each actor the engine's band and score, in words", () => {
    for (const a of model.actors) {
      const banded = final.outcome!.bands[a.id]!;
      expect(a.band).toBe(banded.band);
      expect(a.score).toBe(banded.score);
      expect(a.bandText).toBe(BAND_WORDS[banded.band]);
      expect(a.why).toContain(`${banded.score} point`);
      expect(a.colour).toMatch(/^#[0-9A-Fa-f]{6}$/);
    }
    // Not every actor ends in the same band, so a constant would not pass.
    expect(new Set(model.actors.map((a) => a.band)).size).toBeGreaterThan(1);
  });

  it('marks an objective met exactly when the victory check scored it, and the points add up', () => {
    const awarded = allEvents(final).filter((e) => e.kind === 'points.awarded');
    expect(awarded).toEqual([]); // so every point came from an objective
    let met = 0;
    for (const a of model.actors) {
      const own = final.victory.objectives.filter((o) => o.actor === a.id);
      expect(a.objectives.map((o) => o.id)).toEqual(own.map((o) => o.id));
      for (const o of a.objectives) {
        const achieved = final.victory.achieved[o.id];
        expect(o.status).toBe(achieved !== undefined ? 'met' : 'missed');
        expect(o.turn).toBe(achieved ?? null);
        if (o.status === 'met') met += 1;
      }
      const sum = a.objectives.filter((o) => o.status === 'met').reduce((n, o) => n + o.points, 0);
      expect(sum).toBe(a.score);
    }
    expect(met).toBe(Object.keys(final.victory.achieved).length);
    expect(model.actors.some((a) => a.objectives.some((o) => o.status === 'missed'))).toBe(true);
  });

  it('says why the game ended', () => {
    expect(model.over).toBe(true);
    expect(model.outcome.reason).toBe('turn-limit');
    expect(model.outcome.summary).toBe(final.outcome!.summary);
    expect(model.outcome.reasonText).toContain('Time ran out');
    const b = final.victory.bands;
    expect(model.outcome.bandsText).toContain(`decisive victory at ${b.decisive}`);
  });

  it('judges the end objectives of an unfinished game on its last state', () => {
    const part = states.slice(0, 11);
    const last = part[part.length - 1]!;
    const m = reviewModel(scenario, part);
    expect(m.over).toBe(false);
    expect(m.subtitle).toContain('stopped after turn 10 of');
    for (const a of m.actors) {
      expect(a.band).toBeNull();
      expect(a.score).toBe(last.victory.scores[a.id] ?? 0);
      for (const o of a.objectives) {
        const objective = last.victory.objectives.find((x) => x.id === o.id)!;
        if (last.victory.achieved[o.id] !== undefined) expect(o.status).toBe('met');
        else {
          expect(o.status).toBe('open');
          expect(o.holdsNow).toBe(o.when === 'end' ? evalCondition(last, objective.condition) : null);
        }
      }
    }
    const open = m.actors.flatMap((a) => a.objectives).filter((o) => o.status === 'open' && o.when === 'end');
    expect(open.some((o) => o.holdsNow === true)).toBe(true);
    expect(open.some((o) => o.holdsNow === false)).toBe(true);
  });

  it('says when the ending, not the score, decided a band', () => {
    const ended: GameState = {
      ...final,
      outcome: {
        ...final.outcome!,
        reason: 'sudden-death',
        bands: Object.fromEntries(
          Object.entries(final.outcome!.bands).map(([a, b]) => [
            a,
            { band: 'defeat' as const, score: b.score },
          ]),
        ),
      },
    };
    const m = reviewModel(scenario, [...states.slice(0, -1), ended]);
    const turkey = m.actors.find((a) => a.id === 'turkey')!;
    expect(final.outcome!.bands.turkey!.band).not.toBe('defeat');
    expect(turkey.band).toBe('defeat');
    expect(turkey.why).toContain('every side lose');
    expect(m.outcome.reasonText).toContain('Sudden death');
  });
});

describe('charts', () => {
  it('has one point per state in every series', () => {
    expect(model.charts.map((c) => c.id)).toEqual([
      'escalation',
      'displaced',
      'civilian-dead',
      'domestic-pressure',
      'market',
      'tension',
      'losses',
      'posts',
      'scores',
    ]);
    for (const c of model.charts) {
      expect(c.spec.series.length).toBeGreaterThan(0);
      expect(c.spec.xTicks?.length).toBe(states.length);
      expect(c.spec.rowLabels?.length).toBe(states.length);
      for (const s of c.spec.series) {
        expect(s.values.length).toBe(final.calendar.turns + 1);
        for (const v of s.values) expect(Number.isInteger(v)).toBe(true);
      }
    }
  });

  it('reads the meters of each state', () => {
    const chart = (id: string) => model.charts.find((c) => c.id === id)!.spec;
    expect(chart('escalation').series[0]!.values).toEqual(states.map((s) => s.meters.escalation));
    expect(chart('displaced').series[0]!.values).toEqual(states.map((s) => s.meters.displaced));
    expect(chart('civilian-dead').series[0]!.values).toEqual(states.map((s) => s.meters.civilianDead));
    expect(chart('market').series[0]!.values).toEqual(states.map((s) => s.meters.marketIndex));
    expect(chart('domestic-pressure').series[0]!.values).toEqual(
      states.map((s) => s.meters.turkishDomesticPressure),
    );
    // The meters moved in this game: the lines are not flat.
    expect(new Set(chart('escalation').series[0]!.values).size).toBeGreaterThan(1);

    const tension = chart('tension');
    expect(tension.series.length).toBe(final.relations.length);
    final.relations.forEach((r, i) => {
      expect(tension.series[i]!.values[states.length - 1]).toBe(r.tension);
      expect(tension.series[i]!.values[0]).toBe(states[0]!.relations[i]!.tension);
    });

    const losses = chart('losses');
    expect(losses.series.length).toBe(scenario.data.actors.length);
    scenario.data.actors.forEach((a, i) =>
      expect(losses.series[i]!.values[states.length - 1]).toBe(final.meters.losses[a.id] ?? 0),
    );

    const posts = chart('posts');
    expect(posts.series.map((s) => s.name)).toEqual([
      'Supplied',
      'Cut off',
      'Encircled',
      'Evacuated',
      'Overrun',
    ]);
    states.forEach((s, i) => {
      const total = posts.series.reduce((n, line) => n + line.values[i]!, 0);
      expect(total).toBe(Object.keys(s.posts).length);
    });
    const encircled = Object.values(final.posts).filter((p) => p.status === 'encircled').length;
    expect(posts.series[2]!.values[states.length - 1]).toBe(encircled);
  });

  it('labels the x axis with the start and the dates of the turns', () => {
    const spec = model.charts[0]!.spec;
    expect(spec.xTicks![0]).toBe('Start');
    expect(spec.xTicks![4]).toBe('7 Dec');
    expect(spec.rowLabels![4]).toBe('Turn 4 · 7 Dec 2019');
  });
});

describe('timeline', () => {
  it('holds every notable event of the log, once, in turn order', () => {
    const notable = final.log.flatMap((entry) =>
      entry.events.filter((e) => TIMELINE_KINDS[e.kind] !== undefined).map((e) => ({ turn: entry.turn, e })),
    );
    const items = model.timeline.flatMap((r) => r.game.map((g) => ({ turn: r.turn, g })));
    expect(items.length).toBe(notable.length);
    items.forEach(({ turn, g }, i) => {
      expect(turn).toBe(notable[i]!.turn);
      expect(g.kind).toBe(notable[i]!.e.kind);
    });
    const turns = model.timeline.map((r) => r.turn);
    expect(turns).toEqual([...turns].sort((a, b) => a - b));
    expect(new Set(turns).size).toBe(turns.length);
    const controls = allEvents(final).filter((e) => e.kind === 'control.changed').length;
    expect(controls).toBeGreaterThan(0);
    expect(items.filter(({ g }) => g.kind === 'control.changed').length).toBe(controls);
    // The default scenario's own history stands beside the game.
    expect(model.hasHistory).toBe(scenario.data.history.length > 0);
    expect(model.timeline.flatMap((r) => r.history).length).toBe(scenario.data.history.length);
  });

  it('dates each row by its turn', () => {
    for (const r of model.timeline) expect(r.label).toBe(turnLabel(final.calendar, r.turn));
  });

  it('sets historical events beside the turn whose days hold their date', () => {
    const m = reviewModel(scenario, states, {
      history: [
        { date: '2019-12-08', what: 'Second day of turn 4', source: 'A book' },
        { date: '2019-12-07', what: 'First day of turn 4' },
        { date: '2019-11-01', what: 'Before the scenario' },
        { date: '2021-01-01', what: 'After the scenario' },
        { date: '2020-02-30', what: 'No such day' },
      ],
    });
    expect(m.hasHistory).toBe(true);
    const row4 = m.timeline.find((r) => r.turn === 4)!;
    expect(row4.history.map((h) => h.what)).toEqual(['First day of turn 4', 'Second day of turn 4']);
    expect(row4.history[1]!.source).toBe('A book');
    expect(row4.history[0]!.dateText).toBe('7 Dec 2019');
    expect(m.timeline[0]!.turn).toBe(0);
    expect(m.timeline[0]!.label).toBe('Before the game');
    expect(m.timeline[0]!.history.map((h) => h.what)).toEqual(['Before the scenario']);
    const last = m.timeline[m.timeline.length - 1]!;
    expect(last.turn).toBe(final.calendar.turns + 1);
    expect(last.history.map((h) => h.what)).toEqual(['After the scenario']);
    expect(m.undatedHistory.map((h) => h.what)).toEqual(['No such day']);
    // The game's own events are unchanged by history.
    expect(m.timeline.flatMap((r) => r.game)).toEqual(model.timeline.flatMap((r) => r.game));
  });
});

describe('claims beside facts', () => {
  it('has one row per report.published event, per source, with its numbers', () => {
    const reports = allEvents(final).filter((e) => e.kind === 'report.published');
    expect(reports.length).toBeGreaterThan(0);
    const rows = model.sources.flatMap((s) => s.rows);
    expect(rows.length).toBe(reports.length);
    expect(model.sources.map((s) => s.id)).toEqual(Object.keys(final.reporting).sort());
    for (const source of model.sources) {
      const own = reports.filter((e) => e.data.source === source.id);
      expect(source.name).toBe(final.reporting[source.id]!.name);
      expect(source.rows.length).toBe(own.length);
      expect(source.summary.reports).toBe(own.length);
      source.rows.forEach((row, i) => {
        const e = own[i]!;
        expect(row.turn).toBe(e.turn);
        expect(row.aboutTurn).toBe(e.data.aboutTurn);
        expect(row.delay).toBe(e.data.delay);
        expect(row.text).toBe(e.explain);
        for (const a of row.actors) {
          expect(a.claimed).toBe(e.data[`claimed:${a.id}`]);
          expect(a.truth).toBe(e.data[`true:${a.id}`] ?? 0);
        }
      });
    }
  });

  it('sums up how each source bent the facts', () => {
    const clashes = allEvents(final).filter((e) => CLASH_KINDS.includes(e.kind)).length;
    for (const source of model.sources) {
      const s = source.summary;
      expect(s.clashes).toBe(clashes);
      expect(s.reports + s.denied + s.pending).toBe(clashes);
      expect(s.claimedTotal).toBe(source.rows.flatMap((r) => r.actors).reduce((n, a) => n + a.claimed, 0));
      expect(s.trueTotal).toBe(source.rows.flatMap((r) => r.actors).reduce((n, a) => n + a.truth, 0));
    }
    const byId = (id: string) => model.sources.find((s) => s.id === id)!.summary;
    // SOHR reports straight, a turn late, and leaves nothing out.
    expect(byId('sohr').inflationPct).toBe(0);
    expect(byId('sohr').averageDelay).toBe(1);
    expect(byId('sohr').denied).toBe(0);
    // SANA triples the losses of everyone but the government; the Russian ministry hides its own clashes.
    expect(byId('sana').inflationPct!).toBeGreaterThan(0);
    expect(byId('sana').text).toContain('%');
    expect(byId('ru_mod').denied).toBeGreaterThan(0);
    expect(byId('ru_mod').reports).toBeLessThan(byId('sohr').reports);
  });
});

describe('the model as data', () => {
  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('words the replay controls', () => {
    expect(replayTurnText(4, 56, '7 Dec 2019')).toBe('Turn 4 of 56 · 7 Dec 2019');
    expect(replayTurnText(0, 56, '1 Dec 2019')).toBe('Start · 1 Dec 2019');
    expect(replayTurnText(3, 10, '')).toBe('Turn 3 of 10');
    expect(replayDate(final.calendar, 0)).toBe('1 Dec 2019');
    expect(replayDate(final.calendar, 4)).toBe('7 Dec 2019');
  });
});
