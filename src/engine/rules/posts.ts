// Observation posts: every turn each post's status is worked out from the road graph and who
// holds each place. Encircled: every neighbouring place is held by a hostile actor. Supplied: a
// road path through places not held by hostile actors reaches one of the post actor's supply
// sources. Otherwise cut off. Posts that are not supplied eat into their supply days, and once
// those are gone their readiness falls.
//
// Most posts stand on a place of their own (kind `post`). A post established during play stands in
// the town, village, hill or base where the founding unit stood, which may be held by its actor, an
// ally or a neutral actor (Turkey's posts stood in ground held by the opposition and HTS); it is
// overrun when an actor hostile to it takes the place. (Posts on a place of their own are overrun by assault.)
//
// Orders:
// - `evacuate_post`: an escorted withdrawal of a standing post by its actor. The garrison goes
//   home; the post is `evacuated`; a post site is left held by nobody. Political cost: Turkish
//   domestic pressure + `evacuationDomesticPressure` when the post is Turkey's; when the post was
//   encircled, the besiegers have what they wanted: tension between the post's actor and each
//   actor holding a place around it falls by `evacuationTensionRelief`.
// - `establish_post`: a unit standing at a town, village, hill or base not held by an actor hostile
//   to it, where no post stands, sets up a new post: garrison strength × `establishPostGarrisonPerStrength`
//   (at most `establishPostGarrisonMax`), `establishPostSupplyDays` of `establishPostMaxSupplyDays`
//   supply days, radius `establishPostRadiusM`, the unit's readiness.
// Both are carried out in the supply phase, before the posts' status is worked out.
import type { EventSink } from '../events.ts';
import type {
  EstablishPostOrder,
  EvacuatePostOrder,
  GameState,
  ObservationPost,
  Order,
  PostStatus,
  RejectCode,
  Result,
} from '../types.ts';
import {
  actorName,
  cheapestPath,
  hostileHeld,
  neighbours,
  ownStandingUnit,
  placeName,
  sortedIds,
} from '../world.ts';
import { adjustTension, relationOf } from './diplomacy.ts';
import { own } from '../working.ts';

/** Kinds of place where a post can be established. */
export const POST_SITE_KINDS: readonly string[] = ['town', 'village', 'hill', 'base'];

export const MAX_POST_NAME = 80;

export interface PostSituation {
  status: PostStatus;
  /** For a supplied post: the route to its supply source. */
  route: string[];
  /** Neighbouring places and who holds them. */
  around: { location: string; controller: string }[];
}

export function assessPost(state: GameState, post: ObservationPost): PostSituation {
  const around = neighbours(state, post.location).map((n) => ({
    location: n.location,
    controller: state.locations[n.location]!.controller,
  }));
  if (around.length > 0 && around.every((n) => hostileHeld(state, post.actor, n.location)))
    return { status: 'encircled', route: [], around };
  // A post standing in a town needs the town itself out of hostile hands.
  const site = state.locations[post.location];
  if (site && site.kind !== 'post' && hostileHeld(state, post.actor, site.id))
    return { status: 'cut_off', route: [], around };
  const sources = new Set(state.actors[post.actor]?.supplySources ?? []);
  const route = cheapestPath(
    state,
    post.location,
    (id) => sources.has(id),
    (loc) => !hostileHeld(state, post.actor, loc.id) && (loc.kind !== 'post' || loc.id === post.location),
    (road) => road.length,
  );
  return route ? { status: 'supplied', route, around } : { status: 'cut_off', route: [], around };
}

export function postStanding(post: Pick<ObservationPost, 'status'>): boolean {
  return post.status !== 'evacuated' && post.status !== 'overrun';
}

const STATUS_WORDS: Record<PostStatus, string> = {
  supplied: 'supplied',
  cut_off: 'cut off',
  encircled: 'encircled',
  evacuated: 'evacuated',
  overrun: 'overrun',
};

