// What each doctrine factor thinks of a candidate order: an integer judgement from -100 (the factor
// is against it) to 100 (the factor wants it), 0 when the factor has nothing to say. A candidate's
// score is the sum over the doctrine's priorities of weight × judgement. The meanings in words are
// FACTOR_MEANING (src/engine/doctrine.ts); the docs (docs/doctrines.md) explain each in full.
import {
  breaches,
  isFriendly,
  neighbours,
  type Factor,
  type Order,
  type OrderKind,
  type Unit,
} from '../engine/index.ts';
import {
  fighting,
  frontLine,
  heldByEnemy,
  heldByFriend,
  tensionOf,
  turkishGunRange,
  type Context,
} from './context.ts';

type Judge = (order: Order, ctx: Context) => number;

const clamp = (x: number): number => (x > 100 ? 100 : x < -100 ? -100 : Math.trunc(x));

/** The places an order acts on (the target of a strike or assault; where a move goes). */
function aimOf(order: Order): string {
  if (order.kind === 'strike' || order.kind === 'assault') return order.target;
  if (order.kind === 'move') return order.to;
  return '';
}

function isAttack(order: Order): order is Extract<Order, { kind: 'strike' | 'assault' }> {
  return order.kind === 'strike' || order.kind === 'assault';
}

/**
 * The units an order takes away from where they stand: a move's unit, and an assault's units
 * (which move on into the place when they take it). Units on the road stand nowhere (as in
 * ctx.ownStrength).
 */
function unitsLeaving(order: Order, ctx: Context): Unit[] {
  const ids = order.kind === 'move' ? [order.unit] : order.kind === 'assault' ? order.units : [];
  const out: Unit[] = [];
  for (const id of ids) {
    const u = ctx.view.units[id];
    if (u && u.transit === null && u.strength > 0 && u.location !== aimOf(order)) out.push(u);
  }
  return out;
}

/** The actor's fighting strength left at `place` once `leaving` have gone from it. */
function leftAt(ctx: Context, place: string, leaving: readonly Unit[]): number {
  let left = ctx.ownStrength.get(place) ?? 0;
  for (const u of leaving) if (u.location === place) left -= fighting(u);
  return left;
}

/** Places of at least this value are worth holding on their own (defend_held_places, hold_rather_than_counter_attack). */
const KEY_VALUE = 3;

function value(ctx: Context, place: string): number {
  return ctx.view.locations[place]?.value ?? 0;
}

/** Whether `place` is a valuable place the actor holds on the front line (its units there defend it). */
function defends(ctx: Context, place: string): boolean {
  const loc = ctx.view.locations[place];
  return loc !== undefined && loc.controller === ctx.actor && loc.value >= KEY_VALUE && frontLine(ctx, place);
}

/** Whether `leaving` would leave too little at `place` to meet the hostile strength there (plus 3). */
function leavesTooFew(ctx: Context, place: string, leaving: readonly Unit[]): boolean {
  return leftAt(ctx, place, leaving) < (ctx.hostileStrength.get(place) ?? 0) + 3;
}

/** Estimated attack and defence of an assault, and the odds as attack per cent of defence. */
export function assaultOdds(order: Extract<Order, { kind: 'assault' }>, ctx: Context): number {
  const { view } = ctx;
  let attack = 0;
  for (const id of order.units) {
    const u = view.units[id];
    if (u) attack += fighting(u);
  }
  const loc = view.locations[order.target];
  if (!loc) return 0;
  const base = (ctx.hostileStrength.get(order.target) ?? 0) + (ctx.postDefence.get(order.target) ?? 0);
  // A hostile place with no units seen still has some defenders (militia, the unseen).
  const defenders = Math.max(1, base);
  const pct =
    (view.params.terrainDefencePct[loc.terrain] ?? 100) + loc.fortification * view.params.fortificationPct;
  const defence = Math.max(1, Math.trunc((defenders * pct) / 100));
  return Math.trunc((attack * 100) / defence);
}

