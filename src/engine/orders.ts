// Orders are checked against the state before anything happens: a rejected order carries a
// reason code and a sentence, and changes nothing.
import { cheapestPath, hostileHeld, placeName, roadBetween } from './world.ts';
import type { DispatchConvoyOrder, GameState, Order, RejectCode, Result } from './types.ts';
import { unitPath } from './rules/movement.ts';

function reject(code: RejectCode, message: string): Result<never> {
  return { ok: false, code, message };
}

const ok: Result = { ok: true, value: true };

export const MAX_CONVOY_VEHICLES = 1000;
export const MAX_CONVOY_SUPPLY_DAYS = 90;
export const MAX_CONVOY_TROOPS = 2000;

// Placeholder while the rules of issue 3 are being written in parallel; every case is replaced
// by its module's validator before this change is committed.
function notYetRuled(kind: string): Result {
  return reject('unknown_order', `The "${kind}" order has no rules yet.`);
}

export function validateOrder(state: GameState, actor: string, order: Order): Result {
  if (state.over) return reject('game_over', 'The game is over; no more orders are taken.');
  if (!state.actors[actor]) return reject('unknown_actor', `There is no actor "${actor}" in this game.`);
  switch (order.kind) {
    case 'move':
      return validateMove(state, actor, order.unit, order.to);
    case 'hold': {
      const unit = state.units[order.unit];
      if (!unit) return reject('unknown_unit', `There is no unit "${order.unit}".`);
      if (unit.actor !== actor) return reject('not_your_unit', `${unit.name} belongs to another actor.`);
      return ok;
    }
    case 'dispatch_convoy':
      return validateDispatch(state, actor, order);
    case 'assault':
      return notYetRuled(order.kind);
    case 'strike':
      return notYetRuled(order.kind);
    case 'evacuate_post':
      return notYetRuled(order.kind);
    case 'establish_post':
      return notYetRuled(order.kind);
    case 'set_checkpoint':
      return notYetRuled(order.kind);
    case 'run_patrol':
    case 'suspend_patrol':
      return notYetRuled(order.kind);
    case 'propose_ceasefire':
    case 'accept_ceasefire':
    case 'reject_ceasefire':
    case 'leaders_call':
    case 'protest':
    case 'request_us_support':
      return notYetRuled(order.kind);
    default:
      return reject('unknown_order', `There is no order "${String((order as { kind: unknown }).kind)}".`);
  }
}

function validateMove(state: GameState, actor: string, unitId: string, to: string): Result {
  const unit = state.units[unitId];
  if (!unit) return reject('unknown_unit', `There is no unit "${unitId}".`);
  if (unit.actor !== actor) return reject('not_your_unit', `${unit.name} belongs to another actor.`);
  const target = state.locations[to];
  if (!target) return reject('unknown_location', `There is no place "${to}" on the map.`);
  if (target.kind === 'post')
    return reject('post_location', `${target.name} is an observation post; units cannot move into it.`);
  if (unit.location === to && unit.transit === null)
    return reject('already_there', `${unit.name} is already at ${target.name}.`);
  const start = unit.transit ? unit.transit.toward : unit.location;
  if (!unitPath(state, start, to))
    return reject('no_route', `No road leads from ${placeName(state, start)} to ${target.name}.`);
  return ok;
}

function validateDispatch(state: GameState, actor: string, order: DispatchConvoyOrder): Result {
  const source = state.locations[order.from];
  if (!source) return reject('unknown_location', `There is no place "${order.from}" on the map.`);
  if (!state.actors[actor]!.supplySources.includes(order.from))
    return reject(
      'not_a_supply_source',
      `${source.name} is not a supply source of ${state.actors[actor]!.name}.`,
    );
  if (hostileHeld(state, actor, order.from))
    return reject('not_a_supply_source', `${source.name} is held by a hostile actor.`);
  const post = state.posts[order.post];
  if (!post) return reject('unknown_post', `There is no observation post "${order.post}".`);
  if (post.actor !== actor)
    return reject('unknown_post', `${post.name} is not a post of ${state.actors[actor]!.name}.`);
  const counts = [
    order.vehicles.tanks,
    order.vehicles.armoured,
    order.vehicles.trucks,
    order.vehicles.airDefence,
  ];
  const vehicles = counts.reduce((a, b) => a + b, 0);
  if (counts.some((n) => !Number.isInteger(n) || n < 0) || vehicles < 1 || vehicles > MAX_CONVOY_VEHICLES)
    return reject('bad_number', `A convoy has 1 to ${MAX_CONVOY_VEHICLES} vehicles (got ${vehicles}).`);
  const { supplyDays, troops } = order.cargo;
  if (!Number.isInteger(supplyDays) || supplyDays < 0 || supplyDays > MAX_CONVOY_SUPPLY_DAYS)
    return reject(
      'bad_number',
      `A convoy carries 0 to ${MAX_CONVOY_SUPPLY_DAYS} supply days (got ${supplyDays}).`,
    );
  if (!Number.isInteger(troops) || troops < 0 || troops > MAX_CONVOY_TROOPS)
    return reject('bad_number', `A convoy carries 0 to ${MAX_CONVOY_TROOPS} troops (got ${troops}).`);
  if (supplyDays + troops === 0) return reject('bad_number', 'A convoy must carry supplies or troops.');
  if (order.route) {
    const route = order.route;
    if (route.length < 2 || route[0] !== order.from || route[route.length - 1] !== post.location)
      return reject(
        'bad_route',
        `The route must run from ${source.name} to ${placeName(state, post.location)}.`,
      );
    for (let i = 0; i + 1 < route.length; i++) {
      if (!roadBetween(state, route[i]!, route[i + 1]!))
        return reject(
          'bad_route',
          `No road joins ${placeName(state, route[i]!)} and ${placeName(state, route[i + 1]!)}.`,
        );
    }
    return ok;
  }
  if (!convoyRoute(state, actor, order.from, post.location))
    return reject(
      'no_route',
      `No road from ${source.name} to ${post.name} avoids places held by hostile actors.`,
    );
  return ok;
}

/** The shortest road route for a convoy that avoids hostile-held places. */
export function convoyRoute(state: GameState, actor: string, from: string, to: string): string[] | null {
  return cheapestPath(
    state,
    from,
    (id) => id === to,
    (loc) => loc.id === to || (loc.kind !== 'post' && !hostileHeld(state, actor, loc.id)),
    (road) => road.length,
  );
}
