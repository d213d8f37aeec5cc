// Scenario authoring through the loader: `extends` (merge by id, `remove`, positions in the parent
// file), files of schemaVersion 1, texts in several languages, and variables and triggers written
// in YAML reaching the engine (dates become turns, conditions on dates work).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkFiles,
  loadScenarioText,
  newGame,
  ScenarioError,
  scriptedOrders,
  type ReadContent,
} from '../../src/scenario/index.ts';
import { hashState, resolveTurn, textIn, type GameState } from '../../src/engine/index.ts';
import { ROOT } from './cli-helpers.ts';

/** Files in memory, with the shipped map and scenario readable under their project paths. */
function reader(files: Record<string, string>): ReadContent {
  return (path: string) => {
    if (path in files) return files[path]!;
    if (path.startsWith('scenarios/')) return readFileSync(join(ROOT, path), 'utf8');
    throw new Error(`no file ${path}`);
  };
}

const BASE = `schemaVersion: 2
id: base
title: Base
briefing: The parent.
map: ../scenarios/maps/idlib.map.yaml
calendar: { start: '2020-01-01', daysPerTurn: 2, turns: 6 }
actors:
  - { id: turkey, name: Turkey, controller: passive }
  - { id: syria, name: Syria, controller: passive }
  - { id: russia, name: Russia, controller: passive }
relations:
  - { a: turkey, b: syria, stance: hostile, tension: 40 }
control: { default: syria, holds: { turkey: [kafr_lusin] } }
forces:
  - { id: tr_1, actor: turkey, name: Task force, type: mechanised, strength: 10, location: kafr_lusin }
  - { id: sy_1, actor: syria, name: Division, type: armour, strength: 20, location: saraqib }
  - { id: ru_1, actor: russia, name: Police, type: military_police, strength: 2, location: saraqib }
objectives:
  - { id: hold_kl, actor: turkey, text: Hold Kafr Lusin, points: 10, condition: { controls: { actor: turkey, location: kafr_lusin } } }
`;

const load = (file: string, files: Record<string, string>) =>
  loadScenarioText(file, files[file]!, reader(files));

