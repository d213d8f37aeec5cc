// The game state and everything in it is plain JSON: no classes, no Maps, no undefined holes.
// Collections are records keyed by id; every loop over them goes through `sortedIds` so the
// order never depends on how the data was written. Every game number is an integer: metres,
// days, per-mille chances, per-cent shares, strengths, people.

export const RULES_VERSION = 3;

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
export type PostStatus = 'supplied' | 'cut_off' | 'encircled' | 'evacuated' | 'overrun';

export interface Actor {
  id: string;
  name: string;
  controller: Controller;
  /** Location ids from which this actor's supply flows (crossings, rear cities). */
  supplySources: string[];
  /** Integer points to spend on actions. */
  resources: number;
  /** Air sorties this actor may fly each turn (aircraft; 0 for most). */
  airSorties: number;
  /** Drone sorties this actor may fly each turn. */
  droneSorties: number;
  /** Hard-line actors may attack joint patrols and spoil agreements. */
  hardLine: boolean;
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
  /** Residents at the start of the scenario (never changes; see `residents`). */
  population: number;
  /** People living here now: the start population less the displaced and the dead. */
  residents: number;
  terrain: Terrain;
  /** 0-3. */
  fortification: number;
  /** 1-5. */
  value: number;
  /** Actor id, or '' when nobody holds the place. */
  controller: string;
  /** Actor id of a checkpoint set here ('' when none): convoys of actors hostile to it are stopped. */
  checkpoint: string;
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
  /** Fighting strength (roughly hundreds of fighters); 0 means destroyed (the unit is removed). */
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
  /** Soldiers. */
  garrison: number;
  supplyDays: number;
  maxSupplyDays: number;
  /** 0-100; falls once supply days run out. */
  readiness: number;
  /** What the post can observe, in metres. */
  radius: number;
  status: PostStatus;
  /** Violations observed and reported by this post. */
  observed: number;
}

export interface ConvoyVehicles {
  tanks: number;
  armoured: number;
  trucks: number;
  airDefence: number;
}

export type ConvoyStatus = 'moving' | 'halted' | 'arrived' | 'turned_back' | 'destroyed';

export interface Convoy {
  id: string;
  actor: string;
  origin: string;
  /** An observation post id. */
  destination: string;
  /** What it brings: supply days, and troops that join the garrison. */
  cargo: { supplyDays: number; troops: number };
  /** Location ids from origin to the post's location, inclusive. */
  route: string[];
  /** Index in `route` of the last place reached. */
  leg: number;
  /** Metres covered on the road from route[leg] to route[leg + 1]. */
  covered: number;
  vehicles: ConvoyVehicles;
  /** The actor escorting the convoy ('' when none): Russian escort lets it reach an encircled post. */
  escort: string;
  notified: boolean;
  status: ConvoyStatus;
  /** Turns the convoy must still wait (after a delay). */
  delay: number;
  /** Per cent of the convoy lost to fire so far. */
  damage: number;
  /** A stand-off at a checkpoint: where, against whom, since which turn; null when none. */
  standoff: { at: string; with: string; since: number } | null;
}

export type ObligationKind =
  | 'no_assault'
  | 'no_strike'
  | 'withdraw_heavy_weapons'
  | 'remove_hard_line'
  | 'open_highway'
  | 'joint_patrols';

export interface Obligation {
  id: string;
  /** The actor bound by it. */
  actor: string;
  kind: ObligationKind;
  /** The zone it applies to ('' for the whole map). */
  zone: string;
  /** For open_highway: the highway id. */
  highway: string;
  /** Day number by which it must be met (0 when it holds from the start, with no deadline). */
  deadline: number;
  status: 'pending' | 'met' | 'broken';
}

export type AgreementStatus = 'pending' | 'holds' | 'violated' | 'collapsed' | 'ended';

