// `idlib-sim batch`: plays many seeded games of a scenario on worker threads and prints the
// distribution of outcomes. Game i (0-based) of a batch with base seed S plays with the seed
// `${S}-${i}`, so any game can be replayed alone with `idlib-sim run <scenario> --seed S-i`, and a
// slice of indices (`--seeds A..B`) plays exactly the games the full run would play at those
// indices. Workers take the next index as they finish a game; the records are collected by index,
// so the result is the same whatever the number of workers.
import { SingleBar } from 'cli-progress';
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { RULES_VERSION } from '../engine/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { intFlag, outFileFlag, parseFlags, playersArg, seedFlag } from './args.ts';
import type { FromWorker, ToWorker, WorkerInit } from './batch-worker.ts';
import { COLLECT_ABOVE_BYTES, WORKER_KIND } from './batch-worker.ts';
import { playersSpec, type Player } from './play.ts';
import { workerBundle } from './worker-bundle.ts';
import { loadScenarioArg, resolveScenarioPath, UsageError } from './files.ts';
import {
  BAND_COLUMNS,
  BANDS,
  formatRanges,
  METERS,
  summarize,
  toCsv,
  UNFINISHED,
  withoutRecords,
  type BatchFile,
  type GameRecord,
} from './stats.ts';

export interface BatchOut {
  log: (line: string) => void;
  error: (line: string) => void;
  /** True when stderr is a terminal: progress is drawn as a bar (cli-progress) instead of lines. */
  tty?: boolean;
}

export interface GamesOptions {
  /** A scenario file (already resolved) and the scenario loaded from it. */
  scenarioPath: string;
  scenario: Scenario;
  baseSeed: string;
  /** Inclusive range of game indices. */
  first: number;
  last: number;
  maxTurns: number;
  players: Record<string, Player>;
  workers: number;
  /** Called once every worker has loaded the scenario, as the first games are sent. */
  onStart?: () => void;
  /** Called after every game with the number of games done. */
  onProgress?: (done: number) => void;
  /** The heap in use above which a worker collects its garbage itself (default `COLLECT_ABOVE_BYTES`). */
  collectAboveBytes?: number;
}

export interface GamesRun {
  /** Sorted by index. */
  records: GameRecord[];
  /** Time from the moment every worker had loaded the scenario to the end of the last game, in ms. */
  playMs: number;
  /** Time to start the workers (the bundle of their code, the threads, the scenario), in ms. */
  startMs: number;
  /** Per worker, the peak V8 heap in use (see `FromWorker`), in bytes. */
  peakHeapBytes: number[];
  /** Per worker, how many times it collected its garbage itself (`collectAboveBytes`). */
  collections: number[];
}

const WORKER_URL = new URL('./batch-thread.mjs', import.meta.url);

/**
 * Whether V8 collects garbage on the thread that made it (`inPlace`) or with its helper threads,
 * as by default: the young generation's scavenges shared out among them, the old generation's
 * marking done alongside the game. With a core to spare those threads cost a batch nothing; once
 * every core runs a worker they take time from the games. On this 2-core machine (22 Nov 2026,
 * rounds of 256 games taken in turn with the default) 2 workers played about 4 % more games a
 * second in place (6 rounds: 24.7-26.2 against 23.9-25.1, faster in 5) and 1 worker about 3 %
 * fewer (14.5-15.7 against 15.1-15.7), hence the choice per batch. The flags are the process's;
 * V8 reads them as it collects, and a collection under way on another thread when they change
 * still finishes (docs/architecture.md). Parallel marking is left on: turned off during one, V8
 * stops with a failed check. What the games compute does not change.
 */
function collectInPlace(inPlace: boolean): void {
  setFlagsFromString(inPlace ? '--no-parallel-scavenge' : '--parallel-scavenge');
  setFlagsFromString(inPlace ? '--no-concurrent-marking' : '--concurrent-marking');
}

