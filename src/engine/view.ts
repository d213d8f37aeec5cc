// Fog of war: what one actor knows. `viewFor(state, actor)` is a GameState of the same shape as
// the real one, in which the actor's own forces are exact and everyone else's are estimates
// unless the actor observes them. Computer actors and the client read only this view; the
// after-action review (and the instructor) read the full state: `viewFor(state, '')`.
//
// The view is pure: it draws no random number and never writes to `state`. Like every state it
// is read-only: the parts it does not change (the map, the meters, the agreements …) are shared
// with `state`, not copied.
//
// What the viewer observes (a set of places):
//   - the place of each of its own standing units (alive, not on a road) and that place's road
//     neighbours;
//   - every place within the radius of each of its own standing posts (not evacuated or overrun);
//   - when it has drone sorties (`droneSorties > 0`) and the airspace is open
//     (`meters.airspaceClosed` false): every place within `params.droneViewRangeM` of a place it
//     holds.
// A unit is observed when the place it last stood at is observed, or the place it is driving
// toward. A convoy is observed when the place it last passed is, or (once on the road) the next.
//
// What the view shows:
//   - own units, posts and convoys: exactly.
//   - other actors' units, observed: where they are and how strong, exactly; their destination
//     (an intention nobody can see) is only the end of the road they are on.
//   - other actors' units, not observed: at their last place, with strength rounded to the
//     nearest multiple of `params.fogStrengthBucket` (never 0 for a living unit), readiness
//     shown as `HIDDEN_READINESS` (50: "unknown", not a measurement), no destination, no transit.
//   - other actors' posts, not observed: place and status are public; garrison rounded like a
//     strength, readiness `HIDDEN_READINESS`, supply days shown as half the stores (unknown).
//   - other actors' convoys: only those observed.
//   - ceasefire proposals: only those from or to the viewer.
//   - pending reports (news not yet out): none.
//   - the RNG: the same shape, zeroed (a view must not be usable to predict the rolls).
//   - victory: the viewer's own objectives, its own score (and the score the triggers last saw)
//     and its own achieved and failed objectives; the bands, the sudden-death rules (the rules
//     everyone plays by) and a trigger's ending of the game stay.
//   - the log: only events that concern the viewer (it is among the event's actors: this covers
//     diplomacy addressed to it) or that are public: control.changed, highway.*, agreement.*,
//     report.published, escalation.*, market.moved, civilians.*, scenario.ended, and a scenario
//     trigger's message to everyone (a trigger.message with no addressee).
//   - everything else (map, who holds each place, highways, agreements, patrols, meters, actors,
//     calendar, rule numbers) is public and shown as it is.
import type {
  Convoy,
  EventKind,
  GameEvent,
  GameState,
  LogEntry,
  ObservationPost,
  RngState,
  Unit,
} from './types.ts';
import { freezeSorted, neighbours, sortedIds } from './world.ts';

/** Readiness shown for an enemy unit or post the viewer does not observe: unknown, not measured. */
export const HIDDEN_READINESS = 50;

/** Event kinds everyone sees, whoever they concern. */
const PUBLIC_KINDS: ReadonlySet<EventKind> = new Set<EventKind>([
  'control.changed',
  'highway.opened',
  'highway.closed',
  'agreement.changed',
  'agreement.violated',
  'report.published',
  'escalation.changed',
  'escalation.consequence',
  'market.moved',
  'civilians.displaced',
  'civilians.killed',
  'civilians.aid',
  'scenario.ended',
]);

const PUBLIC_PREFIXES = ['highway.', 'agreement.', 'escalation.', 'civilians.'];

/** Whether events of a kind are public (`PUBLIC_KINDS`, `PUBLIC_PREFIXES`), by kind once asked. */
const publicKinds = new Map<string, boolean>();

function isPublicKind(kind: EventKind): boolean {
  let answer = publicKinds.get(kind);
  if (answer === undefined) {
    answer = PUBLIC_KINDS.has(kind) || PUBLIC_PREFIXES.some((p) => kind.startsWith(p));
    publicKinds.set(kind, answer);
  }
  return answer;
}

