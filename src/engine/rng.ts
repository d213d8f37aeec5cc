// The one source of randomness in the rules: seedrandom's alea, whose whole state lives in
// `GameState.rng` so that a saved game, a worker or a browser continues the same sequence.
import seedrandom from 'seedrandom';
import type { RngState } from './types.ts';

type AleaState = RngState['state'];

export function seedRng(seed: string): RngState {
  const prng = seedrandom.alea(seed, { state: true });
  return { seed, state: prng.state() as AleaState, draws: 0 };
}

type Prng = ReturnType<typeof seedrandom.alea> & { state: () => AleaState };

/**
 * The generator of the last draw and the state object that draw wrote: a draw from that very
 * object (the next draw of the same step, most of them) goes on with the generator instead of
 * making one anew from the state, which costs more than the draw. A state object is never written
 * in place (each draw writes a new one; copies of the state copy it), so the same object means
 * the same state.
 */
let lastPrng: Prng | null = null;
let lastWrote: AleaState | null = null;

/** Draws a float in [0, 1) and advances the state held in `rng` (a working copy's `rng`). */
function drawUnit(rng: RngState): number {
  const prng =
    lastPrng !== null && lastWrote === rng.state
      ? lastPrng
      : (seedrandom.alea('', { state: rng.state }) as Prng);
  const value = prng();
  const wrote = prng.state();
  rng.state = wrote;
  rng.draws += 1;
  lastPrng = prng;
  lastWrote = wrote;
  return value;
}

/** A uniform integer in [0, n). */
export function drawInt(rng: RngState, n: number): number {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`drawInt needs a positive integer, got ${n}`);
  return Math.floor(drawUnit(rng) * n);
}

/** True with a chance of `perMille` in 1000. */
export function chancePerMille(rng: RngState, perMille: number): boolean {
  return drawInt(rng, 1000) < perMille;
}

/** A ten-sided die: 1-10. */
export function rollD10(rng: RngState): number {
  return drawInt(rng, 10) + 1;
}
