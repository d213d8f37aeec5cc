// Turns a loaded scenario into the game state of turn 1.
import {
  RULES_VERSION,
  assessPost,
  computeHighwayOpen,
  newUnit,
  type Agreement,
  type Calendar,
  type Condition,
  parseIsoDate,
  seedRng,
  sortedIds,
  turnOfDay,
  type GameState,
  type Location,
  type OrdersByActor,
  type Order,
  type RuleParams,
  type Trigger,
  type TriggerAction,
  type TriggerWhen,
} from '../engine/index.ts';
import type { Scenario } from './load.ts';
import type { ScenarioData } from './schema.ts';

export const DEFAULT_PARAMS: RuleParams = {
  unitSpeedKmPerDay: {
    infantry: 12,
    militia: 12,
    special_forces: 15,
    mechanised: 30,
    armour: 25,
    artillery: 20,
    air_defence: 20,
    military_police: 30,
  },
  roadSpeedPct: { M4: 100, M5: 100, road: 80, track: 50 },
  convoySpeedKmPerDay: 40,
  routineResupplyDaysPerTurn: 1,
  postReadinessLossPerTurn: 10,
  postReadinessGainPerTurn: 5,
  artilleryRangeM: 25_000,
  interdictionBasePerMille: 150,
  interdictionNotifiedBonus: 100,
  interdictionNotNotifiedPenalty: 100,
  interdictionAirspaceClosedPenalty: 100,
  interdictionPerEscalationLevel: 30,
  interdictionEscortBonus: 150,
  interdictionAirDefencePerVehicle: 20,
  interdictionAirDefenceMaxBonus: 100,
  interdictionDelayedMaxRoll: 4,
  interdictionDamagedMaxRoll: 7,
  interdictionTurnedBackMaxRoll: 9,
  convoyDamagePct: 25,
  convoyCrewPerVehicle: 2,
  convoyDamagedKilledPct: 5,
  convoyDestroyedKilledPct: 25,
  escortConsentTensionBelow: 50,
  standoffMediationTurns: 2,
  mediationTensionBelow: 50,
  standoffGiveUpTurns: 4,
  evacuationDomesticPressure: 5,
  evacuationTensionRelief: 5,
  establishPostGarrisonPerStrength: 10,
  establishPostGarrisonMax: 200,
  establishPostSupplyDays: 10,
  establishPostMaxSupplyDays: 30,
  establishPostRadiusM: 10_000,
  patrolAttackPerMille: 80,
  patrolAttacksToSuspend: 2,
  patrolLightMaxRoll: 5,
  patrolSeriousMaxRoll: 8,
  patrolSeriousKilled: 1,
  patrolSevereKilled: 3,
  agreementCollapseAt: 6,
  escalationStepPoints: 10,
  escalationDecayPerTurn: 2,
  displacementPerMille: 80,
  aidPerTurn: 40_000,
  proposalExpiryTurns: 3,
  rejectTensionRise: 5,
  leadersCallTensionDrop: 10,
  leadersCallCooldownTurns: 3,
  protestPressure: 5,
  protestTensionRise: 3,
  usSupportEscalationMin: 3,
  usSupportLookbackTurns: 2,
  usSupportGain: 10,
  usSupportLoss: 5,
  usSupportRiseMinRoll: 4,
  usSupportErodeMaxRoll: 6,
  escalationPointsStrike: 1,
  escalationPointsAssault: 2,
  escalationPointsPostAttack: 8,
  escalationPointsTurkishSyrianClash: 6,
  escalationPointsTurkishStrike: 4,
  escalationPointsRussiaTurkey: 10,
  escalationRussiaTurkeyFloor: 4,
  escalationPointsInterdiction: 3,
  escalationPointsPatrolAttack: 3,
  escalationPointsCapture: 3,
  escalationCaptureMinValue: 4,
  usStatementLevel: 3,
  usStatementSupport: 5,
  airspaceCloseLevel: 4,
  airspaceReopenLevel: 2,
  tensionPerClash: 5,
  tensionDecayPerTurn: 1,
  tensionAllyPerClash: 2,
  tensionDecayMaxLevel: 2,
  tensionDecayEveryTurns: 3,
  marketDropPer10Killed: 3,
  marketEscalationLevel: 4,
  marketEscalationDrop: 2,
  marketShockKilled: 20,
  marketShockDrop: 10,
  marketRecoveryPerTurn: 1,
  domesticPressurePerKilled: 1,
  domesticPressureDisplacedPerPoint: 10_000,
  domesticPressureDecayPerTurn: 1,
  pressureDecayPerTurn: 1,
  pressureCiviliansKilledPerPoint: 20,
  displacementAirBonusPct: 50,
  displacementUrbanBonusPct: 50,
  displacementAdjacentPerMille: 20,
  aidCrossing: 'bab_al_hawa',
  actorRoles: { turkey: 'turkey', russia: 'russia', syria: 'syria' },
  deEscalationZone: 'de_escalation_zone',
  soldiersPerStrength: 10,
  garrisonPerStrength: 100,
  airSortieFirepower: 5,
  droneSortieFirepower: 4,
  strikeLossPct: 20,
  strikeCiviliansPerMille: { artillery: 1, air: 3, drone: 1 },
  droneShootDownPerMille: 150,
  assaultCiviliansPerMille: 2,
  airSupportPct: 150,
  unsuppliedAttackPct: 50,
  terrainDefencePct: { open: 100, hills: 150, urban: 200, mountain: 200 },
  fortificationPct: 25,
  droneViewRangeM: 20_000,
  fogStrengthBucket: 10,
  maxTriggerCascade: 8,
  maxTriggerFiringsPerTurn: 32,
};

