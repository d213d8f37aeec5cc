// The shape of map and scenario files. These zod schemas are the one description of the format:
// the loader validates against them, and the types below are inferred from them.
import { z } from 'zod';

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, 'an id is lower-case letters, digits, "_" or "-", starting with a letter');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD');
const int = z.number().int();

export const SourceSchema = z.strictObject({
  title: z.string().min(1),
  url: z.string().url().optional(),
  publisher: z.string().optional(),
  date: isoDate.optional(),
});

export const TerrainSchema = z.enum(['urban', 'open', 'hills', 'mountain']);
export const LocationKindSchema = z.enum(['city', 'town', 'village', 'crossing', 'hill', 'base', 'post']);
export const RoadClassSchema = z.enum(['M4', 'M5', 'road', 'track']);
export const UnitTypeSchema = z.enum([
  'infantry',
  'mechanised',
  'armour',
  'artillery',
  'air_defence',
  'special_forces',
  'militia',
  'military_police',
]);

export const MapSchema = z.strictObject({
  schemaVersion: z.literal(1),
  id,
  title: z.string().min(1),
  sources: z.array(SourceSchema).default([]),
  locations: z
    .array(
      z.strictObject({
        id,
        name: z.string().min(1),
        kind: LocationKindSchema,
        lat: z.number().min(-90).max(90),
        lon: z.number().min(-180).max(180),
        population: int.min(0),
        terrain: TerrainSchema,
        fortification: int.min(0).max(3).default(0),
        value: int.min(1).max(5).default(1),
        estimated: z.boolean().default(false),
        note: z.string().optional(),
      }),
    )
    .min(2),
  roads: z.array(
    z.strictObject({
      id,
      from: id,
      to: id,
      class: RoadClassSchema,
      km: int.min(1),
    }),
  ),
  highways: z
    .array(z.strictObject({ id: z.string().min(1), name: z.string().min(1), waypoints: z.array(id).min(2) }))
    .default([]),
  posts: z
    .array(
      z.strictObject({
        id,
        name: z.string().min(1),
        location: id,
        number: int.min(1).optional(),
        established: isoDate.optional(),
        radiusKm: int.min(0).default(10),
        note: z.string().optional(),
      }),
    )
    .default([]),
  zones: z.array(z.strictObject({ id, name: z.string().min(1), locations: z.array(id) })).default([]),
});

const vehicles = z.strictObject({
  tanks: int.min(0).default(0),
  armoured: int.min(0).default(0),
  trucks: int.min(0).default(0),
  airDefence: int.min(0).default(0),
});

export const OrderSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('move'), unit: id, to: id }),
  z.strictObject({ kind: z.literal('hold'), unit: id }),
  z.strictObject({ kind: z.literal('assault'), units: z.array(id).min(1), target: id }),
  z.strictObject({
    kind: z.literal('strike'),
    means: z.enum(['artillery', 'air', 'drone']),
    unit: z.union([id, z.literal('')]).default(''),
    target: id,
    sorties: int.min(1).default(1),
  }),
  z.strictObject({
    kind: z.literal('dispatch_convoy'),
    from: id,
    post: id,
    route: z.array(id).min(2).optional(),
    vehicles,
    cargo: z.strictObject({ supplyDays: int.min(0).default(0), troops: int.min(0).default(0) }),
    escort: z.union([id, z.literal('')]).default(''),
    notified: z.boolean().default(true),
  }),
  z.strictObject({ kind: z.literal('evacuate_post'), post: id }),
  z.strictObject({ kind: z.literal('establish_post'), unit: id, name: z.string().min(1) }),
  z.strictObject({ kind: z.literal('run_patrol'), patrol: id }),
  z.strictObject({ kind: z.literal('suspend_patrol'), patrol: id }),
  z.strictObject({ kind: z.literal('set_checkpoint'), unit: id }),
  z.strictObject({ kind: z.literal('propose_ceasefire'), to: id }),
  z.strictObject({ kind: z.literal('accept_ceasefire'), to: id }),
  z.strictObject({ kind: z.literal('reject_ceasefire'), to: id }),
  z.strictObject({ kind: z.literal('leaders_call'), to: id }),
  z.strictObject({ kind: z.literal('protest'), to: id }),
  z.strictObject({ kind: z.literal('request_us_support') }),
]);

const postStatus = z.enum(['supplied', 'cut_off', 'encircled', 'evacuated', 'overrun']);
const agreementStatus = z.enum(['pending', 'holds', 'violated', 'collapsed', 'ended']);

