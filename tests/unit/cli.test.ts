// The command line: words per turn, the --json line, and clear errors with exit 2.
import { writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliProcess, ROOT } from './cli-helpers.ts';
import { tempDir } from '../temp-dir.ts';

const dir = tempDir('idlib-cli-');

describe('idlib-sim run', () => {
  it('prints a line per turn in words and, with --json, one JSON object last', () => {
    const r = cli('run', 'winter-2019-2020', '--seed', '2', '--turns', '12', '--json');
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe(
      "Turn 1 (2019-12-01): Order rejected (no_route): Morek (Tel es-Savvan) is encircled: only a convoy under escort (e.g. Russia's) can get through.",
    );
    expect(r.out.find((l) => l.startsWith('Turn 7 '))).toBe(
      'Turn 7 (2019-12-13): quiet; nothing changes hands.',
    );
    expect(r.out.find((l) => l.startsWith('Turn 12 '))).toMatch(
      /Surman \(al-Sirman silos\) is now encircled: every neighbouring place \(Maar Hattat, Maar Shamshah\)/,
    );
    const last = JSON.parse(r.out.at(-1)!);
    expect(Object.keys(last)).toEqual([
      'scenario',
      'seed',
      'players',
      'turns',
      'hash',
      'outcome',
      'eventCounts',
    ]);
    expect(last).toMatchObject({
      scenario: 'winter-2019-2020',
      seed: 2,
      turns: 12,
      outcome: { reason: 'not-finished' },
    });
    expect(last.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(last.eventCounts['control.changed']).toBe(3);
  });

  it('plays the whole scenario to its end by default', () => {
    const r = cliProcess('run', 'scenarios/winter-2019-2020.scenario.yaml', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const last = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    expect(last.turns).toBe(56);
    expect(last.outcome.reason).toBe('turn-limit');
    expect(last.outcome.summary).toMatch(/encircled/);
  });
});

describe('errors: a clear message and exit 2, never a stack trace', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'a missing scenario file',
      ['run', 'no/such.scenario.yaml'],
      /no scenario file "no\/such.scenario.yaml"/,
    ],
    ['an unknown flag', ['run', 'winter-2019-2020', '--speed', '3'], /Unknown option '--speed'/],
    ['a bad number', ['run', 'winter-2019-2020', '--turns', 'many'], /--turns must be an integer/],
    ['a missing argument', ['run'], /expected one file argument/],
    ['an unknown command', ['fly'], /unknown command "fly"/],
    ['a missing replay', ['verify', 'nope.json'], /cannot read replay file nope.json/],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(message);
  });

  it('a scenario that does not validate lists every problem with file:line:col', () => {
    mkdirSync(join(dir, 'maps'), { recursive: true });
    copyFileSync(`${ROOT}scenarios/maps/idlib.map.yaml`, join(dir, 'maps/idlib.map.yaml'));
    const file = join(dir, 'broken.scenario.yaml');
    writeFileSync(
      file,
      `schemaVersion: 2
id: broken
title: Broken
briefing: x
map: maps/idlib.map.yaml
calendar: { start: '2020-01-01', daysPerTurn: 2, turns: 5 }
actors:
  - { id: turkey, name: Turkey, controller: scripted }
control: { default: turkey }
forces:
  - { id: u1, actor: turkey, name: U1, type: infantry, strength: 3, location: atlantis }
  - { id: u2, actor: nobody, name: U2, type: infantry, strength: 3, location: idlib }
`,
    );
    const r = cliProcess('run', file);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(r.stderr).toContain(
      `${file}:11:79: forces[0].location: Unknown location "atlantis" (not on map idlib).`,
    );
    expect(r.stderr).toContain(`${file}:12:22: forces[1].actor: Unknown actor "nobody".`);
    expect(r.stderr).toMatch(/2 problems; the scenario was not loaded/);
  });

  it('schema problems name the key and where it is', () => {
    const file = join(dir, 'typo.scenario.yaml');
    writeFileSync(
      file,
      "schemaVersion: 2\nid: Bad Id\ntitle: T\nbriefing: b\nmap: maps/idlib.map.yaml\ncalendar: { start: '2020-01-01', daysPerTurn: 0, turns: 5 }\nactors: []\ncontrol: { default: '' }\nforcez: []\nunits: []\n",
    );
    const r = cli('run', file);
    expect(r.code).toBe(2);
    const text = r.err.join('\n');
    expect(text).toContain(`${file}:2:5: id:`);
    expect(text).toContain(`${file}:6:47: calendar.daysPerTurn:`);
    expect(text).toContain(`${file}:7:9: actors:`);
    expect(text).toContain(`${file}:9:1: forcez: Unknown key "forcez". Did you mean "forces"?`);
    // A key of schemaVersion 1 in a version-2 file says what it is called now.
    expect(text).toContain(
      `${file}:10:1: units: Unknown key "units". Did you mean "forces"? (\`units\` is called \`forces\` since schemaVersion 2.)`,
    );
  });

  it('a YAML syntax error or duplicate key is reported where it is', () => {
    const file = join(dir, 'dup.scenario.yaml');
    writeFileSync(file, 'schemaVersion: 1\nid: a\nid: b\n');
    const r = cli('run', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      `${file}:3:1: id: The key "id" appears twice in this mapping (first at line 2); keep one.`,
    );
  });
});
