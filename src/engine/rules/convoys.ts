// Convoys: dispatched from a supply source along a road route to an observation post. Each turn
// a convoy covers the convoy speed × days per turn; it will not drive into a place held by a
// hostile actor and waits at the last safe place instead. On arrival it unloads its supply days.
import type { EventSink } from '../events.ts';
import { convoyRoute } from '../orders.ts';
import type { Convoy, DispatchConvoyOrder, GameState } from '../types.ts';
import { actorName, hostileHeld, placeName, roadBetween, sortedIds } from '../world.ts';
import { ceilDiv } from './movement.ts';

/** Sets a convoy on the road. Reads `view` (the state as the step began), writes `state`. */
export function dispatchConvoy(
  state: GameState,
  view: GameState,
  actor: string,
  order: DispatchConvoyOrder,
  sink: EventSink,
): void {
  const post = view.posts[order.post]!;
  const route = order.route ?? convoyRoute(view, actor, order.from, post.location)!;
  const id = `convoy_${state.nextSerial}`;
  state.nextSerial += 1;
  const convoy: Convoy = {
    id,
    actor,
    origin: order.from,
    destination: post.id,
    route: [...route],
    leg: 0,
    covered: 0,
    vehicles: { ...order.vehicles },
    cargo: { ...order.cargo },
    escort: order.escort,
    notified: order.notified,
    status: 'moving',
    delay: 0,
    damage: 0,
    standoff: null,
  };
  state.convoys[id] = convoy;
  sink.emit(
    'convoy.departed',
    actor,
    order.from,
    `${actorName(view, actor)} sends a convoy of ${vehicleCount(convoy)} vehicles from ${placeName(view, order.from)} ` +
      `to ${post.name} with ${cargoWords(convoy)} (${order.notified ? 'Russia notified' : 'Russia not notified'}).`,
    {
      convoy: id,
      post: post.id,
      vehicles: vehicleCount(convoy),
      supplyDays: order.cargo.supplyDays,
      troops: order.cargo.troops,
      notified: order.notified,
      route: route.join(' '),
    },
  );
}

/** Reads `view` (the state as the step began), writes `state`. */
export function moveConvoys(state: GameState, view: GameState, sink: EventSink): void {
  for (const id of sortedIds(view.convoys)) {
    const convoy = state.convoys[id]!;
    if (convoy.status === 'arrived') continue;
    let budget = state.params.convoySpeedKmPerDay * 1000 * state.calendar.daysPerTurn;
    const startLeg = convoy.leg;
    let blockedAt = '';
    while (budget > 0 && convoy.leg + 1 < convoy.route.length) {
      const here = convoy.route[convoy.leg]!;
      const next = convoy.route[convoy.leg + 1]!;
      const isLast = convoy.leg + 2 === convoy.route.length;
      if (!isLast && hostileHeld(view, convoy.actor, next)) {
        blockedAt = next;
        break;
      }
      const road = roadBetween(view, here, next)!;
      const pct = view.params.roadSpeedPct[road.class];
      const needed = ceilDiv((road.length - convoy.covered) * 100, pct);
      if (budget < needed) {
        convoy.covered += Math.floor((budget * pct) / 100);
        budget = 0;
      } else {
        budget -= needed;
        convoy.leg += 1;
        convoy.covered = 0;
      }
    }
    const at = convoy.route[convoy.leg]!;
    if (convoy.leg + 1 === convoy.route.length) {
      arrive(state, convoy, sink);
      continue;
    }
    if (blockedAt !== '') {
      sink.emit(
        'convoy.moved',
        convoy.actor,
        at,
        `The convoy to ${state.posts[convoy.destination]!.name} waits at ${placeName(state, at)}: ` +
          `${placeName(state, blockedAt)} ahead is held by ${actorName(state, state.locations[blockedAt]!.controller)}.`,
        { convoy: id, at, blockedAt, waiting: true },
      );
    } else if (convoy.leg !== startLeg || convoy.covered > 0) {
      sink.emit(
        'convoy.moved',
        convoy.actor,
        at,
        `The convoy to ${state.posts[convoy.destination]!.name} drives on past ${placeName(state, at)}.`,
        { convoy: id, at, waiting: false },
      );
    }
  }
}

export function vehicleCount(convoy: Pick<Convoy, 'vehicles'>): number {
  const v = convoy.vehicles;
  return v.tanks + v.armoured + v.trucks + v.airDefence;
}

function cargoWords(convoy: Convoy): string {
  const parts: string[] = [];
  if (convoy.cargo.supplyDays > 0) parts.push(`${convoy.cargo.supplyDays} days of supply`);
  if (convoy.cargo.troops > 0) parts.push(`${convoy.cargo.troops} troops`);
  return parts.join(' and ');
}

function arrive(state: GameState, convoy: Convoy, sink: EventSink): void {
  const post = state.posts[convoy.destination]!;
  const before = post.supplyDays;
  post.supplyDays = Math.min(post.maxSupplyDays, post.supplyDays + convoy.cargo.supplyDays);
  post.garrison += convoy.cargo.troops;
  delete state.convoys[convoy.id];
  sink.emit(
    'convoy.arrived',
    convoy.actor,
    post.location,
    `The convoy of ${vehicleCount(convoy)} vehicles reaches ${post.name}: supply ${before} → ${post.supplyDays} days` +
      (post.supplyDays - before < convoy.cargo.supplyDays ? ` (stores full at ${post.maxSupplyDays})` : '') +
      (convoy.cargo.troops > 0
        ? `; ${convoy.cargo.troops} troops join the garrison (now ${post.garrison}).`
        : '.'),
    {
      convoy: convoy.id,
      post: post.id,
      before,
      after: post.supplyDays,
      cargo: convoy.cargo.supplyDays,
      troops: convoy.cargo.troops,
    },
  );
}
