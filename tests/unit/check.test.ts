// `idlib-sim check`: the corpus of broken files gives exactly the diagnostics each file lists,
// hostile files get an error quickly (never a crash or a hang), the shipped scenarios check clean,
// and the command line prints one problem per line (or JSON) with exit codes 0 / 1 / 2.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import {
  checkFiles,
  CODES,
  formatCheckText,
  LIMITS,
  loadScenario,
  parseSource,
  prescan,
  ScenarioError,
  type CheckOptions,
  type CheckResult,
  type ReadContent,
} from '../../src/scenario/index.ts';
import { setStateFreezing } from '../../src/engine/index.ts';
import { cli, cliProcess, ROOT } from './cli-helpers.ts';
import { tempDir } from '../temp-dir.ts';

/** Reads project files by project-relative path (or any absolute path), as bytes, size first. */
const read: ReadContent = Object.assign(
  (path: string): Uint8Array => readFileSync(path.startsWith('/') ? path : join(ROOT, path)),
  { size: (path: string) => statSync(path.startsWith('/') ? path : join(ROOT, path)).size },
);

const check = (files: string[], options?: CheckOptions): CheckResult => checkFiles(files, read, options);

const CORPUS = 'tests/corpus';
const corpusFiles = readdirSync(join(ROOT, CORPUS))
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort()
  .map((f) => `${CORPUS}/${f}`);

/** The `line:col CODE` list a corpus file promises: its `# expect:` header, or a `.expect` sidecar. */
function expected(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const header = text
    .split('\n')
    .filter((l) => l.startsWith('# expect:'))
    .map((l) => l.slice('# expect:'.length))
    .join(';');
  const list = file.endsWith('.json') ? readFileSync(join(ROOT, `${file}.expect`), 'utf8') : header;
  return list
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '' && s !== 'none');
}

