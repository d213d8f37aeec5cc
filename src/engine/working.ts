// How a step of resolution changes the state: `change(state, recipe, parts)` hands the recipe a
// draft of the state to write, and returns what it wrote as the next state; `state` itself is
// never touched. A part the step lists (`parts`: units, locations, meters …) is copied deep the
// first time the step reads it through the draft (`Draft`); the parts it does not list, and
// those it lists but never reads, are the very objects of `state`, shared. The parts no
// rule ever writes — the rule numbers, the calendar, the roads, the highways' routes, the zones,
// the triggers' text, the report sources — are shared by every state of a game (and frozen once,
// with freezing on: a write to them throws).
// The log, when listed, is copied one level deep: its entries are frozen as each turn ends.
//
// Reads in the rules are plain property reads on plain objects. (The engine used immer drafts
// before: every read through a draft goes through a proxy — listing a draft's keys calls a trap
// per key — and the rules read far more than they write.)
//
// With freezing on (the default: tests and the browser), every state a step returns is frozen
// deep, so a rule that writes to the state it was given, or to a part its step does not list,
// throws at once. Batch runs switch freezing off for speed; there such a write would change the
// state before the step, which is why the tests keep the lists honest. Without freezing, only the
// records a step copied are frozen, one level deep (so their keys are sorted once: `sortedIds`),
// and no array is: V8 (Node 20) reads a frozen array several times slower, and a loop over one
// allocates at every step.
import type {
  Agreement,
  Convoy,
  GameState,
  Meters,
  ObservationPost,
  PendingReport,
  Relation,
  RngState,
  TriggerStatus,
  Unit,
} from './types.ts';
import { shareSortedIds } from './world.ts';

let freezing = true;

/** Freeze every state a step returns (on by default), or not (batch runs). */
export function setFreezing(on: boolean): void {
  freezing = on;
}

/** Parts of the state no rule ever writes: shared between states, frozen. */
const SHARED: ReadonlySet<string> = new Set([
  'rulesVersion',
  'params',
  'scenarioId',
  'calendar',
  'roads',
  'highways',
  'zones',
  'triggers',
  'reporting',
]);

/**
 * Objects with at most this many keys (an entity: a unit, a post) are copied by a spread, V8's
 * fast path for small objects; larger ones (records of entities by id) key by key, since a spread
 * of a record held in dictionary mode takes a slow path, several times slower than the loop.
 */
const SPREAD_KEYS = 16;

/** A deep copy of plain data (objects, arrays, strings, numbers, booleans, null). */
function copyDeep<T>(value: T): T {
  if (Array.isArray(value)) {
    const out: unknown[] = value.slice();
    for (let i = 0; i < out.length; i++) {
      const v = out[i];
      if (typeof v === 'object' && v !== null) out[i] = copyDeep(v);
    }
    return out as T;
  }
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source);
  if (keys.length <= SPREAD_KEYS) {
    const out: Record<string, unknown> = { ...source };
    for (const key of keys) {
      const v = out[key];
      if (typeof v === 'object' && v !== null) out[key] = copyDeep(v);
    }
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const v = source[key];
    out[key] = typeof v === 'object' && v !== null ? copyDeep(v) : v;
  }
  return out as T;
}

/** Values a flat entity holds: no objects, so a spread copies it whole. */
type Flat = Record<string, string | number | boolean | null>;

/**
 * A copy of a record of flat entities (the places: 61 of them in the default scenario, copied at
 * most steps, where the general copy's search for nested objects would cost more than the copy).
 * The type keeps it honest: an entity type that gains an object field no longer fits `Flat`.
 */
function copyFlatRecord<T extends { [K in keyof T]: Flat[string] }>(
  record: Record<string, T>,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record)) out[key] = { ...record[key]! };
  return out; // (key by key: see SPREAD_KEYS)
}

/**
 * Records copied one level deep (`shallowRecord`) → the record each was copied from, while the
 * step that copied them runs: `change` removes the entry when the step ends. Left in, an entry
 * would keep the record before alive until V8's next full collection, however soon both died: a
 * scavenge (the collection of young objects, several a game) treats the values of a WeakMap as
 * alive whatever became of their keys. The places of every step before were then kept, one
 * record leading to the next, and each moved to the old generation (docs/architecture.md).
 */
const shallowSources = new WeakMap<object, Record<string, unknown>>();

/**
 * A copy of a record of flat entities that shares the entities themselves: the places, for the
 * steps of a turn (`change` with `placesByEntity`), which read them at most steps and write few
 * of them. A rule writes to a place through `own`, which copies that one place first.
 */
