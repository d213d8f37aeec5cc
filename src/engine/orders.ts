// Orders are checked against the state before anything happens: a rejected order carries a
// reason code and a sentence, and changes nothing.
import { placeName } from './world.ts';
import type { GameState, Order, RejectCode, Result } from './types.ts';
import { unitCanReach } from './rules/movement.ts';
import { validateStrike } from './rules/strikes.ts';
import { validateAssault } from './rules/assaults.ts';
import { validateDispatch } from './rules/convoys.ts';
import { validateCheckpoint } from './rules/checkpoints.ts';
import { validatePatrolOrder } from './rules/patrols.ts';
import { validateEstablish, validateEvacuate } from './rules/posts.ts';
import { validateDiplomacy } from './rules/diplomacy.ts';

function reject(code: RejectCode, message: string): Result<never> {
  return { ok: false, code, message };
}

const ok: Result = { ok: true, value: true };

export {
  convoyRoute,
  MAX_CONVOY_SUPPLY_DAYS,
  MAX_CONVOY_TROOPS,
  MAX_CONVOY_VEHICLES,
} from './rules/convoys.ts';

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
      return validateAssault(state, actor, order);
    case 'strike':
      return validateStrike(state, actor, order);
    case 'evacuate_post':
      return validateEvacuate(state, actor, order);
    case 'establish_post':
      return validateEstablish(state, actor, order);
    case 'set_checkpoint':
      return validateCheckpoint(state, actor, order);
    case 'run_patrol':
    case 'suspend_patrol':
      return validatePatrolOrder(state, actor, order);
    case 'propose_ceasefire':
    case 'accept_ceasefire':
    case 'reject_ceasefire':
    case 'leaders_call':
    case 'protest':
    case 'request_us_support':
      return validateDiplomacy(state, actor, order);
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
  if (!unitCanReach(state, start, to))
    return reject('no_route', `No road leads from ${placeName(state, start)} to ${target.name}.`);
  return ok;
}