export interface Agreement {
  id: string;
  name: string;
  parties: string[];
  status: AgreementStatus;
  /** Turn it takes effect (it is `pending` before). */
  startTurn: number;
  /** True when it forbids ground assaults while it holds. */
  ceasefire: boolean;
  obligations: Obligation[];
  /** Recorded violations per actor. */
  violations: Record<string, number>;
  /** Total violations at which it collapses. */
  collapseAt: number;
}

export interface Proposal {
  id: string;
  kind: 'ceasefire';
  from: string;
  to: string;
  turn: number;
}

export interface Patrol {
  id: string;
  name: string;
  /** The actors patrolling together (e.g. russia, turkey). */
  actors: string[];
  /** Location ids along the route. */
  route: string[];
  status: 'active' | 'suspended';
  /** Patrols completed. */
  completed: number;
  /** Attacks suffered. */
  attacks: number;
}

export interface Meters {
  /** The escalation ladder, 0-5: calm, skirmishes, shelling, offensive, direct Turkish-Syrian clashes, Turkey-Russia crisis. */
  escalation: number;
  /** Points gathered toward the next rung; decay each turn. */
  escalationPoints: number;
  /** People displaced towards the camps on the border. */
  displaced: number;
  civilianDead: number;
  /** Aid delivered through the crossings (people fed this scenario). */
  aidDelivered: number;
  /** 0-100: how far the camps' needs go unmet. */
  humanitarianNeed: number;
  /** 0-100. */
  turkishDomesticPressure: number;
  /** Lira and bonds, 100 at the start. */
  marketIndex: number;
  /** 0-100: how far the United States backs Turkey. */
  usSupport: number;
  /** International pressure per actor, 0-100. */
  internationalPressure: Record<string, number>;
  /** True while Russia keeps the airspace closed to Turkish aircraft and drones. */
  airspaceClosed: boolean;
  /** Soldiers lost per actor in this scenario. */
  losses: Record<string, number>;
  /** Escalation consequences fired so far ('us_statement', 'airspace_closed', 'market_shock'). */
  consequences: string[];
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

/** How a source reports what happens: per actor it speaks of. */
export interface BiasProfile {
  /** Per cent added to (or, negative, taken from) the losses it reports for this actor. */
  inflate: number;
  /** Per mille chance it does not report a clash involving this actor at all. */
  deny: number;
  /** Turns before it reports. */
  delay: number;
}

export interface ReportSource {
  id: string;
  name: string;
  /** Bias by the actor the report is about; `*` for any other actor. */
  bias: Record<string, BiasProfile>;
}

/** A report waiting for its source's delay. */
export interface PendingReport {
  source: string;
  publishTurn: number;
  /** The event it is about, by turn and index in that turn's log. */
  about: { turn: number; index: number };
  text: string;
  claimed: Record<string, number>;
}

// ---------------------------------------------------------------- conditions (objectives, victory)

export type NumberExpr =
  | number
  | {
      meter:
        | 'escalation'
        | 'displaced'
        | 'civilianDead'
        | 'turkishDomesticPressure'
        | 'marketIndex'
        | 'usSupport'
        | 'humanitarianNeed';
    }
  | { pressure: string }
  | { losses: string }
  | { tension: [string, string] }
  | { score: string }
  | { turn: true }
  /** A scenario variable: a number's value, or 1 / 0 for a flag. */
  | { variable: string }
  /** The resource points an actor has. */
  | { resource: string }
  | { count_locations: { actor: string; zone?: string } }
  | { count_posts: { actor?: string; status?: PostStatus[] } }
  | { count_units: { actor: string; zone?: string } };

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { controls: { actor: string; location: string } }
  | { highway_open: { highway: string; actor: string; from?: string; to?: string } }
  | { post_status: { post: string; status: PostStatus[] } }
  | { agreement_status: { agreement: string; status: AgreementStatus[] } }
  | { compare: { left: NumberExpr; op: '<' | '<=' | '==' | '!=' | '>=' | '>'; right: NumberExpr } }
  | { turn_range: { from?: number; to?: number } }
  /** Days since 1970-01-01 (calendar.ts); true when the turn's days overlap the range. */
  | { date_range: { from?: number; to?: number } }
  /** True when the flag variable is set. */
  | { flag: string }
  /** A seeded draw: true with this chance per thousand. Only in trigger conditions (it draws from the game's RNG). */
  | { chance: number }
  | { relation: { a: string; b: string; stance: Stance[] } };

/** Words shown to players: one string, or one per locale (`{ en, ar, tr }`), with named `{placeholders}`. */
export type Text = string | Record<string, string>;

// ---------------------------------------------------------------- scenario variables and triggers

export interface Variable {
  id: string;
  type: 'number' | 'flag';
  /** An integer for a number, a boolean for a flag. */
  value: number | boolean;
}

/** What a trigger waits for: one kind of happening, with a filter (every key given must match). */
export type TriggerWhen =
  | { turn: number }
  /** Days since 1970-01-01: fires on the turn whose days contain it. */
  | { date: number }
  | { every_turn: true }
  | { control_changed: { location?: string; from?: string; to?: string } }
  | { unit_destroyed: { unit?: string; actor?: string } }
  | { post_status_changed: { post?: string; actor?: string; to?: PostStatus[] } }
  | { convoy_arrived: { actor?: string; post?: string } }
  | { convoy_interdicted: { actor?: string; post?: string } }
  | { agreement_changed: { agreement?: string; to?: AgreementStatus[] } }
  | { variable_changed: { variable: string } }
  /** A joint patrol starts (to active) or is suspended (to suspended); by: who ordered it, or the attacker. */
  | { patrol_changed: { patrol?: string; to?: 'active' | 'suspended'; by?: string } }
  /** A joint patrol is attacked (by: the attacker). */
  | { patrol_attacked: { patrol?: string; by?: string } }
  /** A joint patrol drives its whole route without incident. */
  | { patrol_completed: { patrol?: string } }
  /** An actor's score reaches `value` (up) or falls below it (down). */
  | { score_crossed: { actor: string; value: number; direction: 'up' | 'down' } }
  /** The escalation ladder reaches `level` (up) or falls below it (down). */
  | { escalation_crossed: { level: number; direction: 'up' | 'down' } };

/** A convoy a trigger sends: the dispatch_convoy order of `actor`. */
export interface TriggerConvoy extends Omit<DispatchConvoyOrder, 'kind'> {
  actor: string;
}

export interface SpawnedUnit {
  id: string;
  actor: string;
  name: string;
  type: UnitType;
  strength: number;
  readiness: number;
  location: string;
}

/** One thing a trigger does. */
export type TriggerAction =
  /** A message to the players of `to` (every player when empty). */
  | { message: { text: Text; to: string[] } }
  | { set: { variable: string; value: NumberExpr | boolean } }
  | { add: { variable: string; value: NumberExpr } }
  | { spawn_units: SpawnedUnit[] }
  | { remove_units: string[] }
  | { set_control: { location: string; actor: string } }
  /** Adds to the tension of a pair (clamped to 0-100). */
  | { tension: { a: string; b: string; add: number } }
  /** Adds rungs to the escalation ladder (clamped to 0-5). */
  | { escalation: { add: number } }
  | { points: { actor: string; points: number; reason: Text } }
  | { objective: { id: string; status: 'achieved' | 'failed' } }
  | { enable: string }
  | { disable: string }
  | { start_agreement: string }
  | { end_agreement: string }
  | { dispatch_convoy: TriggerConvoy }
  /** Ends the game after this turn: `all_lose`, an actor id (that actor wins) or `score` (bands from the scores). */
  | { end_scenario: { text: Text; result: string } };

export interface Trigger {
  id: string;
  when: TriggerWhen;
  /** Checked only when `when` matched; a `chance` in it draws from the game's RNG then. */
  if: Condition | null;
  then: TriggerAction[];
  /** Fires at most once in the game (default); otherwise at most once per cascade round. */
  once: boolean;
}

export interface TriggerStatus {
  enabled: boolean;
  /** Times it has fired. */
  fired: number;
  /** The turn it last fired (0: never). */
  lastTurn: number;
}

export interface Objective {
  id: string;
  actor: string;
  /** What the student reads; the condition below is what is checked. */
  text: Text;
  points: number;
  condition: Condition;
  /** `end`: scored if it holds when the scenario ends; `once`: scored the first turn it holds. */
  when: 'end' | 'once';
}

export type Band = 'decisive' | 'marginal' | 'draw' | 'defeat';

export interface SuddenDeath {
  id: string;
  text: Text;
  condition: Condition;
  /** `all_lose`: everyone loses (the top of the escalation ladder); otherwise the actor id that wins. */
  result: string;
}

export interface Victory {
  objectives: Objective[];
  /** Points at or above which a band is reached (decisive ≥ marginal ≥ draw); below draw is defeat. */
  bands: { decisive: number; marginal: number; draw: number };
  suddenDeath: SuddenDeath[];
  /** Points scored so far per actor. */
  scores: Record<string, number>;
  /** Objective id → the turn it was scored. */
  achieved: Record<string, number>;
  /** Objective id → the turn a trigger declared it failed (it can no longer score). */
  failed: Record<string, number>;
  /** Set by a trigger's end_scenario: the game ends after this turn's victory check. */
  ending: { trigger: string; text: Text; result: string } | null;
}

// ---------------------------------------------------------------- rule numbers

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
  /** Artillery range in metres. */
  artilleryRangeM: number;
  /** Base per-mille chance that a convoy passing a place under hostile fire is interdicted. */
  interdictionBasePerMille: number;
  /** Per-mille points subtracted when the convoy's movement was notified to Russia. */
  interdictionNotifiedBonus: number;
  /** Per-mille points added when the convoy's movement was not notified to Russia. */
  interdictionNotNotifiedPenalty: number;
  /** Per-mille points added while Russia keeps the airspace closed (no Turkish air cover). */
  interdictionAirspaceClosedPenalty: number;
  /** Per-mille points added per rung of the escalation ladder. */
  interdictionPerEscalationLevel: number;
  /** Per-mille points subtracted when the convoy is escorted (e.g. by Russia). */
  interdictionEscortBonus: number;
  /** Per-mille points subtracted per air-defence vehicle in the convoy ... */
  interdictionAirDefencePerVehicle: number;
  /** ... up to this many. */
  interdictionAirDefenceMaxBonus: number;
  /** Interdiction outcome on a d10: up to this roll the convoy is delayed ... */
  interdictionDelayedMaxRoll: number;
  /** ... up to this roll damaged ... */
  interdictionDamagedMaxRoll: number;
  /** ... up to this roll turned back; above it destroyed. */
  interdictionTurnedBackMaxRoll: number;
  /** Per cent of a convoy (and of its cargo) lost when it is damaged; at 100 % damage it is destroyed. */
  convoyDamagePct: number;
  /** Soldiers crewing each convoy vehicle (besides the troops it carries). */
  convoyCrewPerVehicle: number;
  /** Per cent of the soldiers aboard killed when a convoy is damaged (at least 1). */
  convoyDamagedKilledPct: number;
  /** Per cent of the soldiers aboard killed when a convoy is destroyed (at least 1). */
  convoyDestroyedKilledPct: number;
  /** An actor consents to escort a convoy when its tension with the convoy's actor is below this. */
  escortConsentTensionBelow: number;
  /** Turns a convoy halted at a checkpoint waits before a third actor may mediate. */
  standoffMediationTurns: number;
  /** A third actor mediates a stand-off when its tension with the convoy's actor is below this. */
  mediationTensionBelow: number;
  /** Turns after which the convoy's actor gives up a stand-off and turns the convoy back. */
  standoffGiveUpTurns: number;
  /** Turkish domestic pressure added when Turkey evacuates a post. */
  evacuationDomesticPressure: number;
  /** Tension lost between an evacuated encircled post's actor and each actor encircling it. */
  evacuationTensionRelief: number;
  /** Soldiers a new post's garrison gets per point of the founding unit's strength ... */
  establishPostGarrisonPerStrength: number;
  /** ... at most. */
  establishPostGarrisonMax: number;
  /** Supply days a new post starts with. */
  establishPostSupplyDays: number;
  /** Supply days a new post can store. */
  establishPostMaxSupplyDays: number;
  /** Observation radius of a new post, metres. */
  establishPostRadiusM: number;
  /** Per-mille chance a hard-line actor attacks a joint patrol at each place of its route it holds, stands in or next to. */
  patrolAttackPerMille: number;
  /** Every this many attacks on a joint patrol suspend it. */
  patrolAttacksToSuspend: number;
  /** Severity of an attack on a patrol on a d10: up to this roll nobody is killed ... */
  patrolLightMaxRoll: number;
  /** ... up to this roll `patrolSeriousKilled` soldiers of each patrolling actor are killed, above it `patrolSevereKilled`. */
  patrolSeriousMaxRoll: number;
  /** Soldiers of each patrolling actor killed in a serious attack. */
  patrolSeriousKilled: number;
  /** Soldiers of each patrolling actor killed in a severe attack. */
  patrolSevereKilled: number;
  /** Ceasefire violations at which an agreement collapses (default for agreements). */
  agreementCollapseAt: number;
  /** Escalation points needed to climb one rung. */
  escalationStepPoints: number;
  /** Escalation points lost each turn with no new incidents. */
  escalationDecayPerTurn: number;
  /** Per-mille of a place's residents who flee when fighting or strikes hit it. */
  displacementPerMille: number;
  /** People a turn of aid through an open crossing feeds. */
  aidPerTurn: number;
  /** Turns after it is made during which a ceasefire proposal can be answered; then it lapses. */
  proposalExpiryTurns: number;
  /** Tension added between the two when a ceasefire proposal is rejected. */
  rejectTensionRise: number;
  /** Tension a leaders' call takes off the pair. */
  leadersCallTensionDrop: number;
  /** Turns before another call between the same pair lowers tension again. */
  leadersCallCooldownTurns: number;
  /** International pressure a protest adds to the actor protested against. */
  protestPressure: number;
  /** Tension a protest adds between the two. */
  protestTensionRise: number;
  /** A request for US support has a case from this escalation rung (with Turkish losses in the lookback). */
  usSupportEscalationMin: number;
  /** Turns before a request in which Turkish soldiers must have been killed for it to have a case. */
  usSupportLookbackTurns: number;
  /** US support gained by a request with a case and a good roll. */
  usSupportGain: number;
  /** US support lost by a request without a case and a bad roll ("paper tiger"). */
  usSupportLoss: number;
  /** With a case, a d10 at or above this wins support. */
  usSupportRiseMinRoll: number;
  /** Without a case, a d10 at or below this erodes support. */
  usSupportErodeMaxRoll: number;
  /** Escalation points per strike. */
  escalationPointsStrike: number;
  /** Escalation points per ground assault. */
  escalationPointsAssault: number;
  /** Escalation points per strike or assault that hits an observation post. */
  escalationPointsPostAttack: number;
  /** Escalation points per clash in which government forces kill Turkish soldiers. */
  escalationPointsTurkishSyrianClash: number;
  /** Escalation points per clash in which Turkey hits government forces. */
  escalationPointsTurkishStrike: number;
  /** Escalation points per clash between Russia and Turkey. */
  escalationPointsRussiaTurkey: number;
  /** Rung the ladder goes to at least after a Russian-Turkish clash. */
  escalationRussiaTurkeyFloor: number;
  /** Escalation points per convoy interdicted. */
  escalationPointsInterdiction: number;
  /** Escalation points per joint patrol attacked. */
  escalationPointsPatrolAttack: number;
  /** Escalation points per high-value place changing hands. */
  escalationPointsCapture: number;
  /** Value (1-5) from which a place changing hands adds escalation points. */
  escalationCaptureMinValue: number;
  /** Escalation rung at which the United States issues a statement (once). */
  usStatementLevel: number;
  /** US support added by that statement. */
  usStatementSupport: number;
  /** Escalation rung at which Russia closes the airspace to Turkey. */
  airspaceCloseLevel: number;
  /** Escalation rung at or below which Russia reopens it. */
  airspaceReopenLevel: number;
  /** Tension added to a pair per clash between them. */
  tensionPerClash: number;
  /** Tension a pair loses in a turn without clashes. */
  tensionDecayPerTurn: number;
  /** Tension added per clash between the actor hit and each ally of the attacker (and the attacker and each ally of the actor hit). */
  tensionAllyPerClash: number;
  /** Tension decays only while the escalation ladder stands at or below this rung. */
  tensionDecayMaxLevel: number;
  /** Tension decays on every turn whose number is a multiple of this (1: every turn). */
  tensionDecayEveryTurns: number;
  /** Market index points lost per 10 Turkish soldiers killed in a turn. */
  marketDropPer10Killed: number;
  /** Escalation rung from which the market falls every turn. */
  marketEscalationLevel: number;
  /** Market index points lost each turn at or above that rung. */
  marketEscalationDrop: number;
  /** Turkish soldiers killed in one turn that set off a market shock (once). */
  marketShockKilled: number;
  /** Market index points lost in the shock. */
  marketShockDrop: number;
  /** Market index points regained towards 100 in a turn with no fall. */
  marketRecoveryPerTurn: number;
  /** Turkish domestic pressure per Turkish soldier killed. */
  domesticPressurePerKilled: number;
  /** People displaced in a turn per point of Turkish domestic pressure. */
  domesticPressureDisplacedPerPoint: number;
  /** Turkish domestic pressure lost in a turn with no rise. */
  domesticPressureDecayPerTurn: number;
  /** International pressure every actor loses each turn. */
  pressureDecayPerTurn: number;
  /** Civilians killed by an actor's strikes and assaults per point of international pressure on it. */
  pressureCiviliansKilledPerPoint: number;
  /** Per cent added to the flight from a place hit by an air strike. */
  displacementAirBonusPct: number;
  /** Per cent added to the flight from an urban place that is hit. */
  displacementUrbanBonusPct: number;
  /** Per-mille of the residents of a place next to fighting who leave. */
  displacementAdjacentPerMille: number;
  /** The crossing aid comes through (a location id). */
  aidCrossing: string;
  /**
   * Which actors the rules that speak of Turkey, Russia and the Syrian government mean (the US
   * support, Turkish domestic pressure and market meters, Russia's airspace and escorts).
   */
  actorRoles: { turkey: string; russia: string; syria: string };
  /** The zone the de-escalation rules speak of (air and drone targets offered by legalOrders). */
  deEscalationZone: string;
  // -- combat: strikes (rules/strikes.ts) and ground assaults (rules/assaults.ts)
  /** Soldiers killed for each point of strength a unit loses (a point is roughly 100 fighters; the rest are wounded, captured or scattered). */
  soldiersPerStrength: number;
  /** Soldiers of a post's garrison that count as one point of strength when it defends. */
  garrisonPerStrength: number;
  /** Firepower of one air sortie (artillery fires its strength × readiness / 100). */
  airSortieFirepower: number;
  /** Firepower of one drone sortie. */
  droneSortieFirepower: number;
  /** Per cent of a strike's firepower that becomes strength lost by the units hit (normal result). */
  strikeLossPct: number;
  /** Per-mille of a place's residents killed by one strike (normal result), by means. */
  strikeCiviliansPerMille: { artillery: number; air: number; drone: number };
  /** Per-mille chance that a drone sortie is shot down while Russia keeps the airspace closed. */
  droneShootDownPerMille: number;
  /** Per-mille of a place's residents killed per 10 points of strength lost in an assault there. */
  assaultCiviliansPerMille: number;
  /** Attack per cent when the attacker or an ally flew air or drone strikes on the target this turn. */
  airSupportPct: number;
  /** Attack per cent of a unit with no road to its actor's supply sources. */
  unsuppliedAttackPct: number;
  /** Defence per cent by terrain. */
  terrainDefencePct: Record<Terrain, number>;
  /** Defence per cent added per level of fortification (0-3). */
  fortificationPct: number;
  /** Fog of war: how far (metres) an actor's drones see from any place it holds (when it has drone sorties and the airspace is open). */
  droneViewRangeM: number;
  /** Fog of war: unobserved enemy strength is shown rounded to the nearest multiple of this (never 0 for a living unit). */
  fogStrengthBucket: number;
  /** Triggers: most rounds of triggers firing on what earlier rounds did in one turn. */
  maxTriggerCascade: number;
  /** Triggers: most firings of all triggers in one turn. */
  maxTriggerFiringsPerTurn: number;
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
  /** Whether each highway is open end to end for each actor: highwayOpen[highway][actor]. */
  highwayOpen: Record<string, Record<string, boolean>>;
  zones: Record<string, Zone>;
  units: Record<string, Unit>;
  posts: Record<string, ObservationPost>;
  convoys: Record<string, Convoy>;
  agreements: Record<string, Agreement>;
  proposals: Proposal[];
  patrols: Record<string, Patrol>;
  meters: Meters;
  reporting: Record<string, ReportSource>;
  pendingReports: PendingReport[];
  victory: Victory;
  /** Scenario variables by id. */
  variables: Record<string, Variable>;
  /** Scenario triggers, in the order the scenario lists them. */
  triggers: Trigger[];
  triggerStatus: Record<string, TriggerStatus>;
  /** Each actor's score when the triggers were last checked (for score_crossed). */
  scoresSeen: Record<string, number>;
  rng: RngState;
  /** Serial for ids the engine makes (convoys dispatched in play, proposals, posts). */
  nextSerial: number;
  log: LogEntry[];
}