export const FACTOR_JUDGES: Record<Factor, Judge> = {
  favourable_odds(order, ctx) {
    if (order.kind !== 'assault') return 0;
    return clamp((assaultOdds(order, ctx) - ctx.th.minAssaultOddsPct) / 2);
  },

  take_valuable_places(order, ctx) {
    const aim = aimOf(order);
    if (aim === '' || heldByFriend(ctx, aim)) return 0;
    const v = value(ctx, aim);
    if (order.kind === 'assault') return clamp(v * 20);
    if (order.kind === 'move') return heldByEnemy(ctx, aim) ? clamp(v * 10) : clamp(v * 15);
    return clamp(v * 5);
  },

  protect_own_forces(order, ctx) {
    const { view } = ctx;
    if (order.kind === 'evacuate_post') {
      const p = view.posts[order.post];
      if (!p) return 0;
      // A surrounded post is given up before it can be stormed (escalation one rung short of the
      // level at which posts get assaulted), or once it has nothing left.
      const stormable = view.meters.escalation + 1 >= ctx.th.assaultPostsFromEscalation;
      const surrounded = p.status === 'encircled' || p.status === 'cut_off';
      const hopeless = surrounded && (stormable || (p.supplyDays === 0 && p.readiness < 40));
      return hopeless ? 80 : -100;
    }
    if (order.kind === 'move') {
      const u = view.units[order.unit];
      if (!u) return 0;
      const threat = ctx.hostileStrength.get(u.location) ?? 0;
      const danger = (ctx.hostileStrength.get(order.to) ?? 0) + (ctx.postDefence.get(order.to) ?? 0);
      if (u.strength <= 2 && danger === 0 && threat === 0 && heldByFriend(ctx, order.to)) return 20;
      if (danger > u.strength * 2) return -60;
      return 0;
    }
    if (order.kind === 'assault') {
      let weak = 0;
      for (const id of order.units) if ((view.units[id]?.readiness ?? 100) < 40) weak++;
      return weak === 0 ? 0 : clamp(-30 * weak);
    }
    return 0;
  },

  pursue_objectives(order, ctx) {
    const { view } = ctx;
    if (ctx.objectivePlaces.size === 0) return 0;
    // Guns that reach a highway to open keep it closed: silence them.
    if (isAttack(order) && ctx.gunsOnObjectives.has(order.target)) return 100;
    if (order.kind === 'assault' && ctx.objectivePlaces.has(order.target) && !heldByFriend(ctx, order.target))
      return 100;
    if (order.kind !== 'move') return 0;
    const u = view.units[order.unit];
    if (!u) return 0;
    // The last defender of an objective stays.
    if (ctx.objectivePlaces.has(u.location) && heldByFriend(ctx, u.location)) {
      const left = leftAt(ctx, u.location, [u]);
      if (left <= 0) return -100;
    }
    if (!ctx.objectivePlaces.has(order.to)) return 0;
    if (!heldByFriend(ctx, order.to)) return 80;
    // Into an objective already held: from one held objective to another only shifts its
    // defenders (see defend_held_places), so only a unit from elsewhere counts.
    return ctx.objectivePlaces.has(u.location) && heldByFriend(ctx, u.location) ? 0 : 40;
  },

  defend_held_places(order, ctx) {
    if (order.kind !== 'move') return 0;
    const { view } = ctx;
    const u = view.units[order.unit];
    if (!u) return 0;
    const defender = defends(ctx, u.location);
    if (defender && leavesTooFew(ctx, u.location, [u])) return clamp(-40 * value(ctx, u.location));
    const to = view.locations[order.to];
    // Reinforcing a threatened town, but not with the defenders of another: that only shifts
    // them (and puts them on the road), the shuttle between two towns that never ends.
    if (to && !defender && to.controller === ctx.actor && to.value >= KEY_VALUE && frontLine(ctx, order.to))
      return clamp(15 * to.value);
    return 0;
  },

  consolidate_gains(order, ctx) {
    if (order.kind !== 'assault') return 0;
    // As defend_held_places for a move: the defenders of a threatened valuable place do not leave
    // it to attack the next one with too little left behind (they move on into what they take).
    const leaving = unitsLeaving(order, ctx);
    let worst = 0;
    for (const place of new Set(leaving.map((u) => u.location)))
      if (defends(ctx, place) && leavesTooFew(ctx, place, leaving))
        worst = Math.min(worst, clamp(-40 * value(ctx, place)));
    return worst;
  },

  hold_rather_than_counter_attack(order, ctx) {
    const leaving = unitsLeaving(order, ctx);
    if (leaving.length === 0) return 0;
    const { view } = ctx;
    let worst = 0;
    for (const place of new Set(leaving.map((u) => u.location))) {
      const loc = view.locations[place];
      if (!loc || loc.controller !== ctx.actor) continue;
      if (!ctx.objectivePlaces.has(place) && loc.value < KEY_VALUE) continue;
      // The strongest hostile force next to it, and what would be left to meet it.
      let threat = 0;
      for (const n of neighbours(view, place)) {
        const near = heldByEnemy(ctx, n.location) ? Math.max(1, ctx.hostileStrength.get(n.location) ?? 0) : 0;
        threat = Math.max(threat, near, ctx.hostileStrength.get(n.location) ?? 0);
      }
      if (threat === 0) continue;
      const left = leftAt(ctx, place, leaving);
      if (left <= 0) worst = -100;
      else if (left < threat) worst = Math.min(worst, -50);
    }
    return worst;
  },

  keep_agreements(order, ctx) {
    if (!isAttack(order)) return 0;
    if (breaches(ctx.view, ctx.actor, order.kind, order.target)) return -100;
    // A ceasefire that takes effect at the start of this very turn binds the orders given now.
    return ctx.ceasefireStarting ? -100 : 0;
  },

  make_peace_when_pressed(order, ctx) {
    const { view } = ctx;
    const losses = view.meters.losses[ctx.actor] ?? 0;
    const pressed = view.meters.escalation * 15 + Math.min(50, Math.trunc(losses / 10)) - 30;
    if (order.kind === 'accept_ceasefire') return clamp(pressed);
    if (order.kind === 'reject_ceasefire') return clamp(-pressed);
    if (order.kind === 'leaders_call') return clamp(tensionOf(view, ctx.actor, order.to) - 40);
    return 0;
  },

  keep_posts_supplied(order, ctx) {
    const { view } = ctx;
    if (order.kind === 'evacuate_post') return view.posts[order.post]?.status === 'supplied' ? -50 : 0;
    if (order.kind !== 'dispatch_convoy') return 0;
    const p = view.posts[order.post];
    if (!p) return 0;
    if (ctx.convoysTo.has(order.post)) return -100;
    const low = Math.max(1, ctx.th.lowSupplyDays);
    if (p.supplyDays >= 2 * low && p.status === 'supplied') return -20;
    let v = Math.trunc(((2 * low - Math.min(2 * low, p.supplyDays)) * 100) / (2 * low));
    if (p.status === 'cut_off' || p.status === 'encircled') v += 30;
    if (p.status === 'encircled' && order.escort !== '') v += 20;
    return clamp(v);
  },

  notify_russia(order, ctx) {
    if (order.kind !== 'dispatch_convoy') return 0;
    // It judges how a convoy goes, not whether: the wrong choice costs, the right one is neutral.
    const calm = tensionOf(ctx.view, ctx.actor, ctx.russia) < ctx.th.notifyRussiaTensionBelow;
    return order.notified === calm ? 0 : -50;
  },

  retaliate_for_losses(order, ctx) {
    if (!isAttack(order)) return 0;
    const losses = ctx.view.meters.losses[ctx.actor] ?? 0;
    const steps = Math.trunc(losses / Math.max(1, ctx.th.lossesPerRetaliation));
    if (steps === 0) return 0;
    const target = order.target;
    const holder = ctx.view.locations[target]?.controller ?? '';
    const there = ctx.actorsAt.get(target);
    const culprit =
      ctx.struckBy.has(holder) || (there !== undefined && [...there].some((a) => ctx.struckBy.has(a)));
    if (!culprit) return 0;
    return clamp(steps * 10);
  },

  avoid_clash_with_russia(order, ctx) {
    if (ctx.actor === ctx.russia) return 0;
    const aim = aimOf(order);
    if (aim === '' || order.kind === 'move') return 0;
    const tension = tensionOf(ctx.view, ctx.actor, ctx.russia);
    const edge = tension > ctx.th.avoidRussiaTensionAbove ? 2 : 1;
    if (ctx.actorsAt.get(aim)?.has(ctx.russia)) return clamp(-60 * edge);
    if (isAttack(order)) return clamp(-10 * edge * ctx.view.meters.escalation);
    return 0;
  },

  hold_the_refugee_line(order, ctx) {
    const { view } = ctx;
    if (order.kind === 'evacuate_post') return -30;
    if (order.kind !== 'move') return 0;
    const to = view.locations[order.to];
    if (!to || !heldByFriend(ctx, order.to) || to.population < 10_000) return 0;
    // A front-line town: a hostile-held place or hostile units next to it.
    if (!frontLine(ctx, order.to)) return 0;
    return clamp(30 + Math.trunc(to.population / 5_000));
  },

  seek_us_backing(order, ctx) {
    if (order.kind !== 'request_us_support') return 0;
    const { view } = ctx;
    const case_ = view.meters.escalation >= view.params.usSupportEscalationMin && ctx.struckBy.size > 0;
    return case_ ? 80 : -60;
  },

  take_highway_towns(order, ctx) {
    const aim = aimOf(order);
    if (aim === '' || !ctx.highwayTowns.has(aim) || heldByFriend(ctx, aim)) return 0;
    if (order.kind === 'assault') return 90;
    if (order.kind === 'move') return 70;
    return 30;
  },

  encircle_posts_not_assault(order, ctx) {
    const escalation = ctx.view.meters.escalation;
    const mayAssault = escalation >= ctx.th.assaultPostsFromEscalation;
    if (isAttack(order) && ctx.postDefence.has(order.target)) return mayAssault ? 0 : -100;
    if (order.kind === 'move' && ctx.besidePost.has(order.to) && !heldByFriend(ctx, order.to)) return 60;
    if (order.kind === 'assault' && ctx.besidePost.has(order.target)) return 50;
    if (order.kind === 'move' && ctx.besidePost.has(order.to)) return 20;
    return 0;
  },

  follow_russian_air(order, ctx) {
    if (order.kind !== 'assault' && order.kind !== 'move') return 0;
    const aim = aimOf(order);
    if (ctx.russianStrikes.has(aim)) return 80;
    const russia = ctx.view.actors[ctx.russia];
    if (!russia || russia.airSorties <= 0 || !heldByEnemy(ctx, aim)) return 0;
    const zone = ctx.view.zones[ctx.view.params.deEscalationZone];
    return !zone || zone.locations.includes(aim) ? 30 : 0;
  },

  support_offensive_from_air(order, ctx) {
    if (order.kind !== 'strike' || order.means === 'artillery') return 0;
    const target = order.target;
    // Where the government (or another ally) stands next to the target, it is attacking.
    const { view } = ctx;
    const allyBeside = neighbours(view, target).some((n) =>
      [...(ctx.actorsAt.get(n.location) ?? [])].some((a) => isAlly(ctx, a)),
    );
    // Nobody to hit: an ally beside it walks in during the movement phase, before the strike.
    const empty = (ctx.hostileStrength.get(target) ?? 0) === 0 && (ctx.postDefence.get(target) ?? 0) === 0;
    if (allyBeside) return empty ? -50 : 100;
    if (ctx.highwayTowns.has(target)) return 60;
    return 20;
  },

  keep_turkey_from_the_west(order, ctx) {
    const { view } = ctx;
    if (ctx.actor === ctx.turkey) return 0;
    if (order.kind === 'leaders_call' && order.to === ctx.turkey)
      return clamp(
        view.meters.usSupport - 30 + Math.trunc((tensionOf(view, ctx.actor, ctx.turkey) - 40) / 2),
      );
    if (order.kind === 'protest' && order.to === ctx.turkey) return -50;
    if (isAttack(order)) {
      const there = ctx.actorsAt.get(order.target);
      if (there?.has(ctx.turkey) || ctx.postAt.get(order.target) === ctx.turkey) return -80;
    }
    return 0;
  },

  ceasefire_when_tension_high(order, ctx) {
    const tension = tensionOf(ctx.view, ctx.actor, ctx.turkey);
    const high = tension > ctx.th.ceasefireTensionAbove;
    if (order.kind === 'propose_ceasefire') {
      if (order.to !== ctx.turkey) return -50;
      return high ? clamp(50 + tension - ctx.th.ceasefireTensionAbove) : -100;
    }
    if (order.kind === 'accept_ceasefire' && order.to === ctx.turkey) return high ? 80 : -20;
    return 0;
  },

  run_joint_patrols(order, ctx) {
    const p =
      order.kind === 'run_patrol' || order.kind === 'suspend_patrol'
        ? ctx.view.patrols[order.patrol]
        : undefined;
    if (!p) return 0;
    if (order.kind === 'run_patrol') return 80;
    return p.attacks >= 2 ? 20 : -80;
  },

  hold_idlib(order, ctx) {
    const { view } = ctx;
    if (ctx.heart === '') return 0;
    const heart = ctx.heart;
    const near = ctx.nearHeart;
    // The heart is never left empty: no move or assault takes its last defenders away.
    const leaving = unitsLeaving(order, ctx);
    if (leaving.some((u) => u.location === heart) && leftAt(ctx, heart, leaving) <= 0) return -100;
    if (order.kind === 'move') {
      const u = view.units[order.unit];
      if (!u) return 0;
      if (near.has(order.to) && !near.has(u.location)) return 70;
      if (near.has(u.location) && !near.has(order.to)) return -40;
      return 0;
    }
    if (order.kind === 'assault' && near.has(order.target)) return 60;
    return 0;
  },

  attack_patrols_and_spoilers(order, ctx) {
    if (order.kind === 'move') {
      if (ctx.patrolRoutes.has(order.to)) return 80;
      const beside = neighbours(ctx.view, order.to).some((n) => ctx.patrolRoutes.has(n.location));
      return beside ? 40 : 0;
    }
    if (isAttack(order)) {
      const there = ctx.actorsAt.get(order.target);
      if (there?.has(ctx.russia) || there?.has(ctx.turkey)) return 40;
    }
    return 0;
  },

  retake_towns_with_turkish_fire(order, ctx) {
    const aim = aimOf(order);
    if (aim === '' || !heldByEnemy(ctx, aim)) return 0;
    const loc = ctx.view.locations[aim]!;
    if (loc.kind !== 'city' && loc.kind !== 'town' && loc.kind !== 'village') return 0;
    const turkey = ctx.view.actors[ctx.turkey];
    const covered =
      turkishGunRange(ctx).has(aim) ||
      (turkey !== undefined && turkey.droneSorties > 0 && !ctx.view.meters.airspaceClosed);
    if (order.kind === 'assault') return covered ? 90 : 20;
    if (order.kind === 'move') return covered ? 40 : 10;
    return 0;
  },

  issue_statements(order, ctx) {
    if (order.kind !== 'protest') return 0;
    const pressure = ctx.view.meters.internationalPressure;
    let worst = '';
    let most = -1;
    for (const a of Object.keys(pressure).sort())
      if (a !== ctx.actor && pressure[a]! > most) {
        most = pressure[a]!;
        worst = a;
      }
    if (order.to === worst && most >= 20) return clamp(40 + most);
    return -20;
  },
};

