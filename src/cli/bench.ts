// `idlib-sim bench` / `npm run bench`: speed and size of the engine on the default scenario, and
// the speed of `idlib-sim batch`. Prints a few lines of context, then one JSON object of named
// figures as the last line.
import { computerOrders, GENERIC_DOCTRINE } from '../ai/index.ts';
import { hashState, resolveTurn, setStateFreezing, type GameState } from '../engine/index.ts';
import { newGame, scriptedOrders, type Scenario } from '../scenario/index.ts';
import { fileURLToPath } from 'node:url';
import { playGames, type GamesRun } from './batch.ts';
import { COLLECT_ABOVE_BYTES } from './batch-worker.ts';
import { benchWeb } from './bench-web.ts';
import { loadScenarioArg, resolveScenarioPath, UsageError } from './files.ts';
import { defaultPlayers, ordersForTurn, parsePlayers } from './play.ts';
import { strengthVsRandomInBatch } from './strength.ts';

export const DEFAULT_SCENARIO = 'winter-2019-2020';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Games of the batch measure (`batch.gamesPerSecond`, `batch.speedup2v1`): whole games of the
 * default scenario (its every turn). A batch is for the distribution of outcomes, and over 512
 * games the 95 % interval of a band's share is at most ±4.3 points (±12 over 64): about the
 * smallest batch worth running, and still short of the thousands the command is for. Every worker is an isolate of
 * its own and compiles the game's code anew as it plays its first few dozen games (V8's warm-up,
 * docs/architecture.md); over 512 games that is a small part of a worker's work, as in any batch
 * of that size or more.
 */
const BATCH_GAMES = 512;

/**
 * Games of the short batch (`batch.gamesPerSecond64`, `batch.speedup2v1At64`, and the scripted
 * batch): each of 2 workers plays 32, all of them in V8's warm-up, so these measure mostly how
 * fast the workers warm up.
 */
const SHORT_BATCH_GAMES = 64;

/**
 * Rounds of the batch measures (`BENCH_BATCH_ROUNDS`, default 3). The machine's speed drifts from
 * one minute to the next (docs/architecture.md): the speed-up of two rounds of one run differed
 * by a tenth (1.42 and 1.26 on 22 November 2026). Each round plays the batch on 1 worker and then
 * on 2, then the short batch the same way; the games per second are the median over the rounds,
 * and the speed-up is the median of each round's own ratio.
 */
const BATCH_ROUNDS = { variable: 'BENCH_BATCH_ROUNDS', fallback: 3 };

