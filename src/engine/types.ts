// The game state and everything in it is plain JSON: no classes, no Maps, no undefined holes.
// Collections are records keyed by id; every loop over them goes through `sortedIds` so the
// order never depends on how the data was written.

export const RULES_VERSION = 1;

export type Terrain = 'urban' | 'open' | 'hills' | 'mountain';
export type LocationKind = 'city' | 'town' | 'village' | 'crossing' | 'hill' | 'base' | 'post';
export type RoadClass = 'M4' | 'M5' | 'road' | 'track';
export type UnitType =
  | 'infantry'
  | 'mechanised'
  | 'armour'
  | 'artillery'
  | 'air_defence'
  | 'special_forces'
  | 'militia'
  | 'military_police';
export type Controller = 'human' | 'scripted' | 'passive' | 'computer';
export type Stance = 'allied' | 'neutral' | 'hostile';
export type PostStatus = 'supplied' | 'cut_off' | 'encircled';

export interface Actor {
  id: string;
  name: string;
  controller: Controller;
  /** Location ids from which this actor's supply flows (crossings, rear cities). */
  supplySources: string[];
  /** Integer points to spend on actions (used by later rules). */
  resources: number;
}

export interface Relation {
  /** Two actor ids, sorted. */
  a: string;
  b: string;
  stance: Stance;
  /** 0-100. */
  tension: number;
}

export interface Location {
  id: string;
  name: string;
  kind: LocationKind;
  /** Integer metres east / north of the map origin (display and range rules). */
  x: number;
  y: number;
  population: number;
  terrain: Terrain;
  fortification: number;
  value: number;
  /** Actor id, or '' when nobody holds the place. */
  controller: string;
}

export interface Road {
  id: string;
  from: string;
  to: string;
  class: RoadClass;
  /** Integer metres. */
  length: number;
}

export interface Zone {
  id: string;
  name: string;
  locations: string[];
}

export interface Highway {
  id: string;
  name: string;
  waypoints: string[];
}

/** While a unit travels, `transit` says which road it is on and how far along. */
export interface Transit {
  road: string;
  /** The location at the far end of `road` the unit is heading to. */
  toward: string;
  /** Metres already covered on `road`. */
  covered: number;
}

export interface Unit {
  id: string;
  actor: string;
  name: string;
  type: UnitType;
  strength: number;
  /** 0-100. */
  readiness: number;
  /** The last place the unit stood at (it has left it when `transit` is set). */
  location: string;
  /** Where the unit's move order takes it; '' when it holds. */
  destination: string;
  transit: Transit | null;
}

export interface ObservationPost {
  id: string;
  name: string;
  actor: string;
  location: string;
  number: number;
  garrison: number;
  supplyDays: number;
  maxSupplyDays: number;
  /** 0-100; falls once supply days run out. */
  readiness: number;
  radius: number;
  status: PostStatus;
}

export interface Convoy {
  id: string;
  actor: string;
  origin: string;
  destination: string;
  /** Location ids from origin to destination, inclusive. */
  route: string[];
  /** Index in `route` of the last place reached. */
  leg: number;
  /** Metres covered on the road from route[leg] to route[leg + 1]. */
  covered: number;
  vehicles: number;
  cargoSupplyDays: number;
  notified: boolean;
  status: 'moving' | 'arrived';
}

export interface Agreement {
  id: string;
  name: string;
  parties: string[];
  status: 'holds' | 'violated' | 'collapsed';
}

export interface Meters {
  /** 0-5. */
  escalation: number;
  displaced: number;
  civilianDead: number;
  turkishDomesticPressure: number;
  marketIndex: number;
  internationalPressure: number;
}

export interface Calendar {
  /** ISO date of turn 1. */
  start: string;
  /** Days from 1970-01-01 to `start`. */
  startDay: number;
  daysPerTurn: number;
  /** Number of turns the scenario lasts. */
  turns: number;
}

export interface RngState {
  seed: string;
  /** seedrandom alea's internal state. */
  state: { c: number; s0: number; s1: number; s2: number };
  draws: number;
}

