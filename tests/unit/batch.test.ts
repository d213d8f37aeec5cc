// `idlib-sim batch` and `idlib-sim merge`: the same result whatever the number of workers, slices that
// merge into the full run, merges refused with exit 2, the --json line, the CSV, the statistics
// helpers on known values, bad flags, and the bundle of the workers' code. Games are cut to 30
// turns (the meters differ between seeds by then) to keep the file quick; every batch pays about a
// second to start its workers.
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { playGames } from '../../src/cli/batch.ts';
import { COLLECT_ABOVE_BYTES, playGame } from '../../src/cli/batch-worker.ts';
import { loadScenarioArg, SCENARIO_DIR } from '../../src/cli/files.ts';
import { parsePlayers } from '../../src/cli/play.ts';
import { mainAsync } from '../../src/cli/main.ts';
import {
  indexRanges,
  midRanks,
  percentile,
  summarize,
  wilsonInterval,
  type BatchFile,
  type GameRecord,
} from '../../src/cli/stats.ts';
import { BUNDLE_DIR, removeStale, workerBundle } from '../../src/cli/worker-bundle.ts';
import { cli, cliProcess } from './cli-helpers.ts';
import { tempDir, testTempDir } from '../temp-dir.ts';

const dir = tempDir('idlib-batch-');
const SCENARIO = 'winter-2019-2020';
const TURNS = '30';

async function run(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await mainAsync(args, { log: (l) => out.push(l), error: (l) => err.push(l) });
  return { code, out, err };
}

function readBatch(file: string): BatchFile {
  return JSON.parse(readFileSync(file, 'utf8')) as BatchFile;
}