// Map coordinates are integer metres on a local grid: a flat projection around the zone, with
// the metres per degree at 36° N written out as constants so no trigonometry is needed.
export const GRID_ORIGIN = { lat: 35, lon: 35.5 };
export const METRES_PER_DEGREE_LAT = 110_950;
export const METRES_PER_DEGREE_LON = 90_190;

export function project(lat: number, lon: number): { x: number; y: number } {
  return {
    x: Math.round((lon - GRID_ORIGIN.lon) * METRES_PER_DEGREE_LON),
    y: Math.round((lat - GRID_ORIGIN.lat) * METRES_PER_DEGREE_LAT),
  };
}

/** A condition as the engine takes it: dates as day numbers. */
function engineCondition(c: unknown): Condition {
  const node = c as Record<string, unknown>;
  if (Array.isArray(node.all)) return { all: node.all.map(engineCondition) };
  if (Array.isArray(node.any)) return { any: node.any.map(engineCondition) };
  if (node.not !== undefined) return { not: engineCondition(node.not) };
  if (node.date_range) {
    const r = node.date_range as { from?: string; to?: string };
    return {
      date_range: {
        ...(r.from === undefined ? {} : { from: parseIsoDate(r.from)! }),
        ...(r.to === undefined ? {} : { to: parseIsoDate(r.to)! }),
      },
    };
  }
  return node as Condition;
}

function engineTrigger(t: ScenarioData['triggers'][number]): Trigger {
  const when: TriggerWhen = 'date' in t.when ? { date: parseIsoDate(t.when.date)! } : t.when;
  const then = t.then.map((a): TriggerAction => {
    if ('dispatch_convoy' in a) {
      const { route, ...rest } = a.dispatch_convoy;
      return { dispatch_convoy: route === undefined ? rest : { ...rest, route } };
    }
    return a as TriggerAction;
  });
  return { id: t.id, when, if: t.if === undefined ? null : engineCondition(t.if), then, once: t.once };
}

