// What the map shows while a resolved turn plays out: from the states before and after the turn
// and the turn's events (as the player may see them), the phases worth showing, in the order of
// resolution, each with what moves from where to where (tracks along the roads) and what happens
// where (markers: strikes, assaults, places changing hands, posts changing status …), and the
// state to draw underneath. Pure: no Phaser, no DOM; the scene (map-scene.ts) animates the result.
//
// Positions are in map metres (the engine's x east, y north); the scene projects them. Roads are
// drawn as straight segments between their two places, so a track runs through the places a unit
// or convoy passes, beginning and ending part-way along a road when it starts or stops there.
import { PHASE_ORDER } from '../engine/index.ts';
import type { Convoy, GameEvent, GameState, Location, Phase, PostStatus, Unit } from '../engine/index.ts';
import type { Point } from './geography.ts';

export type TrackKind = 'unit' | 'convoy' | 'patrol';

/** How a track ends: what the scene marks at its end. */
export type TrackEnd =
  'moved' | 'arrived' | 'stopped' | 'turned_back' | 'destroyed' | 'completed' | 'attacked';

export interface Track {
  kind: TrackKind;
  /** The unit, convoy or patrol id. */
  id: string;
  /** The actors it belongs to (a joint patrol has several), for its colours. */
  actors: string[];
  /** The way it goes, start to end, in map metres: at least two points, no two in a row the same. */
  path: Point[];
  end: TrackEnd;
}

export type MarkerKind =
  | 'strike'
  | 'assault'
  | 'control'
  | 'interdiction'
  | 'patrol_attack'
  | 'destroyed'
  | 'post'
  | 'checkpoint'
  | 'standoff'
  | 'displaced';

export interface Marker {
  kind: MarkerKind;
  /** The place it happens. */
  location: string;
  /** That place, in map metres. */
  at: Point;
  /** The actor whose colour marks it ('' for none): the attacker, an assault's winner, the new holder … */
  actor: string;
  /** The other side: an assault's loser, the previous holder of a place ('' for none). */
  from: string;
  /** A short caption: "Air strike", "Assault: defender routed", "Encircled" … */
  label: string;
}

export interface PlaybackStep {
  phase: Phase;
  /** The phase's name for the caption ("Movement", "Strikes" …). */
  title: string;
  tracks: Track[];
  markers: Marker[];
  /**
   * What to draw under the tracks and markers: the state as this phase begins (earlier phases'
   * moves, losses, captures and post changes applied), without the units and convoys its tracks
   * carry (the scene draws those moving).
   */
  state: GameState;
}

/** Phases in the order the engine resolves them. */
export { PHASE_ORDER };

export const PHASE_TITLES: Readonly<Record<Phase, string>> = {
  'turn-start': 'Turn start',
  orders: 'Orders',
  diplomacy: 'Diplomacy',
  movement: 'Movement',
  strikes: 'Strikes',
  assaults: 'Ground assaults',
  supply: 'Supply',
  civilians: 'Civilians',
  reports: 'Reports',
  escalation: 'Escalation',
  triggers: 'Scenario events',
  victory: 'Victory',
};

/** At most this many places are marked with the people fleeing them in a phase. */
export const MAX_FLIGHT_MARKERS = 6;

const POST_STATUS_WORDS: Readonly<Record<string, string>> = {
  supplied: 'Supplied',
  cut_off: 'Cut off',
  encircled: 'Encircled',
  evacuated: 'Evacuated',
  overrun: 'Overrun',
};

// ---------------------------------------------------------------- geometry

function same(a: Point, b: Point): boolean {
  return a.x === b.x && a.y === b.y;
}

/** The path without consecutive repeats. */
function tidy(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) if (out.length === 0 || !same(out[out.length - 1]!, p)) out.push(p);
  return out;
}

function placePoint(state: GameState, id: string): Point | null {
  const loc: Location | undefined = state.locations[id];
  return loc ? { x: loc.x, y: loc.y } : null;
}

/**
 * The point `covered` metres along the road from `from` toward `toward` (the road between them as
 * drawn: a straight line). Falls back to `from` when the road or a place is unknown.
 */
export function roadPoint(state: GameState, from: string, toward: string, covered: number): Point | null {
  const a = placePoint(state, from);
  if (!a) return null;
  const b = placePoint(state, toward);
  if (!b || covered <= 0) return a;
  const length = roadLength(state, from, toward);
  const t = length > 0 ? Math.min(1, covered / length) : 1;
  return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}

