// Observation posts: every turn each post's status is worked out from the road graph and who
// holds each place. Encircled: every neighbouring place is held by a hostile actor. Supplied: a
// road path through places not held by hostile actors reaches one of the post actor's supply
// sources. Otherwise cut off. Posts that are not supplied eat into their supply days, and once
// those are gone their readiness falls.
import type { EventSink } from '../events.ts';
import type { GameState, ObservationPost, PostStatus } from '../types.ts';
import { actorName, cheapestPath, hostileHeld, neighbours, placeName, sortedIds } from '../world.ts';

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
    if (post.status === 'evacuated' || post.status === 'overrun') continue;
    const situation = assessPost(view, view.posts[id]!);
    if (situation.status !== post.status) {
      const why =
        situation.status === 'encircled'
          ? `every neighbouring place (${situation.around.map((n) => placeName(view, n.location)).join(', ')}) is held by a hostile actor`
          : situation.status === 'cut_off'
            ? `no road through friendly or neutral ground reaches ${view.actors[post.actor]!.supplySources.map((s) => placeName(view, s)).join(' or ')}`
            : `the road to ${placeName(view, situation.route[situation.route.length - 1]!)} is open again`;
      sink.emit(
        'post.status_changed',
        post.actor,
        post.location,
        `${post.name} is now ${STATUS_WORDS[situation.status]}: ${why}.`,
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
      sink.emit('post.supply_exhausted', post.actor, post.location, `${post.name} has run out of supplies.`, {
        post: id,
        before,
        after: 0,
      });
    } else if (before === 0) {
      const r = post.readiness;
      post.readiness = Math.max(0, post.readiness - p.postReadinessLossPerTurn);
      if (post.readiness !== r) {
        sink.emit(
          'post.readiness',
          post.actor,
          post.location,
          `${post.name} has no supplies left; readiness falls ${r} → ${post.readiness} (garrison of ${actorName(state, post.actor)}).`,
          { post: id, before: r, after: post.readiness },
        );
      }
    }
  }
}
