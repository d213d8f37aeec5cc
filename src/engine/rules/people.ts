// Civilians are conserved: residents of every place + displaced + dead always add up to the
// start population. Every rule that kills or displaces people goes through these two functions.
import type { EventSink } from '../events.ts';
import type { GameState } from '../types.ts';
import { own } from '../working.ts';

/**
 * Kills up to `n` residents of `location` (never more than live there). Returns the number
 * killed. Emits `civilians.killed` naming the cause.
 */
export function killCivilians(
  state: GameState,
  sink: EventSink,
  location: string,
  n: number,
  cause: string,
  actor: string,
): number {
  const loc = own(state.locations, location);
  if (!loc || n <= 0) return 0;
  const killed = Math.min(loc.residents, Math.floor(n));
  if (killed === 0) return 0;
  loc.residents -= killed;
  state.meters.civilianDead += killed;
  sink.emit(
    'civilians.killed',
    actor,
    location,
    () => `${killed} civilians are killed in ${loc.name} by ${cause}.`,
    {
      killed,
      cause,
      residentsLeft: loc.residents,
    },
  );
  return killed;
}

/**
 * Moves up to `n` residents of `location` to the camps on the border (the displaced). Returns the
 * number displaced. Emits `civilians.displaced` with the reason.
 */
export function displaceCivilians(
  state: GameState,
  sink: EventSink,
  location: string,
  n: number,
  reason: string,
): number {
  const loc = own(state.locations, location);
  if (!loc || n <= 0) return 0;
  const moved = Math.min(loc.residents, Math.floor(n));
  if (moved === 0) return 0;
  loc.residents -= moved;
  state.meters.displaced += moved;
  sink.emit(
    'civilians.displaced',
    '',
    location,
    () =>
      `${moved} people flee ${loc.name} towards the camps on the Turkish border (${reason}); ${state.meters.displaced} displaced in all.`,
    { displaced: moved, total: state.meters.displaced, reason },
  );
  return moved;
}

/** Residents + displaced + dead, which must equal the start population. */
export function peopleAccounted(state: GameState): { start: number; now: number } {
  let start = 0;
  let residents = 0;
  for (const id of Object.keys(state.locations)) {
    start += state.locations[id]!.population;
    residents += state.locations[id]!.residents;
  }
  return { start, now: residents + state.meters.displaced + state.meters.civilianDead };
}