/** Whether `actor` sees `event` in its log: it concerns the actor, or it is public. */
export function eventVisibleTo(event: GameEvent, actor: string): boolean {
  if (actor === '') return true;
  if (event.actors.includes(actor)) return true;
  if (isPublicKind(event.kind)) return true;
  return event.kind === 'trigger.message' && event.data.to === '';
}

/**
 * The places within a distance of each place, for the places of one map: `placesNear(state, r2)`
 * lists for each place `p`, in id order, every place whose `distance2` from `p` is at most `r2`
 * (`p` among them). The places and where they stand never change during a game, and every state
 * of a game shares one `roads` object, so a table is kept by `roads` and its lists are made once
 * per distance; a `locations` record is checked once (every time while it is not frozen) to have
 * the table's places at the table's coordinates, else the table is made anew (a test may give one
 * road map two maps).
 */
interface NearTable {
  ids: readonly string[];
  xs: readonly number[];
  ys: readonly number[];
  /** `locations` records found to match. */
  checked: WeakSet<object>;
  byDistance: Map<number, Map<string, readonly string[]>>;
}

const nearTables = new WeakMap<object, NearTable>();

function nearTable(state: GameState): NearTable {
  const ids = sortedIds(state.locations);
  let table = nearTables.get(state.roads);
  if (table !== undefined && !table.checked.has(state.locations)) {
    let same = table.ids.length === ids.length;
    for (let i = 0; same && i < ids.length; i++) {
      const l = state.locations[ids[i]!]!;
      same = ids[i] === table.ids[i] && l.x === table.xs[i] && l.y === table.ys[i];
    }
    if (!same) table = undefined;
    else if (Object.isFrozen(state.locations)) table.checked.add(state.locations);
  }
  if (table === undefined) {
    table = {
      ids: [...ids],
      xs: ids.map((id) => state.locations[id]!.x),
      ys: ids.map((id) => state.locations[id]!.y),
      checked: new WeakSet(),
      byDistance: new Map(),
    };
    if (Object.isFrozen(state.locations)) table.checked.add(state.locations);
    nearTables.set(state.roads, table);
  }
  return table;
}

/** The places within `r2` (squared) of each place of the state's map: see `NearTable`. */
function placesNear(state: GameState, r2: number): Map<string, readonly string[]> {
  const table = nearTable(state);
  let near = table.byDistance.get(r2);
  if (near === undefined) {
    near = new Map();
    const { ids, xs, ys } = table;
    for (let i = 0; i < ids.length; i++) {
      const list: string[] = [];
      for (let j = 0; j < ids.length; j++) {
        const dx = xs[i]! - xs[j]!;
        const dy = ys[i]! - ys[j]!;
        if (dx * dx + dy * dy <= r2) list.push(ids[j]!);
      }
      near.set(ids[i]!, list);
    }
    table.byDistance.set(r2, near);
  }
  return near;
}

const NOWHERE: readonly string[] = [];

/** The places `actor` observes now (see the rules above). */
export function observedPlaces(state: GameState, actor: string): Set<string> {
  const seen = new Set<string>();
  for (const id of sortedIds(state.units)) {
    const u = state.units[id]!;
    if (u.actor !== actor || u.transit !== null || u.strength <= 0) continue;
    seen.add(u.location);
    for (const n of neighbours(state, u.location)) seen.add(n.location);
  }
  for (const id of sortedIds(state.posts)) {
    const post = state.posts[id]!;
    if (post.actor !== actor || post.status === 'evacuated' || post.status === 'overrun') continue;
    // Every place within the radius, in id order (none for a post off the map).
    for (const place of placesNear(state, post.radius * post.radius).get(post.location) ?? NOWHERE)
      seen.add(place);
  }
  const me = state.actors[actor];
  if (me && me.droneSorties > 0 && !state.meters.airspaceClosed) {
    // A place is within range of a held place when a held place is within range of it.
    const near = placesNear(state, state.params.droneViewRangeM * state.params.droneViewRangeM);
    for (const place of sortedIds(state.locations)) {
      if (seen.has(place)) continue;
      if (near.get(place)!.some((h) => state.locations[h]!.controller === actor)) seen.add(place);
    }
  }
  return seen;
}