describe('the corpus of broken files', () => {
  it('holds the files the brief asks for', () => {
    expect(corpusFiles.length).toBeGreaterThanOrEqual(20);
    for (const file of corpusFiles)
      expect(expected(file).length, `${file} lists what it expects`).toBeGreaterThan(0);
  });

  it.each(corpusFiles)('%s gives exactly the diagnostics it lists', (file) => {
    const result = check([file]);
    const got = result.problems.filter((p) => p.file === file).map((p) => `${p.line}:${p.col} ${p.code}`);
    expect(got).toEqual(expected(file));
  });

  const message = (file: string, code: string) =>
    check([`${CORPUS}/${file}`])
      .problems.filter((p) => p.code === code)
      .map((p) => `${p.path}  ${p.message}`);

  it('suggests the id that was meant', () => {
    expect(message('typo-location.scenario.yaml', 'UNKNOWN_REF')).toEqual([
      'forces[1].actor  Unknown actor "sryia". Did you mean "syria"?',
      'forces[1].location  Unknown location "saraqeb". Did you mean "saraqib"?',
      'script[0].orders[0].unit  Unknown unit "sy_l". Did you mean "sy_1"?',
    ]);
    expect(message('json-scenario.scenario.json', 'UNKNOWN_REF')).toEqual([
      'forces[0].location  Unknown location "idlibb". Did you mean "idlib"?',
    ]);
    // No far-fetched guesses: a one-letter id is a letter from anything.
    expect(message('bad.map.yaml', 'UNKNOWN_REF')).toEqual([
      'roads[1].to  Unknown location "d".',
      'zones[0].locations[1]  Unknown location "e".',
    ]);
  });

  it('suggests the key that was meant, and a misspelt required key is one mistake, not two', () => {
    expect(message('unknown-key.scenario.yaml', 'UNKNOWN_KEY')).toEqual([
      'calendar.trurns  Unknown key "trurns". Did you mean "turns"?',
      'forces[0].strenght  Unknown key "strenght". Did you mean "strength"? ("strength" is required.)',
      'relatons  Unknown key "relatons". Did you mean "relations"?',
    ]);
    expect(message('unknown-key.scenario.yaml', 'REQUIRED')).toEqual([]);
    expect(message('conditions.scenario.yaml', 'UNKNOWN_KEY')).toEqual([
      'objectives[0].condition.contrls  Unknown key "contrls". Did you mean "controls"?',
      'objectives[1].condition.controls.locaton  Unknown key "locaton". Did you mean "location"? ("location" is required.)',
      'objectives[3].condition.all[1].nott  Unknown key "nott". Did you mean "not"?',
    ]);
  });

  it('says which values are allowed, which key is missing, which type was expected', () => {
    expect(message('wrong-enum.scenario.yaml', 'ENUM')[2]).toBe(
      'forces[0].type  Unknown value "infantery"; expected one of: infantry, mechanised, armour, artillery, air_defence, special_forces, militia, military_police. Did you mean "infantry"?',
    );
    expect(message('wrong-enum.scenario.yaml', 'ENUM')[3]).toMatch(
      /^script\[0\]\.orders\[0\]\.kind {2}Unknown value "mov"; expected one of: move, hold, .* Did you mean "move"\?$/,
    );
    expect(message('missing-required.scenario.yaml', 'REQUIRED')).toEqual([
      'briefing  Missing required key "briefing".',
      'forces[0].strength  Missing required key "strength".',
      'script[0].orders[0].to  Missing required key "to".',
    ]);
    expect(message('wrong-type.scenario.yaml', 'TYPE')).toContain(
      'forces[0].strength  Expected a number, got the text "many".',
    );
    expect(message('wrong-type.scenario.yaml', 'TYPE')).toContain(
      'calendar.daysPerTurn  Expected a whole number, got the number 2.5.',
    );
  });

  it('names both versions for a file newer than the build', () => {
    expect(message('newer-version.scenario.yaml', 'UNSUPPORTED_VERSION')).toEqual([
      'schemaVersion  This file is schemaVersion 3, newer than this build of idlib-sim supports (schemaVersion 2): update idlib-sim, or write the file for schemaVersion 2.',
    ]);
  });

  it('a schema error does not hide a misspelt id elsewhere, and each is placed where it is written', () => {
    const lines = check([`${CORPUS}/all-at-once.scenario.yaml`]).problems.map(
      (p) => `${p.line} ${p.code} ${p.path}`,
    );
    // forces[3] fails the schema; forces[4] is still checked, at its own index and line.
    expect(lines).toContain('23 UNKNOWN_KEY forces[3].actr');
    expect(lines).toContain('24 UNKNOWN_REF forces[4].location');
    // The trigger that names the refused force (sy_2) is not told that sy_2 is unknown.
    expect(lines.filter((l) => l.startsWith('27 '))).toEqual([]);
  });

  it('the loader refuses the same errors the checker finds: one implementation', () => {
    for (const name of [
      'references.scenario.yaml',
      'typo-location.scenario.yaml',
      'dates.scenario.yaml',
      'all-at-once.scenario.yaml',
    ]) {
      const file = `${CORPUS}/${name}`;
      const errors = check([file]).problems.filter((p) => p.severity === 'error');
      let thrown: unknown;
      try {
        loadScenario(file, read);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(ScenarioError);
      expect((thrown as ScenarioError).problems).toEqual(
        errors.map((p) => ({ file, line: p.line, col: p.col, message: `${p.path}: ${p.message}` })),
      );
    }
  });
});

describe('hostile files: an error within 2 s, never a crash or a hang', () => {
  const dir = tempDir('idlib-check-');
  const write = (name: string, content: string | Uint8Array): string => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  };
  const bomb = (): string => {
    const lines = [
      'schemaVersion: 1',
      'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
    ];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    return lines.join('\n') + '\n';
  };
  const cases: [string, () => string, string, string][] = [
    [
      'a 2.5 MB file',
      () => write('big.scenario.yaml', `briefing: "${'x'.repeat(2_500_000)}"\n`),
      '1:1',
      'FILE_TOO_BIG',
    ],
    [
      'a binary file',
      () =>
        write(
          'binary.scenario.yaml',
          new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]),
        ),
      '3:1',
      'BINARY',
    ],
    [
      'Latin-1 text (not UTF-8)',
      () =>
        write(
          'latin1.scenario.yaml',
          new Uint8Array([...new TextEncoder().encode('schemaVersion: 1\ntitle: Caf'), 0xe9, 0x0a]),
        ),
      '2:11',
      'NOT_UTF8',
    ],
    [
      'a 100,000-entry list',
      () =>
        write(
          'list.scenario.yaml',
          `units:\n${Array.from({ length: 100_000 }, (_, i) => `  - u${i}`).join('\n')}\n`,
        ),
      '2:3',
      'TOO_MANY_ITEMS',
    ],
    [
      'a 100,000-entry flow list',
      () =>
        write(
          'flow.scenario.json',
          `{"units": [${Array.from({ length: 100_000 }, (_, i) => i).join(', ')}]}`,
        ),
      '1:11',
      'TOO_MANY_ITEMS',
    ],
    [
      'a 100,000-key mapping',
      () => write('keys.scenario.yaml', Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}`).join('\n')),
      '1:1',
      'TOO_MANY_ITEMS',
    ],
    [
      '30 lists of 1,000 entries (too many in all)',
      () =>
        write(
          'many.scenario.yaml',
          Array.from(
            { length: 30 },
            (_, j) => `l${j}: [${Array.from({ length: 1000 }, (_, i) => i).join(', ')}]`,
          ).join('\n'),
        ),
      '25:4772',
      'TOO_MANY_ITEMS',
    ],
    [
      'lists nested 500,000 deep',
      () => write('deep.scenario.yaml', `a: ${'['.repeat(500_000)}`),
      '1:67',
      'TOO_DEEP',
    ],
    [
      'mappings nested 200 deep',
      () =>
        write(
          'deep-block.scenario.yaml',
          Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n',
        ),
      '65:65',
      'TOO_DEEP',
    ],
    [
      'sequences nested 100,000 deep',
      () => write('dashes.scenario.yaml', `${'- '.repeat(100_000)}x\n`),
      '1:129',
      'TOO_DEEP',
    ],
    ['an alias bomb', () => write('bomb.scenario.yaml', bomb()), '3:8', 'ALIAS_BOMB'],
  ];

  it.each(cases)('%s', (_name, make, at, code) => {
    const file = make();
    const began = performance.now();
    const result = check([file]);
    const took = performance.now() - began;
    expect(result.problems.map((p) => `${p.line}:${p.col} ${p.code}`)).toEqual([`${at} ${code}`]);
    expect(result.errors).toBe(1);
    expect(took, `answered in ${Math.round(took)} ms`).toBeLessThan(2000);
  });

  it('a file over 2 MB is refused on its size, before it is read', () => {
    const reader = Object.assign(
      () => {
        throw new Error('must not be read');
      },
      { size: () => 3 * 1024 * 1024 },
    );
    const result = checkFiles(['huge.scenario.yaml'], reader);
    expect(result.problems.map((p) => [p.code, p.message])).toEqual([
      ['FILE_TOO_BIG', 'The file is 3.0 MB (3145728 bytes); scenario and map files are at most 2 MB.'],
    ]);
  });

  it('a huge but valid scenario answers in time: the smoke run stops at its work cap', () => {
    const base = readFileSync(join(ROOT, 'scenarios/winter-2019-2020.scenario.yaml'), 'utf8');
    const units = Array.from(
      { length: 3000 },
      (_, i) =>
        `  - { id: extra_${i}, actor: hts, name: Extra ${i}, type: infantry, strength: 3, location: idlib }`,
    ).join('\n');
    const text = base
      .replace(/^forces:\n/m, `forces:\n${units}\n`)
      .replace('map: maps/idlib.map.yaml', `map: ${ROOT}scenarios/maps/idlib.map.yaml`)
      .replaceAll('doctrine: doctrines/', `doctrine: ${ROOT}scenarios/doctrines/`);
    const file = write('huge-valid.scenario.yaml', text);
    setStateFreezing(false); // as the command does
    const began = performance.now();
    let result: CheckResult;
    try {
      result = check([file]);
    } finally {
      setStateFreezing(true);
    }
    const took = performance.now() - began;
    expect(result.problems.map((p) => p.code)).toEqual(['SMOKE_INCOMPLETE']);
    expect(result.problems[0]!.message).toMatch(
      /too big for a full smoke run: it stopped before turn 16 of seed 1/,
    );
    // 2 s from the command line; the tests share the machine with other test files, hence the margin.
    expect(took, `answered in ${Math.round(took)} ms`).toBeLessThan(3000);
  });

  it('the pre-scan never refuses ordinary data, in block or flow style', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.boolean(), (value, flow) => {
        const text = flow ? JSON.stringify(value) : stringify(value);
        expect(prescan(text)).toBeNull();
        expect(parseSource('x.yaml', text).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('the pre-scan counts depth exactly, in block and flow style', () => {
    for (const levels of [LIMITS.maxDepth - 1, LIMITS.maxDepth, LIMITS.maxDepth + 1]) {
      let value: unknown = 1;
      for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { k: value };
      for (const text of [stringify(value), JSON.stringify(value)]) {
        const refused = prescan(text)?.code;
        expect(refused, `${levels} levels:\n${text.slice(0, 200)}`).toBe(
          levels > LIMITS.maxDepth ? 'TOO_DEEP' : undefined,
        );
      }
    }
  });
});

describe('the shipped scenarios', () => {
  const shipped = readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => /\.scenario\.(ya?ml|json)$/.test(f))
    .map((f) => `scenarios/${f}`);

  it.each(shipped)('%s checks with 0 errors and 0 warnings (its map too)', (file) => {
    const result = check([file], { budgetMs: Infinity });
    expect(formatCheckText(result)).toEqual(['0 errors, 0 warnings']);
    // The scenario first, then the map and the doctrines it names, each checked too.
    expect(result.files[0]).toBe(file);
    expect(result.files.filter((f) => f.endsWith('.map.yaml'))).toHaveLength(1);
    expect(result.files.slice(2).every((f) => f.endsWith('.doctrine.yaml'))).toBe(true);
    expect(result.files.length).toBeGreaterThan(2);
  });

  it('the refused convoy of turn 1 is a warning until it is silenced with a reason', () => {
    const file = 'scenarios/winter-2019-2020.scenario.yaml';
    const text = readFileSync(join(ROOT, file), 'utf8').replace(/^ {4}silence:\n( {6}- .*\n)+/gm, '');
    expect(text).not.toMatch(/silence:/);
    const unsilenced = checkFiles(
      [file],
      Object.assign((p: string) => (p === file ? text : read(p))),
      {
        budgetMs: Infinity,
      },
    );
    const first = unsilenced.problems[0]!;
    expect(first).toMatchObject({
      code: 'SCRIPT_ORDER_REJECTED',
      severity: 'warning',
      path: 'script[0].orders[0]',
    });
    expect(first.message).toMatch(/^Turn 1 \(seeds 1, 2, 3\): Order rejected \(no_route\): Morek/);
    expect(unsilenced.errors).toBe(0);
  });
});

describe('the smoke run', () => {
  it('an exception in the engine is SMOKE_FAILED naming the seed and the turn', async () => {
    vi.resetModules();
    vi.doMock('../../src/engine/resolve.ts', async (original) => {
      const real = await original<typeof import('../../src/engine/resolve.ts')>();
      return {
        ...real,
        resolveTurn: (state: { turn: number }, orders: never) => {
          if (state.turn === 3) throw new Error('boom');
          return real.resolveTurn(state as never, orders);
        },
      };
    });
    try {
      const fresh = await import('../../src/scenario/check.ts');
      const result = fresh.checkFiles([`${CORPUS}/silence-ok.scenario.yaml`], read);
      const failed = result.problems.filter((p) => p.code === 'SMOKE_FAILED').map((p) => p.message);
      expect(failed).toEqual(
        ['1', '2', '3'].map(
          (seed) =>
            `The engine failed on turn 3 with seed ${seed}: boom. This is a bug, or a case the checks miss: please report it with this file.`,
        ),
      );
      expect(result.errors).toBe(3);
    } finally {
      vi.doUnmock('../../src/engine/resolve.ts');
      vi.resetModules();
    }
  });
});

describe('the error-code catalogue', () => {
  it('docs/error-codes.md explains every code, and only those', () => {
    const doc = readFileSync(join(ROOT, 'docs/error-codes.md'), 'utf8');
    const documented = [...doc.matchAll(/^### `([A-Z0-9_]+)`/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual(Object.keys(CODES).sort());
    for (const [code, { severity }] of Object.entries(CODES)) {
      const section = doc.split(`### \`${code}\``)[1]!.split('\n### ')[0]!;
      expect(section, code).toContain(severity);
      expect(section, code).toMatch(/Fix:/);
    }
  });
});

