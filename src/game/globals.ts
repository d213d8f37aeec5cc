// The test hook the game puts on window: read-only views of the game in progress.
import type { GameState } from '../engine/index.ts';

export interface IdlibSimHook {
  /** The turn about to be played, from 1. */
  readonly turn: number;
  /** hashState of the current state. */
  readonly hash: string;
  readonly scenarioId: string;
  /** The actor the player views ('' when no actor is human). */
  readonly actor: string;
  /** A deep copy of the current state. */
  state(): GameState;
}

declare global {
  interface Window {
    idlibSim?: IdlibSimHook;
  }
}