describe('statistics helpers', () => {
  it('the Wilson score interval matches published values (Newcombe 1998, table I)', () => {
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [k, n, lo, hi] of cases) {
      const [a, b] = wilsonInterval(k, n);
      expect(a).toBeCloseTo(lo, 4);
      expect(b).toBeCloseTo(hi, 4);
    }
    expect(wilsonInterval(20, 20)[1]).toBe(1);
    expect(wilsonInterval(20, 20)[0]).toBeCloseTo(1 - 0.1611, 4);
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });

  it('percentiles are nearest-rank: always one of the values', () => {
    const a = [15, 20, 35, 40, 50];
    expect([5, 30, 40, 50, 100].map((p) => percentile(a, p))).toEqual([15, 20, 20, 35, 50]);
    const b = [3, 6, 7, 8, 8, 10, 13, 15, 16, 20];
    expect([0, 10, 25, 50, 75, 90, 100].map((p) => percentile(b, p))).toEqual([3, 3, 7, 8, 15, 16, 20]);
    expect(() => percentile([], 50)).toThrow();
  });

  it('mid-ranks share ties; index ranges join adjacent games', () => {
    expect(midRanks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
    expect(indexRanges([7, 0, 1, 2, 5, 6, 9])).toEqual([
      [0, 2],
      [5, 7],
      [9, 9],
    ]);
  });

  it('the summary: bands, meters, the typical and extreme games', () => {
    const game = (index: number, band: 'decisive' | 'defeat' | null, displaced: number, dead: number) =>
      ({
        index,
        seed: `1-${index}`,
        turns: 10,
        end: band ? 'turn-limit' : null,
        bands: { a: band },
        scores: { a: index },
        meters: { displaced, civilianDead: dead, turkeyLosses: 0, postsHeld: 3, maxEscalation: 1 },
      }) satisfies GameRecord;
    const records = [
      game(3, 'decisive', 40, 4),
      game(0, 'decisive', 10, 3),
      game(1, 'defeat', 30, 1),
      game(2, null, 20, 2),
    ];
    const s = summarize(
      { scenario: { id: 'x', contentHash: 'h' }, rulesVersion: 1, baseSeed: '1', maxTurns: 10, players: '' },
      ['a'],
      records,
    );
    expect(s.records.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    expect(s.ranges).toEqual([[0, 3]]);
    expect(s.ends).toEqual({ 'turn-limit': 3, 'sudden-death': 0, trigger: 0, unfinished: 1 });
    expect(s.bands.a!.decisive).toEqual({ count: 2, percent: 50, ci95: [15, 85] });
    expect(s.bands.a!.unfinished.count).toBe(1);
    expect(s.bands.a!.draw.count).toBe(0);
    expect(s.meters.displaced).toEqual({ mean: 25, min: 10, p10: 10, p50: 20, p90: 40, max: 40 });
    // Rank distances from the median rank 2.5: game 0 (1.5 + 0.5), game 1 (0.5 + 1.5), game 2
    // (0.5 + 0.5), game 3 (1.5 + 1.5): game 2 is the typical one.
    expect(s.replay.typical).toEqual({ index: 2, seed: '1-2' });
    expect(s.replay.extremes.displaced).toEqual({
      min: { index: 0, seed: '1-0', value: 10 },
      max: { index: 3, seed: '1-3', value: 40 },
    });
    // Ties go to the lowest index.
    expect(s.replay.extremes.postsHeld.min.index).toBe(0);
    expect(s.replay.extremes.postsHeld.max.index).toBe(0);
  });
});

describe('idlib-sim batch and merge', () => {
  const full1 = join(dir, 'full-1.json');
  const full2 = join(dir, 'full-2.json');
  const sliceA = join(dir, 'slice-a.json');
  const sliceB = join(dir, 'slice-b.json');
  let one: Awaited<ReturnType<typeof run>>;
  let two: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    // The same batch on 1 and on 2 workers.
    const batch = (workers: string, out: string) =>
      run(
        'batch',
        SCENARIO,
        '--runs',
        '4',
        '--turns',
        TURNS,
        '--play',
        'computer',
        '--workers',
        workers,
        '--out',
        out,
        '--json',
      );
    one = await batch('1', full1);
    two = await batch('2', full2);
  });

  it('prints a table and, with --json, the summary as the last line', () => {
    expect(one.code).toBe(0);
    expect(one.out[0]).toMatch(
      /^winter-2019-2020: 4 games \(indices 0\.\.3; seed 1-<index>\), at most 30 turns/,
    );
    expect(one.out).toContain('Outcome bands: per cent of games [95% Wilson interval]');
    expect(one.out.some((l) => /^turkey\s+0\.0% \[0\.0–49\.0\]/.test(l))).toBe(true);
    expect(one.out.some((l) => /^displaced\s+\d+\.\d\d(\s+\d+){5}$/.test(l))).toBe(true);
    expect(one.out).toContain(
      `Replay a game: idlib-sim run ${SCENARIO} --seed <seed> --turns 30 --play hts=computer,opposition=computer,russia=computer,syria=computer,turkey=computer`,
    );
    expect(one.err.at(-1)).toMatch(/^batch: 4 games in [\d.]+ s \([\d.]+ games\/s\) on 1 worker/);
    const last = JSON.parse(one.out.at(-1)!);
    expect(Object.keys(last)).toEqual([
      'format',
      'formatVersion',
      'scenario',
      'rulesVersion',
      'baseSeed',
      'seedRule',
      'maxTurns',
      'players',
      'ranges',
      'games',
      'actors',
      'ends',
      'bands',
      'meters',
      'replay',
    ]);
    expect(last).toMatchObject({ games: 4, baseSeed: '1', maxTurns: 30, ranges: [[0, 3]] });
    expect(last.ends.unfinished).toBe(4);
    expect(last.actors).toContain('turkey');
    // 30 turns are enough for the seeds to differ.
    expect(last.meters.civilianDead.max).toBeGreaterThan(last.meters.civilianDead.min);
  });

  it('gives the same result with 1 and 2 workers', () => {
    expect(two.code).toBe(0);
    expect(two.err.at(-1)).toMatch(/on 2 workers/);
    expect(two.out.at(-1)).toBe(one.out.at(-1));
    expect(readFileSync(full2, 'utf8')).toBe(readFileSync(full1, 'utf8'));
  });

  it('a worker past its heap bound collects its garbage itself, and plays the same games', async () => {
    const scenario = loadScenarioArg(SCENARIO);
    const options = {
      scenarioPath: join(SCENARIO_DIR, `${SCENARIO}.scenario.yaml`),
      scenario,
      baseSeed: '1',
      first: 0,
      last: 1,
      maxTurns: 5,
      players: parsePlayers('computer', scenario),
      workers: 1,
    };
    // A bound of one byte: the worker collects after every turn it plays.
    const bounded = await playGames({ ...options, collectAboveBytes: 1 });
    expect(bounded.collections).toEqual([10]);
    // The usual bound is far above what two short games leave.
    const usual = await playGames(options);
    expect(usual.collections).toEqual([0]);
    expect(COLLECT_ABOVE_BYTES).toBeGreaterThan(64 * 1048576);
    expect(bounded.records).toEqual(usual.records);
    expect(bounded.records.map((r) => r.turns)).toEqual([5, 5]);
  });

  it('plays in its workers exactly the game run --seed S-i replays', () => {
    const scenario = loadScenarioArg(SCENARIO);
    const file = readBatch(full1);
    expect(file.records[2]).toEqual(playGame(scenario, '1', 2, 30, parsePlayers('computer', scenario)));
    const r = cli(
      'run',
      SCENARIO,
      '--seed',
      file.replay.typical.seed,
      '--turns',
      TURNS,
      '--play',
      'computer',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out.at(-1)!).seed).toBe(file.replay.typical.seed);
    expect(JSON.parse(cli('run', SCENARIO, '--seed', '007', '--turns', '1', '--json').out.at(-1)!).seed).toBe(
      7,
    );
  });

  it('two slices merge into the full run; mismatched slices are refused with exit 2', async () => {
    const a = await run(
      'batch',
      SCENARIO,
      '--seeds',
      '0..1',
      '--turns',
      TURNS,
      '--play',
      'computer',
      '--out',
      sliceA,
    );
    const b = await run(
      'batch',
      SCENARIO,
      '--seeds',
      '2..3',
      '--turns',
      TURNS,
      '--play',
      'computer',
      '--out',
      sliceB,
    );
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(readBatch(sliceB).records).toEqual(readBatch(full1).records.slice(2));

    const merged = join(dir, 'merged.json');
    const m = cli('merge', sliceB, sliceA, '--out', merged, '--json');
    expect(m.code).toBe(0);
    expect(readFileSync(merged, 'utf8')).toBe(readFileSync(full1, 'utf8'));
    expect(m.out.at(-1)).toBe(one.out.at(-1));

    const overlap = cli('merge', sliceA, full1);
    expect(overlap.code).toBe(2);
    expect(overlap.err[0]).toBe(
      `idlib-sim: cannot merge: ${sliceA} and ${full1} overlap (both have game 0; ${full1} has games 0..3)`,
    );

    // Another base seed, played for real.
    const other = join(dir, 'other-seed.json');
    expect(
      (
        await run(
          'batch',
          SCENARIO,
          '--seeds',
          '2..3',
          '--seed',
          '2',
          '--turns',
          TURNS,
          '--play',
          'computer',
          '--out',
          other,
        )
      ).code,
    ).toBe(0);
    const seed = cli('merge', sliceA, other);
    expect(seed.code).toBe(2);
    expect(seed.err[0]).toBe(`idlib-sim: cannot merge: ${other} has base seed "2", ${sliceA} has "1"`);

    // Another scenario content, rules version or turn cap: the same slice with its header changed.
    const edited = (name: string, change: (f: BatchFile) => void) => {
      const f = readBatch(sliceB);
      change(f);
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify(f));
      return cli('merge', sliceA, path);
    };
    const cases: [string, (f: BatchFile) => void, RegExp][] = [
      [
        'hash.json',
        (f) => void (f.scenario.contentHash = 'f'.repeat(64)),
        /has scenario content hash "f{64}"/,
      ],
      [
        'id.json',
        (f) => void (f.scenario.id = 'spring-2020'),
        /has scenario "spring-2020", .* has "winter-2019-2020"/,
      ],
      ['rules.json', (f) => void (f.rulesVersion += 1), /has rules version \d+, .* has \d+/],
      ['turns.json', (f) => void (f.maxTurns = 31), /has turn cap \(--turns\) 31, .* has 30/],
      ['players.json', (f) => void (f.players = 'turkey=random'), /has players \(--play\) "turkey=random"/],
      ['seeds.json', (f) => void (f.records[0]!.seed = '1-9'), /game 2 has the seed "1-9", not "1-2"/],
      [
        'range.json',
        (f) => void (f.ranges = [[2, 4]]),
        /its games \(2\.\.3\) are not the ones it names \(2\.\.4\)/,
      ],
    ];
    for (const [name, change, message] of cases) {
      const r = edited(name, change);
      expect(r.code, name).toBe(2);
      expect(r.err[0], name).toMatch(message);
    }
  });

  it('the installed command writes one CSV row per game, with progress on stderr', () => {
    const csv = join(dir, 'games.csv');
    const r = cliProcess(
      'batch',
      SCENARIO,
      '--seeds',
      '1..3',
      '--turns',
      '5',
      '--workers',
      '2',
      '--out',
      csv,
      '--json',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^batch: 3 games in [\d.]+ s .* on 2 workers/m);
    expect(JSON.parse(r.stdout.trim().split('\n').at(-1)!)).toMatchObject({ games: 3, ranges: [[1, 3]] });
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      'index,seed,turns,end,band_hts,band_opposition,band_russia,band_syria,band_turkey,' +
        'score_hts,score_opposition,score_russia,score_syria,score_turkey,' +
        'displaced,civilianDead,turkeyLosses,postsHeld,maxEscalation',
    );
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 4))).toEqual([
      ['1', '1-1', '5', 'unfinished'],
      ['2', '1-2', '5', 'unfinished'],
      ['3', '1-3', '5', 'unfinished'],
    ]);
  });
});

