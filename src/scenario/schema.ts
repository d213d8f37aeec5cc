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

export const OrderSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('move'), unit: id, to: id }),
  z.strictObject({ kind: z.literal('hold'), unit: id }),
  z.strictObject({
    kind: z.literal('dispatch_convoy'),
    from: id,
    post: id,
    route: z.array(id).min(2).optional(),
    vehicles: int.min(1),
    supplyDays: int.min(1),
    notified: z.boolean().default(true),
  }),
]);

const percent = int.min(0).max(100);

export const ParamsSchema = z.strictObject({
  unitSpeedKmPerDay: z.partialRecord(UnitTypeSchema, int.min(0)).optional(),
  roadSpeedPct: z.partialRecord(RoadClassSchema, int.min(1).max(200)).optional(),
  convoySpeedKmPerDay: int.min(1).optional(),
  routineResupplyDaysPerTurn: int.min(0).optional(),
  postReadinessLossPerTurn: int.min(0).max(100).optional(),
  postReadinessGainPerTurn: int.min(0).max(100).optional(),
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
      turkishDomesticPressure: percent.optional(),
      marketIndex: int.min(0).optional(),
      internationalPressure: percent.optional(),
    })
    .default({}),
  params: ParamsSchema.default({}),
});

export type MapData = z.output<typeof MapSchema>;
export type ScenarioData = z.output<typeof ScenarioSchema>;