export interface LogEntry {
  turn: number;
  date: string;
  events: GameEvent[];
}

/** The numbers the rules use; a scenario may override any of them. */
export interface RuleParams {
  /** Road-march speed of each unit type, km per day. */
  unitSpeedKmPerDay: Record<UnitType, number>;
  /** Speed on each road class, per cent of the road-march speed. */
  roadSpeedPct: Record<RoadClass, number>;
  convoySpeedKmPerDay: number;
  /**
   * Supply days a post connected to its supply source gains each turn from routine logistics
   * (a post that is not supplied burns the turn's days instead); convoys bring more at once.
   */
  routineResupplyDaysPerTurn: number;
  /** Readiness a post loses each turn once its supply days are gone. */
  postReadinessLossPerTurn: number;
  /** Readiness a supplied post regains each turn. */
  postReadinessGainPerTurn: number;
}

export interface GameState {
  rulesVersion: number;
  params: RuleParams;
  scenarioId: string;
  /** The turn about to be resolved, from 1. */
  turn: number;
  /** True once the victory check has ended the game. */
  over: boolean;
  outcome: Outcome | null;
  calendar: Calendar;
  actors: Record<string, Actor>;
  relations: Relation[];
  locations: Record<string, Location>;
  roads: Record<string, Road>;
  highways: Record<string, Highway>;
  zones: Record<string, Zone>;
  units: Record<string, Unit>;
  posts: Record<string, ObservationPost>;
  convoys: Record<string, Convoy>;
  agreements: Record<string, Agreement>;
  meters: Meters;
  rng: RngState;
  /** Serial for ids the engine makes (convoys dispatched in play). */
  nextSerial: number;
  log: LogEntry[];
}

export interface Outcome {
  reason: 'turn-limit';
  turn: number;
  summary: string;
}

// ---------------------------------------------------------------- orders

export interface MoveOrder {
  kind: 'move';
  unit: string;
  to: string;
}

export interface HoldOrder {
  kind: 'hold';
  unit: string;
}

export interface DispatchConvoyOrder {
  kind: 'dispatch_convoy';
  /** A supply source (crossing) of the ordering actor. */
  from: string;
  /** An observation post id. */
  post: string;
  /** Optional route as location ids from `from` to the post's location; the shortest open road route when left out. */
  route?: string[];
  vehicles: number;
  supplyDays: number;
  notified: boolean;
}

export type Order = MoveOrder | HoldOrder | DispatchConvoyOrder;
export type OrderKind = Order['kind'];
export type OrdersByActor = Record<string, Order[]>;

export type RejectCode =
  | 'unknown_order'
  | 'unknown_actor'
  | 'unknown_unit'
  | 'not_your_unit'
  | 'unknown_location'
  | 'no_route'
  | 'already_there'
  | 'post_location'
  | 'not_a_supply_source'
  | 'unknown_post'
  | 'bad_route'
  | 'bad_number'
  | 'game_over';

export type Result<T = true> = { ok: true; value: T } | { ok: false; code: RejectCode; message: string };

// ---------------------------------------------------------------- events

export type Phase =
  | 'turn-start'
  | 'orders'
  | 'diplomacy'
  | 'movement'
  | 'strikes'
  | 'assaults'
  | 'supply'
  | 'civilians'
  | 'reports'
  | 'escalation'
  | 'triggers'
  | 'victory';

export type EventKind =
  | 'order.rejected'
  | 'unit.moved'
  | 'unit.halted'
  | 'control.changed'
  | 'convoy.dispatched'
  | 'convoy.moved'
  | 'convoy.arrived'
  | 'post.status'
  | 'post.supply'
  | 'post.readiness'
  | 'game.ended';

export interface GameEvent {
  kind: EventKind;
  phase: Phase;
  actor: string;
  /** The place the event happened, when it has one. */
  location: string;
  /** What happened, in words a student can read. */
  text: string;
  /** The inputs and results behind the text, for explanations. */
  data: Record<string, string | number | boolean | null>;
}
