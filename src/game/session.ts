// One game in progress in the browser: the scenario, who plays each actor (a student at this
// screen or the computer), every state since the start, the orders the students are giving this
// turn, and the replay being recorded. The only place the client changes the game, and it does so
// only through the engine's resolveTurn, with the computer actors' orders from src/ai, so a game
// played here replays in Node (`idlib-sim verify`) to the same hashes.
import { computerOrders, GENERIC_DOCTRINE } from '../ai/index.ts';
import {
  canonicalJson,
  describeOrder,
  eventVisibleTo,
  hashState,
  legalOrders,
  resolveTurn,
  validateOrder,
  viewFor,
  type DecisionRecord,
  type GameEvent,
  type GameState,
  type Order,
  type OrdersByActor,
} from '../engine/index.ts';
import {
  newGame,
  recordTurn,
  replayMismatch,
  startReplay,
  type Replay,
  type Scenario,
} from '../scenario/index.ts';

/** Who plays an actor in the browser. */
export type Role = 'student' | 'computer';

/** A scenario opened from disk travels with its text, so that a saved game can be resumed. */
export interface ScenarioSource {
  file: string;
  text: string;
}

export type AddResult = { ok: true } | { ok: false; message: string };

export interface SessionOptions {
  scenario: Scenario;
  seed: string;
  roles: Record<string, Role>;
  /** Set when the scenario came from a file on disk rather than with the game. */
  source?: ScenarioSource;
}

/** Memo of one value per (state, actor): views and legal orders are asked for many times a turn. */
class PerState<T> {
  private state: GameState | null = null;
  private readonly byActor = new Map<string, T>();
  get(state: GameState, actor: string, make: () => T): T {
    if (state !== this.state) {
      this.state = state;
      this.byActor.clear();
    }
    let value = this.byActor.get(actor);
    if (value === undefined) {
      value = make();
      this.byActor.set(actor, value);
    }
    return value;
  }
}

export class GameSession {
  readonly scenario: Scenario;
  readonly seed: string;
  readonly roles: Readonly<Record<string, Role>>;
  readonly source: ScenarioSource | undefined;
  /** The students' actors in scenario order: the hot-seat order within a turn. */
  readonly students: readonly string[];
  /** states[0] is the start; states[i] the state after turn i. */
  private readonly states: GameState[];
  /** Every event of each resolved turn (index i: turn i + 1), as resolveTurn returned them. */
  private readonly turnEvents: GameEvent[][] = [];
  private readonly turnDecisions: DecisionRecord[][] = [];
  readonly replay: Replay;
  private pendingByActor: Record<string, Order[]> = {};
  /** Index in `students` of the one giving orders now. */
  private seat = 0;
  private readonly views = new PerState<GameState>();
  private readonly legals = new PerState<Order[]>();

  constructor(options: SessionOptions) {
    const { scenario, seed, roles, source } = options;
    this.scenario = scenario;
    this.seed = seed;
    this.source = source;
    const all: Record<string, Role> = {};
    for (const a of scenario.data.actors) all[a.id] = roles[a.id] === 'student' ? 'student' : 'computer';
    this.roles = Object.freeze(all);
    this.students = Object.freeze(
      scenario.data.actors.map((a) => a.id).filter((id) => all[id] === 'student'),
    );
    const first = newGame(scenario, seed);
    this.states = [first];
    this.replay = startReplay(scenario, seed, first);
  }

  /**
   * A session rebuilt from a replay: every recorded turn is resolved again from its orders and
   * decision records, and each state hash must match the file's. Throws an Error whose message
   * says why it does not fit (another scenario, another rules version, a turn that differs).
   */
  static fromReplay(options: Omit<SessionOptions, 'seed'>, replay: Replay): GameSession {
    const mismatch = replayMismatch(replay, options.scenario);
    if (mismatch) throw new Error(`This file does not fit: ${mismatch}.`);
    const session = new GameSession({ ...options, seed: replay.seed });
    if (hashState(session.state) !== replay.initialHash)
      throw new Error('This file does not fit: the game it records starts from another state.');
    for (const entry of replay.turns) {
      const state = session.state;
      if (state.over) throw new Error(`The file goes on after the game ended (turn ${entry.turn}).`);
      if (entry.turn !== state.turn)
        throw new Error(`The file has turn ${entry.turn} where turn ${state.turn} comes next.`);
      const orders = entry.orders as OrdersByActor;
      const decisions = (entry.decisions ?? []) as DecisionRecord[];
      const { state: next, events } = resolveTurn(state, orders, decisions);
      if (hashState(next) !== entry.hash)
        throw new Error(`Turn ${entry.turn} does not come out as the file recorded it: the file is damaged.`);
      session.push(state.turn, orders, decisions, next, events);
    }
    return session;
  }

  // ------------------------------------------------------------------ reading

  /** The current state (the full truth; show students `view()`). */
  get state(): GameState {
    return this.states[this.states.length - 1]!;
  }

  /** Every state from the start: index 0 the start, index i after turn i. */
  get history(): readonly GameState[] {
    return this.states;
  }

  /** Turns resolved so far. */
  get turnsPlayed(): number {
    return this.states.length - 1;
  }