function shallowRecord<T extends { [K in keyof T]: Flat[string] }>(
  record: Record<string, T>,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record)) out[key] = record[key]!;
  shallowSources.set(out, record);
  return out; // (key by key: see SPREAD_KEYS)
}

/**
 * The entity `id` of a record a step is writing, its own to write: for the places of a turn's step
 * (a record shared entity by entity with the state before the step: `shallowRecord`), a copy that
 * takes the shared one's place the first time; otherwise the entity itself. Every rule that writes
 * to a place gets it through here (with freezing on, as in every test, writing to a shared one
 * throws). Read the place through the record, or keep what `own` returns: a place read before may
 * since have been replaced by its copy.
 */
export function own<T extends { [K in keyof T]: Flat[string] }>(
  record: Record<string, T>,
  id: string,
): T | undefined {
  const entity = record[id];
  const source = shallowSources.get(record);
  if (entity === undefined || source === undefined || source[id] !== entity) return entity;
  const copy = { ...entity };
  record[id] = copy;
  return copy;
}

/**
 * Fields of a part that no rule writes, though the part has others that change: shared by the
 * copies (frozen once, so a write to them throws). The victory part's objectives, bands and
 * sudden-death rules are the scenario's; only the scores, achievements and ending change.
 */
const CONSTANT_FIELDS: Partial<Record<keyof GameState, readonly string[]>> = {
  victory: ['objectives', 'bands', 'suddenDeath'],
};

// Copies of the parts the steps write most, one function per kind of entity: each spread then
// meets objects of one shape, which V8 copies on its fast path, where the general copy's one
// spread sees every shape and takes the slow one (about 14 µs for the 22 units of the default
// scenario against 2.5 µs, 11 against 1.4 for its 13 posts). A copier spreads an entity and copies
// the fields that hold objects itself; `Nested` below makes the type check fail when an entity
// gains an object field its copier does not copy.

/** The fields of `T` that hold objects (arrays, records, nested entities) rather than plain values. */
type ObjectFields<T> = {
  [K in keyof T]-?: T[K] extends string | number | boolean | null | undefined ? never : K;
}[keyof T];
/** `true` when the fields of `T` holding objects are exactly `K`; `never` (a type error below) otherwise. */
type Nested<T, K extends keyof T> = [ObjectFields<T>] extends [K]
  ? [K] extends [ObjectFields<T>]
    ? true
    : never
  : never;
const COPIERS_COVER: [
  Nested<Unit, 'transit'>,
  Nested<NonNullable<Unit['transit']>, never>,
  Nested<ObservationPost, never>,
  Nested<TriggerStatus, never>,
  Nested<Relation, never>,
  Nested<Meters, 'internationalPressure' | 'losses' | 'consequences'>,
  Nested<RngState, 'state'>,
  Nested<PendingReport, 'about' | 'claimed'>,
  Nested<Agreement, 'parties' | 'obligations' | 'violations'>,
  Nested<Agreement['obligations'][number], never>,
  Nested<Convoy, 'cargo' | 'route' | 'vehicles' | 'standoff'>,
  Nested<RngState['state'], never>,
  Nested<PendingReport['about'], never>,
  Nested<Convoy['cargo'], never>,
  Nested<Convoy['vehicles'], never>,
  Nested<NonNullable<Convoy['standoff']>, never>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
void COPIERS_COVER;

function copyUnits(units: Record<string, Unit>): Record<string, Unit> {
  const out: Record<string, Unit> = {};
  for (const id of Object.keys(units)) {
    const u = units[id]!;
    out[id] = u.transit === null ? { ...u } : { ...u, transit: { ...u.transit } };
  }
  return out;
}

function copyPosts(posts: Record<string, ObservationPost>): Record<string, ObservationPost> {
  const out: Record<string, ObservationPost> = {};
  for (const id of Object.keys(posts)) out[id] = { ...posts[id]! };
  return out;
}

function copyTriggerStatus(status: Record<string, TriggerStatus>): Record<string, TriggerStatus> {
  const out: Record<string, TriggerStatus> = {};
  for (const id of Object.keys(status)) out[id] = { ...status[id]! };
  return out;
}

/** A record of plain numbers (the scores each actor had when the triggers last looked). */
function copyNumbers(record: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of Object.keys(record)) out[id] = record[id]!;
  return out;
}

function copyRelations(relations: readonly Relation[]): Relation[] {
  const out: Relation[] = [];
  for (const r of relations) out.push({ ...r });
  return out;
}

