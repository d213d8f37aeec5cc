// How much better each actor plays by its doctrine than at random: for each seed, one game with
// every actor played by the computer, and one game per actor in which that actor alone plays
// random legal orders. An actor "wins" a seed when its score by doctrine is higher than its score
// at random (equal scores are a tie). Used by `npm run bench` (ai.winRateVsRandom) and the tests.
import type { Scenario } from '../scenario/index.ts';
import { playGames } from './batch.ts';
import { parsePlayers, playScenario, type Player } from './play.ts';

export interface Strength {
  /** Per actor: seeds won, tied and lost by doctrine play against random play. */
  byActor: Record<string, { wins: number; ties: number; losses: number }>;
  seeds: number;
}

export function strengthVsRandom(scenario: Scenario, seeds: readonly string[]): Strength {
  const computer = parsePlayers('computer', scenario);
  const actors = Object.keys(computer).sort();
  const byActor: Strength['byActor'] = {};
  for (const a of actors) byActor[a] = { wins: 0, ties: 0, losses: 0 };
  const turns = scenario.data.calendar.turns;
  for (const seed of seeds) {
    const doctrine = playScenario(scenario, seed, turns, {
      record: false,
      wordless: true,
      players: computer,
    }).state;
    for (const a of actors) {
      const random = playScenario(scenario, seed, turns, {
        record: false,
        wordless: true,
        players: { ...computer, [a]: 'random' },
      }).state;
      const mine = doctrine.victory.scores[a] ?? 0;
      const theirs = random.victory.scores[a] ?? 0;
      const tally = byActor[a]!;
      if (mine > theirs) tally.wins++;
      else if (mine === theirs) tally.ties++;
      else tally.losses++;
    }
  }
  return { byActor, seeds: seeds.length };
}

/**
 * The same measure over seeds `${baseSeed}-0` … `${baseSeed}-${seeds - 1}`, played by
 * `idlib-sim batch`'s worker threads (the benchmark's 200 seeds take minutes on one thread). It
 * gives exactly what `strengthVsRandom` gives for those seeds.
 */
export async function strengthVsRandomInBatch(options: {
  scenarioPath: string;
  scenario: Scenario;
  baseSeed: string;
  seeds: number;
  workers: number;
}): Promise<Strength> {
  const { scenarioPath, scenario, baseSeed, seeds, workers } = options;
  const computer = parsePlayers('computer', scenario);
  const actors = Object.keys(computer).sort();
  const play = async (players: Record<string, Player>) =>
    (
      await playGames({
        scenarioPath,
        scenario,
        baseSeed,
        first: 0,
        last: seeds - 1,
        maxTurns: scenario.data.calendar.turns,
        players,
        workers,
      })
    ).records;
  const doctrine = await play(computer);
  const byActor: Strength['byActor'] = {};
  for (const a of actors) {
    const random = await play({ ...computer, [a]: 'random' });
    const tally = (byActor[a] = { wins: 0, ties: 0, losses: 0 });
    for (let i = 0; i < seeds; i++) {
      const mine = doctrine[i]!.scores[a] ?? 0;
      const theirs = random[i]!.scores[a] ?? 0;
      if (mine > theirs) tally.wins++;
      else if (mine === theirs) tally.ties++;
      else tally.losses++;
    }
  }
  return { byActor, seeds };
}
