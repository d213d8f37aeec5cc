// The scenario's history against a game (src/scenario/history.ts): an event counts as produced on
// the first turn with its `seen` event (and its `holds` condition true after that turn), and as
// reproduced within one turn of its date; `idlib-sim run --historical` plays every actor by the
// script and prints the report, in JSON with --json.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveTurn, type GameState } from '../../src/engine/index.ts';
import { HistoryTracker, matchHistory, newGame, type Scenario } from '../../src/scenario/index.ts';
import { reviewModel } from '../../src/ui/review-model.ts';
import { cli } from './cli-helpers.ts';
import { tinyMapYaml, tinyScenario, type TinyWorld } from './helpers.ts';
import { tempDir } from '../temp-dir.ts';

// base —5— a —5— c. Blue holds base and a, Red holds c. A trigger hands c to Blue on turn 3
// (daysPerTurn 1 from 2020-01-01: turn 3 is 3 January).
const world: Omit<TinyWorld, 'scenario'> = {
  places: [
    { id: 'base', kind: 'crossing', at: [0, 0] },
    { id: 'a', at: [5, 0] },
    { id: 'c', at: [10, 0] },
  ],
  roads: [
    ['base', 'a', 5],
    ['a', 'c', 5],
  ],
};

const source = "{ title: 'A report', publisher: 'A wire', url: 'https://example.org/r' }";
const scenarioText = `schemaVersion: 2
id: tiny-history
title: Tiny history
briefing: A test.
map: tiny.map.yaml
calendar: { start: '2020-01-01', daysPerTurn: 1, turns: 8 }
actors:
  - { id: blue, name: Blue, controller: passive }
  - { id: red, name: Red, controller: passive }
relations:
  - { a: blue, b: red, stance: hostile }
control: { default: blue, holds: { red: [c] } }
triggers:
  - { id: hand_over, when: { turn: 3 }, then: [{ set_control: { location: c, actor: blue } }] }
history:
  - { date: '2020-01-03', what: Blue takes C on its day., source: ${source}, seen: { control_changed: { location: c, to: blue } } }
  - { date: '2020-01-08', what: Blue takes C five days late in history., source: ${source}, seen: { control_changed: { location: c, to: blue } } }
  - { date: '2020-01-04', what: Blue holds C (a day after the game has it)., source: ${source}, holds: { controls: { actor: blue, location: c } } }
  - { date: '2020-01-05', what: Red takes C., source: ${source}, seen: { control_changed: { location: c, to: red } } }
  - { date: '2020-01-03', what: C changes hands and Red holds it after., source: ${source}, seen: { control_changed: { location: c } }, holds: { controls: { actor: red, location: c } } }
`;

function scenario(): Scenario {
  return tinyScenario({ ...world, scenario: scenarioText });
}

function play(s: Scenario, turns: number): GameState[] {
  const states = [newGame(s, 1)];
  for (let i = 0; i < turns; i++) states.push(resolveTurn(states[i]!, {}).state);
  return states;
}

describe('history against a game', () => {
  it('finds the first turn each event happened and whether it is within one turn of its date', () => {
    const s = scenario();
    const report = matchHistory(s.data.history, play(s, 8));
    expect(report.events.map((e) => [e.turn, e.dateTurn, e.matched])).toEqual([
      [3, 3, true],
      [3, 8, false],
      [3, 4, true],
      [null, 5, false],
      [null, 3, false],
    ]);
    expect(report.matched).toBe(2);
    expect(report.total).toBe(5);
    expect(report.events[0]).toMatchObject({
      date: '2020-01-03',
      what: 'Blue takes C on its day.',
      source: 'A wire: A report',
      url: 'https://example.org/r',
      turnDate: '2020-01-03',
    });
  });

  it('the tracker fed turn by turn gives the same report as the states afterwards', () => {
    const s = scenario();
    const states = play(s, 8);
    const tracker = new HistoryTracker(s.data.history, states[0]!);
    let state = states[0]!;
    for (let turn = 1; turn <= 8; turn++) {
      const result = resolveTurn(state, {});
      tracker.observe(turn, result.events, result.state);
      state = result.state;
    }
    expect(tracker.report()).toEqual(matchHistory(s.data.history, states));
  });

  it('a game stopped before an event’s turn has not produced it', () => {
    const s = scenario();
    const report = matchHistory(s.data.history, play(s, 2));
    expect(report.events.map((e) => e.turn)).toEqual([null, null, null, null, null]);
    expect(report.matched).toBe(0);
  });
});

