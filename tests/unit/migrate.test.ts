// Scenario format migrations (src/scenario/migrate.ts), `idlib-sim migrate` (src/cli/migrate.ts)
// and the line diff it prints (src/cli/diff.ts).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, LineCounter, parseDocument, parse as parseYaml } from 'yaml';
import { diffLines, splitLines, unifiedDiff } from '../../src/cli/diff.ts';
import { playScenario } from '../../src/cli/play.ts';
import { hashState, setStateFreezing } from '../../src/engine/index.ts';
import { loadScenarioText, newGame } from '../../src/scenario/index.ts';
import {
  MIGRATIONS,
  migrateDocument,
  migrateText,
  migrateValue,
  SCENARIO_VERSION,
} from '../../src/scenario/migrate.ts';
import { cli, ROOT } from './cli-helpers.ts';
import { testTempDir } from '../temp-dir.ts';

// A scenario written for schemaVersion 1 on the shipped map, with comments everywhere the
// migration touches, flow and block styles, aligned columns and a block scalar.
const V1 = `# yaml-language-server: $schema=./scenario.schema.json
# A small scenario written for schemaVersion 1.
schemaVersion: 1   # the format this file is written in
id: migrate-fixture
title: 'Migration fixture: two actors on the M5'
period: December 2019
briefing: |
  Two actors on the M5.

  Nothing else happens.
# Where the facts come from.
sources:   # title, and publisher / date / url when known
  - { title: 'Syrian army takes Saraqib', publisher: Reuters, date: '2020-02-06' }
  - title: Situation report
    publisher: UN OCHA
map: maps/idlib.map.yaml
calendar: { start: '2019-12-01', daysPerTurn: 2, turns: 6 }

actors:
  - { id: turkey, name: Turkey, controller: scripted, supplySources: [kafr_lusin], resources: 100, colour: '#0072B2' }
  - { id: syria, name: Syrian government, controller: scripted, supplySources: [hama], resources: 100, airSorties: 2, colour: '#D55E00' }
  - { id: hts, name: HTS, controller: passive, supplySources: [bab_al_hawa], colour: '#555555' }

relations:
  - { a: turkey, b: syria, stance: hostile, tension: 60 }
  - { a: syria, b: hts, stance: hostile, tension: 90 }

control:
  default: hts
  holds:
    syria: [hama, khan_shaykhun, morek, maar_hattat]
    turkey: [kafr_lusin]

units:
  # Syrian government
  - { id: saa_25th, actor: syria, name: 25th Division, type: mechanised,   strength: 40, location: maar_hattat }
  - { id: saa_art,  actor: syria, name: Artillery,     type: artillery,    strength: 10, location: maar_hattat }
  # Turkey and HTS
  - { id: tr_mech, actor: turkey, name: Mechanised task force, type: mechanised, strength: 30, location: kafr_lusin }
  - { id: hts_south, actor: hts, name: HTS southern sector, type: infantry, strength: 30, location: maarat_al_numan }

# How the game is won.
victory:
  bands: { decisive: 70, marginal: 40, draw: 20 }   # points for each band
  # Scored at the end unless \`when: once\`.
  objectives:
    - { id: syria_maarat, actor: syria, text: "Take Ma'arrat al-Nu'man", points: 50, when: once, condition: { controls: { actor: syria, location: maarat_al_numan } } }
    - id: hts_maarat
      actor: hts
      text: Hold Ma'arrat al-Nu'man
      points: 40
      condition: { controls: { actor: hts, location: maarat_al_numan } }
    - { id: turkey_losses, actor: turkey, text: 'Lose fewer than 100 soldiers', points: 30, condition: { compare: { left: { losses: turkey }, op: '<', right: 100 } } }
  suddenDeath:
    - { id: ladder_top, text: 'Crisis at the top of the ladder', condition: { compare: { left: { meter: escalation }, op: '>=', right: 5 } }, result: all_lose }

# The script of the scripted actors.
script:
  - date: '2019-12-01'
    actor: syria
    orders:
      - { kind: strike, means: artillery, unit: saa_art, target: maarat_al_numan }
      - { kind: assault, units: [saa_25th], target: maarat_al_numan }
`;

