// Movement: units follow roads toward their destination. Each turn a unit has a budget of
// road-march metres (its type's speed × days per turn); a road costs its length scaled by the
// road class's speed. A unit that enters a place held by a hostile actor, or where hostile
// units stand, stops there for the turn.
import type { EventSink } from '../events.ts';
import type { GameState, Order, Road, Unit } from '../types.ts';
import { cheapestPath, isHostile, neighbours, placeName, roadBetween, sortedIds } from '../world.ts';

export function ceilDiv(a: number, b: number): number {
  return Math.floor((a + b - 1) / b);
}

/** Budget metres needed to cover `metres` of a road. */
export function roadCost(state: GameState, road: Road, metres = road.length): number {
  return ceilDiv(metres * 100, state.params.roadSpeedPct[road.class]);
}

export function unitBudget(state: GameState, unit: Unit): number {
  return state.params.unitSpeedKmPerDay[unit.type] * 1000 * state.calendar.daysPerTurn;
}

/**
 * Unit routes found, per roads object, for one set of rule numbers (the road speeds): a unit's
 * route depends on nothing else (see `unitCanReach` below), so it is found once a game.
 */
const pathMemo = new WeakMap<
  GameState['roads'],
  { params: object; paths: Map<string, readonly string[] | null> }
>();

/** Road route for a unit: any place but an observation post. */
export function unitPath(state: GameState, from: string, to: string): string[] | null {
  let memo = pathMemo.get(state.roads);
  if (memo === undefined || memo.params !== state.params) {
    memo = { params: state.params, paths: new Map() };
    pathMemo.set(state.roads, memo);
  }
  const key = `${from}|${to}`;
  let path = memo.paths.get(key);
  if (path === undefined) {
    path = cheapestPath(
      state,
      from,
      (id) => id === to,
      (loc) => loc.kind !== 'post',
      (road) => roadCost(state, road),
    );
    memo.paths.set(key, path);
  }
  return path === null ? null : path.slice();
}

// Which places a unit can reach at all from a place depends only on the road graph and which
// places are observation posts, neither of which changes during a game; every state of a game
// shares one `roads` object, so the answer is kept per roads object and start.
const reachCache = new WeakMap<GameState['roads'], Map<string, Set<string>>>();

/** Whether any road route for a unit (see `unitPath`) leads from `from` to `to`. */
export function unitCanReach(state: GameState, from: string, to: string): boolean {
  let byStart = reachCache.get(state.roads);
  if (!byStart) {
    byStart = new Map();
    reachCache.set(state.roads, byStart);
  }
  let reach = byStart.get(from);
  if (!reach) {
    reach = new Set([from]);
    const queue = [from];
    while (queue.length > 0) {
      const at = queue.pop()!;
      for (const n of neighbours(state, at)) {
        if (reach.has(n.location)) continue;
        const loc = state.locations[n.location];
        if (!loc || loc.kind === 'post') continue;
        reach.add(n.location);
        queue.push(n.location);
      }
    }
    byStart.set(from, reach);
  }
  return reach.has(to);
}

/** Applies this turn's move and hold orders (already validated). A unit on a road finishes that road. */
export function applyMovementOrders(state: GameState, orders: Order[]): void {
  for (const order of orders) {
    if (order.kind === 'move') state.units[order.unit]!.destination = order.to;
    else if (order.kind === 'hold') {
      const unit = state.units[order.unit]!;
      unit.destination = unit.transit ? unit.transit.toward : '';
    }
  }
}

function hostileUnitsAt(state: GameState, actor: string, location: string): boolean {
  for (const id of sortedIds(state.units)) {
    const other = state.units[id]!;
    if (
      other.location === location &&
      other.transit === null &&
      other.strength > 0 &&
      isHostile(state, actor, other.actor)
    )
      return true;
  }
  return false;
}

/**
 * Moves every unit with a destination. Reads come from `view`, the state as the step began
 * (movement is simultaneous: a unit meets hostile units where they stood at the start of the
 * step); writes go to `state`.
 */
export function moveUnits(state: GameState, view: GameState, sink: EventSink): void {
  for (const id of sortedIds(view.units)) {
    const unit = state.units[id]!;
    if (unit.destination === '') continue;
    const target = unit.destination;
    const startedAt = unit.location;
    let budget = unitBudget(state, unit);
    let travelled = 0;
    const passed: string[] = [];
    let halted = '';
    let lost = false;
    while (budget > 0) {
      if (!unit.transit) {
        if (unit.location === target) break;
        const path = unitPath(view, unit.location, target);
        if (!path) {
          halted = `no road leads on to ${placeName(state, target)}`;
          lost = true;
          break;
        }
        const road = roadBetween(view, path[0]!, path[1]!)!;
        unit.transit = { road: road.id, toward: path[1]!, covered: 0 };
      }
      const transit = unit.transit;
      const road = view.roads[transit.road]!;
      const remaining = road.length - transit.covered;
      const needed = roadCost(view, road, remaining);
      if (budget < needed) {
        const metres = Math.floor((budget * state.params.roadSpeedPct[road.class]) / 100);
        transit.covered += metres;
        travelled += metres;
        break;
      }
      budget -= needed;
      travelled += remaining;
      unit.location = transit.toward;
      unit.transit = null;
      passed.push(unit.location);
      const here = view.locations[unit.location]!;
      const hostileGround = isHostile(view, unit.actor, here.controller);
      if (unit.location !== target && (hostileGround || hostileUnitsAt(view, unit.actor, unit.location))) {
        halted = `it entered ${here.name}, where ${hostileGround ? 'a hostile actor holds the ground' : 'hostile units stand'}, and goes on next turn`;
        break;
      }
    }
    // A unit stops for the turn on entering hostile ground and goes on next turn; it gives up
    // only when no road leads to its destination.
    if (!unit.transit && (unit.location === target || lost)) unit.destination = '';
    if (travelled === 0 && halted === '') continue;
    const km = Math.floor((travelled + 500) / 1000);
    const where = unit.transit
      ? `on the road to ${placeName(state, unit.transit.toward)}`
      : `at ${placeName(state, unit.location)}`;
    const reached = !unit.transit && unit.location === target ? ' (destination reached)' : '';
    sink.emit(
      'unit.moved',
      unit.actor,
      unit.location,
      () => `${unit.name} moves ${km} km from ${placeName(state, startedAt)} and is now ${where}${reached}.`,
      {
        unit: unit.id,
        from: startedAt,
        to: unit.location,
        metres: travelled,
        destination: target,
        via: passed.join(' '),
      },
    );
    if (halted !== '') {
      sink.emit('unit.halted', unit.actor, unit.location, () => `${unit.name} stops: ${halted}.`, {
        unit: unit.id,
        destination: target,
      });
    }
  }
}