/** Reads `view` (the state after control has changed hands), writes `state`. */
export function updatePosts(state: GameState, view: GameState, sink: EventSink): void {
  const p = view.params;
  for (const id of sortedIds(view.posts)) {
    const post = state.posts[id]!;
    // An evacuated or overrun post is gone: nothing more happens to it.
    if (!postStanding(post)) continue;
    // A post standing in a town falls with the town.
    const site = view.locations[post.location];
    if (site && site.kind !== 'post' && hostileHeld(view, post.actor, post.location)) {
      sink.emit(
        'post.status_changed',
        [post.actor, site.controller],
        post.location,
        () =>
          `${post.name} is overrun: ${actorName(view, site.controller)}, hostile to ${actorName(view, post.actor)}, ` +
          `has taken ${site.name}, where the post stood; the garrison of ${post.garrison} falls back.`,
        { post: id, from: post.status, to: 'overrun', by: site.controller },
      );
      post.status = 'overrun';
      post.garrison = 0;
      continue;
    }
    const situation = assessPost(view, view.posts[id]!);
    if (situation.status !== post.status) {
      const why =
        situation.status === 'encircled'
          ? `every neighbouring place (${situation.around.map((n) => placeName(view, n.location)).join(', ')}) is held by a hostile actor`
          : situation.status === 'cut_off'
            ? site && site.kind !== 'post' && hostileHeld(view, post.actor, site.id)
              ? `${site.name}, where it stands, is held by ${actorName(view, site.controller)}`
              : `no road through friendly or neutral ground reaches ${view.actors[post.actor]!.supplySources.map((s) => placeName(view, s)).join(' or ')}`
            : `the road to ${placeName(view, situation.route[situation.route.length - 1]!)} is open again`;
      sink.emit(
        'post.status_changed',
        post.actor,
        post.location,
        () => `${post.name} is now ${STATUS_WORDS[situation.status]}: ${why}.`,
        { post: id, from: post.status, to: situation.status },
      );
      post.status = situation.status;
    }
    if (post.status === 'supplied') {
      post.supplyDays = Math.min(post.maxSupplyDays, post.supplyDays + p.routineResupplyDaysPerTurn);
      post.readiness = Math.min(100, post.readiness + p.postReadinessGainPerTurn);
      continue;
    }
    const before = post.supplyDays;
    post.supplyDays = Math.max(0, post.supplyDays - state.calendar.daysPerTurn);
    if (before > 0 && post.supplyDays === 0) {
      sink.emit(
        'post.supply_exhausted',
        post.actor,
        post.location,
        () => `${post.name} has run out of supplies.`,
        {
          post: id,
          before,
          after: 0,
        },
      );
    } else if (before === 0) {
      const r = post.readiness;
      post.readiness = Math.max(0, post.readiness - p.postReadinessLossPerTurn);
      // Reported as it passes each fifth of the scale, and when it reaches 0.
      if (
        post.readiness !== r &&
        (Math.floor(post.readiness / 20) !== Math.floor(r / 20) || post.readiness === 0)
      ) {
        sink.emit(
          'post.readiness',
          post.actor,
          post.location,
          () =>
            `${post.name} has no supplies left; readiness falls ${r} → ${post.readiness} (garrison of ${actorName(state, post.actor)}).`,
          { post: id, before: r, after: post.readiness },
        );
      }
    }
  }
}

// ---------------------------------------------------------------- orders

function reject(code: RejectCode, message: string): Result<never> {
  return { ok: false, code, message };
}

const ok: Result = { ok: true, value: true };

export function validateEvacuate(state: GameState, actor: string, order: EvacuatePostOrder): Result {
  const post = state.posts[order.post];
  if (!post) return reject('unknown_post', `There is no observation post "${order.post}".`);
  if (post.actor !== actor)
    return reject('unknown_post', `${post.name} is not a post of ${actorName(state, actor)}.`);
  if (!postStanding(post))
    return reject(
      'post_closed',
      `${post.name} has already been ${post.status}; there is nothing to evacuate.`,
    );
  return ok;
}

/** A standing post at `location`, if any. */
function postAt(state: GameState, location: string): ObservationPost | null {
  for (const id of sortedIds(state.posts)) {
    const post = state.posts[id]!;
    if (post.location === location && postStanding(post)) return post;
  }
  return null;
}

export function validateEstablish(state: GameState, actor: string, order: EstablishPostOrder): Result {
  const found = ownStandingUnit(state, actor, order.unit, 'a post is set up where a unit stands');
  if (!found.ok) return found;
  const unit = found.value;
  const site = state.locations[unit.location];
  if (!site) return reject('unknown_location', `There is no place "${unit.location}" on the map.`);
  if (!POST_SITE_KINDS.includes(site.kind))
    return reject(
      'post_location',
      `A post is set up in a town, village, hill or base; ${site.name} is a ${site.kind}.`,
    );
  if (hostileHeld(state, actor, site.id))
    return reject(
      'post_location',
      `${site.name} is held by ${actorName(state, site.controller)}, which is hostile to ${actorName(state, actor)}.`,
    );
  const there = postAt(state, site.id);
  if (there) return reject('post_location', `${site.name} already has a post: ${there.name}.`);
  if (typeof order.name !== 'string') return reject('bad_number', 'A post needs a name.');
  return ok;
}

/**
 * Carries out this turn's evacuate and establish orders (checked again against `view`: a post
 * overrun or a unit gone since the orders were given makes the order lapse, with an
 * `order.rejected` event that says why). Reads `view`, writes `state`.
 */
export function applyPostOrders(
  state: GameState,
  view: GameState,
  sink: EventSink,
  orders: readonly { actor: string; order: Order }[],
): void {
  for (const { actor, order } of orders) {
    if (order.kind === 'evacuate_post') {
      const check = validateEvacuate(view, actor, order);
      if (!check.ok) lapse(sink, actor, order.kind, check);
      else evacuatePost(state, view, order.post, sink);
    } else if (order.kind === 'establish_post') {
      let check = validateEstablish(view, actor, order);
      // Two posts set up in one place the same turn: the first one stands.
      const unit = view.units[order.unit];
      if (check.ok && unit && postAt(state, unit.location))
        check = reject('post_location', `${placeName(view, unit.location)} already has a post.`);
      if (!check.ok) lapse(sink, actor, order.kind, check);
      else establishPost(state, view, actor, order, sink);
    }
  }
}

