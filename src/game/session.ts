// One game in progress: the scenario, the current state and the events of the last turn. The
// only place the client changes the game, and it does so only through the engine's resolveTurn.
import { resolveTurn, type GameEvent, type GameState, type OrdersByActor } from '../engine/index.ts';
import { newGame, scriptedOrders, type Scenario } from '../scenario/index.ts';

export type SessionListener = (session: GameSession) => void;

export class GameSession {
  readonly scenario: Scenario;
  readonly seed: string;
  private current: GameState;
  private events: GameEvent[] = [];
  private readonly listeners: SessionListener[] = [];

  constructor(scenario: Scenario, seed: string) {
    this.scenario = scenario;
    this.seed = seed;
    this.current = newGame(scenario, seed);
  }

  get state(): GameState {
    return this.current;
  }

  /** The events of the turn resolved last (empty before the first). */
  get lastEvents(): readonly GameEvent[] {
    return this.events;
  }

  /** The actor the player views: the first human-controlled actor, or '' when there is none. */
  get viewer(): string {
    const first = this.scenario.data.actors.find((a) => this.current.actors[a.id]?.controller === 'human');
    return first?.id ?? '';
  }

  subscribe(listener: SessionListener): void {
    this.listeners.push(listener);
  }

  /**
   * Ends the turn: the scripted actors' orders for this turn (the human player gives none yet),
   * resolved by the engine. Does nothing once the game is over.
   */
  endTurn(): boolean {
    if (this.current.over) return false;
    const orders: OrdersByActor = scriptedOrders(this.scenario, this.current);
    const { state, events } = resolveTurn(this.current, orders);
    this.current = state;
    this.events = events;
    for (const listener of this.listeners) listener(this);
    return true;
  }
}