/** Plays games first..last on `workers` worker threads; rejects if any worker fails. */
export async function playGames(options: GamesOptions): Promise<GamesRun> {
  const { first, last } = options;
  const total = last - first + 1;
  const count = Math.max(1, Math.min(options.workers, total));
  const t0 = performance.now();
  const init: WorkerInit = {
    kind: WORKER_KIND,
    bundle: await workerBundle(),
    scenarioPath: options.scenarioPath,
    contentHash: options.scenario.contentHash,
    baseSeed: options.baseSeed,
    maxTurns: options.maxTurns,
    players: options.players,
    collectAboveBytes: options.collectAboveBytes ?? COLLECT_ABOVE_BYTES,
  };
  // Each worker collects its own garbage past `collectAboveBytes` (batch-worker.ts) through V8's
  // `gc`, which a thread started after this flag is set has (the flag is the process's).
  setFlagsFromString('--expose-gc');
  collectInPlace(count >= availableParallelism());
  return new Promise<GamesRun>((resolvePromise, reject) => {
    const workers: Worker[] = [];
    const records = new Map<number, GameRecord>();
    const peakHeapBytes = new Array<number>(count).fill(0);
    const collections = new Array<number>(count).fill(0);
    let next = first;
    let ready = 0;
    let started = 0;
    let finished = 0;
    let stopped = 0;
    let failed = false;

    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(error);
    };
    const dispatch = (w: Worker) => {
      const message: ToWorker = next <= last ? { type: 'play', index: next++ } : { type: 'stop' };
      w.postMessage(message);
    };

    for (let k = 0; k < count; k++) {
      const w = new Worker(WORKER_URL, { workerData: init });
      workers.push(w);
      let stopping = false;
      w.on('message', (message: FromWorker) => {
        if (failed) return;
        if (message.type === 'error') {
          fail(new Error(`batch worker ${k + 1}: ${message.message}`));
          return;
        }
        if (message.type === 'ready') {
          if (++ready === count) {
            started = performance.now();
            options.onStart?.();
            for (const each of workers) dispatch(each);
          }
          return;
        }
        records.set(message.record.index, message.record);
        peakHeapBytes[k] = Math.max(peakHeapBytes[k]!, message.peakHeapBytes);
        collections[k] = message.collections;
        if (records.size === total) finished = performance.now();
        options.onProgress?.(records.size);
        if (next > last) stopping = true;
        dispatch(w);
      });
      w.on('error', (e) => fail(new Error(`batch worker ${k + 1} failed: ${e.stack ?? e.message}`)));
      w.on('exit', (code) => {
        if (failed) return;
        if (!stopping) {
          fail(new Error(`batch worker ${k + 1} stopped unexpectedly (exit code ${code})`));
          return;
        }
        if (++stopped < count) return;
        resolvePromise({
          records: [...records.values()].sort((a, b) => a.index - b.index),
          playMs: finished - started,
          startMs: started - t0,
          peakHeapBytes,
          collections,
        });
      });
    }
  });
}

interface BatchArgs {
  scenarioArg: string;
  baseSeed: string;
  first: number;
  last: number;
  workers: number;
  turns: number | undefined;
  /** The --play value ('' for the scenario's own controllers). */
  play: string;
  out: string | undefined;
  json: boolean;
}