function lapse(sink: EventSink, actor: string, kind: string, check: Result): void {
  if (check.ok) return;
  sink.emit('order.rejected', actor, '', () => `Order lapsed (${check.code}): ${check.message}`, {
    code: check.code,
    order: kind,
  });
}

function evacuatePost(state: GameState, view: GameState, id: string, sink: EventSink): void {
  const post = state.posts[id]!;
  const situation = assessPost(view, view.posts[id]!);
  const encircled = situation.status === 'encircled';
  const garrison = post.garrison;
  post.status = 'evacuated';
  post.garrison = 0;
  const site = own(state.locations, post.location)!;
  if (site.kind === 'post') site.controller = '';
  const p = view.params;
  const data: Record<string, string | number | boolean> = { post: id, garrison, encircled };
  const costs: string[] = [];
  if (post.actor === p.actorRoles.turkey && p.evacuationDomesticPressure > 0) {
    const before = state.meters.turkishDomesticPressure;
    state.meters.turkishDomesticPressure = Math.min(100, before + p.evacuationDomesticPressure);
    data.domesticPressureBefore = before;
    data.domesticPressure = state.meters.turkishDomesticPressure;
    costs.push(`Turkish domestic pressure ${before} → ${state.meters.turkishDomesticPressure}`);
  }
  const besiegers: string[] = [];
  if (encircled) {
    for (const n of situation.around)
      if (n.controller !== '' && !besiegers.includes(n.controller)) besiegers.push(n.controller);
    besiegers.sort();
  }
  const tensionWords: string[] = [];
  for (const other of besiegers) {
    if (!relationOf(state, post.actor, other) || p.evacuationTensionRelief <= 0) continue;
    const { before, after } = adjustTension(state, post.actor, other, -p.evacuationTensionRelief);
    if (after === before) continue;
    data[`tension:${other}`] = after;
    tensionWords.push(`tension with ${actorName(view, other)} ${before} → ${after}`);
    sink.emit(
      'tension.changed',
      [post.actor, other],
      post.location,
      () =>
        `Tension between ${actorName(view, post.actor)} and ${actorName(view, other)} eases ${before} → ${after}: ` +
        `the encircled ${post.name} is given up.`,
      {
        a: post.actor < other ? post.actor : other,
        b: post.actor < other ? other : post.actor,
        before,
        after,
        cause: 'post.evacuated',
      },
    );
  }
  sink.emit(
    'post.evacuated',
    post.actor,
    post.location,
    () =>
      `${actorName(view, post.actor)} evacuates ${post.name}${encircled ? ', encircled,' : ''} in an escorted withdrawal: ` +
      `the garrison of ${garrison} goes home` +
      (costs.length + tensionWords.length > 0 ? `; ${[...costs, ...tensionWords].join('; ')}.` : '.'),
    data,
  );
}

function establishPost(
  state: GameState,
  view: GameState,
  actor: string,
  order: EstablishPostOrder,
  sink: EventSink,
): void {
  const unit = view.units[order.unit]!;
  const site = view.locations[unit.location]!;
  const p = view.params;
  let id = `post_${state.nextSerial}`;
  state.nextSerial += 1;
  while (state.posts[id] || view.posts[id]) {
    id = `post_${state.nextSerial}`;
    state.nextSerial += 1;
  }
  const given = order.name.trim().slice(0, MAX_POST_NAME);
  const post: ObservationPost = {
    id,
    name: given === '' ? `${actorName(view, actor)} post at ${site.name}` : given,
    actor,
    location: site.id,
    number: 0,
    garrison: Math.min(p.establishPostGarrisonMax, unit.strength * p.establishPostGarrisonPerStrength),
    supplyDays: Math.min(p.establishPostSupplyDays, p.establishPostMaxSupplyDays),
    maxSupplyDays: p.establishPostMaxSupplyDays,
    readiness: unit.readiness,
    radius: p.establishPostRadiusM,
    status: 'supplied',
    observed: 0,
  };
  post.status = assessPost(view, post).status;
  state.posts[id] = post;
  sink.emit(
    'post.established',
    actor,
    site.id,
    () =>
      `${actorName(view, actor)} establishes ${post.name} at ${site.name} with ${unit.name}: garrison ${post.garrison} ` +
      `(strength ${unit.strength} × ${p.establishPostGarrisonPerStrength}, at most ${p.establishPostGarrisonMax}), ` +
      `${post.supplyDays} of ${post.maxSupplyDays} supply days, sees ${Math.floor(post.radius / 1000)} km; ${STATUS_WORDS[post.status]}.`,
    { post: id, unit: unit.id, garrison: post.garrison, supplyDays: post.supplyDays, status: post.status },
  );
}