describe('extends', () => {
  it('merges lists by id, keeps the parent order, adds new ids, and removes what `remove` names', () => {
    const files = {
      'lib/base.scenario.yaml': BASE,
      'lib/child.scenario.yaml': `schemaVersion: 2
id: child
extends: base.scenario.yaml
remove: [ru_1, russia]
title: Child
calendar: { turns: 4 }
forces:
  - { id: sy_1, actor: syria, name: Stronger division, type: armour, strength: 35, location: saraqib }
  - { id: tr_2, actor: turkey, name: Commandos, type: special_forces, strength: 4, location: kafr_lusin }
`,
    };
    const s = load('lib/child.scenario.yaml', files);
    expect(s.data.id).toBe('child');
    expect(s.data.title).toBe('Child');
    expect(s.data.briefing).toBe('The parent.');
    // Mappings merge key by key: the child changes the number of turns only.
    expect(s.data.calendar).toEqual({ start: '2020-01-01', daysPerTurn: 2, turns: 4 });
    expect(s.data.forces.map((u) => [u.id, u.strength])).toEqual([
      ['tr_1', 10],
      ['sy_1', 35],
      ['tr_2', 4],
    ]);
    expect(s.data.actors.map((a) => a.id)).toEqual(['turkey', 'syria']);
    expect(s.data.objectives.map((o) => o.id)).toEqual(['hold_kl']);
    // The inherited map path is still found from the child's folder.
    expect(s.map.id).toBe('idlib');
    const state = newGame(s, 1);
    expect(state.units.sy_1!.strength).toBe(35);
    expect(state.units.ru_1).toBeUndefined();
  });

  it('places a problem in an inherited node in the parent file, naming the child', () => {
    const files = {
      'lib/base.scenario.yaml': BASE.replace(
        'location: saraqib }\n  - { id: ru_1',
        'location: saraqeb }\n  - { id: ru_1',
      ),
      'lib/child.scenario.yaml': `schemaVersion: 2\nid: child\nextends: base.scenario.yaml\ntitle: Child\n`,
    };
    const result = checkFiles(['lib/child.scenario.yaml'], reader(files), { smoke: false });
    expect(result.problems.map((p) => [p.file, p.line, p.col, p.code, p.path])).toEqual([
      ['lib/base.scenario.yaml', 16, 85, 'UNKNOWN_REF', 'forces[1].location'],
    ]);
    expect(result.problems[0]!.message).toBe(
      'Unknown location "saraqeb". Did you mean "saraqib"? (written in lib/base.scenario.yaml, inherited by lib/child.scenario.yaml)',
    );
    expect(() => load('lib/child.scenario.yaml', files)).toThrow(ScenarioError);
  });

  it('refuses a loop of files, a chain too long, and a map in place of a scenario', () => {
    const loop = {
      'a.scenario.yaml': 'schemaVersion: 2\nid: a\nextends: b.scenario.yaml\n',
      'b.scenario.yaml': 'schemaVersion: 2\nid: b\nextends: a.scenario.yaml\n',
    };
    const codes = (files: Record<string, string>, file: string) =>
      checkFiles([file], reader(files), { smoke: false }).problems.map((p) => `${p.file} ${p.code}`);
    expect(codes(loop, 'a.scenario.yaml')).toEqual([
      'a.scenario.yaml PARENT_INVALID',
      'b.scenario.yaml EXTENDS_CYCLE',
    ]);
    const chain: Record<string, string> = { 'f0.scenario.yaml': BASE.replace('../scenarios', 'scenarios') };
    for (let i = 1; i <= 6; i++)
      chain[`f${i}.scenario.yaml`] = `schemaVersion: 2\nid: f${i}\nextends: f${i - 1}.scenario.yaml\n`;
    expect(codes(chain, 'f4.scenario.yaml')).toEqual([]);
    expect(codes(chain, 'f5.scenario.yaml')).toContain('f1.scenario.yaml EXTENDS_TOO_DEEP');
    expect(
      codes(
        { 'c.scenario.yaml': 'schemaVersion: 2\nid: c\nextends: scenarios/maps/idlib.map.yaml\n' },
        'c.scenario.yaml',
      ),
    ).toEqual(['c.scenario.yaml NOT_A_SCENARIO']);
  });

  it('builds on the shipped default scenario, as the authoring guide shows', () => {
    const files = {
      'scenarios/mine.scenario.yaml': `schemaVersion: 2
id: mine
extends: winter-2019-2020.scenario.yaml
remove: [russia_tension]
title: Mine
forces:
  - { id: hts_saraqib, actor: hts, name: HTS Saraqib sector (reinforced), type: infantry, strength: 45, location: saraqib }
`,
    };
    const result = checkFiles(['scenarios/mine.scenario.yaml'], reader(files));
    expect(result.problems).toEqual([]);
    const s = load('scenarios/mine.scenario.yaml', files);
    expect(s.data.forces.find((u) => u.id === 'hts_saraqib')!.strength).toBe(45);
    expect(s.data.objectives.some((o) => o.id === 'russia_tension')).toBe(false);
    expect(s.data.script.length).toBeGreaterThan(20);
  });
});

describe('schemaVersion 1 files', () => {
  it('load as version 2 with a warning, to the same game as the migrated file', () => {
    const v1 = readFileSync(join(ROOT, 'tests/corpus/old-version.scenario.yaml'), 'utf8');
    const result = checkFiles(['tests/corpus/old-version.scenario.yaml'], (p) => readFileSync(join(ROOT, p)));
    expect(result.problems.map((p) => p.code)).toEqual(['OLD_VERSION']);
    const files = { 'tests/corpus/old-version.scenario.yaml': v1 };
    const s = loadScenarioText('tests/corpus/old-version.scenario.yaml', v1, (p) =>
      p in files ? files[p as keyof typeof files] : readFileSync(join(ROOT, p), 'utf8'),
    );
    expect(s.data.schemaVersion).toBe(2);
    expect(s.data.meta.sources[0]!.title).toBe('A source');
    expect(s.data.forces.map((u) => u.id)).toEqual(['tr_1']);
    expect(s.data.objectives.map((o) => o.id)).toEqual(['o1']);
  });
});

