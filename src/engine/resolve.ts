// One way to change the game: resolveTurn. Every actor's orders arrive at once; they are
// checked, then resolved in the fixed phase order of the design:
//   diplomacy → movement (units, convoys, patrols) → strikes → ground assaults → supply and
//   encirclement → civilians → reports → escalation, tension and markets → triggers → victory.
// The phases whose rules are not written yet (diplomacy, strikes, assaults, civilians,
// reports, escalation, triggers) slot in between the ones below, at the place marked for each.
import { produce } from 'immer';
import { dateOfTurn } from './calendar.ts';
import { EventSink } from './events.ts';
import { validateOrder } from './orders.ts';
import { updateControl } from './rules/control.ts';
import { dispatchConvoy, moveConvoys } from './rules/convoys.ts';
import { applyMovementOrders, moveUnits } from './rules/movement.ts';
import { updatePosts } from './rules/posts.ts';
import { checkVictory } from './rules/victory.ts';
import type { GameEvent, GameState, Order, OrdersByActor } from './types.ts';
import { sortedIds } from './world.ts';

export interface TurnResult {
  state: GameState;
  events: GameEvent[];
}

export function resolveTurn(state: GameState, ordersByActor: OrdersByActor): TurnResult {
  if (state.over) throw new Error('resolveTurn: the game is over');
  const sink = new EventSink();
  const next = produce(state, (draft) => {
    // Orders: check each against the state as the turn starts; accepted ones go forward in
    // actor-id order, then in the order given.
    sink.phase = 'orders';
    const accepted: { actor: string; order: Order }[] = [];
    for (const actor of sortedIds(ordersByActor)) {
      for (const order of ordersByActor[actor] ?? []) {
        const check = validateOrder(state, actor, order);
        if (check.ok) accepted.push({ actor, order });
        else
          sink.emit('order.rejected', actor, '', `Order rejected (${check.code}): ${check.message}`, {
            code: check.code,
            order: order.kind,
          });
      }
    }

    // (diplomacy)

    sink.phase = 'movement';
    applyMovementOrders(
      draft,
      accepted.map((a) => a.order),
    );
    for (const { actor, order } of accepted) if (order.kind === 'dispatch_convoy') dispatchConvoy(draft, actor, order, sink);
    moveUnits(draft, sink);
    moveConvoys(draft, sink);
    updateControl(draft, sink);

    // (strikes) (ground assaults)

    sink.phase = 'supply';
    updatePosts(draft, sink);

    // (civilians) (reports) (escalation, tension and markets) (triggers)

    sink.phase = 'victory';
    checkVictory(draft, sink);

    draft.log.push({ turn: draft.turn, date: dateOfTurn(draft.calendar, draft.turn), events: sink.events });
    draft.turn += 1;
  });
  return { state: next, events: sink.events };
}