function copyMeters(m: Meters): Meters {
  return {
    ...m,
    internationalPressure: copyNumbers(m.internationalPressure),
    losses: copyNumbers(m.losses),
    consequences: m.consequences.slice(),
  };
}

function copyRng(rng: RngState): RngState {
  return { ...rng, state: { ...rng.state } };
}

function copyPendingReports(reports: readonly PendingReport[]): PendingReport[] {
  const out: PendingReport[] = [];
  for (const r of reports) out.push({ ...r, about: { ...r.about }, claimed: copyNumbers(r.claimed) });
  return out;
}

function copyAgreements(agreements: Record<string, Agreement>): Record<string, Agreement> {
  const out: Record<string, Agreement> = {};
  for (const id of Object.keys(agreements)) {
    const a = agreements[id]!;
    const obligations: Agreement['obligations'] = [];
    for (const o of a.obligations) obligations.push({ ...o });
    out[id] = { ...a, parties: a.parties.slice(), obligations, violations: copyNumbers(a.violations) };
  }
  return out;
}

function copyConvoys(convoys: Record<string, Convoy>): Record<string, Convoy> {
  const out: Record<string, Convoy> = {};
  for (const id of Object.keys(convoys)) {
    const c = convoys[id]!;
    out[id] = {
      ...c,
      cargo: { ...c.cargo },
      route: c.route.slice(),
      vehicles: { ...c.vehicles },
      standoff: c.standoff === null ? null : { ...c.standoff },
    };
  }
  return out;
}

/** The parts with a copier of their own; the others take the general deep copy. */
const COPIERS: Partial<Record<Part, (value: never) => object>> = {
  units: copyUnits,
  posts: copyPosts,
  triggerStatus: copyTriggerStatus,
  scoresSeen: copyNumbers,
  relations: copyRelations,
  meters: copyMeters,
  rng: copyRng,
  pendingReports: copyPendingReports,
  agreements: copyAgreements,
  convoys: copyConvoys,
};

/** A deep copy of a part, sharing its constant fields (frozen, with freezing on). */
function copyPart(key: keyof GameState, value: object): object {
  const copier = COPIERS[key];
  if (copier !== undefined) return copier(value as never);
  const constant = CONSTANT_FIELDS[key];
  if (constant === undefined) return copyDeep(value);
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of Object.keys(source)) {
    const v = source[field];
    if (constant.includes(field)) out[field] = freezing ? deepFreeze(v) : v;
    else out[field] = typeof v === 'object' && v !== null ? copyDeep(v) : v;
  }
  return out;
}

/** Freezes plain data and everything in it (what is frozen already is left as it is). */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const v of Object.values(value)) deepFreeze(v);
  return Object.freeze(value);
}

/**
 * Freezes a turn's log entry as it enters the state: deep with freezing on; with it off (batch
 * runs), the entry object only, which is what the views' memo of each actor's entries asks for
 * (src/engine/view.ts), without a walk through every event's data each turn.
 */
export function freezeEntry<T extends { events: readonly object[] }>(entry: T): T {
  if (freezing) return deepFreeze(entry);
  return Object.freeze(entry);
}

/** The parts of the state a step may write (a key of GameState). */
export type Part = keyof GameState;

/** A copy of one part of the state to write (a shared part is never copied). */
function copyOf(key: string, v: unknown, placesByEntity: boolean): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (key === 'log') return (v as unknown[]).slice();
  if (key === 'locations')
    return placesByEntity
      ? shallowRecord(v as GameState['locations'])
      : copyFlatRecord(v as GameState['locations']);
  return copyPart(key as Part, v);
}

/** The parts of the working copies being written now (a memo must not keep what it reads in them). */
const open = new WeakSet<object>();

/** Whether `part` is a part of a working copy that a step is writing now. */
export function beingChanged(part: object): boolean {
  return open.has(part);
}

/**
 * What a step writes to. `next` starts as a shallow copy of the state before the step; a part the
 * step may write (`copyable`) is copied the first time the step reads it through the draft, and
 * the copy takes its place in `next`. So a part a step never touches is shared with the state
 * before, untouched: most steps, most turns, have nothing to do with most of the parts they may
 * write (no strike ordered, no trigger firing), and the copy was most of their cost. A write
 * needs a read first (`draft.units[id].strength = …` reads `draft.units`), so every part a step
 * writes is its own copy by then. Assigning a whole part (`draft.outcome = …`) replaces it.
 */
