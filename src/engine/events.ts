import type { EventKind, GameEvent, Phase } from './types.ts';

/** Collects the events of one turn, in the order they happen. */
export class EventSink {
  readonly events: GameEvent[] = [];
  phase: Phase = 'turn-start';

  constructor(readonly turn: number) {}

  /**
   * Records an event. `actors`: the actor(s) it concerns, the acting one first ('' for none).
   * `explain`: what happened and why, in words a student can read.
   */
  emit(
    kind: EventKind,
    actors: string | string[],
    location: string,
    explain: string,
    data: GameEvent['data'] = {},
  ): GameEvent {
    const list = (typeof actors === 'string' ? [actors] : actors).filter((a) => a !== '');
    const event: GameEvent = {
      kind,
      turn: this.turn,
      phase: this.phase,
      actors: list,
      location,
      data,
      explain,
    };
    this.events.push(event);
    return event;
  }

  /** Events of this turn so far, of the given kinds. */
  ofKind(...kinds: EventKind[]): GameEvent[] {
    return this.events.filter((e) => kinds.includes(e.kind));
  }
}
