// The scenario library (issue 7): five shipped scenarios, each a lesson. Each has a balanced
// briefing with every actor's view, at least three full sources, objectives for every actor that
// plays, a doctrine for every actor, a dated and sourced history; plays to its end for 20 seeds
// with every actor by the computer without an error; and its historical course (every actor by
// the script) reproduces at least 80% of its history within one turn of each date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIsoDate, setStateFreezing, type GameEvent } from '../../src/engine/index.ts';
import { loadScenario, type Scenario } from '../../src/scenario/index.ts';
import { readText } from '../../src/cli/files.ts';
import { playHistorical, playScenario, type Player } from '../../src/cli/play.ts';
import { ROOT } from './cli-helpers.ts';

const LIBRARY = [
  'tutorial-convoy',
  'sochi-2018',
  'idlib-2019',
  'winter-2019-2020',
  'm4-corridor-2020',
] as const;

const SEEDS = 20;
const HISTORY_THRESHOLD = 0.8;
/** Events that mean the scenario's own rules failed to run: never in a shipped scenario. */
const FAULTS = new Set(['trigger.action_failed', 'trigger.halted']);

const load = (id: string): Scenario => loadScenario(`${ROOT}scenarios/${id}.scenario.yaml`, readText);

describe.each(LIBRARY)('%s', (id) => {
  let scenario: Scenario;
  let data: Scenario['data'];
  beforeAll(() => {
    setStateFreezing(false);
    scenario = load(id);
    data = scenario.data;
  });
  afterAll(() => setStateFreezing(true));

  it('has a briefing, every actor’s view, three full sources, objectives and doctrines', () => {
    expect(String(data.briefing).length).toBeGreaterThan(200);
    const sources = data.meta.sources;
    // Every source has a title and an address; at least three also their publisher and date (an
    // encyclopaedia article may have no date).
    for (const s of sources) {
      expect(s.title, JSON.stringify(s)).not.toBe('');
      expect(s.url ?? '', `url of "${s.title}"`).toMatch(/^https:\/\//);
    }
    const complete = sources.filter((s) => s.publisher && /^\d{4}-\d{2}-\d{2}$/.test(s.date ?? ''));
    expect(complete.length, 'sources with title, publisher, date and url').toBeGreaterThanOrEqual(3);
    for (const actor of data.actors) {
      expect(actor.view, `${actor.id}'s view`).toBeTruthy();
      expect(scenario.doctrines[actor.id], `${actor.id}'s doctrine`).toBeDefined();
    }
    // Every actor that takes part in the fighting or the talks has something to play for.
    const withObjectives = new Set(data.objectives.map((o) => o.actor));
    const scripted = new Set(data.script.map((s) => s.actor));
    for (const actor of scripted) expect(withObjectives.has(actor), `${actor} has objectives`).toBe(true);
  });

  it('lists the dated events of its period, each with its source', () => {
    expect(data.history.length).toBeGreaterThanOrEqual(id === 'tutorial-convoy' ? 4 : 8);
    for (const h of data.history) {
      expect(parseIsoDate(h.date), h.what).not.toBeNull();
      expect(h.source.title, h.what).not.toBe('');
      expect(h.seen !== undefined || h.holds !== undefined, h.what).toBe(true);
    }
  });

  it(`its historical course reproduces at least ${HISTORY_THRESHOLD * 100}% of that history within a turn`, () => {
    const { history, state } = playHistorical(scenario, '1');
    const missed = history.events
      .filter((e) => !e.matched)
      .map(
        (e) =>
          `${e.date} ${e.what}: ${e.turn === null ? 'not produced' : `turn ${e.turn}, date on turn ${e.dateTurn}`}`,
      );
    expect(state.over).toBe(true);
    expect(history.matched / history.total, `missed:\n${missed.join('\n')}`).toBeGreaterThanOrEqual(
      HISTORY_THRESHOLD,
    );
  });

  it(`plays to its end for ${SEEDS} seeds with every actor by the computer, without an error`, () => {
    const computer: Record<string, Player> = Object.fromEntries(data.actors.map((a) => [a.id, 'computer']));
    for (let seed = 1; seed <= SEEDS; seed++) {
      const faults: GameEvent[] = [];
      const { state } = playScenario(scenario, `library-${seed}`, data.calendar.turns, {
        players: computer,
        record: false,
        onTurn: (_turn, events) => faults.push(...events.filter((e) => FAULTS.has(e.kind))),
      });
      expect(state.over, `seed ${seed} ended`).toBe(true);
      expect(state.outcome, `seed ${seed} has an outcome`).not.toBeNull();
      expect(
        faults.map((e) => e.explain),
        `seed ${seed}`,
      ).toEqual([]);
    }
  });
});