/** The whole number of at least 1 that a setting's environment variable gives, else its default. */
function setting({ variable, fallback }: { variable: string; fallback: number }): number {
  const raw = process.env[variable];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${variable}: "${raw}" is not a whole number of 1 or more`);
  return n;
}

/**
 * Seeds of the doctrine-against-random measure (each takes one game plus one per actor: 1,200
 * games for 200 seeds, played on 2 worker threads).
 */
const STRENGTH_SEEDS = { variable: 'BENCH_STRENGTH_SEEDS', fallback: 200 };

/** The default scenario's batch on `workers` threads: every actor by the computer, or as shipped. */
async function benchBatch(
  scenarioPath: string,
  scenario: Scenario,
  workers: number,
  computer: boolean,
  games: number,
): Promise<GamesRun> {
  return playGames({
    scenarioPath,
    scenario,
    baseSeed: '1',
    first: 0,
    last: games - 1,
    maxTurns: scenario.data.calendar.turns,
    players: computer ? parsePlayers('computer', scenario) : defaultPlayers(scenario),
    workers,
  });
}

/** Median milliseconds of one computer decision, per actor, over a few all-computer games. */
function decisionTimes(scenario: Scenario, games: number): Record<string, number> {
  const times: Record<string, number[]> = {};
  const players = parsePlayers('computer', scenario);
  for (let g = 0; g < games; g++) {
    let state = newGame(scenario, `ai-${g}`);
    while (!state.over) {
      for (const actor of Object.keys(players).sort()) {
        const t0 = performance.now();
        computerOrders(state, actor, scenario.doctrines[actor] ?? GENERIC_DOCTRINE);
        (times[actor] ??= []).push(performance.now() - t0);
      }
      const { orders, decisions } = ordersForTurn(scenario, state, players);
      state = resolveTurn(state, orders, decisions).state;
    }
  }
  const out: Record<string, number> = {};
  for (const actor of Object.keys(times).sort()) out[actor] = round3(median(times[actor]!));
  return out;
}

/** The project's root folder (the web figures build the game from it). */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function runBench(
  out: { log: (line: string) => void },
  only?: 'engine' | 'web' | string,
): Promise<number> {
  if (only === 'web') {
    out.log(JSON.stringify(await benchWeb(ROOT, out.log)));
    return 0;
  }
  const batchRounds = setting(BATCH_ROUNDS);
  const strengthSeeds = setting(STRENGTH_SEEDS);
  const scenarioPath = resolveScenarioPath(DEFAULT_SCENARIO);
  const scenario = loadScenarioArg(scenarioPath);
  setStateFreezing(false);
  const games = 30;
  const turnTimes: number[] = [];
  let finalState: GameState | null = null;
  let maxBytes = 0;
  for (let g = 0; g < games; g++) {
    let state = newGame(scenario, String(g + 1));
    while (!state.over) {
      const orders = scriptedOrders(scenario, state);
      const t0 = performance.now();
      state = resolveTurn(state, orders).state;
      turnTimes.push(performance.now() - t0);
    }
    maxBytes = Math.max(maxBytes, JSON.stringify(state).length);
    finalState = state;
  }
  const hashTimes: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    hashState(finalState!);
    hashTimes.push(performance.now() - t0);
  }
  setStateFreezing(true);

  // Batch: games per second of play, from the moment every worker has loaded the scenario to the
  // last game (starting the threads, the bundled code and the scenario is reported apart), with
  // every actor played by the computer (what a batch is for; the shipped scenario's scripted play
  // is a figure of its own), in rounds (BATCH_ROUNDS) of a batch of BATCH_GAMES and one of
  // SHORT_BATCH_GAMES; the speed-up is 2 workers over 1 on the same games.
  // Memory: each worker samples the V8 heap in use by its own isolate
  // (v8.getHeapStatistics().used_heap_size: live objects and garbage not yet collected, the
  // thread's real footprint on the heap) after every turn; the figure is the largest peak of any
  // 2-worker run's workers. The process's resident size is shared by all threads, so it says
  // nothing per worker.
  const gamesPerSecond = (run: GamesRun) => (1000 * run.records.length) / run.playMs;
  type Round = { one: GamesRun; two: GamesRun };
  const rounds: Round[] = [];
  const shortRounds: Round[] = [];
  for (let r = 0; r < batchRounds; r++) {
    rounds.push({
      one: await benchBatch(scenarioPath, scenario, 1, true, BATCH_GAMES),
      two: await benchBatch(scenarioPath, scenario, 2, true, BATCH_GAMES),
    });
    shortRounds.push({
      one: await benchBatch(scenarioPath, scenario, 1, true, SHORT_BATCH_GAMES),
      two: await benchBatch(scenarioPath, scenario, 2, true, SHORT_BATCH_GAMES),
    });
  }
  const scripted = await benchBatch(scenarioPath, scenario, 2, false, SHORT_BATCH_GAMES);
  const medianRate = (of: Round[]) => round3(median(of.map((r) => gamesPerSecond(r.two))));
  const medianSpeedup = (of: Round[]) =>
    round3(median(of.map((r) => gamesPerSecond(r.two) / gamesPerSecond(r.one))));

  setStateFreezing(false);
  const msPerDecision = decisionTimes(scenario, 2);
  setStateFreezing(true);
  const strength = await strengthVsRandomInBatch({
    scenarioPath,
    scenario,
    baseSeed: 'bench',
    seeds: strengthSeeds,
    workers: 2,
  });
  const winRate: Record<string, number> = {};
  for (const [actor, t] of Object.entries(strength.byActor)) winRate[actor] = round3(t.wins / strength.seeds);

  const figures = {
    'engine.msPerTurn': round3(median(turnTimes)),
    'engine.stateBytes': maxBytes,
    'engine.hashMs': round3(median(hashTimes)),
    'batch.gamesPerSecond': medianRate(rounds),
    'batch.speedup2v1': medianSpeedup(rounds),
    'batch.gamesPerSecond64': medianRate(shortRounds),
    'batch.speedup2v1At64': medianSpeedup(shortRounds),
    'batch.gamesPerSecondScripted': round3(gamesPerSecond(scripted)),
    'batch.peakMBPerWorker': round3(
      Math.max(...[...rounds, ...shortRounds].flatMap((r) => r.two.peakHeapBytes)) / 1048576,
    ),
    'ai.msPerDecision': msPerDecision,
    'ai.winRateVsRandom': winRate,
    ...(only === 'engine' ? {} : await benchWeb(ROOT, out.log)),
  };
  out.log(
    `bench: ${scenario.data.id}, ${games} games of ${finalState!.calendar.turns} turns (${turnTimes.length} turns timed)`,
  );
  out.log(
    `bench: ai.winRateVsRandom over ${strength.seeds} seeds (wins, ties, losses per actor): ${JSON.stringify(strength.byActor)}`,
  );
  const collections = [...rounds, ...shortRounds]
    .flatMap((r) => [r.one, r.two])
    .concat(scripted)
    .flatMap((run) => run.collections)
    .reduce((a, b) => a + b, 0);
  const seconds = (run: GamesRun) =>
    `${(run.playMs / 1000).toFixed(1)} s (started in ${(run.startMs / 1000).toFixed(1)} s)`;
  const described = (of: Round[], games: number) =>
    `${games} whole games: ` +
    of.map((r, i) => `round ${i + 1}: 1 worker ${seconds(r.one)}, 2 workers ${seconds(r.two)}`).join('; ');
  out.log(
    `bench: batches of every actor by the computer, ${batchRounds} round${batchRounds === 1 ? '' : 's'} in turn; ` +
      `${described(rounds, BATCH_GAMES)}; ${described(shortRounds, SHORT_BATCH_GAMES)}` +
      `; ${SHORT_BATCH_GAMES} as shipped (scripted actors) on 2 workers ${(scripted.playMs / 1000).toFixed(1)} s` +
      `; workers collected their garbage themselves (heap in use over ${COLLECT_ABOVE_BYTES / 1048576} MB) ` +
      `${collections} time${collections === 1 ? '' : 's'} in all`,
  );
  out.log(JSON.stringify(figures));
  return 0;
}