// The same file for schemaVersion 2, written out by hand: only the lines the migration must touch
// differ (the version, `sources` under `meta`, the `units` key, `objectives` out of `victory`).
const V2 = `# yaml-language-server: $schema=./scenario.schema.json
# A small scenario written for schemaVersion 1.
schemaVersion: 2   # the format this file is written in
id: migrate-fixture
title: 'Migration fixture: two actors on the M5'
period: December 2019
briefing: |
  Two actors on the M5.

  Nothing else happens.
# Where the facts come from.
meta:
  sources:   # title, and publisher / date / url when known
    - { title: 'Syrian army takes Saraqib', publisher: Reuters, date: '2020-02-06' }
    - title: Situation report
      publisher: UN OCHA
map: maps/idlib.map.yaml
calendar: { start: '2019-12-01', daysPerTurn: 2, turns: 6 }

actors:
  - { id: turkey, name: Turkey, controller: scripted, supplySources: [kafr_lusin], resources: 100, colour: '#0072B2' }
  - { id: syria, name: Syrian government, controller: scripted, supplySources: [hama], resources: 100, airSorties: 2, colour: '#D55E00' }
  - { id: hts, name: HTS, controller: passive, supplySources: [bab_al_hawa], colour: '#555555' }

relations:
  - { a: turkey, b: syria, stance: hostile, tension: 60 }
  - { a: syria, b: hts, stance: hostile, tension: 90 }

control:
  default: hts
  holds:
    syria: [hama, khan_shaykhun, morek, maar_hattat]
    turkey: [kafr_lusin]

forces:
  # Syrian government
  - { id: saa_25th, actor: syria, name: 25th Division, type: mechanised,   strength: 40, location: maar_hattat }
  - { id: saa_art,  actor: syria, name: Artillery,     type: artillery,    strength: 10, location: maar_hattat }
  # Turkey and HTS
  - { id: tr_mech, actor: turkey, name: Mechanised task force, type: mechanised, strength: 30, location: kafr_lusin }
  - { id: hts_south, actor: hts, name: HTS southern sector, type: infantry, strength: 30, location: maarat_al_numan }

# Scored at the end unless \`when: once\`.
objectives:
  - { id: syria_maarat, actor: syria, text: "Take Ma'arrat al-Nu'man", points: 50, when: once, condition: { controls: { actor: syria, location: maarat_al_numan } } }
  - id: hts_maarat
    actor: hts
    text: Hold Ma'arrat al-Nu'man
    points: 40
    condition: { controls: { actor: hts, location: maarat_al_numan } }
  - { id: turkey_losses, actor: turkey, text: 'Lose fewer than 100 soldiers', points: 30, condition: { compare: { left: { losses: turkey }, op: '<', right: 100 } } }

# How the game is won.
victory:
  bands: { decisive: 70, marginal: 40, draw: 20 }   # points for each band
  suddenDeath:
    - { id: ladder_top, text: 'Crisis at the top of the ladder', condition: { compare: { left: { meter: escalation }, op: '>=', right: 5 } }, result: all_lose }

# The script of the scripted actors.
script:
  - date: '2019-12-01'
    actor: syria
    orders:
      - { kind: strike, means: artillery, unit: saa_art, target: maarat_al_numan }
      - { kind: assault, units: [saa_25th], target: maarat_al_numan }
`;

const CHANGES = [
  'moved `sources` to `meta.sources`',
  'renamed `units` to `forces`',
  'moved `victory.objectives` to `objectives`',
  'set `schemaVersion` to 2',
];