describe('bad usage: a plain message and exit 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['no games', ['batch', SCENARIO], /batch needs --runs N \(games 0\.\.N-1\) or --seeds A\.\.B/],
    ['no runs', ['batch', SCENARIO, '--runs', '0'], /--runs must be an integer ≥ 1 \(got "0"\)/],
    ['a bad range', ['batch', SCENARIO, '--seeds', '5..2'], /--seeds must be a range of game indices A\.\.B/],
    [
      'runs and seeds',
      ['batch', SCENARIO, '--runs', '3', '--seeds', '0..2'],
      /either --runs N or --seeds A\.\.B/,
    ],
    ['no workers', ['batch', SCENARIO, '--runs', '3', '--workers', '0'], /--workers must be an integer ≥ 1/],
    [
      'a seed with a space',
      ['batch', SCENARIO, '--runs', '3', '--seed', 'a b'],
      /--seed must be an integer ≥ 0 or a text/,
    ],
    [
      'a bad output',
      ['batch', SCENARIO, '--runs', '3', '--out', 'x.txt'],
      /--out must name a \.json or \.csv file/,
    ],
    ['an unknown flag', ['batch', SCENARIO, '--runs', '3', '--fast'], /Unknown option '--fast'/],
    [
      'a bad player',
      ['batch', SCENARIO, '--runs', '3', '--play', 'turkey=human'],
      /--play: "human" is not a player/,
    ],
    [
      'an unknown actor',
      ['batch', SCENARIO, '--runs', '3', '--play', 'usa=random'],
      /--play: "usa" is not an actor/,
    ],
    ['a missing scenario', ['batch', 'nowhere', '--runs', '3'], /no scenario file "nowhere"/],
    ['nothing to merge', ['merge'], /expected one or more batch files/],
    ['a missing slice', ['merge', 'nope.json'], /cannot read batch file nope\.json/],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(message);
    expect(r.out).toEqual([]);
  });

  it('run still refuses a negative or an empty seed', () => {
    expect(cli('run', SCENARIO, '--seed=-3').err[0]).toMatch(/--seed must be an integer ≥ 0 \(got "-3"\)/);
    expect(cli('run', SCENARIO, '--seed', '').code).toBe(2);
  });

  it('main refuses the asynchronous commands: only mainAsync runs them', () => {
    expect(() => cli('batch', SCENARIO, '--runs', '1')).toThrow(/call mainAsync/);
  });
});

