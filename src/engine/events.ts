import type { EventKind, GameEvent, Phase } from './types.ts';

/** Collects the events of one turn, in the order they happen. */
export class EventSink {
  readonly events: GameEvent[] = [];
  phase: Phase = 'turn-start';

  emit(kind: EventKind, actor: string, location: string, text: string, data: GameEvent['data'] = {}): void {
    this.events.push({ kind, phase: this.phase, actor, location, text, data });
  }
}
