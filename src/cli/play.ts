// Plays a scenario headless: each actor's orders come from whoever plays it (see `Player`): the
// scenario script, the computer (its doctrine, src/ai), random legal orders, or nobody.
import { computerOrders, GENERIC_DOCTRINE, randomOrders } from '../ai/index.ts';
import {
  resolveTurn,
  sortedIds,
  type DecisionRecord,
  type GameEvent,
  type GameState,
  type OrdersByActor,
} from '../engine/index.ts';
import {
  HistoryTracker,
  newGame,
  recordTurn,
  scriptedOrders,
  startReplay,
  type HistoryReport,
  type Replay,
  type Scenario,
} from '../scenario/index.ts';

/**
 * Who gives an actor's orders in a headless game: `script` (the scenario's script), `computer`
 * (its doctrine), `random` (random legal orders, the yardstick the doctrines are measured
 * against) or `passive` (no orders).
 */
export type Player = 'script' | 'computer' | 'random' | 'passive';

export const PLAYERS: readonly Player[] = ['script', 'computer', 'random', 'passive'];

/**
 * Who plays each actor by default: a scripted actor follows the script, a passive one gives no
 * orders, and every other actor (computer, and human: no student is at the keyboard) is played by
 * the computer.
 */
export function defaultPlayers(scenario: Scenario): Record<string, Player> {
  const out: Record<string, Player> = {};
  for (const a of scenario.data.actors)
    out[a.id] = a.controller === 'scripted' ? 'script' : a.controller === 'passive' ? 'passive' : 'computer';
  return out;
}

/**
 * Reads a `--play` value: one player for every actor (`computer`), or a comma list of
 * `actor=player` (`turkey=random,syria=computer`), or both (`computer,turkey=script`), over the
 * defaults. Throws an Error with a sentence for a bad value.
 */
export function parsePlayers(spec: string, scenario: Scenario): Record<string, Player> {
  const out = defaultPlayers(scenario);
  const actors = Object.keys(out);
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const [who, what] = part.includes('=') ? part.split('=', 2) : ['', part];
    if (!PLAYERS.includes(what as Player))
      throw new Error(`--play: "${what}" is not a player (one of: ${PLAYERS.join(', ')})`);
    if (who === '') for (const a of actors) out[a] = what as Player;
    else if (!actors.includes(who!))
      throw new Error(`--play: "${who}" is not an actor of ${scenario.data.id} (${actors.join(', ')})`);
    else out[who!] = what as Player;
  }
  return out;
}

/** The players as a `--play` value that gives them back (`hts=computer,russia=script,…`). */
export function playersSpec(players: Record<string, Player>): string {
  return sortedIds(players)
    .map((a) => `${a}=${players[a]}`)
    .join(',');
}

export interface PlayResult {
  state: GameState;
  /** The replay (see `PlayOptions.record`). */
  replay: Replay;
  eventCounts: Record<string, number>;
}

export interface PlayOptions {
  /** Called with the first state, before turn 1. */
  onStart?: (state: GameState) => void;
  /** Called after every turn with the turn's events and the new state. */
  onTurn?: (turn: number, events: GameEvent[], state: GameState) => void;
  /**
   * Record the game as a replay (default true): the first state's hash, then every turn's orders
   * and state hash. Batch runs skip it.
   */
  record?: boolean;
  /** Who plays which actor, over the defaults (`defaultPlayers`). */
  players?: Record<string, Player>;
  /**
   * Leave the events' explanations empty (`TurnOptions`): the same game but for those words, for
   * games no one reads. Only without a replay, whose hashes cover the words.
   */
  wordless?: boolean;
}

/** Every actor's orders and the computer actors' decision records for the coming turn. */
export function ordersForTurn(
  scenario: Scenario,
  state: GameState,
  players: Record<string, Player>,
): { orders: OrdersByActor; decisions: DecisionRecord[] } {
  const scripted = sortedIds(players).filter((a) => players[a] === 'script');
  const orders: OrdersByActor = scripted.length > 0 ? scriptedOrders(scenario, state, scripted) : {};
  const decisions: DecisionRecord[] = [];
  for (const actor of sortedIds(players)) {
    const player = players[actor];
    if (player !== 'computer' && player !== 'random') continue;
    if (!state.actors[actor]) continue;
    const doctrine = scenario.doctrines[actor] ?? GENERIC_DOCTRINE;
    const d =
      player === 'computer'
        ? computerOrders(state, actor, doctrine)
        : randomOrders(state, actor, doctrine.ordersPerTurn);
    if (d.orders.length > 0) orders[actor] = d.orders;
    decisions.push(d.record);
  }
  return { orders, decisions };
}