function parseBatchArgs(args: string[]): BatchArgs {
  const { values, positionals } = parseFlags(args, {
    runs: { type: 'string' },
    seeds: { type: 'string' },
    seed: { type: 'string' },
    workers: { type: 'string' },
    turns: { type: 'string' },
    play: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('expected one scenario argument');
  if (values.runs !== undefined && values.seeds !== undefined)
    throw new UsageError('give either --runs N or --seeds A..B, not both');
  let first: number;
  let last: number;
  if (values.seeds !== undefined) {
    const m = /^(\d+)\.\.(\d+)$/.exec(String(values.seeds));
    if (!m || Number(m[1]) > Number(m[2]))
      throw new UsageError(
        `--seeds must be a range of game indices A..B with 0 ≤ A ≤ B (got "${String(values.seeds)}")`,
      );
    first = Number(m[1]);
    last = Number(m[2]);
  } else if (values.runs !== undefined) {
    first = 0;
    last = intFlag(values.runs, 'runs', 1)! - 1;
  } else {
    throw new UsageError('batch needs --runs N (games 0..N-1) or --seeds A..B (a slice of them)');
  }
  const out = outFileFlag(values.out);
  return {
    scenarioArg: positionals[0]!,
    baseSeed: seedFlag(values.seed) ?? '1',
    first,
    last,
    workers: intFlag(values.workers, 'workers', 1) ?? availableParallelism(),
    turns: intFlag(values.turns, 'turns', 1),
    play: values.play === undefined ? '' : String(values.play),
    out,
    json: values.json === true,
  };
}

/** Writes a batch file: `.csv` one row per game, otherwise the JSON that merge reads. */
export function writeBatchFile(path: string, file: BatchFile): void {
  writeFileSync(path, /\.csv$/i.test(path) ? toCsv(file) : JSON.stringify(file) + '\n');
}

function table(rows: string[][], rightFrom: number): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) =>
    r
      .map((cell, c) => (c >= rightFrom ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** The readable report of a batch (or merged slices): bands per actor, meters, games to replay. */
export function describeBatch(file: BatchFile, scenarioArg: string): string[] {
  const lines: string[] = [];
  const ends = file.ends;
  lines.push(
    `${file.scenario.id}: ${file.games} game${file.games === 1 ? '' : 's'} (indices ${formatRanges(file.ranges)}; ` +
      `seed ${file.seedRule}), at most ${file.maxTurns} turns each, rules version ${file.rulesVersion}`,
  );
  lines.push(
    `Ended: ${ends['turn-limit']} at the turn limit, ${ends['sudden-death']} by sudden death, ` +
      `${ends.trigger} by a trigger, ${ends[UNFINISHED]} not finished (no band)`,
  );
  lines.push('', 'Outcome bands: per cent of games [95% Wilson interval]');
  const columns = ends[UNFINISHED] > 0 ? BAND_COLUMNS : BANDS;
  const bandRows = [['actor', ...columns]];
  for (const actor of file.actors) {
    bandRows.push([
      actor,
      ...columns.map((b) => {
        const s = file.bands[actor]![b];
        return `${s.percent.toFixed(1)}% [${s.ci95[0].toFixed(1)}–${s.ci95[1].toFixed(1)}]`;
      }),
    ]);
  }
  lines.push(...table(bandRows, 1));
  lines.push('', 'Meters at the end of each game (percentiles: nearest rank)');
  const meterRows = [['meter', 'mean', 'min', 'p10', 'p50', 'p90', 'max']];
  for (const m of METERS) {
    const s = file.meters[m];
    meterRows.push([m, s.mean.toFixed(2), ...[s.min, s.p10, s.p50, s.p90, s.max].map(String)]);
  }
  lines.push(...table(meterRows, 1));
  lines.push(
    '',
    `Replay a game: idlib-sim run ${scenarioArg} --seed <seed> --turns ${file.maxTurns} --play ${file.players}`,
  );
  const replayRows = [['typical game', file.replay.typical.seed, '']];
  for (const m of METERS) {
    const { min, max } = file.replay.extremes[m];
    replayRows.push([m, `lowest ${min.seed} (${min.value})`, `highest ${max.seed} (${max.value})`]);
  }
  lines.push(...table(replayRows, 99).map((l) => `  ${l}`));
  return lines;
}

/** Prints the report, writes `--out`, and with `--json` prints the summary as the last line. */
export function reportBatch(
  file: BatchFile,
  options: { scenarioArg: string; out: string | undefined; json: boolean },
  out: BatchOut,
): void {
  for (const line of describeBatch(file, options.scenarioArg)) out.log(line);
  if (options.out !== undefined) {
    writeBatchFile(options.out, file);
    out.log(`Written to ${options.out}.`);
  }
  if (options.json) out.log(JSON.stringify(withoutRecords(file)));
}

/**
 * Progress on stderr once the games start: a bar on a terminal, otherwise a line every few
 * seconds. The rate counts from the start of play (after the workers have loaded).
 */
function progressReporter(
  total: number,
  out: BatchOut,
): { start: () => void; update: (done: number) => void; stop: () => void } {
  let t0 = performance.now();
  const rate = (done: number) => (done / Math.max(1e-9, (performance.now() - t0) / 1000)).toFixed(1);
  if (out.tty) {
    const bar = new SingleBar({
      stream: process.stderr,
      format: 'batch |{bar}| {value}/{total} games | {rate} games/s | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      gracefulExit: true,
    });
    let running = false;
    return {
      start: () => {
        t0 = performance.now();
        running = true;
        bar.start(total, 0, { rate: '0.0' });
      },
      update: (done) => bar.update(done, { rate: rate(done) }),
      stop: () => {
        if (running) bar.stop();
      },
    };
  }
  let lastLine = t0;
  return {
    start: () => {
      t0 = lastLine = performance.now();
    },
    update: (done) => {
      const now = performance.now();
      if (now - lastLine < 5000 || done === total) return;
      lastLine = now;
      out.error(`batch: ${done}/${total} games, ${rate(done)} games/s`);
    },
    stop: () => {},
  };
}

export async function runBatch(args: string[], out: BatchOut): Promise<number> {
  const a = parseBatchArgs(args);
  const scenarioPath = resolve(resolveScenarioPath(a.scenarioArg));
  const scenario = loadScenarioArg(scenarioPath);
  const calendarTurns = scenario.data.calendar.turns;
  const maxTurns = Math.min(a.turns ?? calendarTurns, calendarTurns);
  const players = playersArg(a.play, scenario);
  const total = a.last - a.first + 1;
  const workers = Math.min(a.workers, total);
  const progress = progressReporter(total, out);
  let run: GamesRun;
  try {
    run = await playGames({
      scenarioPath,
      scenario,
      baseSeed: a.baseSeed,
      first: a.first,
      last: a.last,
      maxTurns,
      players,
      workers,
      onStart: progress.start,
      onProgress: progress.update,
    });
  } finally {
    progress.stop();
  }
  // The actors as the engine has them (every record lists them, sorted).
  const actors = Object.keys(run.records[0]!.bands);
  const file = summarize(
    {
      scenario: { id: scenario.data.id, contentHash: scenario.contentHash },
      rulesVersion: RULES_VERSION,
      baseSeed: a.baseSeed,
      maxTurns,
      players: playersSpec(players),
    },
    actors,
    run.records,
  );
  const peakMB = Math.max(...run.peakHeapBytes) / 1048576;
  out.error(
    `batch: ${total} games in ${(run.playMs / 1000).toFixed(1)} s (${((1000 * total) / run.playMs).toFixed(1)} games/s) ` +
      `on ${workers} worker${workers === 1 ? '' : 's'}, started in ${(run.startMs / 1000).toFixed(1)} s; ` +
      `peak heap ${peakMB.toFixed(0)} MB per worker`,
  );
  reportBatch(file, { scenarioArg: a.scenarioArg, out: a.out, json: a.json }, out);
  return 0;
}
