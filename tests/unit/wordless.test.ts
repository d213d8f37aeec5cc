// Wordless turns (`resolveTurn(…, { wordless: true })`, what `idlib-sim batch` plays): the events'
// explanations are left empty, and nothing else changes. Played turn by turn beside the same game
// with its words, over every shipped scenario, each state must equal the worded one but for the
// explanations.
import { describe, expect, it } from 'vitest';
import { loadScenarioArg } from '../../src/cli/files.ts';
import {
  historicalPlayers,
  ordersForTurn,
  parsePlayers,
  playScenario,
  type Player,
} from '../../src/cli/play.ts';
import { resolveTurn, type GameEvent, type GameState, type LogEntry } from '../../src/engine/index.ts';
import { newGame, type Scenario } from '../../src/scenario/index.ts';

/** The events with their explanations emptied. */
function unworded(events: readonly GameEvent[]): GameEvent[] {
  return events.map((e) => ({ ...e, explain: '' }));
}

/** The state but its log, as JSON. */
function withoutLog(state: GameState): string {
  return JSON.stringify({ ...state, log: [] });
}

function lastEntry(state: GameState): LogEntry {
  return state.log[state.log.length - 1]!;
}

/**
 * Plays `scenario` with `players` from `seed` twice in step, with and without words, checking
 * every turn; returns how many events the worded game explained and how many turns it played.
 */
function playBoth(scenario: Scenario, seed: string, players: Record<string, Player>) {
  let worded = newGame(scenario, seed);
  let wordless = newGame(scenario, seed);
  let explained = 0;
  let turns = 0;
  // Each turn's orders, worked out once from the worded game.
  let next = ordersForTurn(scenario, worded, players);
  while (!worded.over) {
    const { orders, decisions } = next;
    const a = resolveTurn(worded, orders, decisions);
    const b = resolveTurn(wordless, orders, decisions, { wordless: true });
    expect(b.events.every((e) => e.explain === '')).toBe(true);
    expect(b.events).toEqual(unworded(a.events));
    expect(withoutLog(b.state)).toBe(withoutLog(a.state));
    expect(lastEntry(b.state)).toEqual({
      ...lastEntry(a.state),
      events: unworded(lastEntry(a.state).events),
    });
    explained += a.events.filter((e) => e.explain !== '').length;
    worded = a.state;
    wordless = b.state;
    turns++;
    next = ordersForTurn(scenario, worded, players);
    // The computer actors decide from the wordless game too: its own orders must be the same.
    expect(ordersForTurn(scenario, wordless, players).orders).toEqual(next.orders);
  }
  expect(wordless.over).toBe(true);
  expect(wordless.log.length).toBe(worded.log.length);
  return { explained, turns };
}

describe('wordless turns', () => {
  const games: [string, string, 'computer' | 'random'][] = [
    ['winter-2019-2020', 'wordless-1', 'computer'],
    ['winter-2019-2020', 'wordless-2', 'random'],
    ['idlib-2019', 'wordless-3', 'computer'],
    ['m4-corridor-2020', 'wordless-4', 'computer'],
    ['sochi-2018', 'wordless-5', 'computer'],
    ['tutorial-convoy', 'wordless-6', 'computer'],
  ];
  it.each(games)('%s, seed %s, %s play: the same game but for the words', (id, seed, play) => {
    const scenario = loadScenarioArg(id);
    const { explained, turns } = playBoth(scenario, seed, parsePlayers(play, scenario));
    expect(turns).toBeGreaterThan(0);
    // The worded game does explain its events, so the comparison above has words to leave out.
    expect(explained).toBeGreaterThan(turns);
  });

  it('the historical course as scripted, too', () => {
    const scenario = loadScenarioArg('winter-2019-2020');
    playBoth(scenario, 'wordless-7', historicalPlayers(scenario));
  });

  it('cannot be asked of a recorded game, whose hashes cover the words', () => {
    const scenario = loadScenarioArg('tutorial-convoy');
    expect(() => playScenario(scenario, '1', 3, { wordless: true })).toThrow(/keeps its words/);
    const { state } = playScenario(scenario, '1', 3, { record: false, wordless: true });
    expect(state.log.flatMap((e) => e.events).every((e) => e.explain === '')).toBe(true);
  });
});
