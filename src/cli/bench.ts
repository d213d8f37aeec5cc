// `idlib-sim bench` / `npm run bench`: speed and size of the engine on the default scenario.
// Prints a few lines of context, then one JSON object of named figures as the last line.
import { hashState, resolveTurn, setStateFreezing, type GameState } from '../engine/index.ts';
import { newGame, scriptedOrders } from '../scenario/index.ts';
import { loadScenarioArg } from './files.ts';

export const DEFAULT_SCENARIO = 'winter-2019-2020';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export function runBench(out: { log: (line: string) => void }): number {
  const scenario = loadScenarioArg(DEFAULT_SCENARIO);
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
  const figures = {
    'engine.msPerTurn': round3(median(turnTimes)),
    'engine.stateBytes': maxBytes,
    'engine.hashMs': round3(median(hashTimes)),
  };
  out.log(
    `bench: ${scenario.data.id}, ${games} games of ${finalState!.calendar.turns} turns (${turnTimes.length} turns timed)`,
  );
  out.log(JSON.stringify(figures));
  return 0;
}
