// One game of a batch (`playGame`), and the worker thread that plays games for `idlib-sim batch`.
// The thread starts through batch-thread.mjs, which loads this file as bundled by the main thread
// (src/cli/worker-bundle.ts); it loads the scenario once, then plays each game index the main
// thread sends and posts back its record.
// Protocol: worker → main `ready` | `result` | `error`; main → worker `play` | `stop`.
import { getHeapStatistics } from 'node:v8';
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { setStateFreezing, type Band, type GameState } from '../engine/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { loadScenarioArg } from './files.ts';
import { playScenario, type Player } from './play.ts';
import { gameSeed, type GameRecord } from './stats.ts';

/** Plays game `index` of a batch with base seed `baseSeed` and returns its record. */
export function playGame(
  scenario: Scenario,
  baseSeed: string,
  index: number,
  maxTurns: number,
  players: Record<string, Player>,
  afterTurn?: (state: GameState) => void,
): GameRecord {
  const seed = gameSeed(baseSeed, index);
  let maxEscalation = 0;
  let turns = 0;
  const { state } = playScenario(scenario, seed, maxTurns, {
    record: false,
    // No one reads a batch game's events: their words are left out (the same game otherwise).
    wordless: true,
    players,
    onStart: (s) => (maxEscalation = s.meters.escalation),
    onTurn: (_turn, _events, s) => {
      turns++;
      maxEscalation = Math.max(maxEscalation, s.meters.escalation);
      afterTurn?.(s);
    },
  });
  const turkey = state.params.actorRoles.turkey;
  const bands: Record<string, Band | null> = {};
  const scores: Record<string, number> = {};
  for (const actor of Object.keys(state.actors).sort()) {
    const band = state.outcome?.bands[actor];
    bands[actor] = band ? band.band : null;
    scores[actor] = band ? band.score : (state.victory.scores[actor] ?? 0);
  }
  return {
    index,
    seed,
    turns,
    end: state.outcome ? state.outcome.reason : null,
    bands,
    scores,
    meters: {
      displaced: state.meters.displaced,
      civilianDead: state.meters.civilianDead,
      turkeyLosses: state.meters.losses[turkey] ?? 0,
      postsHeld: Object.values(state.posts).filter(
        (p) => p.actor === turkey && p.status !== 'evacuated' && p.status !== 'overrun',
      ).length,
      maxEscalation,
    },
  };
}

export const WORKER_KIND = 'idlib-sim.batch-worker';

export interface WorkerInit {
  kind: typeof WORKER_KIND;
  /** The worker's code as one module, which batch-thread.mjs loads (`workerBundle`). */
  bundle: string;
  /** The scenario file, resolved by the main thread. */
  scenarioPath: string;
  /** The content hash the main thread loaded: the worker refuses a file that changed since. */
  contentHash: string;
  baseSeed: string;
  maxTurns: number;
  players: Record<string, Player>;
  /** The heap in use above which the worker collects its garbage itself (`COLLECT_ABOVE_BYTES`). */
  collectAboveBytes: number;
}

export type ToWorker = { type: 'play'; index: number } | { type: 'stop' };

export type FromWorker =
  | { type: 'ready' }
  /**
   * `peakHeapBytes`: the largest V8 heap in use (`used_heap_size` of this thread's isolate: live
   * objects and garbage not yet collected) sampled after every turn this worker has played so far.
   * `collections`: how many times so far the worker collected its garbage itself.
   */
  | { type: 'result'; record: GameRecord; peakHeapBytes: number; collections: number }
  | { type: 'error'; message: string };

/**
 * The heap in use (`used_heap_size`) above which a worker collects its garbage at once, after a
 * turn. A worker keeps about 21 MB alive; V8 lets garbage pile up to a limit it sets from what a
 * full collection last found alive. Its heap in use peaked at 80-100 MB in most runs of 64 games,
 * but now and then grew by about 5 MB a game for several games, to 130-155 MB, with no full
 * collection. Collecting here keeps a worker near this bound whatever V8's limit, and happens
 * only in such runs. What the games compute does not change (docs/architecture.md).
 */
export const COLLECT_ABOVE_BYTES = 112 * 1048576;

/**
 * V8's full collection: `gc`, which V8 gives the threads started after `--expose-gc` was set
 * (`playGames` sets it before it starts its workers), else null.
 */
function fullCollection(): (() => void) | null {
  const gc: unknown = (globalThis as { gc?: unknown }).gc;
  return typeof gc === 'function' ? (gc as () => void) : null;
}

function serveGames(port: MessagePort, init: WorkerInit): void {
  const send = (message: FromWorker) => port.postMessage(message);
  let scenario: Scenario;
  try {
    setStateFreezing(false);
    scenario = loadScenarioArg(init.scenarioPath);
    if (scenario.contentHash !== init.contentHash)
      throw new Error(`the scenario ${init.scenarioPath} changed while the batch was starting`);
  } catch (e) {
    send({ type: 'error', message: (e as Error).message });
    port.close();
    return;
  }
  let peakHeapBytes = getHeapStatistics().used_heap_size;
  const collect = fullCollection();
  let collections = 0;
  const sample = () => {
    const used = getHeapStatistics().used_heap_size;
    peakHeapBytes = Math.max(peakHeapBytes, used);
    if (used > init.collectAboveBytes && collect !== null) {
      collect();
      collections++;
    }
  };
  port.on('message', (message: ToWorker) => {
    if (message.type === 'stop') {
      port.close();
      return;
    }
    try {
      const record = playGame(scenario, init.baseSeed, message.index, init.maxTurns, init.players, sample);
      send({ type: 'result', record, peakHeapBytes, collections });
    } catch (e) {
      send({ type: 'error', message: `game ${message.index}: ${(e as Error).stack ?? String(e)}` });
    }
  });
  send({ type: 'ready' });
}

if (!isMainThread && parentPort && (workerData as Partial<WorkerInit> | null)?.kind === WORKER_KIND) {
  serveGames(parentPort, workerData as WorkerInit);
}