export function newGame(scenario: Scenario, seed: string | number): GameState {
  const s = scenario.data;
  const map = scenario.map;
  const holder = new Map<string, string>();
  for (const [actor, list] of Object.entries(s.control.holds)) for (const l of list) holder.set(l, actor);
  const postActor = new Map<string, string>();
  const scenarioPosts = new Map(s.posts.map((p) => [p.id, p]));
  for (const post of map.posts) {
    const setup = scenarioPosts.get(post.id);
    if (setup) postActor.set(post.location, setup.actor);
  }

  const locations: Record<string, Location> = {};
  for (const l of map.locations) {
    locations[l.id] = {
      id: l.id,
      name: l.name,
      kind: l.kind,
      ...project(l.lat, l.lon),
      population: l.population,
      terrain: l.terrain,
      fortification: l.fortification,
      value: l.value,
      residents: l.population,
      controller: postActor.get(l.id) ?? holder.get(l.id) ?? s.control.default,
      checkpoint: '',
    };
  }

  const params: RuleParams = {
    ...DEFAULT_PARAMS,
    ...s.params,
    unitSpeedKmPerDay: { ...DEFAULT_PARAMS.unitSpeedKmPerDay, ...s.params.unitSpeedKmPerDay },
    roadSpeedPct: { ...DEFAULT_PARAMS.roadSpeedPct, ...s.params.roadSpeedPct },
    actorRoles: { ...DEFAULT_PARAMS.actorRoles, ...s.params.actorRoles },
  };

  // Field by field (in the order a spread gave): a spread copy of the scenario's calendar got a
  // hidden class (V8 map) of its own in every game, so the functions reading the calendar were
  // compiled again for each new game.
  const calendar: Calendar = {
    start: s.calendar.start,
    daysPerTurn: s.calendar.daysPerTurn,
    turns: s.calendar.turns,
    startDay: parseIsoDate(s.calendar.start)!,
  };
  const turnOf = (when: string | number): number =>
    typeof when === 'number' ? when : Math.max(1, turnOfDay(calendar, parseIsoDate(when)!));
  const actorIds = s.actors.map((a) => a.id).sort();
  const perActor = (value: number, given: Record<string, number> = {}) =>
    Object.fromEntries(actorIds.map((a) => [a, given[a] ?? value]));

  const state: GameState = {
    rulesVersion: RULES_VERSION,
    params,
    scenarioId: s.id,
    turn: 1,
    over: false,
    outcome: null,
    calendar,
    actors: Object.fromEntries(
      s.actors.map((a) => [
        a.id,
        {
          id: a.id,
          name: a.name,
          controller: a.controller,
          supplySources: a.supplySources,
          resources: a.resources,
          airSorties: a.airSorties,
          droneSorties: a.droneSorties,
          hardLine: a.hardLine,
        },
      ]),
    ),
    relations: s.relations
      .map((r) => ({
        a: r.a < r.b ? r.a : r.b,
        b: r.a < r.b ? r.b : r.a,
        stance: r.stance,
        tension: r.tension,
      }))
      .sort((p, q) => (p.a + '|' + p.b < q.a + '|' + q.b ? -1 : 1)),
    locations,
    roads: Object.fromEntries(
      map.roads.map((r) => [r.id, { id: r.id, from: r.from, to: r.to, class: r.class, length: r.km * 1000 }]),
    ),
    highways: Object.fromEntries(
      map.highways.map((h) => [h.id, { id: h.id, name: h.name, waypoints: h.waypoints }]),
    ),
    highwayOpen: {},
    zones: Object.fromEntries(
      map.zones.map((z) => [z.id, { id: z.id, name: z.name, locations: z.locations }]),
    ),
    units: Object.fromEntries(s.forces.map((u) => [u.id, newUnit(u)])),
    posts: {},
    convoys: {},
    agreements: Object.fromEntries(
      s.agreements.map((a) => {
        const startTurn = turnOf(a.start);
        const agreement: Agreement = {
          id: a.id,
          name: a.name,
          parties: [...a.parties].sort(),
          status: startTurn <= 1 ? 'holds' : 'pending',
          startTurn,
          ceasefire: a.ceasefire,
          obligations: a.obligations.map((o) => ({
            id: o.id,
            actor: o.actor,
            kind: o.kind,
            zone: o.zone,
            highway: o.highway,
            deadline: o.deadline === undefined ? 0 : parseIsoDate(o.deadline)!,
            status: 'pending',
          })),
          violations: {},
          collapseAt: a.collapseAt ?? params.agreementCollapseAt,
        };
        return [a.id, agreement];
      }),
    ),
    proposals: [],
    patrols: Object.fromEntries(
      s.patrols.map((p) => [
        p.id,
        {
          id: p.id,
          name: p.name,
          actors: [...p.actors].sort(),
          route: p.route,
          status: p.status,
          completed: 0,
          attacks: 0,
        },
      ]),
    ),
    meters: {
      escalation: s.meters.escalation ?? 0,
      escalationPoints: 0,
      displaced: s.meters.displaced ?? 0,
      civilianDead: s.meters.civilianDead ?? 0,
      aidDelivered: 0,
      humanitarianNeed: s.meters.humanitarianNeed ?? 0,
      turkishDomesticPressure: s.meters.turkishDomesticPressure ?? 0,
      marketIndex: s.meters.marketIndex ?? 100,
      usSupport: s.meters.usSupport ?? 30,
      internationalPressure: perActor(0, s.meters.internationalPressure),
      airspaceClosed: s.meters.airspaceClosed ?? false,
      losses: perActor(0),
      consequences: [],
    },
    reporting: Object.fromEntries(s.reporting.map((r) => [r.id, { id: r.id, name: r.name, bias: r.bias }])),
    pendingReports: [],
    victory: {
      bands: s.victory.bands,
      objectives: s.objectives.map((o) => ({ ...o, condition: engineCondition(o.condition) })),
      suddenDeath: s.victory.suddenDeath.map((d) => ({ ...d, condition: engineCondition(d.condition) })),
      scores: perActor(0),
      achieved: {},
      failed: {},
      ending: null,
    },
    variables: Object.fromEntries(
      s.variables.map((v) => [v.id, { id: v.id, type: v.type, value: v.initial }]),
    ),
    triggers: s.triggers.map((t) => engineTrigger(t)),
    triggerStatus: Object.fromEntries(
      s.triggers.map((t) => [t.id, { enabled: t.enabled, fired: 0, lastTurn: 0 }]),
    ),
    scoresSeen: perActor(0),
    rng: seedRng(String(seed)),
    nextSerial: 1,
    log: [],
  };
  for (const post of map.posts) {
    const setup = scenarioPosts.get(post.id);
    if (!setup) continue;
    state.posts[post.id] = {
      id: post.id,
      name: post.name,
      actor: setup.actor,
      location: post.location,
      number: post.number ?? 0,
      garrison: setup.garrison,
      supplyDays: setup.supplyDays,
      maxSupplyDays: setup.maxSupplyDays,
      readiness: setup.readiness,
      radius: post.radiusKm * 1000,
      status: 'supplied',
      observed: 0,
    };
  }
  for (const id of sortedIds(state.posts))
    state.posts[id]!.status = assessPost(state, state.posts[id]!).status;
  state.highwayOpen = computeHighwayOpen(state);
  return state;
}