/** The length in metres of the shortest road joining two places (0 when none does). */
function roadLength(state: GameState, a: string, b: string): number {
  let best = 0;
  for (const id in state.roads) {
    const r = state.roads[id]!;
    if ((r.from === a && r.to === b) || (r.from === b && r.to === a))
      if (best === 0 || r.length < best) best = r.length;
  }
  return best;
}

/** Where a unit stands or drives: its place, or part-way along the road it is on. */
export function unitPoint(state: GameState, unit: Unit): Point | null {
  if (unit.transit) return roadPoint(state, unit.location, unit.transit.toward, unit.transit.covered);
  return placePoint(state, unit.location);
}

/** Where a convoy is: the last place of its route it reached, or part-way to the next. */
export function convoyPoint(state: GameState, convoy: Convoy): Point | null {
  const here = convoy.route[convoy.leg];
  if (here === undefined) return null;
  const next = convoy.route[convoy.leg + 1];
  return next === undefined ? placePoint(state, here) : roadPoint(state, here, next, convoy.covered);
}

/** The polyline's total length. */
export function pathLength(path: readonly Point[]): number {
  let total = 0;
  for (let i = 0; i + 1 < path.length; i++)
    total += Math.hypot(path[i + 1]!.x - path[i]!.x, path[i + 1]!.y - path[i]!.y);
  return total;
}

/** The point a fraction `t` (0..1, clamped) of the way along the polyline, by length. */
export function pointAlong(path: readonly Point[], t: number): Point {
  if (path.length === 0) return { x: 0, y: 0 };
  const first = path[0]!;
  if (path.length === 1 || !(t > 0)) return { x: first.x, y: first.y };
  const total = pathLength(path);
  if (total === 0 || t >= 1) {
    const last = path[path.length - 1]!;
    return { x: last.x, y: last.y };
  }
  let left = total * t;
  for (let i = 0; i + 1 < path.length; i++) {
    const a = path[i]!;
    const b = path[i + 1]!;
    const seg = Math.hypot(b.x - a.x, b.y - a.y);
    if (left <= seg) {
      const f = seg === 0 ? 0 : left / seg;
      return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
    }
    left -= seg;
  }
  const last = path[path.length - 1]!;
  return { x: last.x, y: last.y };
}

/**
 * A position on a route as a number: `i + f` is a fraction `f` of the way from route[i] to
 * route[i + 1]. The points between two such positions, in the direction of travel.
 */
function routeStretch(state: GameState, route: readonly string[], from: number, to: number): Point[] {
  const at = (r: number): Point | null => {
    const i = Math.max(0, Math.min(route.length - 1, Math.floor(r)));
    const f = r - i;
    if (f <= 0 || i + 1 >= route.length) return placePoint(state, route[i]!);
    const a = placePoint(state, route[i]!);
    const b = placePoint(state, route[i + 1]!);
    if (!a || !b) return a ?? b;
    return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
  };
  const points: (Point | null)[] = [at(from)];
  if (to > from) for (let i = Math.floor(from) + 1; i < to; i++) points.push(at(i));
  else for (let i = Math.ceil(from) - 1; i > to; i--) points.push(at(i));
  points.push(at(to));
  return points.filter((p): p is Point => p !== null);
}

// ---------------------------------------------------------------- event data

function str(e: GameEvent, key: string): string {
  const v = e.data[key];
  return typeof v === 'string' ? v : '';
}

function num(e: GameEvent, key: string): number {
  const v = e.data[key];
  return typeof v === 'number' ? v : 0;
}

function words(code: string): string {
  return code.replaceAll('_', ' ');
}