/** A strength as an observer guesses it: the nearest multiple of `bucket`, never 0 while alive. */
export function estimateStrength(strength: number, bucket: number): number {
  if (strength <= 0) return 0;
  const b = Math.max(1, bucket);
  const rounded = Math.floor((strength + Math.floor(b / 2)) / b) * b;
  return Math.max(b, rounded);
}

/**
 * A unit as a view shows it. Every unit of a view is made here, the viewer's own included, so
 * that all of them are objects of one shape (one hidden class in V8). The view used to pass the
 * state's own units through and spread the others with a few fields changed, which gave its units
 * 9 shapes over a game; the computer actors, which read the view's units hundreds of times a
 * decision, then read them through V8's slow, many-shaped property lookups. Measured on 22
 * November 2026, with the posts (`shownPost`): about 5 % less CPU a computer-played game past the
 * warm-up (five runs of one process each way, taken in turn), the games the same.
 */
function shownUnit(
  unit: Unit,
  strength: number,
  readiness: number,
  destination: string,
  transit: Unit['transit'],
): Unit {
  return {
    id: unit.id,
    actor: unit.actor,
    name: unit.name,
    type: unit.type,
    strength,
    readiness,
    location: unit.location,
    destination,
    transit,
  };
}

function unitSeenBy(state: GameState, unit: Unit, seen: Set<string>): Unit {
  const observed = seen.has(unit.location) || (unit.transit !== null && seen.has(unit.transit.toward));
  if (observed)
    return shownUnit(
      unit,
      unit.strength,
      unit.readiness,
      unit.transit ? unit.transit.toward : '',
      unit.transit,
    );
  return shownUnit(
    unit,
    estimateStrength(unit.strength, state.params.fogStrengthBucket),
    HIDDEN_READINESS,
    '',
    null,
  );
}

/** A post as a view shows it: every post of a view is made here, for one shape (see `shownUnit`). */
function shownPost(
  post: ObservationPost,
  garrison: number,
  readiness: number,
  supplyDays: number,
): ObservationPost {
  return {
    id: post.id,
    name: post.name,
    actor: post.actor,
    location: post.location,
    number: post.number,
    garrison,
    supplyDays,
    maxSupplyDays: post.maxSupplyDays,
    readiness,
    radius: post.radius,
    status: post.status,
    observed: post.observed,
  };
}

/** A post as `actor` sees it: exactly when its own or observed, else as a guess. */
function postSeenBy(
  state: GameState,
  post: ObservationPost,
  actor: string,
  seen: Set<string>,
): ObservationPost {
  if (post.actor === actor || seen.has(post.location))
    return shownPost(post, post.garrison, post.readiness, post.supplyDays);
  return shownPost(
    post,
    estimateStrength(post.garrison, state.params.fogStrengthBucket),
    HIDDEN_READINESS,
    Math.floor(post.maxSupplyDays / 2),
  );
}

function convoySeen(convoy: Convoy, seen: Set<string>): boolean {
  const at = convoy.route[convoy.leg];
  const next = convoy.route[convoy.leg + 1];
  return (at !== undefined && seen.has(at)) || (convoy.covered > 0 && next !== undefined && seen.has(next));
}

/** The log entries as each actor sees them, kept for the entries that can no longer change. */
const seenEntries = new WeakMap<LogEntry, Map<string, LogEntry>>();

/** A turn's log entry with only the events `actor` sees. */
function entrySeenBy(entry: LogEntry, actor: string): LogEntry {
  // A turn's entry is frozen as it enters the log (resolve.ts); one being built may still change.
  const frozen = Object.isFrozen(entry);
  let byActor = frozen ? seenEntries.get(entry) : undefined;
  const kept = byActor?.get(actor);
  if (kept !== undefined) return kept;
  const seen: LogEntry = {
    turn: entry.turn,
    date: entry.date,
    events: entry.events.filter((e) => eventVisibleTo(e, actor)),
  };
  if (frozen) {
    // Shared by every view of this actor from now on: frozen like the entry it comes from (not
    // its list of events: V8 reads frozen arrays slowly, see src/engine/working.ts).
    Object.freeze(seen);
    if (byActor === undefined) seenEntries.set(entry, (byActor = new Map()));
    byActor.set(actor, seen);
  }
  return seen;
}