const PLAY = `schemaVersion: 2
id: play
title: { en: Triggers, tr: Tetikleyiciler }
briefing: { en: Triggers from YAML., tr: YAML tetikleyicileri. }
meta: { locales: [en, tr] }
map: ../scenarios/maps/idlib.map.yaml
calendar: { start: '2020-01-01', daysPerTurn: 2, turns: 6 }
actors:
  - { id: turkey, name: Turkey, controller: passive }
  - { id: syria, name: Syria, controller: passive }
control: { default: syria, holds: { turkey: [kafr_lusin] } }
variables:
  - { id: beats, type: number }
  - { id: late, type: flag }
objectives:
  - { id: late_win, actor: turkey, text: { en: Be late, tr: Geç kal }, points: 10, condition: { flag: late } }
triggers:
  - id: drum
    once: false
    when: { every_turn: true }
    if: { date_range: { from: '2020-01-03', to: '2020-01-06' } }
    then:
      - add: { variable: beats, value: 1 }
      - message: { text: { en: 'Beat {beats} on {date}', tr: 'Vuruş {beats}, {date}' } }
  - id: on_the_date
    when: { date: '2020-01-09' }
    then:
      - set: { variable: late, value: true }
      - set_control: { location: saraqib, actor: turkey }
  - id: taken
    when: { control_changed: { location: saraqib, to: turkey } }
    if: { all: [{ flag: late }, { compare: { left: { variable: beats }, op: '==', right: 2 } }] }
    then:
      - points: { actor: turkey, points: 5, reason: { en: 'Took it on turn {turn}', tr: '{turn}. turda aldı' } }
      - end_scenario: { text: { en: Over early, tr: Erken bitti }, result: score }
`;

describe('variables and triggers written in YAML', () => {
  const files = { 'lib/play.scenario.yaml': PLAY };

  it('check clean, and play: dates to turns, date ranges, cascades, texts in both languages', () => {
    expect(checkFiles(['lib/play.scenario.yaml'], reader(files)).problems).toEqual([]);
    const s = load('lib/play.scenario.yaml', files);
    expect(textIn(s.data.title, 'tr')).toBe('Tetikleyiciler');
    let state: GameState = newGame(s, 7);
    const seen: string[] = [];
    while (!state.over) {
      const r = resolveTurn(state, scriptedOrders(s, state));
      for (const e of r.events)
        if (e.kind === 'trigger.message' || e.kind === 'points.awarded' || e.kind === 'control.changed')
          seen.push(
            `${e.turn} ${e.kind} ${e.explain}${e.kind === 'trigger.message' ? ` | ${String(e.data['text:tr'])}` : ''}`,
          );
      state = r.state;
    }
    // Turn 2 (3-4 Jan) and turn 3 (5-6 Jan) overlap the date range; 9 Jan is in turn 5.
    expect(seen.filter((l) => l.includes('trigger.message'))).toEqual([
      '2 trigger.message Beat 1 on 2020-01-03 | Vuruş 1, 2020-01-03',
      '3 trigger.message Beat 2 on 2020-01-05 | Vuruş 2, 2020-01-05',
    ]);
    expect(seen.some((l) => l.startsWith('5 control.changed'))).toBe(true);
    expect(seen.some((l) => l.startsWith('5 points.awarded'))).toBe(true);
    expect(state.outcome!.reason).toBe('trigger');
    expect(state.outcome!.turn).toBe(5);
    // 5 points from the trigger, 10 from the objective that now holds at the end.
    expect(state.victory.scores.turkey).toBe(15);
    expect(state.variables.beats!.value).toBe(2);
  });

  it('the same seed gives the same game', () => {
    const s = load('lib/play.scenario.yaml', files);
    const play = () => {
      let state = newGame(s, 3);
      while (!state.over) state = resolveTurn(state, {}).state;
      return hashState(state);
    };
    expect(play()).toBe(play());
  });
});
