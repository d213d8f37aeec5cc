// The test hook the game puts on window: read-only views of the game in progress.
import type { GameState } from '../engine/index.ts';

export interface IdlibSimHook {
  /** The turn about to be played, from 1 (0 when no game is open). */
  readonly turn: number;
  /** hashState of the current state ('' when no game is open). */
  readonly hash: string;
  /** '' when no game is open. */
  readonly scenarioId: string;
  /** The actor whose orders are being given ('' when none: no game, a replay, or the computer alone). */
  readonly actor: string;
  /** True while a turn resolves and plays out on the map. */
  readonly busy: boolean;
  /** A deep copy of the current state (null when no game is open). */
  state(): GameState | null;
}

declare global {
  interface Window {
    idlibSim?: IdlibSimHook;
  }
}