export const NumberExprSchema = z.union([
  int,
  z.strictObject({
    meter: z.enum([
      'escalation',
      'displaced',
      'civilianDead',
      'turkishDomesticPressure',
      'marketIndex',
      'usSupport',
      'humanitarianNeed',
    ]),
  }),
  z.strictObject({ pressure: id }),
  z.strictObject({ losses: id }),
  z.strictObject({ tension: z.tuple([id, id]) }),
  z.strictObject({ score: id }),
  z.strictObject({ turn: z.literal(true) }),
  z.strictObject({ count_locations: z.strictObject({ actor: id, zone: id.optional() }) }),
  z.strictObject({
    count_posts: z.strictObject({ actor: id.optional(), status: z.array(postStatus).optional() }),
  }),
  z.strictObject({ count_units: z.strictObject({ actor: id, zone: id.optional() }) }),
]);

type ConditionInput =
  { all: ConditionInput[] } | { any: ConditionInput[] } | { not: ConditionInput } | Record<string, unknown>;

export const ConditionSchema: z.ZodType<ConditionInput> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
    z.strictObject({ not: ConditionSchema }),
    z.strictObject({ controls: z.strictObject({ actor: id, location: id }) }),
    z.strictObject({
      highway_open: z.strictObject({
        highway: z.string().min(1),
        actor: id,
        from: id.optional(),
        to: id.optional(),
      }),
    }),
    z.strictObject({ post_status: z.strictObject({ post: id, status: z.array(postStatus).min(1) }) }),
    z.strictObject({
      agreement_status: z.strictObject({ agreement: id, status: z.array(agreementStatus).min(1) }),
    }),
    z.strictObject({
      compare: z.strictObject({
        left: NumberExprSchema,
        op: z.enum(['<', '<=', '==', '!=', '>=', '>']),
        right: NumberExprSchema,
      }),
    }),
    z.strictObject({
      turn_range: z.strictObject({ from: int.min(1).optional(), to: int.min(1).optional() }),
    }),
  ]),
);

const bias = z.strictObject({
  inflate: int.min(-100).max(10_000).default(0),
  deny: int.min(0).max(1000).default(0),
  delay: int.min(0).max(20).default(0),
});

/** A date (YYYY-MM-DD) or a turn number. */
const when = z.union([isoDate, int.min(1)]);

const percent = int.min(0).max(100);