class Draft {
  constructor(
    readonly next: Record<string, unknown>,
    /** The parts the step may write that it has not read yet. */
    readonly copyable: Set<string>,
    /** The copies made so far (for `beingChanged`). */
    readonly copies: object[],
    /** Whether the places are copied one by one as rules write them (`own`). */
    readonly placesByEntity: boolean,
  ) {}

  read(key: string): unknown {
    const v = this.next[key];
    if (!this.copyable.has(key)) return v;
    this.copyable.delete(key);
    const copy = copyOf(key, v, this.placesByEntity);
    if (typeof v === 'object' && v !== null) {
      shareSortedIds(v, copy as object);
      open.add(copy as object);
      this.copies.push(copy as object);
    }
    this.next[key] = copy;
    return copy;
  }

  write(key: string, value: unknown): void {
    this.copyable.delete(key);
    this.next[key] = value;
  }
}

/** Gives the draft a property `key` that reads and writes through `read` and `write`. */
function addPart(key: string): void {
  if (key in Draft.prototype) throw new Error(`change: the state has a part "${key}" the draft cannot give`);
  Object.defineProperty(Draft.prototype, key, {
    get(this: Draft) {
      return this.read(key);
    },
    set(this: Draft, value: unknown) {
      this.write(key, value);
    },
    enumerable: true,
    configurable: false,
  });
}

/** Every part of the state: the draft has a property for each. */
const PARTS = [
  'rulesVersion',
  'params',
  'scenarioId',
  'turn',
  'over',
  'outcome',
  'calendar',
  'actors',
  'relations',
  'locations',
  'roads',
  'highways',
  'highwayOpen',
  'zones',
  'units',
  'posts',
  'convoys',
  'agreements',
  'proposals',
  'patrols',
  'meters',
  'reporting',
  'pendingReports',
  'victory',
  'variables',
  'triggers',
  'triggerStatus',
  'scoresSeen',
  'rng',
  'nextSerial',
  'log',
] as const satisfies readonly Part[];
// Every key of GameState is in PARTS (the type fails to check when one is missing).
const EVERY_PART: Exclude<Part, (typeof PARTS)[number]> extends never ? true : never = true;
void EVERY_PART;
const DRAFT_KEYS = new Set<string>(PARTS);
for (const key of PARTS) addPart(key);

/**
 * The next state: `recipe` writes to a draft of `state` (see `Draft` and the top of this file),
 * and what it wrote, with the rest of `state`, is the next state; `state` is never touched.
 * `parts`: the parts the recipe may write (all when not given); the others are shared with
 * `state`, so a write to one of them would change `state` too. With freezing on, they are frozen
 * and such a write throws: the tests, which run with freezing on, keep each step's list honest.
 * `placesByEntity` (the steps of a turn): the places are copied one by one as the recipe writes
 * them through `own`, not all on the first read; every rule writes places that way.
 */
export function change(
  state: GameState,
  recipe: (next: GameState) => void,
  parts?: readonly Part[],
  options: { placesByEntity?: boolean } = {},
): GameState {
  const rec = state as unknown as Record<string, unknown>;
  if (freezing) for (const key of SHARED) deepFreeze(rec[key]);
  const next: Record<string, unknown> = { ...state };
  // The parts the step may write that are objects to copy: those listed, or every key of the state.
  const copyable = new Set<string>();
  const mayCopy = (key: string) => {
    if (!SHARED.has(key) && typeof rec[key] === 'object' && rec[key] !== null) copyable.add(key);
  };
  // A key the draft has no property for (a state from elsewhere with more in it) gets one. (A
  // `for…in` over a plain object lists its keys, in the order `Object.keys` gives them, without
  // making a list of them.)
  for (const key in rec) {
    if (!DRAFT_KEYS.has(key)) {
      addPart(key);
      DRAFT_KEYS.add(key);
    }
    if (parts === undefined) mayCopy(key);
  }
  if (parts !== undefined) for (const key of parts) mayCopy(key);
  const draft = new Draft(next, copyable, [], options.placesByEntity === true);
  try {
    recipe(draft as unknown as GameState);
  } finally {
    for (const v of draft.copies) {
      open.delete(v);
      // A step's places are written through `own` only while it runs (after, they are frozen).
      shallowSources.delete(v);
    }
  }
  if (freezing) return deepFreeze(next as unknown as GameState);
  // Without freezing, the records the step copied are still frozen one level deep (a record keeps
  // its keys: `sortedIds` then sorts them once), which costs next to nothing; arrays are not (see
  // the top of this file).
  for (const v of draft.copies) if (!Array.isArray(v)) Object.freeze(v);
  return next as unknown as GameState;
}