describe("the workers' code as one module", () => {
  it('is bundled once per process, with no question left of where its modules are', async () => {
    const file = await workerBundle();
    expect(file.startsWith(BUNDLE_DIR)).toBe(true);
    expect(await workerBundle()).toBe(file);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('import.meta');
    // src/cli/files.ts finds the scenarios folder from its own folder, not the bundle's.
    expect(text).toContain(
      `resolve(${JSON.stringify(join(dirname(SCENARIO_DIR), 'src', 'cli'))}, "../../scenarios")`,
    );
  });

  it('imports only Node itself and the packages a fresh install provides', async () => {
    const text = readFileSync(await workerBundle(), 'utf8');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    const imported = [...text.matchAll(/^import .*? from "([^"]+)";$/gm)].map((m) => m[1]!);
    expect(imported.length).toBeGreaterThan(3);
    for (const spec of imported) {
      if (spec.startsWith('node:')) continue;
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
      expect(Object.keys(pkg.dependencies), spec).toContain(name);
    }
  });

  it('clears out the bundles of older sources, not the one in use nor a recent one', () => {
    const cache = testTempDir('idlib-bundles-');
    const touch = (name: string, hoursAgo: number) => {
      const path = join(cache, name);
      writeFileSync(path, '');
      const t = new Date(Date.now() - hoursAgo * 3_600_000);
      utimesSync(path, t, t);
      return path;
    };
    const keep = touch('batch-worker-aaaa.mjs', 5);
    touch('batch-worker-bbbb.mjs', 2);
    touch('batch-worker-cccc.mjs.123.456.tmp', 3);
    touch('batch-worker-dddd.mjs', 0.5);
    touch('notes.txt', 9);
    removeStale(cache, keep);
    expect(readdirSync(cache).sort()).toEqual([
      'batch-worker-aaaa.mjs',
      'batch-worker-dddd.mjs',
      'notes.txt',
    ]);
  });
});
