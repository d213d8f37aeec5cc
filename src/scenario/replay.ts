// The replay file: which scenario (id and content hash), the rules version, the seed, and for
// every turn the orders of every actor and the state hash after the turn. Replaying it from the
// scenario must give the same hashes, byte for byte, in Node and in the browser.
import { z } from 'zod';
import {
  hashState,
  resolveTurn,
  RULES_VERSION,
  type DecisionRecord,
  type GameState,
  type OrdersByActor,
} from '../engine/index.ts';
import { newGame } from './build.ts';
import type { Scenario } from './load.ts';
import { OrderSchema } from './schema.ts';

export const REPLAY_FORMAT = 'idlib-sim-replay';

/** A computer actor's decision record (engine type DecisionRecord), as the replay stores it. */
export const DecisionRecordSchema = z.strictObject({
  actor: z.string(),
  doctrine: z.string(),
  weighed: z.number().int().min(0),
  chosen: z.number().int().min(0),
  draw: z.number().int().min(0),
  top: z.array(
    z.strictObject({
      order: z.string(),
      score: z.number().int(),
      factors: z.array(z.strictObject({ factor: z.string(), points: z.number().int() })),
    }),
  ),
});

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a hash is 64 lower-case hex digits');

export const ReplaySchema = z.strictObject({
  format: z.literal(REPLAY_FORMAT),
  formatVersion: z.literal(1),
  scenario: z.strictObject({ id: z.string().min(1), contentHash: hex64, file: z.string().optional() }),
  rulesVersion: z.number().int(),
  seed: z.string(),
  initialHash: hex64,
  turns: z.array(
    z.strictObject({
      turn: z.number().int().min(1),
      orders: z.record(z.string(), z.array(OrderSchema)),
      /** The computer actors' decision records of the turn (they enter the log, so the hash). */
      decisions: z.array(DecisionRecordSchema).optional(),
      hash: hex64,
    }),
  ),
});

export type Replay = z.output<typeof ReplaySchema>;

export function startReplay(scenario: Scenario, seed: string, initial: GameState): Replay {
  return {
    format: REPLAY_FORMAT,
    formatVersion: 1,
    scenario: { id: scenario.data.id, contentHash: scenario.contentHash, file: scenario.file },
    rulesVersion: RULES_VERSION,
    seed,
    initialHash: hashState(initial),
    turns: [],
  };
}

/** Records a resolved turn (the orders as given, and the hash of the state after it). */
export function recordTurn(
  replay: Replay,
  turn: number,
  orders: OrdersByActor,
  after: GameState,
  decisions: readonly DecisionRecord[] = [],
): void {
  const copy: OrdersByActor = {};
  for (const actor of Object.keys(orders).sort()) copy[actor] = structuredClone(orders[actor]!);
  replay.turns.push({
    turn,
    orders: copy,
    ...(decisions.length > 0 ? { decisions: structuredClone([...decisions]) } : {}),
    hash: hashState(after),
  });
}

export type VerifyResult =
  | { ok: true; turns: number; hash: string; state: GameState }
  | { ok: false; turn: number; expected: string; actual: string; reason: string };

/** Checks the replay's header against the scenario; returns a sentence, or null when they match. */
export function replayMismatch(replay: Replay, scenario: Scenario): string | null {
  if (replay.scenario.id !== scenario.data.id)
    return `the replay is of scenario "${replay.scenario.id}", not "${scenario.data.id}"`;
  if (replay.scenario.contentHash !== scenario.contentHash)
    return `scenario "${scenario.data.id}" has changed since the replay was recorded (content hash ${scenario.contentHash.slice(0, 12)}…, replay has ${replay.scenario.contentHash.slice(0, 12)}…)`;
  if (replay.rulesVersion !== RULES_VERSION)
    return `the replay was recorded with rules version ${replay.rulesVersion}; this is version ${RULES_VERSION}`;
  return null;
}

/** Replays every turn and compares hashes; names the first turn that differs. */
export function verifyReplay(replay: Replay, scenario: Scenario): VerifyResult {
  let state = newGame(scenario, replay.seed);
  const initial = hashState(state);
  if (initial !== replay.initialHash)
    return {
      ok: false,
      turn: 0,
      expected: replay.initialHash,
      actual: initial,
      reason: 'the starting state differs',
    };
  for (const entry of replay.turns) {
    if (entry.turn !== state.turn)
      return {
        ok: false,
        turn: entry.turn,
        expected: entry.hash,
        actual: '',
        reason: `the file has turn ${entry.turn} where turn ${state.turn} comes next`,
      };
    if (state.over)
      return {
        ok: false,
        turn: entry.turn,
        expected: entry.hash,
        actual: '',
        reason: 'the game had already ended',
      };
    state = resolveTurn(state, entry.orders as OrdersByActor, entry.decisions ?? []).state;
    const actual = hashState(state);
    if (actual !== entry.hash)
      return {
        ok: false,
        turn: entry.turn,
        expected: entry.hash,
        actual,
        reason: 'the state hash after this turn differs',
      };
  }
  return { ok: true, turns: replay.turns.length, hash: hashState(state), state };
}
