import type { EventKind, GameEvent, Phase } from './types.ts';

/**
 * Collects the events of one turn, in the order they happen. Rejected orders are kept apart: they
 * are reported to the player with the turn's events but never enter the state's log, so a
 * rejected order leaves the state — and its hash — exactly as if it had not been given.
 */
export class EventSink {
  /** The events that happened: these go into the log. */
  readonly events: GameEvent[] = [];
  /** Every event of the turn, rejected orders included, in order: what the turn reports. */
  readonly all: GameEvent[] = [];
  phase: Phase = 'turn-start';

  /**
   * `wordless`: the events' explanations are left empty (`explain` is never called). For games
   * that no one reads, such as a batch's: no rule reads an explanation to decide anything, so the
   * game is the same but for those words (tests/unit/wordless.test.ts).
   */
  constructor(
    readonly turn: number,
    readonly wordless = false,
  ) {}

  /**
   * Records an event. `actors`: the actor(s) it concerns, the acting one first ('' for none).
   * `explain`: what happened and why, in words a student can read; called here, at once, unless
   * the sink is wordless.
   */
  emit(
    kind: EventKind,
    actors: string | string[],
    location: string,
    explain: () => string,
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
      explain: this.wordless ? '' : explain(),
    };
    if (kind !== 'order.rejected') this.events.push(event);
    this.all.push(event);
    return event;
  }

  /** Events of this turn so far, of the given kinds. */
  ofKind(...kinds: EventKind[]): GameEvent[] {
    return this.events.filter((e) => kinds.includes(e.kind));
  }
}
