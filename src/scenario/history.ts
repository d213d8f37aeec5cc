// The scenario's history (`history:`, dated real events with their sources) against a game: for each
// event, the first turn on which the game produced what stands for it — its `seen` event (a
// trigger `when` that waits for an event) among the turn's events, and/or its `holds` condition
// true on the state after the turn — and whether that turn is within one turn of the turn that
// holds the event's date. `idlib-sim run --historical` reports it; the review shows it.
import {
  dateOfTurn,
  evalCondition,
  eventAnswers,
  parseIsoDate,
  turnOfDay,
  type Condition,
  type GameEvent,
  type GameState,
  type TriggerWhen,
} from '../engine/index.ts';
import type { ScenarioData } from './schema.ts';

/** How many turns from its date an event may come and still count as reproduced. */
export const HISTORY_TOLERANCE_TURNS = 1;

export type HistoryEntry = ScenarioData['history'][number];

export interface HistoryMatch {
  date: string;
  what: string;
  /** "Publisher: title". */
  source: string;
  url?: string;
  /** The turn that holds the date. */
  dateTurn: number;
  /** The first turn on which the game produced it, or null. */
  turn: number | null;
  /** ISO date of that turn's first day, or null. */
  turnDate: string | null;
  /** Produced within HISTORY_TOLERANCE_TURNS of `dateTurn`. */
  matched: boolean;
}

export interface HistoryReport {
  matched: number;
  total: number;
  events: HistoryMatch[];
}

export function sourceText(source: HistoryEntry['source']): string {
  return source.publisher ? `${source.publisher}: ${source.title}` : source.title;
}

/** Follows a game turn by turn and tells which historical events it produced, and when. */
export class HistoryTracker {
  private readonly firstTurn: (number | null)[];
  private readonly entries: readonly HistoryEntry[];
  private last: GameState;

  constructor(entries: readonly HistoryEntry[], start: GameState) {
    this.entries = entries;
    this.firstTurn = entries.map(() => null);
    this.last = start;
  }

  /** After each turn: its number, its events and the state it left. */
  observe(turn: number, events: readonly GameEvent[], after: GameState): void {
    this.entries.forEach((h, i) => {
      if (this.firstTurn[i] !== null) return;
      if (happened(h, events, this.last, after)) this.firstTurn[i] = turn;
    });
    this.last = after;
  }

  report(): HistoryReport {
    const cal = this.last.calendar;
    const events = this.entries.map((h, i): HistoryMatch => {
      const day = parseIsoDate(h.date);
      const dateTurn = day === null ? 0 : turnOfDay(cal, day);
      const turn = this.firstTurn[i]!;
      return {
        date: h.date,
        what: h.what,
        source: sourceText(h.source),
        ...(h.source.url ? { url: h.source.url } : {}),
        dateTurn,
        turn,
        turnDate: turn === null ? null : dateOfTurn(cal, turn),
        matched: turn !== null && Math.abs(turn - dateTurn) <= HISTORY_TOLERANCE_TURNS,
      };
    });
    return { matched: events.filter((e) => e.matched).length, total: events.length, events };
  }
}

function happened(
  h: HistoryEntry,
  events: readonly GameEvent[],
  before: GameState,
  after: GameState,
): boolean {
  if (h.seen === undefined && h.holds === undefined) return false;
  // A post's owner is read from the state the events started from (a post can be gone after).
  if (h.seen !== undefined && !eventAnswers(before, h.seen as TriggerWhen, events)) return false;
  return h.holds === undefined || evalCondition(after, h.holds as Condition);
}

/** The history report of a game given as its states: states[0] the start, states[i] after turn i. */
export function matchHistory(entries: readonly HistoryEntry[], states: readonly GameState[]): HistoryReport {
  const tracker = new HistoryTracker(entries, states[0]!);
  const final = states[states.length - 1]!;
  for (let turn = 1; turn < states.length; turn++) {
    const events = final.log.find((entry) => entry.turn === turn)?.events ?? [];
    tracker.observe(turn, events, states[turn]!);
  }
  return tracker.report();
}