/** A game played with `record: false`: no replay. */
export type UnrecordedResult = Omit<PlayResult, 'replay'> & { replay: null };

export function playScenario(
  scenario: Scenario,
  seed: string,
  maxTurns: number,
  options: PlayOptions & { record: false },
): UnrecordedResult;
export function playScenario(
  scenario: Scenario,
  seed: string,
  maxTurns: number,
  options?: (PlayOptions & { record?: true }) | PlayOptions['onTurn'],
): PlayResult;
export function playScenario(
  scenario: Scenario,
  seed: string,
  maxTurns: number,
  options: PlayOptions | PlayOptions['onTurn'] = {},
): PlayResult | UnrecordedResult {
  const opts = typeof options === 'function' ? { onTurn: options } : options;
  const { onTurn, record = true, wordless = false } = opts;
  if (record && wordless) throw new Error('playScenario: a recorded game keeps its words');
  const players = { ...defaultPlayers(scenario), ...opts.players };
  let state = newGame(scenario, seed);
  opts.onStart?.(state);
  const replay = record ? startReplay(scenario, seed, state) : null;
  const eventCounts: Record<string, number> = {};
  for (let played = 0; played < maxTurns && !state.over; played++) {
    const turn = state.turn;
    const { orders, decisions } = ordersForTurn(scenario, state, players);
    const result = resolveTurn(state, orders, decisions, { wordless });
    state = result.state;
    if (replay) recordTurn(replay, turn, orders, state, decisions);
    for (const e of result.events) eventCounts[e.kind] = (eventCounts[e.kind] ?? 0) + 1;
    onTurn?.(turn, result.events, state);
  }
  const sorted: Record<string, number> = {};
  for (const k of Object.keys(eventCounts).sort()) sorted[k] = eventCounts[k]!;
  return { state, replay, eventCounts: sorted };
}

/** Every actor played by the script: the historical course. */
export function historicalPlayers(scenario: Scenario): Record<string, Player> {
  return Object.fromEntries(scenario.data.actors.map((a) => [a.id, 'script' as const]));
}

/**
 * Plays the historical course (every actor by its script) and checks the game against the
 * scenario's dated history (src/scenario/history.ts).
 */
export function playHistorical(
  scenario: Scenario,
  seed: string,
  maxTurns = scenario.data.calendar.turns,
  onTurn?: PlayOptions['onTurn'],
): PlayResult & { history: HistoryReport } {
  let tracker: HistoryTracker | null = null;
  const result = playScenario(scenario, seed, maxTurns, {
    players: historicalPlayers(scenario),
    onStart: (state) => {
      tracker = new HistoryTracker(scenario.data.history, state);
    },
    onTurn: (turn, events, state) => {
      tracker!.observe(turn, events, state);
      onTurn?.(turn, events, state);
    },
  });
  return { ...result, history: tracker!.report() };
}

const HEADLINE_KINDS = new Set([
  'control.changed',
  'post.status_changed',
  'post.supply_exhausted',
  'convoy.departed',
  'convoy.arrived',
  'unit.halted',
  'order.rejected',
  'trigger.message',
  'scenario.ended',
]);

/** One line in words for a turn: the notable events in full, routine ones counted. */
export function describeTurn(date: string, turn: number, events: GameEvent[]): string {
  const notable = events
    .filter((e) => HEADLINE_KINDS.has(e.kind) && e.kind !== 'scenario.ended')
    .map((e) => e.explain);
  const moves = events.filter((e) => e.kind === 'unit.moved').length;
  const convoys = events.filter((e) => e.kind === 'convoy.moved').length;
  const routine: string[] = [];
  if (moves > 0) routine.push(`${moves} unit${moves === 1 ? '' : 's'} on the move`);
  if (convoys > 0) routine.push(`${convoys} convoy${convoys === 1 ? '' : 's'} on the road`);
  const parts = [...notable];
  if (routine.length > 0) parts.push(routine.join(', ') + '.');
  return `Turn ${turn} (${date}): ${parts.length > 0 ? parts.join(' ') : 'quiet; nothing changes hands.'}`;
}
