// How much better each actor plays by its doctrine than at random: for each seed, one game with
// every actor played by the computer, and one game per actor in which that actor alone plays
// random legal orders. An actor "wins" a seed when its score by doctrine is higher than its score
// at random (equal scores are a tie). Used by `npm run bench` (ai.winRateVsRandom) and the tests.
import type { Scenario } from '../scenario/index.ts';
import { parsePlayers, playScenario } from './play.ts';

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
    const doctrine = playScenario(scenario, seed, turns, { record: false, players: computer }).state;
    for (const a of actors) {
      const random = playScenario(scenario, seed, turns, {
        record: false,
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