/** The convoys of a view that shows none (most views): one record for all, frozen like the others. */
const NO_CONVOYS: GameState['convoys'] = freezeSorted({}, []);

const ZERO_RNG: RngState = { seed: '', state: { c: 0, s0: 0, s1: 0, s2: 0 }, draws: 0 };

/**
 * What `actor` knows of the game (see the rules at the top of this file). `viewFor(state, '')`
 * is the full state itself: the instructor's and the after-action review's view. With
 * `logTurns`, the view's log holds only that many of the last turns.
 */
export function viewFor(state: GameState, actor: string, options: { logTurns?: number } = {}): GameState {
  if (actor === '') return state;
  const seen = observedPlaces(state, actor);

  // Each record is built in the order of its ids, and frozen with them (`freezeSorted`).
  const units: GameState['units'] = {};
  const unitIds = sortedIds(state.units);
  for (const id of unitIds) {
    const u = state.units[id]!;
    units[id] =
      u.actor === actor
        ? shownUnit(u, u.strength, u.readiness, u.destination, u.transit)
        : unitSeenBy(state, u, seen);
  }
  const posts: GameState['posts'] = {};
  const postIds = sortedIds(state.posts);
  for (const id of postIds) {
    const p = state.posts[id]!;
    posts[id] = postSeenBy(state, p, actor, seen);
  }
  const convoys: GameState['convoys'] = {};
  const convoyIds: string[] = [];
  for (const id of sortedIds(state.convoys)) {
    const c = state.convoys[id]!;
    if (c.actor === actor || convoySeen(c, seen)) {
      convoys[id] = c;
      convoyIds.push(id);
    }
  }

  const objectives = state.victory.objectives.filter((o) => o.actor === actor);
  const achieved: Record<string, number> = {};
  const failed: Record<string, number> = {};
  for (const o of objectives) {
    const turn = state.victory.achieved[o.id];
    if (turn !== undefined) achieved[o.id] = turn;
    const lost = state.victory.failed[o.id];
    if (lost !== undefined) failed[o.id] = lost;
  }
  const scores: Record<string, number> = {};
  if (state.victory.scores[actor] !== undefined) scores[actor] = state.victory.scores[actor]!;
  const scoresSeen: Record<string, number> = {};
  if (state.scoresSeen[actor] !== undefined) scoresSeen[actor] = state.scoresSeen[actor]!;

  // `logTurns`: only the log's last entries, for a reader that looks no further back (the
  // computer actors); filtering a long log for every decision would cost more than the decision.
  // Made by a literal and `push`, not `map`: V8 then makes every view's log an array of one kind,
  // the empty log of a game's first turn too (an empty array from `map` is of another kind, and
  // code compiled for the one was thrown away at the first turn of a game: see `strike`).
  const from = options.logTurns === undefined ? 0 : Math.max(0, state.log.length - options.logTurns);
  const log: LogEntry[] = [];
  for (let t = from; t < state.log.length; t++) log.push(entrySeenBy(state.log[t]!, actor));

  return {
    ...state,
    // Frozen like the records of every state.
    units: freezeSorted(units, unitIds),
    posts: freezeSorted(posts, postIds),
    convoys: convoyIds.length === 0 ? NO_CONVOYS : freezeSorted(convoys, convoyIds),
    proposals: state.proposals.filter((p) => p.from === actor || p.to === actor),
    pendingReports: [],
    victory: { ...state.victory, objectives, achieved, failed, scores },
    scoresSeen,
    rng: { ...ZERO_RNG, state: { ...ZERO_RNG.state } },
    log,
  };
}