function capital(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/** "12,345": digits grouped by thousands, the same in every browser. */
export function grouped(n: number): string {
  const sign = n < 0 ? '-' : '';
  let digits = String(Math.abs(Math.trunc(n)));
  let out = '';
  while (digits.length > 3) {
    out = ',' + digits.slice(-3) + out;
    digits = digits.slice(0, -3);
  }
  return sign + digits + out;
}

/** The winner of an assault by its result: the attacker, the defender, or '' (both lose). */
export function assaultWinner(e: GameEvent): { winner: string; loser: string } {
  const attacker = str(e, 'attacker');
  const defender = str(e, 'defender');
  const result = str(e, 'result');
  if (e.data.captured === true || result.startsWith('defender_'))
    return { winner: attacker, loser: defender };
  if (result.startsWith('attacker_')) return { winner: defender, loser: attacker };
  return { winner: '', loser: '' };
}

// ---------------------------------------------------------------- the steps

/** A working copy of the parts of a state the steps change (the records copied, the rest shared). */
function stage(state: GameState): GameState {
  return {
    ...state,
    units: { ...state.units },
    convoys: { ...state.convoys },
    posts: { ...state.posts },
    locations: { ...state.locations },
  };
}

function convoyIdOf(e: GameEvent): string {
  return e.kind.startsWith('convoy.') ? str(e, 'convoy') : '';
}

/**
 * The phases of a turn worth showing on the map, in resolution order: those with something that
 * moves or happens at a place. `before` and `after` are the states the player sees before and
 * after the turn, `events` the turn's events the player may see. Anything an event names that
 * neither state holds (hidden by the fog of war) is left out rather than guessed.
 */
export function playbackSteps(
  before: GameState,
  after: GameState,
  events: readonly GameEvent[],
): PlaybackStep[] {
  const byPhase = new Map<Phase, GameEvent[]>();
  for (const e of events) {
    const list = byPhase.get(e.phase);
    if (list) list.push(e);
    else byPhase.set(e.phase, [e]);
  }
  // The last event that moves each unit: its track ends where the unit stands after the turn.
  const lastMove = new Map<string, GameEvent>();
  for (const e of events) if (e.kind === 'unit.moved') lastMove.set(str(e, 'unit'), e);

  const steps: PlaybackStep[] = [];
  let current = stage(before);
  for (const phase of PHASE_ORDER) {
    const list = byPhase.get(phase);
    if (!list) continue;
    const next = stage(current);
    const tracks: Track[] = [];
    const markers: Marker[] = [];
    const mark = (kind: MarkerKind, location: string, actor: string, from: string, label: string) => {
      const at = placePoint(before, location) ?? placePoint(after, location);
      if (at) markers.push({ kind, location, at, actor, from, label });
    };

    // Units on the move (march orders, and advances or retreats after an assault).
    for (const e of list) {
      if (e.kind !== 'unit.moved') continue;
      const id = str(e, 'unit');
      const unit = next.units[id] ?? after.units[id];
      if (!unit) continue;
      const start = unitPoint(before, unit);
      if (!start) continue;
      const to = str(e, 'to');
      const passed = str(e, 'via')
        .split(' ')
        .filter((p) => p !== '');
      const points: (Point | null)[] = [start, ...passed.map((p) => placePoint(before, p))];
      let moved: Unit = { ...unit, location: to || unit.location, transit: null };
      const final = after.units[id];
      if (lastMove.get(id) === e && final && final.location === moved.location && final.transit) {
        moved = { ...moved, transit: final.transit };
        points.push(unitPoint(before, moved));
      } else points.push(placePoint(before, moved.location));
      next.units[id] = moved;
      const path = tidy(points.filter((p): p is Point => p !== null));
      if (path.length >= 2) tracks.push({ kind: 'unit', id, actors: [unit.actor], path, end: 'moved' });
    }

    // Convoys: one track each from where it was to where it is (or arrived, or was destroyed).
    const convoyIds: string[] = [];
    for (const e of list) {
      const id = convoyIdOf(e);
      if (id !== '' && !convoyIds.includes(id)) convoyIds.push(id);
    }
    for (const id of convoyIds) {
      const mine = list.filter((e) => convoyIdOf(e) === id);
      const track = convoyTrack(before, current.convoys[id] ?? null, after.convoys[id] ?? null, mine);
      if (track) tracks.push(track);
      const final = after.convoys[id];
      if (final) next.convoys[id] = final;
      else delete next.convoys[id];
    }

    // Joint patrols: out along their route and back (or back from where they were attacked).
    for (const e of list) {
      if (e.kind !== 'patrol.completed' && e.kind !== 'patrol.attacked') continue;
      const id = str(e, 'patrol');
      const patrol = after.patrols[id] ?? before.patrols[id];
      if (!patrol) continue;
      let route = patrol.route;
      if (e.kind === 'patrol.attacked') {
        const stop = route.indexOf(str(e, 'at'));
        if (stop >= 0) route = route.slice(0, stop + 1);
      }
      const out = route.map((p) => placePoint(before, p)).filter((p): p is Point => p !== null);
      const path = tidy([...out, ...out.slice(0, -1).reverse()]);
      if (path.length >= 2)
        tracks.push({
          kind: 'patrol',
          id,
          actors: [...patrol.actors],
          path,
          end: e.kind === 'patrol.attacked' ? 'attacked' : 'completed',
        });
    }

    // What happens at places.
    const flights: GameEvent[] = [];
    for (const e of list) {
      switch (e.kind) {
        case 'strike.resolved': {
          const means = str(e, 'means');
          const label =
            (means === 'artillery' ? 'Artillery fire' : means === 'air' ? 'Air strike' : 'Drone strike') +
            (str(e, 'result') === 'shot_down' ? ': shot down' : '');
          mark('strike', e.location, str(e, 'attacker'), '', label);
          break;
        }
        case 'assault.resolved': {
          const { winner, loser } = assaultWinner(e);
          mark('assault', e.location, winner, loser, `Assault: ${words(str(e, 'result'))}`);
          break;
        }
        case 'control.changed': {
          const loc = next.locations[e.location];
          if (loc) next.locations[e.location] = { ...loc, controller: str(e, 'to') };
          mark('control', e.location, str(e, 'to'), str(e, 'from'), 'Changes hands');
          break;
        }
        case 'convoy.interdicted':
          mark(
            'interdiction',
            e.location,
            str(e, 'by'),
            str(e, 'actor'),
            `Convoy hit: ${words(str(e, 'outcome'))}`,
          );
          break;
        case 'convoy.halted':
          if (e.data.released !== true && e.data.gaveUp !== true)
            mark('standoff', str(e, 'at') || e.location, str(e, 'with'), str(e, 'actor'), 'Stand-off');
          break;
        case 'patrol.attacked':
          mark(
            'patrol_attack',
            str(e, 'at') || e.location,
            str(e, 'by'),
            '',
            `Patrol attacked: ${words(str(e, 'severity'))}`,
          );
          break;
        case 'unit.destroyed': {
          const id = str(e, 'unit');
          const unit = current.units[id] ?? before.units[id];
          delete next.units[id];
          mark(
            'destroyed',
            e.location,
            unit?.actor ?? '',
            str(e, 'by'),
            `${unit?.name ?? 'A unit'} destroyed`,
          );
          break;
        }
        case 'unit.removed':
          delete next.units[str(e, 'unit')];
          break;
        case 'unit.spawned': {
          const id = str(e, 'unit');
          const unit = after.units[id];
          if (unit) next.units[id] = unit;
          break;
        }
        case 'post.status_changed':
        case 'post.evacuated':
        case 'post.established': {
          const id = str(e, 'post') || postAt(after, e.location) || postAt(before, e.location);
          const post = after.posts[id] ?? next.posts[id];
          const status = e.kind === 'post.evacuated' ? 'evacuated' : str(e, 'to') || str(e, 'status');
          // The post as it is after the turn, with the status this event gave it (a later phase may change it again).
          if (post)
            next.posts[id] = isPostStatus(status) && status !== post.status ? { ...post, status } : post;
          const label =
            e.kind === 'post.established'
              ? 'Post set up'
              : e.kind === 'post.evacuated'
                ? 'Evacuated'
                : (POST_STATUS_WORDS[status] ?? capital(words(status)));
          mark('post', e.location, post?.actor ?? e.actors[0] ?? '', '', label);
          break;
        }
        case 'checkpoint.set':
        case 'checkpoint.lifted': {
          const loc = next.locations[e.location];
          const keeper = e.kind === 'checkpoint.set' ? str(e, 'actor') : '';
          if (loc) next.locations[e.location] = { ...loc, checkpoint: keeper };
          mark(
            'checkpoint',
            e.location,
            str(e, 'actor'),
            '',
            e.kind === 'checkpoint.set' ? 'Checkpoint set up' : 'Checkpoint lifted',
          );
          break;
        }
        case 'civilians.displaced':
          if (num(e, 'displaced') > 0) flights.push(e);
          break;
        default:
          break;
      }
    }

    // People fleeing: only the largest flows (a marker on every place people leave would hide the map).
    flights.sort((a, b) => num(b, 'displaced') - num(a, 'displaced') || (a.location < b.location ? -1 : 1));
    for (const e of flights.slice(0, MAX_FLIGHT_MARKERS))
      mark('displaced', e.location, '', '', `${grouped(num(e, 'displaced'))} flee`);

    if (tracks.length > 0 || markers.length > 0) {
      const shown = stage(current);
      for (const t of tracks) {
        if (t.kind === 'unit') delete shown.units[t.id];
        else if (t.kind === 'convoy') delete shown.convoys[t.id];
      }
      steps.push({ phase, title: PHASE_TITLES[phase], tracks, markers, state: shown });
    }
    current = next;
  }
  return steps;
}

function isPostStatus(s: string): s is PostStatus {
  return s in POST_STATUS_WORDS;
}

function postAt(state: GameState, location: string): string {
  for (const id in state.posts) if (state.posts[id]!.location === location) return id;
  return '';
}

/**
 * A convoy's way this phase along its route: from where it was (`was`, or the start of the route
 * it departed on) to where it is (`now`), or to its post when it arrived, or to where it was
 * destroyed, or home when it stood down; through the place it turned back at, if it did.
 */
function convoyTrack(
  state: GameState,
  was: Convoy | null,
  now: Convoy | null,
  events: readonly GameEvent[],
): Track | null {
  const departed = events.find((e) => e.kind === 'convoy.departed');
  const route = was?.route ?? now?.route ?? str(departed ?? events[0]!, 'route').split(' ');
  if (route.length === 0 || route[0] === '') return null;
  const legLength = (c: Convoy) => {
    const a = c.route[c.leg];
    const b = c.route[c.leg + 1];
    return a !== undefined && b !== undefined ? roadLength(state, a, b) : 0;
  };
  // Where it started, as a position on `route` (see routeStretch).
  let from = 0;
  if (was) {
    const len = legLength(was);
    from = was.leg + (len > 0 ? Math.min(1, was.covered / len) : 0);
  } else if (!departed && now) {
    return null; // Seen only now (it came into view): nothing to follow.
  }
  const index = (place: string, fromIndex: number, backwards: boolean): number => {
    if (backwards) {
      for (let i = Math.min(route.length - 1, fromIndex); i >= 0; i--) if (route[i] === place) return i;
    } else for (let i = Math.max(0, fromIndex); i < route.length; i++) if (route[i] === place) return i;
    return -1;
  };
  // Where it turned back, if it did.
  let turn = -1;
  for (const e of events) {
    const turnedHere =
      (e.kind === 'convoy.interdicted' && str(e, 'outcome') === 'turned_back') ||
      (e.kind === 'convoy.moved' &&
        e.data.turnedBack === true &&
        e.data.returned !== true &&
        was?.status !== 'turned_back') ||
      (e.kind === 'convoy.halted' && e.data.gaveUp === true);
    if (!turnedHere) continue;
    const at = e.kind === 'convoy.interdicted' ? e.location : str(e, 'at') || e.location;
    turn = index(at, Math.floor(from), false);
    if (turn < 0) turn = Math.floor(from);
    break;
  }
  const returning = was?.status === 'turned_back';
  const backwards = turn >= 0;
  let to: number;
  let end: TrackEnd;
  const arrived = events.some((e) => e.kind === 'convoy.arrived');
  const destroyed = events.find((e) => e.kind === 'convoy.interdicted' && str(e, 'outcome') === 'destroyed');
  const home = events.some((e) => e.kind === 'convoy.moved' && e.data.returned === true);
  if (arrived) {
    to = route.length - 1;
    end = 'arrived';
  } else if (destroyed) {
    const i = index(destroyed.location, backwards ? turn : Math.floor(from), backwards);
    to = i >= 0 ? i : from;
    end = 'destroyed';
  } else if (home) {
    to = returning ? route.length - 1 : 0;
    end = 'turned_back';
  } else if (now) {
    const here = now.route[now.leg];
    const ahead = now.route[now.leg + 1];
    const len = legLength(now);
    const f = len > 0 ? Math.min(1, now.covered / len) : 0;
    const i = here === undefined ? -1 : index(here, backwards ? turn : Math.floor(from), backwards);
    if (i < 0) to = backwards ? turn : from;
    else if (ahead !== undefined && f > 0) {
      const j = route[i + 1] === ahead ? i + 1 : route[i - 1] === ahead ? i - 1 : i;
      to = i + (j - i) * f;
    } else to = i;
    end = backwards ? 'turned_back' : now.status === 'halted' ? 'stopped' : 'moved';
  } else return null;
  if (end === 'moved' && events.some((e) => e.kind === 'convoy.moved' && e.data.waiting === true))
    end = 'stopped';
  const points = backwards
    ? [...routeStretch(state, route, from, turn), ...routeStretch(state, route, turn, to)]
    : routeStretch(state, route, from, to);
  const path = tidy(points);
  if (path.length < 2) return null;
  const convoy = was ?? now;
  const actor = convoy?.actor ?? departed?.actors[0] ?? '';
  return { kind: 'convoy', id: convoy?.id ?? str(events[0]!, 'convoy'), actors: [actor], path, end };
}