/** The v2 data of V1, built from its v1 data by hand. */
function expectedV2(v1: Record<string, unknown>): unknown {
  const out: Record<string, unknown> = {};
  const victory = v1.victory as Record<string, unknown>;
  for (const [key, value] of Object.entries(v1)) {
    if (key === 'schemaVersion') out.schemaVersion = 2;
    else if (key === 'sources') out.meta = { sources: value };
    else if (key === 'units') out.forces = value;
    else if (key === 'victory') {
      out.objectives = victory.objectives;
      const rest = Object.fromEntries(Object.entries(victory).filter(([k]) => k !== 'objectives'));
      if (Object.keys(rest).length > 0) out.victory = rest;
    } else out[key] = value;
  }
  return out;
}

/** 1-based line and column of the first `needle` in `text`. */
function positionOf(text: string, needle: string, from = 0): { line: number; col: number } {
  const at = text.indexOf(needle, from);
  expect(at).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at);
  return { line: before.split('\n').length, col: at - before.lastIndexOf('\n') };
}

/** A folder with the shipped map and `files` (name → text), removed when the test ends. */
function fixtureDir(files: Record<string, string>): string {
  const dir = testTempDir('idlib-migrate-');
  mkdirSync(join(dir, 'maps'));
  copyFileSync(join(ROOT, 'scenarios/maps/idlib.map.yaml'), join(dir, 'maps/idlib.map.yaml'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const readText = (path: string) => readFileSync(path, 'utf8');

describe('migrateText: schemaVersion 1 → 2', () => {
  it('rewrites only what the migration touches: comments, styles and every other line stay byte for byte', () => {
    const r = migrateText(V1);
    expect(r).toMatchObject({ from: 1, to: 2, format: 'yaml', changes: CHANGES });
    expect(r.text).toBe(V2);
  });

  it('gives the v2 data: meta.sources, forces, a top-level objectives, and the rest of victory', () => {
    const v1 = parseYaml(V1) as Record<string, unknown>;
    const v2 = parseYaml(migrateText(V1).text) as Record<string, unknown>;
    expect(v2).toEqual(expectedV2(v1));
    // The order of the keys: meta where sources was, objectives just before victory.
    expect(Object.keys(v2)).toEqual([
      'schemaVersion',
      'id',
      'title',
      'period',
      'briefing',
      'meta',
      'map',
      'calendar',
      'actors',
      'relations',
      'control',
      'forces',
      'objectives',
      'victory',
      'script',
    ]);
  });

  it('changes nothing in a file that is already schemaVersion 2 (and migrating twice is migrating once)', () => {
    const r = migrateText(V2);
    expect(r).toMatchObject({ from: 2, to: 2, changes: [], text: V2 });
    expect(SCENARIO_VERSION).toBe(2);
  });

  it('leaves alone a file newer than this build, or with no whole-number schemaVersion', () => {
    for (const [text, version] of [
      [V1.replace('schemaVersion: 1 ', 'schemaVersion: 3 '), 3],
      [V1.replace('schemaVersion: 1 ', "schemaVersion: '1' "), 0],
      [V1.replace('schemaVersion: 1 ', 'schemaVersion: 1.5 '), 0],
      [V1.replace(/^schemaVersion.*\n/m, ''), 0],
    ] as const) {
      const r = migrateText(text);
      expect(r).toMatchObject({ from: version, to: version, changes: [] });
      expect(r.text).toBe(text);
    }
  });

  it('maps each line of the migrated text back to where it was written', () => {
    const r = migrateText(V1);
    // A line copied as it was, one moved out of victory (two columns less indented), one the migration wrote.
    const forces = positionOf(V2, 'location: maarat_al_numan }');
    expect(r.origin!(forces.line, forces.col)).toEqual(positionOf(V1, 'location: maarat_al_numan }'));
    const points = positionOf(V2, 'points: 40');
    expect(r.origin!(points.line, points.col)).toEqual(positionOf(V1, 'points: 40'));
    expect(r.origin!(positionOf(V2, 'meta:').line, 1)).toBeNull();
  });

  it('removes a victory left empty, keeping its comments', () => {
    const text = `schemaVersion: 1
id: x

# How the game is won.
victory:
  # Each objective scores its points.
  objectives:
    - { id: a, points: 1 }   # the only one
  # Nothing else.

# The end.
script: []
`;
    const r = migrateText(text);
    expect(r.changes).toEqual([
      'moved `victory.objectives` to `objectives`',
      'removed `victory`, empty without its objectives',
      'set `schemaVersion` to 2',
    ]);
    expect(r.text).toBe(`schemaVersion: 2
id: x

# How the game is won.
# Each objective scores its points.
objectives:
  - { id: a, points: 1 }   # the only one
# Nothing else.

# The end.
script: []
`);
  });

  it('keeps CRLF line endings and a last line with no line ending', () => {
    const text = 'schemaVersion: 1\r\nsources: [{ title: a }]\r\nunits: []';
    const r = migrateText(text);
    expect(r.text).toBe('schemaVersion: 2\r\nmeta:\r\n  sources: [{ title: a }]\r\nforces: []');
  });

  it('moves sources into a meta that is there already, and does not overwrite a key that exists', () => {
    const r = migrateText(
      'schemaVersion: 1\nmeta:\n  authors: [me]\n  locales: [en]\nsources: []\nforces: []\nunits: []\n',
    );
    expect(r.changes).toEqual([
      'moved `sources` into the existing `meta`',
      'left `units` as it was: the file already has `forces`',
      'set `schemaVersion` to 2',
    ]);
    expect(parseYaml(r.text)).toEqual({
      schemaVersion: 2,
      meta: { authors: ['me'], sources: [], locales: ['en'] },
      forces: [],
      units: [],
    });
  });

  it('lays the file out anew when its layout is beyond line-for-line copying (a flow-style victory), and says so', () => {
    const text = 'schemaVersion: 1 # v\nvictory: { bands: { decisive: 1 }, objectives: [{ id: o }] }\n';
    const r = migrateText(text);
    expect(r.changes).toContain('laid the whole file out anew: its layout could not be kept line for line');
    expect(r.origin).toBeUndefined();
    expect(parseYaml(r.text)).toEqual({
      schemaVersion: 2,
      objectives: [{ id: 'o' }],
      victory: { bands: { decisive: 1 } },
    });
    expect(r.text).toContain('# v');
  });

  it('turns JSON into JSON, in the indentation of the original', () => {
    const v1 = parseYaml(V1) as Record<string, unknown>;
    const r = migrateText(JSON.stringify(v1, null, 4) + '\n');
    expect(r.format).toBe('json');
    expect(r.changes).toEqual(CHANGES);
    expect(r.text).toBe(JSON.stringify(expectedV2(v1), null, 4) + '\n');
    expect(migrateText('{"schemaVersion":1,"units":[]}').text).toBe('{"schemaVersion":2,"forces":[]}');
  });

  it('refuses text that is not YAML', () => {
    expect(() => migrateText('schemaVersion: [1\n')).toThrow(/not valid YAML/);
  });
});

describe('migrateDocument and migrateValue', () => {
  it('moves the nodes themselves: each keeps its comment and its place in the original text', () => {
    const lines = new LineCounter();
    const doc = parseDocument(V1, { lineCounter: lines });
    const lineOf = (path: (string | number)[]) => {
      const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
      expect(node?.range).toBeTruthy();
      return lines.linePos(node!.range![0]).line;
    };
    const before = {
      unit: lineOf(['units', 3, 'location']),
      objective: lineOf(['victory', 'objectives', 1, 'points']),
      source: lineOf(['sources', 1, 'publisher']),
    };
    const r = migrateDocument(doc);
    expect(r).toEqual({ from: 1, to: 2, changes: CHANGES });
    expect(lineOf(['forces', 3, 'location'])).toBe(before.unit);
    expect(lineOf(['objectives', 1, 'points'])).toBe(before.objective);
    expect(lineOf(['meta', 'sources', 1, 'publisher'])).toBe(before.source);
    // `meta` is placed where `sources` was written.
    expect(lineOf(['meta'])).toBe(positionOf(V1, 'sources:').line);
    expect(doc.getIn(['victory', 'objectives'])).toBeUndefined();
    const top = doc.contents;
    expect(isMap(top)).toBe(true);
    const objectivesKey = isMap(top) ? top.items.find((p) => String(p.key) === 'objectives')?.key : null;
    expect((objectivesKey as { commentBefore?: string }).commentBefore).toBe(
      ' Scored at the end unless `when: once`.',
    );
    expect(doc.toJS()).toEqual(parseYaml(V2));
  });

  it('has one step per version up to SCENARIO_VERSION', () => {
    MIGRATIONS.forEach((m, i) => {
      expect(m.from).toBe(i + 1);
      expect(m.to).toBe(m.from + 1);
      expect(m.describe.length).toBeGreaterThan(0);
    });
    expect(MIGRATIONS.at(-1)!.to).toBe(SCENARIO_VERSION);
  });

  it('migrates a plain value the same way, without changing it', () => {
    const v1 = parseYaml(V1) as Record<string, unknown>;
    const copy = structuredClone(v1);
    const r = migrateValue(v1);
    expect(r.changes).toEqual(CHANGES);
    expect(r.value).toEqual(expectedV2(copy));
    expect(Object.keys(r.value as object)).toEqual(Object.keys(parseYaml(V2) as object));
    expect(v1).toEqual(copy);
    const newer = { schemaVersion: 3, units: [] };
    expect(migrateValue(newer)).toEqual({ value: newer, from: 3, to: 3, changes: [] });
    expect(migrateValue([1])).toEqual({ value: [1], from: 0, to: 0, changes: [] });
  });
});

describe('a migrated file is the same game', () => {
  it('loads to the same data, the same first state and the same turns as the file it came from', () => {
    const dir = fixtureDir({});
    const file = join(dir, 'small.scenario.yaml');
    const read = (path: string) => readFileSync(path);
    // The loader upgrades a v1 file as it loads it; the migrated file must load to the very same game.
    const old = loadScenarioText(file, V1, read);
    const migrated = loadScenarioText(file, migrateText(V1).text, read);
    expect(migrated.data).toEqual(old.data);
    expect(migrated.contentHash).toBe(old.contentHash);
    expect(hashState(newGame(migrated, '1'))).toBe(hashState(newGame(old, '1')));
    setStateFreezing(false);
    try {
      const a = playScenario(old, '2', 6);
      const b = playScenario(migrated, '2', 6);
      expect(b.replay.turns.map((t) => t.hash)).toEqual(a.replay.turns.map((t) => t.hash));
      expect(a.replay.turns.length).toBe(6);
    } finally {
      setStateFreezing(true);
    }
  });
});

describe('idlib-sim migrate', () => {
  it('rewrites the file in place and prints what changed and the diff', () => {
    const dir = fixtureDir({ 'small.scenario.yaml': V1 });
    const file = join(dir, 'small.scenario.yaml');
    const r = cli('migrate', file);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(readText(file)).toBe(V2);
    expect(readdirSync(dir).sort()).toEqual(['maps', 'small.scenario.yaml']);
    expect(r.out.slice(0, 5)).toEqual([
      `Migrated ${file} from schemaVersion 1 to 2:`,
      ...CHANGES.map((c) => `  - ${c}`),
    ]);
    expect(r.out.slice(5, 8)).toEqual([
      `--- ${file}\tschemaVersion 1`,
      `+++ ${file}\tschemaVersion 2`,
      '@@ -1,6 +1,6 @@',
    ]);
    expect(r.out).toContain('-schemaVersion: 1   # the format this file is written in');
    expect(r.out).toContain('+forces:');
    expect(r.out).toContain('-  objectives:');
    // Once migrated there is nothing more to do.
    const again = cli('migrate', file);
    expect(again).toEqual({
      code: 0,
      out: [`${file} is already at schemaVersion 2: nothing to migrate.`],
      err: [],
    });
  });

  it('--dry-run prints the same and writes nothing', () => {
    const dir = fixtureDir({ 'small.scenario.yaml': V1 });
    const file = join(dir, 'small.scenario.yaml');
    const r = cli('migrate', file, '--dry-run');
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe(`Dry run: ${file} would be migrated from schemaVersion 1 to 2 (nothing written):`);
    expect(r.out).toContain('+  sources:   # title, and publisher / date / url when known');
    expect(readText(file)).toBe(V1);
    expect(readdirSync(dir).sort()).toEqual(['maps', 'small.scenario.yaml']);
  });

  it('leaves the file untouched, and no temporary file, when the migrated file does not pass check', () => {
    // A unit at a place the map does not have, and an objective (in the part that moves) likewise.
    const broken = V1.replace('location: kafr_lusin }', 'location: kafr_lusn }').replace(
      'actor: syria, location: maarat_al_numan',
      'actor: syria, location: maarat_al_numn',
    );
    expect(broken).not.toBe(V1);
    for (const flags of [[], ['--dry-run']]) {
      const dir = fixtureDir({ 'broken.scenario.yaml': broken });
      const file = join(dir, 'broken.scenario.yaml');
      const r = cli('migrate', file, ...flags);
      expect(r.code).toBe(1);
      expect(readText(file)).toBe(broken);
      expect(readdirSync(dir).sort()).toEqual(['broken.scenario.yaml', 'maps']);
      expect(r.err[0]).toMatch(
        new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the migrated file does not pass check`),
      );
      // Told at the original file's name, line and column.
      const unit = positionOf(broken, 'kafr_lusn');
      const objective = positionOf(broken, 'maarat_al_numn');
      expect(r.err).toContain(
        `${file}:${unit.line}:${unit.col}  error  UNKNOWN_REF  forces[2].location  Unknown location "kafr_lusn". Did you mean "kafr_lusin"?`,
      );
      expect(
        r.err.some((l) =>
          l.startsWith(`${file}:${objective.line}:${objective.col}  error  UNKNOWN_REF  objectives[0]`),
        ),
      ).toBe(true);
      expect(r.err.at(-1)).toBe('2 errors, 0 warnings');
    }
  });

  it('refuses a file newer than this build or one it cannot parse, and says a map has nothing to migrate', () => {
    const newer = V2.replace('schemaVersion: 2 ', 'schemaVersion: 3 ');
    const dir = fixtureDir({ 'new.scenario.yaml': newer, 'bad.scenario.yaml': 'schemaVersion: [1\n' });
    const r = cli('migrate', join(dir, 'new.scenario.yaml'));
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(
      /schemaVersion 3, newer than this build of idlib-sim supports \(schemaVersion 2\)/,
    );
    expect(readText(join(dir, 'new.scenario.yaml'))).toBe(newer);
    const bad = cli('migrate', join(dir, 'bad.scenario.yaml'));
    expect(bad.code).toBe(1);
    expect(bad.err[0]).toBe(
      `Cannot migrate ${join(dir, 'bad.scenario.yaml')}: it does not read as YAML or JSON.`,
    );
    expect(bad.err[1]).toMatch(/bad\.scenario\.yaml:\d+:\d+ {2}error {2}YAML_SYNTAX/);
    const map = join(dir, 'maps/idlib.map.yaml');
    expect(cli('migrate', map)).toEqual({
      code: 0,
      out: [`${map} is a map file: map files stay at schemaVersion 1, there is nothing to migrate.`],
      err: [],
    });
    expect(cli('migrate', join(dir, 'none.scenario.yaml')).code).toBe(2);
    expect(cli('migrate').code).toBe(2);
    expect(cli('migrate', 'a', 'b').code).toBe(2);
  });
});

describe('unifiedDiff', () => {
  const opts = { fromFile: 'a', toFile: 'b' };
  const letters = (s: string) => s.split('').join('\n') + '\n';

  it('writes hunks with three lines of context, as diff -u does', () => {
    expect(unifiedDiff(letters('abcdefghijklm'), letters('aBcdefghijklmn'), opts)).toEqual([
      '--- a',
      '+++ b',
      '@@ -1,5 +1,5 @@',
      ' a',
      '-b',
      '+B',
      ' c',
      ' d',
      ' e',
      '@@ -11,3 +11,4 @@',
      ' k',
      ' l',
      ' m',
      '+n',
    ]);
    // Changes six lines apart share a hunk.
    expect(unifiedDiff(letters('abcdefghij'), letters('acdefghj'), opts)).toEqual([
      '--- a',
      '+++ b',
      '@@ -1,10 +1,8 @@',
      ' a',
      '-b',
      ' c',
      ' d',
      ' e',
      ' f',
      ' g',
      ' h',
      '-i',
      ' j',
    ]);
  });

  it('marks a last line with no line ending, and writes empty ranges as diff does', () => {
    expect(unifiedDiff('one\ntwo\nthree', 'one\n2\nthree\n', opts)).toEqual([
      '--- a',
      '+++ b',
      '@@ -1,3 +1,3 @@',
      ' one',
      '-two',
      '-three',
      '\\ No newline at end of file',
      '+2',
      '+three',
    ]);
    expect(unifiedDiff('', 'x\ny\n', opts)).toEqual(['--- a', '+++ b', '@@ -0,0 +1,2 @@', '+x', '+y']);
    expect(unifiedDiff('x\ny\n', '', opts)).toEqual(['--- a', '+++ b', '@@ -1,2 +0,0 @@', '-x', '-y']);
    expect(unifiedDiff('same\n', 'same\n', opts)).toEqual([]);
  });

  /** Applies a unified diff to `a`. */
  function patch(a: string, diff: string[]): string {
    const lines = splitLines(a).map((l) => l.replace(/\n$/, ''));
    const out: string[] = [];
    let at = 0;
    for (let i = 2; i < diff.length; i++) {
      const hunk = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(diff[i]!);
      if (hunk) {
        const start = Number(hunk[2] === '0' ? Number(hunk[1]) : Number(hunk[1]) - 1);
        while (at < start) out.push(lines[at++]!);
        continue;
      }
      const line = diff[i]!;
      if (line.startsWith('\\')) continue;
      if (line[0] === ' ') {
        expect(lines[at]).toBe(line.slice(1));
        out.push(lines[at++]!);
      } else if (line[0] === '-') expect(lines[at++]).toBe(line.slice(1));
      else out.push(line.slice(1));
    }
    while (at < lines.length) out.push(lines[at++]!);
    return out.map((l) => `${l}\n`).join('');
  }

  it('gives a diff that turns a into b, and a shortest one (the longest common subsequence)', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 40 })
      .map((chars) => chars.map((c) => `${c}\n`).join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(patch(a, unifiedDiff(a, b, opts))).toBe(b);
        const x = splitLines(a);
        const y = splitLines(b);
        // The longest common subsequence, by the textbook table (small inputs only).
        const table = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
        for (let i = x.length - 1; i >= 0; i--)
          for (let j = y.length - 1; j >= 0; j--)
            table[i]![j] =
              x[i] === y[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
        const equal = diffLines(x, y)
          .filter((op) => op.kind === 'equal')
          .reduce((n, op) => n + op.count, 0);
        expect(equal).toBe(table[0]![0]);
      }),
      { numRuns: 300 },
    );
  });

  it('is quick on 2 MB files, changed a little or entirely', () => {
    const lines = (n: number, tag: string) =>
      Array.from({ length: n }, (_, i) => `line ${i} ${tag} ${'x'.repeat(40)}\n`);
    const a = lines(40_000, 'a');
    const b = [...a];
    for (let i = 0; i < 100; i++) b[i * 390] = `changed ${i}\n`;
    const other = lines(40_000, 'b');
    const start = performance.now();
    const small = unifiedDiff(a.join(''), b.join(''), opts);
    const whole = unifiedDiff(a.join(''), other.join(''), opts);
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(small.filter((l) => l.startsWith('-')).length).toBe(1 + 100);
    expect(patch(a.join(''), small)).toBe(b.join(''));
    expect(whole.length).toBe(2 + 1 + 80_000);
  });
});