describe('idlib-sim check', () => {
  const LINE = /^[^\s:]+:\d+:\d+ {2}(error|warning) {2}[A-Z0-9_]+ {2}\S+ {2}\S.*$/;

  it('exit 0 and the totals for a clean file', () => {
    const r = cli('check', 'scenarios/winter-2019-2020.scenario.yaml');
    expect(r.err).toEqual([]);
    expect(r.out).toEqual(['0 errors, 0 warnings']);
    expect(r.code).toBe(0);
  });

  it('exit 1 and one line per problem, sorted by file, line and column', () => {
    const r = cli('check', `${CORPUS}/wrong-type.scenario.yaml`, `${CORPUS}/dates.scenario.yaml`);
    expect(r.code).toBe(1);
    expect(r.out.at(-1)).toBe('9 errors, 0 warnings');
    const lines = r.out.slice(0, -1);
    for (const line of lines) expect(line).toMatch(LINE);
    expect(lines[0]).toBe(
      `${CORPUS}/dates.scenario.yaml:15:11  error  BAD_DATE  script[0].date  "2020-02-30" is not a real date (YYYY-MM-DD).`,
    );
    expect(lines.map((l) => l.split('  ')[0])).toEqual([
      `${CORPUS}/dates.scenario.yaml:15:11`,
      `${CORPUS}/dates.scenario.yaml:18:11`,
      `${CORPUS}/dates.scenario.yaml:21:11`,
      `${CORPUS}/dates.scenario.yaml:24:11`,
      `${CORPUS}/wrong-type.scenario.yaml:9:47`,
      `${CORPUS}/wrong-type.scenario.yaml:9:59`,
      `${CORPUS}/wrong-type.scenario.yaml:11:70`,
      `${CORPUS}/wrong-type.scenario.yaml:11:83`,
      `${CORPUS}/wrong-type.scenario.yaml:14:78`,
    ]);
  });

  it('warnings alone exit 0', () => {
    const r = cli('check', `${CORPUS}/logic-warnings.scenario.yaml`);
    expect(r.out.at(-1)).toBe('0 errors, 10 warnings');
    expect(r.code).toBe(0);
  });

  it('--format json: one object with the files, the problems and the totals', () => {
    const r = cli('check', '--format', 'json', `${CORPUS}/uses-bad-map.scenario.yaml`);
    expect(r.code).toBe(1);
    expect(r.out).toHaveLength(1);
    const json = JSON.parse(r.out[0]!);
    expect(Object.keys(json)).toEqual(['files', 'problems', 'errors', 'warnings']);
    expect(json.files).toEqual([`${CORPUS}/uses-bad-map.scenario.yaml`, `${CORPUS}/bad.map.yaml`]);
    expect(json.errors).toBe(7);
    expect(json.warnings).toBe(0);
    expect(Object.keys(json.problems[0])).toEqual([
      'file',
      'line',
      'col',
      'severity',
      'code',
      'path',
      'message',
    ]);
    expect(json.problems.at(-1)).toEqual({
      file: `${CORPUS}/uses-bad-map.scenario.yaml`,
      line: 7,
      col: 6,
      severity: 'error',
      code: 'MAP_INVALID',
      path: 'map',
      message: `The map ${CORPUS}/bad.map.yaml has errors (listed under its file), so this scenario's references to it were not checked.`,
    });
  });

  it('a file that does not exist is an error in the list, not a crash', () => {
    const r = cli('check', 'no/such.scenario.yaml');
    expect(r.out).toEqual([
      'no/such.scenario.yaml:1:1  error  CANNOT_READ  $  Cannot read no/such.scenario.yaml.',
      '1 error, 0 warnings',
    ]);
    expect(r.code).toBe(1);
  });

  it.each([
    ['no files', [], /expected one or more scenario or map files/],
    ['an unknown flag', ['--strict', 'x.yaml'], /Unknown option '--strict'/],
    ['an unknown format', ['--format', 'xml', 'x.yaml'], /--format must be text or json \(got "xml"\)/],
  ])('exit 2 for %s', (_name, args, message) => {
    const r = cli('check', ...args);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(message);
  });

  it('as a real process: the lines on stdout, nothing on stderr, exit 1', () => {
    const r = cliProcess('check', `${CORPUS}/typo-location.scenario.yaml`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      `${CORPUS}/typo-location.scenario.yaml:15:24  error  UNKNOWN_REF  forces[1].actor  Unknown actor "sryia". Did you mean "syria"?`,
      `${CORPUS}/typo-location.scenario.yaml:15:85  error  UNKNOWN_REF  forces[1].location  Unknown location "saraqeb". Did you mean "saraqib"?`,
      `${CORPUS}/typo-location.scenario.yaml:20:29  error  UNKNOWN_REF  script[0].orders[0].unit  Unknown unit "sy_l". Did you mean "sy_1"?`,
      '3 errors, 0 warnings',
    ]);
  });
});