  get over(): boolean {
    return this.state.over;
  }

  /** The actor whose orders are being given now ('' when no actor is a student's: the computer plays on its own). */
  get actor(): string {
    return this.students[this.seat] ?? '';
  }

  /** Which actors the computer plays. */
  get computerActors(): string[] {
    return this.scenario.data.actors.map((a) => a.id).filter((id) => this.roles[id] === 'computer');
  }

  /** What `actor` sees now (the full state for ''). */
  view(actor: string = this.actor, state: GameState = this.state): GameState {
    if (actor === '') return state;
    return this.views.get(state, actor, () => viewFor(state, actor));
  }

  /** The state after `turn` (0: the start) as `actor` saw it then. */
  viewAt(turn: number, actor: string = this.actor): GameState {
    const state = this.states[Math.max(0, Math.min(turn, this.states.length - 1))]!;
    return actor === '' ? state : viewFor(state, actor);
  }

  /** The orders `actor` may give now, worked out from what it sees. */
  legal(actor: string = this.actor): readonly Order[] {
    if (actor === '') return [];
    const view = this.view(actor);
    return this.legals.get(view, actor, () => legalOrders(view, actor));
  }

  describe(order: Order, actor: string = this.actor): string {
    return describeOrder(this.view(actor), actor, order);
  }

  pending(actor: string = this.actor): readonly Order[] {
    return this.pendingByActor[actor] ?? [];
  }

  /** The events of the turn resolved last (empty before the first), all of them. */
  get lastEvents(): readonly GameEvent[] {
    return this.turnEvents[this.turnEvents.length - 1] ?? [];
  }

  /**
   * The events of turn `turn` (from 1) that `actor` may see (all for ''): what its log shows,
   * and its own orders refused at resolution (those never enter the log).
   */
  eventsOf(turn: number, actor: string = this.actor): readonly GameEvent[] {
    if (turn < 1 || turn > this.turnEvents.length) return [];
    const all = this.turnEvents[turn - 1]!;
    return actor === '' ? all : all.filter((e) => eventVisibleTo(e, actor));
  }

  /** The computer actors' decision records of turn `turn` (from 1). */
  decisionsOf(turn: number): readonly DecisionRecord[] {
    return this.turnDecisions[turn - 1] ?? [];
  }

  // ------------------------------------------------------------------ giving orders

  /** Adds an order of the current student, checked against what that student sees. */
  add(order: Order): AddResult {
    const actor = this.actor;
    if (actor === '') return { ok: false, message: 'No actor of yours gives orders in this game.' };
    if (this.over) return { ok: false, message: 'The game is over.' };
    const check = validateOrder(this.view(actor), actor, order);
    if (!check.ok) return { ok: false, message: check.message };
    const list = (this.pendingByActor[actor] ??= []);
    const key = canonicalJson(order);
    if (list.some((o) => canonicalJson(o) === key))
      return { ok: false, message: 'That order is already on this turn’s list.' };
    list.push(structuredClone(order));
    return { ok: true };
  }

  remove(index: number, actor: string = this.actor): void {
    const list = this.pendingByActor[actor];
    if (list && index >= 0 && index < list.length) list.splice(index, 1);
  }

  /** True when another student still gives orders this turn after the current one (hot-seat). */
  get anotherSeat(): boolean {
    return this.seat + 1 < this.students.length;
  }

  /** The student next at the screen this turn ('' when the current one is the last). */
  get nextActor(): string {
    return this.students[this.seat + 1] ?? '';
  }

  /**
   * The current student is done. With another student still to give orders this turn, the seat
   * passes on ('handover'); otherwise the computer actors decide and the turn resolves ('resolved').
   */
  endTurn(): 'handover' | 'resolved' | 'over' {
    if (this.over) return 'over';
    if (this.anotherSeat) {
      this.seat += 1;
      return 'handover';
    }
    this.resolve();
    return 'resolved';
  }

  private resolve(): void {
    const state = this.state;
    const orders: OrdersByActor = {};
    const decisions: DecisionRecord[] = [];
    for (const actor of Object.keys(this.roles).sort()) {
      if (!state.actors[actor]) continue;
      if (this.roles[actor] === 'student') {
        const list = this.pendingByActor[actor] ?? [];
        if (list.length > 0) orders[actor] = list.map((o) => structuredClone(o));
      } else {
        const doctrine = this.scenario.doctrines[actor] ?? GENERIC_DOCTRINE;
        const d = computerOrders(state, actor, doctrine);
        if (d.orders.length > 0) orders[actor] = d.orders;
        decisions.push(d.record);
      }
    }
    const { state: next, events } = resolveTurn(state, orders, decisions);
    this.push(state.turn, orders, decisions, next, events);
  }

  private push(
    turn: number,
    orders: OrdersByActor,
    decisions: DecisionRecord[],
    next: GameState,
    events: GameEvent[],
  ): void {
    recordTurn(this.replay, turn, orders, next, decisions);
    this.states.push(next);
    this.turnEvents.push(events);
    this.turnDecisions.push(decisions);
    this.pendingByActor = {};
    this.seat = 0;
  }
}