describe('the review beside history', () => {
  it('shows each event with whether and when this game produced it, and the count', () => {
    const s = scenario();
    const model = reviewModel(s, play(s, 8));
    expect(model.hasHistory).toBe(true);
    expect(model.historySummary).toBe(
      'This game produced 2 of the 5 historical events within a turn of their date.',
    );
    const items = model.timeline.flatMap((r) => r.history);
    const item = (what: string) => items.find((h) => h.what === what)!;
    expect(item('Blue takes C on its day.')).toMatchObject({
      source: 'A wire: A report',
      url: 'https://example.org/r',
      inGame: 'In this game: Turn 3 · 3 Jan 2020.',
    });
    expect(item('Blue takes C five days late in history.').inGame).toBe(
      'In this game: Turn 3 · 3 Jan 2020, more than a turn from its date.',
    );
    expect(item('Red takes C.').inGame).toBe('Not in this game.');
  });

  it('says "so far" while the game goes on', () => {
    const s = scenario();
    const model = reviewModel(s, play(s, 4));
    expect(model.historySummary).toContain('so far');
    expect(model.timeline.flatMap((r) => r.history).find((h) => h.what === 'Red takes C.')!.inGame).toBe(
      'Not in this game so far.',
    );
  });
});

describe('idlib-sim run --historical', () => {
  const dir = tempDir('idlib-history-');
  writeFileSync(join(dir, 'tiny.map.yaml'), tinyMapYaml(world));
  const file = join(dir, 'tiny-history.scenario.yaml');
  writeFileSync(file, scenarioText);

  it('prints each event with yes or no and its turn, and the count; --json gives the report', () => {
    const { code, out } = cli('run', file, '--historical', '--json');
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toContain(
      'yes  2020-01-03  Blue takes C on its day.  — turn 3 (2020-01-03; its date is on turn 3)',
    );
    expect(text).toContain('no   2020-01-05  Red takes C.  — not produced');
    expect(text).toContain('History: 2 of 5 events reproduced within one turn (40%).');
    const json = JSON.parse(out.at(-1)!) as {
      history: { matched: number; total: number; events: unknown[] };
    };
    expect(json.history.matched).toBe(2);
    expect(json.history.total).toBe(5);
    expect(json.history.events).toHaveLength(5);
  });

  it('a plain run has no history report, and --historical refuses --play', () => {
    const plain = cli('run', file, '--json');
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.out.at(-1)!)).not.toHaveProperty('history');
    const both = cli('run', file, '--historical', '--play', 'computer');
    expect(both.code).toBe(2);
    expect(both.err.join('\n')).toContain('--historical');
  });

  it('a variable read only by a history entry counts as read by the check', () => {
    const withVariable = scenarioText
      .replace(
        'triggers:\n',
        'variables:\n  - { id: taken, type: flag }\ntriggers:\n  - { id: mark, when: { control_changed: { location: c } }, then: [{ set: { variable: taken, value: true } }] }\n',
      )
      .replace(
        'history:\n',
        `history:\n  - { date: '2020-01-03', what: Marked., source: ${source}, holds: { flag: taken } }\n`,
      );
    const read = join(dir, 'read.scenario.yaml');
    writeFileSync(read, withVariable);
    expect(cli('check', read).out.at(-1)).toBe('0 errors, 0 warnings');
    const unread = join(dir, 'unread.scenario.yaml');
    writeFileSync(unread, withVariable.replace(/^ {2}- \{ date: '2020-01-03', what: Marked\..*\n/m, ''));
    const result = cli('check', unread);
    expect(result.out.join('\n')).toContain('VARIABLE_UNUSED');
  });
});