export const ParamsSchema = z.strictObject({
  unitSpeedKmPerDay: z.partialRecord(UnitTypeSchema, int.min(0)).optional(),
  roadSpeedPct: z.partialRecord(RoadClassSchema, int.min(1).max(200)).optional(),
  convoySpeedKmPerDay: int.min(1).optional(),
  routineResupplyDaysPerTurn: int.min(0).optional(),
  postReadinessLossPerTurn: int.min(0).max(100).optional(),
  postReadinessGainPerTurn: int.min(0).max(100).optional(),
  artilleryRangeM: int.min(1000).optional(),
  interdictionBasePerMille: int.min(0).max(1000).optional(),
  interdictionNotifiedBonus: int.min(0).max(1000).optional(),
  interdictionNotNotifiedPenalty: int.min(0).max(1000).optional(),
  interdictionAirspaceClosedPenalty: int.min(0).max(1000).optional(),
  interdictionPerEscalationLevel: int.min(0).max(1000).optional(),
  interdictionEscortBonus: int.min(0).max(1000).optional(),
  interdictionAirDefencePerVehicle: int.min(0).max(1000).optional(),
  interdictionAirDefenceMaxBonus: int.min(0).max(1000).optional(),
  interdictionDelayedMaxRoll: int.min(0).max(10).optional(),
  interdictionDamagedMaxRoll: int.min(0).max(10).optional(),
  interdictionTurnedBackMaxRoll: int.min(0).max(10).optional(),
  convoyDamagePct: int.min(1).max(100).optional(),
  convoyCrewPerVehicle: int.min(0).max(20).optional(),
  convoyDamagedKilledPct: int.min(0).max(100).optional(),
  convoyDestroyedKilledPct: int.min(0).max(100).optional(),
  escortConsentTensionBelow: int.min(0).max(101).optional(),
  standoffMediationTurns: int.min(0).optional(),
  mediationTensionBelow: int.min(0).max(101).optional(),
  standoffGiveUpTurns: int.min(1).optional(),
  evacuationDomesticPressure: int.min(0).max(100).optional(),
  evacuationTensionRelief: int.min(0).max(100).optional(),
  establishPostGarrisonPerStrength: int.min(1).optional(),
  establishPostGarrisonMax: int.min(1).optional(),
  establishPostSupplyDays: int.min(0).optional(),
  establishPostMaxSupplyDays: int.min(1).optional(),
  establishPostRadiusM: int.min(0).optional(),
  patrolAttackPerMille: int.min(0).max(1000).optional(),
  patrolAttacksToSuspend: int.min(1).optional(),
  patrolLightMaxRoll: int.min(0).max(10).optional(),
  patrolSeriousMaxRoll: int.min(0).max(10).optional(),
  patrolSeriousKilled: int.min(0).optional(),
  patrolSevereKilled: int.min(0).optional(),
  agreementCollapseAt: int.min(1).optional(),
  escalationStepPoints: int.min(1).optional(),
  escalationDecayPerTurn: int.min(0).optional(),
  displacementPerMille: int.min(0).max(1000).optional(),
  aidPerTurn: int.min(0).optional(),
  proposalExpiryTurns: int.min(1).optional(),
  rejectTensionRise: percent.optional(),
  leadersCallTensionDrop: percent.optional(),
  leadersCallCooldownTurns: int.min(0).optional(),
  protestPressure: percent.optional(),
  protestTensionRise: percent.optional(),
  usSupportEscalationMin: int.min(0).max(5).optional(),
  usSupportLookbackTurns: int.min(1).optional(),
  usSupportGain: percent.optional(),
  usSupportLoss: percent.optional(),
  usSupportRiseMinRoll: int.min(1).max(11).optional(),
  usSupportErodeMaxRoll: int.min(0).max(10).optional(),
  escalationPointsStrike: int.min(0).optional(),
  escalationPointsAssault: int.min(0).optional(),
  escalationPointsPostAttack: int.min(0).optional(),
  escalationPointsTurkishSyrianClash: int.min(0).optional(),
  escalationPointsTurkishStrike: int.min(0).optional(),
  escalationPointsRussiaTurkey: int.min(0).optional(),
  escalationRussiaTurkeyFloor: int.min(0).max(5).optional(),
  escalationPointsInterdiction: int.min(0).optional(),
  escalationPointsPatrolAttack: int.min(0).optional(),
  escalationPointsCapture: int.min(0).optional(),
  escalationCaptureMinValue: int.min(1).max(6).optional(),
  usStatementLevel: int.min(0).max(6).optional(),
  usStatementSupport: percent.optional(),
  airspaceCloseLevel: int.min(0).max(6).optional(),
  airspaceReopenLevel: int.min(0).max(5).optional(),
  tensionPerClash: percent.optional(),
  tensionDecayPerTurn: percent.optional(),
  tensionAllyPerClash: percent.optional(),
  tensionDecayMaxLevel: int.min(0).max(5).optional(),
  tensionDecayEveryTurns: int.min(1).optional(),
  marketDropPer10Killed: int.min(0).optional(),
  marketEscalationLevel: int.min(0).max(6).optional(),
  marketEscalationDrop: int.min(0).optional(),
  marketShockKilled: int.min(1).optional(),
  marketShockDrop: int.min(0).optional(),
  marketRecoveryPerTurn: int.min(0).optional(),
  domesticPressurePerKilled: int.min(0).optional(),
  domesticPressureDisplacedPerPoint: int.min(1).optional(),
  domesticPressureDecayPerTurn: int.min(0).optional(),
  pressureDecayPerTurn: int.min(0).optional(),
  pressureCiviliansKilledPerPoint: int.min(1).optional(),
  displacementAirBonusPct: int.min(0).optional(),
  displacementUrbanBonusPct: int.min(0).optional(),
  displacementAdjacentPerMille: int.min(0).max(1000).optional(),
  aidCrossing: id.optional(),
  actorRoles: z
    .strictObject({ turkey: id.optional(), russia: id.optional(), syria: id.optional() })
    .optional(),
  deEscalationZone: id.optional(),
  soldiersPerStrength: int.min(0).optional(),
  garrisonPerStrength: int.min(1).optional(),
  airSortieFirepower: int.min(0).optional(),
  droneSortieFirepower: int.min(0).optional(),
  strikeLossPct: int.min(0).max(1000).optional(),
  strikeCiviliansPerMille: z
    .strictObject({ artillery: int.min(0).max(1000), air: int.min(0).max(1000), drone: int.min(0).max(1000) })
    .optional(),
  droneShootDownPerMille: int.min(0).max(1000).optional(),
  assaultCiviliansPerMille: int.min(0).max(1000).optional(),
  airSupportPct: int.min(0).max(1000).optional(),
  unsuppliedAttackPct: int.min(0).max(100).optional(),
  terrainDefencePct: z
    .strictObject({ open: int.min(1), hills: int.min(1), urban: int.min(1), mountain: int.min(1) })
    .optional(),
  fortificationPct: int.min(0).max(100).optional(),
  droneViewRangeM: int.min(0).optional(),
  fogStrengthBucket: int.min(1).optional(),
});

