// The computer actors: doctrine-driven and explainable. They read only an actor's view of the
// game and return orders with a decision record; they never change the state.
import { THRESHOLD_DEFAULTS, viewFor, type Doctrine, type GameState } from '../engine/index.ts';
import { MEMORY_TURNS } from './context.ts';
import { decide, decideRandomly, decisionDraw, type Decision } from './policy.ts';

export { decide, decideRandomly, decisionDraw, candidateOrders, orderLabel } from './policy.ts';
export type { Decision } from './policy.ts';
export { buildContext, type Context } from './context.ts';
export { FACTOR_JUDGES, FACTOR_KINDS, assaultOdds } from './factors.ts';

/** The doctrine of a computer actor whose scenario names none: take what is valuable, when the odds are good. */
export const GENERIC_DOCTRINE: Doctrine = {
  id: 'generic',
  name: 'Generic: take valuable places at good odds',
  ordersPerTurn: 4,
  priorities: [
    { factor: 'take_valuable_places', weight: 5, why: 'Valuable places are what the war is about.' },
    { factor: 'favourable_odds', weight: 8, why: 'An assault at poor odds wastes the force.' },
    { factor: 'protect_own_forces', weight: 4, why: 'A force lost cannot fight again.' },
  ],
  thresholds: { ...THRESHOLD_DEFAULTS },
};

/** The computer's orders for `actor` this turn: from its own view, by its doctrine. */
export function computerOrders(
  state: GameState,
  actor: string,
  doctrine: Doctrine = GENERIC_DOCTRINE,
): Decision {
  const view = viewFor(state, actor, { logTurns: MEMORY_TURNS });
  return decide(view, actor, doctrine, decisionDraw(state, actor));
}

/** Random legal orders for `actor` (as many as its doctrine would give): the yardstick. */
export function randomOrders(state: GameState, actor: string, budget: number): Decision {
  const view = viewFor(state, actor, { logTurns: MEMORY_TURNS });
  return decideRandomly(view, actor, budget, decisionDraw(state, actor));
}