export interface Outcome {
  reason: 'turn-limit' | 'sudden-death' | 'trigger';
  turn: number;
  summary: string;
  /** Band per actor with its score. */
  bands: Record<string, { band: Band; score: number }>;
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

/** Ground assault on a place next to (or contested with) the attacking units. */
export interface AssaultOrder {
  kind: 'assault';
  units: string[];
  target: string;
}

/** Artillery fire from `unit` (in range), or air / drone sorties, on a place. */
export interface StrikeOrder {
  kind: 'strike';
  means: 'artillery' | 'air' | 'drone';
  /** The artillery unit firing (artillery only; '' otherwise). */
  unit: string;
  target: string;
  /** Air or drone sorties committed (artillery: 1). */
  sorties: number;
}

export interface DispatchConvoyOrder {
  kind: 'dispatch_convoy';
  /** A supply source (crossing) of the ordering actor. */
  from: string;
  /** An observation post id. */
  post: string;
  /** Optional route as location ids from `from` to the post's location; the shortest open road route when left out. */
  route?: string[];
  vehicles: ConvoyVehicles;
  cargo: { supplyDays: number; troops: number };
  /** Actor asked to escort ('' for none); an escort by Russia needs Russia's consent (low tension). */
  escort: string;
  notified: boolean;
}

export interface EvacuatePostOrder {
  kind: 'evacuate_post';
  post: string;
}

export interface EstablishPostOrder {
  kind: 'establish_post';
  /** A unit of the actor standing where the post is to be. */
  unit: string;
  name: string;
}

export interface PatrolOrder {
  kind: 'run_patrol' | 'suspend_patrol';
  patrol: string;
}

export interface CheckpointOrder {
  kind: 'set_checkpoint';
  unit: string;
}

export interface DiplomacyOrder {
  kind: 'propose_ceasefire' | 'accept_ceasefire' | 'reject_ceasefire' | 'leaders_call' | 'protest';
  /** The other actor. */
  to: string;
}

export interface RequestUsSupportOrder {
  kind: 'request_us_support';
}

export type Order =
  | MoveOrder
  | HoldOrder
  | AssaultOrder
  | StrikeOrder
  | DispatchConvoyOrder
  | EvacuatePostOrder
  | EstablishPostOrder
  | PatrolOrder
  | CheckpointOrder
  | DiplomacyOrder
  | RequestUsSupportOrder;
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
  | 'not_adjacent'
  | 'out_of_range'
  | 'no_sorties'
  | 'airspace_closed'
  | 'not_hostile'
  | 'not_artillery'
  | 'no_consent'
  | 'post_closed'
  | 'unknown_patrol'
  | 'not_a_party'
  | 'no_proposal'
  | 'same_actor'
  | 'game_over';

/** One candidate a computer actor weighed: its order in words, its score and where the score came from. */
export interface WeighedOrder {
  order: string;
  score: number;
  /** Each factor's part of the score (weight × the factor's judgement), largest first. */
  factors: { factor: string; points: number }[];
}

/**
 * Why a computer actor gave its orders this turn: what it weighed (the top three candidates with
 * each factor's contribution) and the draw that broke ties. It enters the log as `ai.decided`.
 */
export interface DecisionRecord {
  actor: string;
  /** The doctrine's id ('generic' for the built-in one; 'random' for random play). */
  doctrine: string;
  /** Candidates weighed. */
  weighed: number;
  /** Orders given. */
  chosen: number;
  /** The tie-breaking draw (0-999999). */
  draw: number;
  top: WeighedOrder[];
}

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

/** The phases in the order a turn resolves them (src/engine/resolve.ts); the orders phase logs decisions and refusals first. */
export const PHASE_ORDER: readonly Phase[] = [
  'turn-start',
  'orders',
  'diplomacy',
  'movement',
  'strikes',
  'assaults',
  'supply',
  'civilians',
  'reports',
  'escalation',
  'triggers',
  'victory',
];

export type EventKind =
  | 'order.rejected'
  | 'unit.moved'
  | 'unit.halted'
  | 'unit.destroyed'
  | 'control.changed'
  | 'convoy.departed'
  | 'convoy.moved'
  | 'convoy.interdicted'
  | 'convoy.halted'
  | 'convoy.arrived'
  | 'post.status_changed'
  | 'post.resupplied'
  | 'post.supply_exhausted'
  | 'post.readiness'
  | 'post.evacuated'
  | 'post.established'
  | 'post.observed'
  | 'highway.opened'
  | 'highway.closed'
  | 'assault.resolved'
  | 'strike.resolved'
  | 'civilians.displaced'
  | 'civilians.killed'
  | 'civilians.aid'
  | 'report.published'
  | 'diplomacy.proposed'
  | 'diplomacy.answered'
  | 'diplomacy.call'
  | 'diplomacy.protest'
  | 'diplomacy.us_support'
  | 'agreement.changed'
  | 'agreement.violated'
  | 'patrol.completed'
  | 'patrol.attacked'
  | 'patrol.changed'
  | 'escalation.changed'
  | 'escalation.consequence'
  | 'tension.changed'
  | 'market.moved'
  | 'checkpoint.set'
  | 'checkpoint.lifted'
  | 'objective.achieved'
  | 'objective.failed'
  | 'trigger.fired'
  | 'trigger.message'
  | 'trigger.halted'
  | 'trigger.action_failed'
  | 'variable.changed'
  | 'points.awarded'
  | 'unit.spawned'
  | 'unit.removed'
  | 'scenario.ended'
  | 'ai.decided';

export interface GameEvent {
  kind: EventKind;
  turn: number;
  phase: Phase;
  /** The actors it concerns, the acting one first. */
  actors: string[];
  /** The place it happened ('' when it has none). */
  location: string;
  /** The inputs and results behind the explanation. */
  data: Record<string, string | number | boolean | null>;
  /** What happened and why, in words a student can read: inputs, modifiers, roll, result. */
  explain: string;
}