/**
 * The kinds of order each factor has something to say about: for any other kind its judge gives
 * 0, so the policy does not ask it (`decide` scores each candidate with the factors of its kind).
 * tests/unit/ai.test.ts checks every judge against this list on the candidates of played games.
 */
export const FACTOR_KINDS: Record<Factor, readonly OrderKind[]> = {
  favourable_odds: ['assault'],
  take_valuable_places: ['move', 'assault', 'strike'],
  protect_own_forces: ['move', 'assault', 'evacuate_post'],
  pursue_objectives: ['move', 'assault', 'strike'],
  defend_held_places: ['move'],
  consolidate_gains: ['assault'],
  hold_rather_than_counter_attack: ['move', 'assault'],
  keep_agreements: ['assault', 'strike'],
  make_peace_when_pressed: ['accept_ceasefire', 'reject_ceasefire', 'leaders_call'],
  keep_posts_supplied: ['dispatch_convoy', 'evacuate_post'],
  notify_russia: ['dispatch_convoy'],
  retaliate_for_losses: ['assault', 'strike'],
  avoid_clash_with_russia: ['assault', 'strike'],
  hold_the_refugee_line: ['move', 'evacuate_post'],
  seek_us_backing: ['request_us_support'],
  take_highway_towns: ['move', 'assault', 'strike'],
  encircle_posts_not_assault: ['move', 'assault', 'strike'],
  follow_russian_air: ['move', 'assault'],
  support_offensive_from_air: ['strike'],
  keep_turkey_from_the_west: ['assault', 'strike', 'leaders_call', 'protest'],
  ceasefire_when_tension_high: ['propose_ceasefire', 'accept_ceasefire'],
  run_joint_patrols: ['run_patrol', 'suspend_patrol'],
  hold_idlib: ['move', 'assault'],
  attack_patrols_and_spoilers: ['move', 'assault', 'strike'],
  retake_towns_with_turkish_fire: ['move', 'assault'],
  issue_statements: ['protest'],
};

/** Whether `other` is an ally of the viewer (allied stance, not the viewer itself). */
function isAlly(ctx: Context, other: string): boolean {
  return other !== ctx.actor && isFriendly(ctx.view, ctx.actor, other);
}