export const ScenarioSchema = z.strictObject({
  schemaVersion: z.literal(1),
  id,
  title: z.string().min(1),
  period: z.string().optional(),
  briefing: z.string().min(1),
  sources: z.array(SourceSchema).default([]),
  /** Path of the map file, relative to the scenario file. */
  map: z.string().min(1),
  calendar: z.strictObject({
    start: isoDate,
    daysPerTurn: int.min(1).max(31),
    turns: int.min(1).max(1000),
  }),
  actors: z
    .array(
      z.strictObject({
        id,
        name: z.string().min(1),
        controller: z.enum(['human', 'scripted', 'passive', 'computer']),
        supplySources: z.array(id).default([]),
        resources: int.min(0).default(0),
        airSorties: int.min(0).default(0),
        droneSorties: int.min(0).default(0),
        hardLine: z.boolean().default(false),
        colour: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb')
          .optional(),
      }),
    )
    .min(1),
  relations: z
    .array(
      z.strictObject({
        a: id,
        b: id,
        stance: z.enum(['allied', 'neutral', 'hostile']),
        tension: percent.default(0),
      }),
    )
    .default([]),
  control: z.strictObject({
    /** Who holds every place not listed below ('' for nobody). */
    default: z.union([id, z.literal('')]),
    holds: z.record(id, z.array(id)).default({}),
  }),
  posts: z
    .array(
      z.strictObject({
        id,
        actor: id,
        garrison: int.min(0),
        supplyDays: int.min(0),
        maxSupplyDays: int.min(1).default(30),
        readiness: percent.default(100),
      }),
    )
    .default([]),
  units: z
    .array(
      z.strictObject({
        id,
        actor: id,
        name: z.string().min(1),
        type: UnitTypeSchema,
        strength: int.min(1),
        readiness: percent.default(100),
        location: id,
      }),
    )
    .default([]),
  /** Orders of scripted actors, by turn number or by date (the turn that contains the date). */
  script: z
    .array(
      z
        .strictObject({
          turn: int.min(1).optional(),
          date: isoDate.optional(),
          actor: id,
          note: z.string().optional(),
          orders: z.array(OrderSchema).min(1),
        })
        .refine((e) => (e.turn === undefined) !== (e.date === undefined), {
          message: 'a script entry has either a turn or a date, not both',
        }),
    )
    .default([]),
  meters: z
    .strictObject({
      escalation: int.min(0).max(5).optional(),
      displaced: int.min(0).optional(),
      civilianDead: int.min(0).optional(),
      humanitarianNeed: percent.optional(),
      turkishDomesticPressure: percent.optional(),
      marketIndex: int.min(0).optional(),
      usSupport: percent.optional(),
      internationalPressure: z.record(id, percent).optional(),
      airspaceClosed: z.boolean().optional(),
    })
    .default({}),
  agreements: z
    .array(
      z.strictObject({
        id,
        name: z.string().min(1),
        parties: z.array(id).min(1),
        /** When it takes effect: a date or a turn; before the scenario's start means from turn 1. */
        start: when.default(1),
        ceasefire: z.boolean().default(false),
        collapseAt: int.min(1).optional(),
        obligations: z
          .array(
            z.strictObject({
              id,
              actor: id,
              kind: z.enum([
                'no_assault',
                'no_strike',
                'withdraw_heavy_weapons',
                'remove_hard_line',
                'open_highway',
                'joint_patrols',
              ]),
              zone: z.union([id, z.literal('')]).default(''),
              highway: z.string().default(''),
              deadline: isoDate.optional(),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
  patrols: z
    .array(
      z.strictObject({
        id,
        name: z.string().min(1),
        actors: z.array(id).min(1),
        route: z.array(id).min(2),
        status: z.enum(['active', 'suspended']).default('suspended'),
      }),
    )
    .default([]),
  /** The sources whose reports the news feed shows, and how each leans. */
  reporting: z
    .array(
      z.strictObject({
        id,
        name: z.string().min(1),
        bias: z.record(z.union([id, z.literal('*')]), bias).default({}),
      }),
    )
    .default([]),
  victory: z
    .strictObject({
      bands: z
        .strictObject({ decisive: int, marginal: int, draw: int })
        .default({ decisive: 60, marginal: 30, draw: 0 }),
      objectives: z
        .array(
          z.strictObject({
            id,
            actor: id,
            text: z.string().min(1),
            points: int,
            when: z.enum(['end', 'once']).default('end'),
            condition: ConditionSchema,
          }),
        )
        .default([]),
      suddenDeath: z
        .array(
          z.strictObject({
            id,
            text: z.string().min(1),
            condition: ConditionSchema,
            result: z.union([z.literal('all_lose'), id]),
          }),
        )
        .default([]),
    })
    .default({ bands: { decisive: 60, marginal: 30, draw: 0 }, objectives: [], suddenDeath: [] }),
  params: ParamsSchema.default({}),
});

export type MapData = z.output<typeof MapSchema>;
export type ScenarioData = z.output<typeof ScenarioSchema>;