/** The turn a script entry belongs to. */
export function scriptTurn(
  scenario: Scenario,
  entry: { turn?: number | undefined; date?: string | undefined },
): number {
  if (entry.turn !== undefined) return entry.turn;
  const start = parseIsoDate(scenario.data.calendar.start)!;
  const cal = { ...scenario.data.calendar, startDay: start };
  return turnOfDay(cal, parseIsoDate(entry.date!)!);
}

/**
 * The orders the scenario script gives this turn to the scripted actors: by default those whose
 * controller is `scripted`; a client where a student took over an actor passes its own list.
 */
export function scriptedOrders(
  scenario: Scenario,
  state: GameState,
  scripted: readonly string[] = sortedIds(state.actors).filter(
    (a) => state.actors[a]!.controller === 'scripted',
  ),
): OrdersByActor {
  const out: OrdersByActor = {};
  for (const entry of scriptByTurn(scenario).get(state.turn) ?? []) {
    if (!scripted.includes(entry.actor)) continue;
    (out[entry.actor] ??= []).push(...(entry.orders as Order[]));
  }
  return out;
}

type ScriptEntry = ScenarioData['script'][number];
const scriptIndex = new WeakMap<Scenario, Map<number, ScriptEntry[]>>();

/** The script entries of each turn, in the order the script lists them (worked out once per scenario). */
function scriptByTurn(scenario: Scenario): Map<number, ScriptEntry[]> {
  let index = scriptIndex.get(scenario);
  if (!index) {
    index = new Map();
    for (const entry of scenario.data.script) {
      const turn = scriptTurn(scenario, entry);
      if (!index.has(turn)) index.set(turn, []);
      index.get(turn)!.push(entry);
    }
    scriptIndex.set(scenario, index);
  }
  return index;
}
