// The shape of map and scenario files. These zod schemas are the one description of the format:
// the loader validates against them, and the types below are inferred from them.
import { z } from 'zod';
import {
  FACTOR_MEANING,
  FACTORS,
  THRESHOLD_DEFAULTS,
  THRESHOLD_MEANING,
  THRESHOLDS,
} from '../engine/doctrine.ts';
import { SCRIPT_SILENCEABLE } from './codes.ts';

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, 'an id is lower-case letters, digits, "_" or "-", starting with a letter');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD');
const int = z.number().int();

export const SourceSchema = z
  .strictObject({
    title: z.string().min(1).describe('Title of the article, report or page.'),
    url: z.string().url().optional().describe('Web address (https://...).'),
    publisher: z.string().optional().describe('Who published it (e.g. Reuters, Anadolu, SANA).'),
    date: isoDate.optional().describe('Date published, YYYY-MM-DD.'),
  })
  .describe('A source: where a fact comes from.');

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
  schemaVersion: z.literal(1).describe('Version of the map format. Write 1.'),
  id: id.describe(
    'Short name of the map: lower-case letters, digits, "_" or "-", starting with a letter (e.g. idlib).',
  ),
  title: z.string().min(1).describe('Name of the map, in words.'),
  sources: z
    .array(SourceSchema)
    .default([])
    .describe(
      'Where the facts on the map come from: a title, and the publisher, date and web address when known.',
    ),
  locations: z
    .array(
      z.strictObject({
        id: id.describe('Short name scenarios use for this place (e.g. saraqib); unique on the map.'),
        name: z.string().min(1).describe('Name shown to the players (e.g. Saraqib).'),
        kind: LocationKindSchema.describe(
          'city, town, village, crossing (a border crossing), hill, base, or post (the site of an observation post).',
        ),
        lat: z.number().min(-90).max(90).describe('Latitude in decimal degrees (WGS84), e.g. 35.8636.'),
        lon: z.number().min(-180).max(180).describe('Longitude in decimal degrees (WGS84), e.g. 36.8006.'),
        population: int
          .min(0)
          .describe(
            'People living here at the start of the period (0 for hills, posts, bases and crossings).',
          ),
        terrain: TerrainSchema.describe(
          'urban, open, hills or mountain: the ground decides how hard the place is to take.',
        ),
        fortification: int
          .min(0)
          .max(3)
          .default(0)
          .describe('Defences built up, 0-3 (default 0): each level makes the place harder to take.'),
        value: int
          .min(1)
          .max(5)
          .default(1)
          .describe('How much the place matters, 1-5 (default 1): a highway junction, a city, a crossing.'),
        estimated: z
          .boolean()
          .default(false)
          .describe(
            'true when no source gives the coordinates; say in `note` what the estimate rests on (default false).',
          ),
        note: z.string().optional().describe('Free text: anything a reader of the file should know.'),
      }),
    )
    .min(2)
    .describe(
      'The places on the map: cities, towns, villages, crossings, hills, bases and the sites of observation posts (at least two).',
    ),
  roads: z
    .array(
      z.strictObject({
        id: id.describe('Short name of this road segment; unique on the map.'),
        from: id.describe('The place at one end (a location id).'),
        to: id.describe('The place at the other end (a location id).'),
        class: RoadClassSchema.describe('M4 or M5 (a segment of that highway), road, or track (slow).'),
        km: int.min(1).describe('Length along the road, in whole kilometres.'),
      }),
    )
    .describe('The roads between places: units and convoys move along them.'),
  highways: z
    .array(
      z.strictObject({
        id: z.string().min(1).describe('The highway, as roads name its class (M4 or M5).'),
        name: z.string().min(1).describe('Name shown to the players (e.g. M5 Hama - Aleppo).'),
        waypoints: z
          .array(id)
          .min(2)
          .describe(
            'The places along it, in order; each place and the next must be joined by a road of this class.',
          ),
      }),
    )
    .default([])
    .describe('The named highways (M4, M5), as ordered lists of places.'),
  posts: z
    .array(
      z.strictObject({
        id: id.describe('Short name scenarios use for this post (e.g. op_morek).'),
        name: z.string().min(1).describe('Name shown to the players (e.g. Morek (Tel es-Savvan)).'),
        location: id.describe('The place it stands on: a location of kind post.'),
        number: int.min(1).optional().describe('Its official number, when known.'),
        established: isoDate.optional().describe('Date it was set up, YYYY-MM-DD, when known.'),
        radiusKm: int.min(0).default(10).describe('How far it can observe, km (default 10).'),
        note: z.string().optional().describe('Free text (e.g. where an estimated position comes from).'),
      }),
    )
    .default([])
    .describe('The observation posts, each on its own location of kind post.'),
  zones: z
    .array(
      z.strictObject({
        id: id.describe('Short name scenarios use for this zone (e.g. de_escalation_zone).'),
        name: z.string().min(1).describe('Name shown to the players.'),
        locations: z.array(id).describe('The places in the zone (location ids).'),
      }),
    )
    .default([])
    .describe(
      'Named groups of places (e.g. the de-escalation zone) that agreements, objectives and rules refer to.',
    ),
});

const vehicles = z
  .strictObject({
    tanks: int.min(0).default(0).describe('Tanks (default 0).'),
    armoured: int.min(0).default(0).describe('Armoured vehicles (default 0).'),
    trucks: int.min(0).default(0).describe('Supply trucks (default 0).'),
    airDefence: int
      .min(0)
      .default(0)
      .describe('Air-defence vehicles: each makes the convoy harder to hit (default 0).'),
  })
  .describe('The vehicles in the convoy.');

/** The keys of a dispatch_convoy order (also used by the trigger action of that name). */
const DispatchShape = {
  from: id.describe(
    "Where it sets out: one of the actor's supply sources (a location id, e.g. a border crossing).",
  ),
  post: id.describe('The observation post it goes to (a post id).'),
  route: z
    .array(id)
    .min(2)
    .optional()
    .describe(
      'Optional: the places it passes, in order; without it the convoy takes the shortest open road.',
    ),
  vehicles,
  cargo: z
    .strictObject({
      supplyDays: int.min(0).default(0).describe('Days of supply for the post (default 0).'),
      troops: int.min(0).default(0).describe('Soldiers to reinforce the garrison (default 0).'),
    })
    .describe('What it carries.'),
  escort: z
    .union([id, z.literal('')])
    .default('')
    .describe("The actor escorting it (e.g. russia, which must consent), or '' for none (default '')."),
  notified: z
    .boolean()
    .default(true)
    .describe(
      'Whether its movement was notified to Russia beforehand: a notified convoy is less likely to be hit (default true).',
    ),
};

/** The `kind` of an order: it says which order it is, and so which other keys it takes. */
const orderKind = <K extends string>(kind: K) =>
  z.literal(kind).describe('Which order this is; the other keys depend on it.');
const unitOfActor = id.describe('The unit (a unit id of the actor giving the order).');
const toActor = id.describe('The actor addressed (an actor id).');
const patrolId = id.describe('The joint patrol (a patrol id).');

export const OrderSchema = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: orderKind('move'),
        unit: unitOfActor,
        to: id.describe('Where to (a location id).'),
      })
      .describe('Move a unit towards a place along the roads; it may take more than one turn.'),
    z.strictObject({ kind: orderKind('hold'), unit: unitOfActor }).describe('Keep a unit where it is.'),
    z
      .strictObject({
        kind: orderKind('assault'),
        units: z.array(id).min(1).describe('The units that attack (unit ids of the actor).'),
        target: id.describe('The place attacked (a location id).'),
      })
      .describe('A ground assault on a place by one or more units.'),
    z
      .strictObject({
        kind: orderKind('strike'),
        means: z
          .enum(['artillery', 'air', 'drone'])
          .describe(
            "artillery (fired by an artillery unit in range), air or drone (flown from the actor's sorties).",
          ),
        unit: z
          .union([id, z.literal('')])
          .default('')
          .describe(
            "For artillery: the artillery unit that fires; '' for air and drone strikes (default '').",
          ),
        target: id.describe('The place struck (a location id).'),
        sorties: int.min(1).default(1).describe('Air or drone sorties flown (default 1).'),
      })
      .describe('An artillery, air or drone strike on a place.'),
    z
      .strictObject({
        kind: orderKind('dispatch_convoy'),
        ...DispatchShape,
      })
      .describe('Send a supply convoy to an observation post.'),
    z
      .strictObject({
        kind: orderKind('evacuate_post'),
        post: id.describe('The observation post (a post id).'),
      })
      .describe('Withdraw the garrison of an observation post.'),
    z
      .strictObject({
        kind: orderKind('establish_post'),
        unit: unitOfActor,
        name: z.string().min(1).describe('Name of the new post, shown to the players.'),
      })
      .describe('Set up a new observation post where a unit stands.'),
    z
      .strictObject({ kind: orderKind('run_patrol'), patrol: patrolId })
      .describe('Start (or resume) a joint patrol.'),
    z
      .strictObject({ kind: orderKind('suspend_patrol'), patrol: patrolId })
      .describe('Suspend a joint patrol.'),
    z
      .strictObject({ kind: orderKind('set_checkpoint'), unit: unitOfActor })
      .describe('Set a checkpoint where a unit stands: convoys of actors hostile to it are stopped there.'),
    z
      .strictObject({ kind: orderKind('propose_ceasefire'), to: toActor })
      .describe('Propose a ceasefire to an actor.'),
    z
      .strictObject({ kind: orderKind('accept_ceasefire'), to: toActor })
      .describe('Accept the ceasefire an actor proposed.'),
    z
      .strictObject({ kind: orderKind('reject_ceasefire'), to: toActor })
      .describe('Reject the ceasefire an actor proposed (raises the tension between the two).'),
    z
      .strictObject({ kind: orderKind('leaders_call'), to: toActor })
      .describe('A call between leaders: lowers the tension between the two.'),
    z
      .strictObject({ kind: orderKind('protest'), to: toActor })
      .describe('A formal protest: adds international pressure on the actor and tension between the two.'),
    z.strictObject({ kind: orderKind('request_us_support') }).describe('Ask the United States for support.'),
  ])
  .describe(
    'An order. `kind` says which: move, hold, assault, strike, dispatch_convoy, evacuate_post, establish_post, run_patrol, suspend_patrol, set_checkpoint, propose_ceasefire, accept_ceasefire, reject_ceasefire, leaders_call, protest, request_us_support; the other keys depend on the kind.',
  );

const postStatus = z.enum(['supplied', 'cut_off', 'encircled', 'evacuated', 'overrun']);
const agreementStatus = z.enum(['pending', 'holds', 'violated', 'collapsed', 'ended']);

export const NumberExprSchema = z
  .union([
    int.describe('A whole number.'),
    z.strictObject({
      meter: z
        .enum([
          'escalation',
          'displaced',
          'civilianDead',
          'turkishDomesticPressure',
          'marketIndex',
          'usSupport',
          'humanitarianNeed',
        ])
        .describe(
          'A world meter: escalation (0-5), displaced, civilianDead, turkishDomesticPressure, marketIndex, usSupport or humanitarianNeed.',
        ),
    }),
    z.strictObject({ pressure: id.describe('International pressure (0-100) on an actor (an actor id).') }),
    z.strictObject({ losses: id.describe('Soldiers an actor has lost so far (an actor id).') }),
    z.strictObject({
      tension: z.tuple([id, id]).describe('Tension (0-100) between two actors: [first, second].'),
    }),
    z.strictObject({ score: id.describe('Points an actor has scored so far (an actor id).') }),
    z.strictObject({ turn: z.literal(true).describe('The current turn number: write `turn: true`.') }),
    z.strictObject({
      variable: id.describe(
        'The value of a scenario variable (a variable id); a flag reads 1 when set, 0 when not.',
      ),
    }),
    z.strictObject({ resource: id.describe('The resource points an actor has (an actor id).') }),
    z.strictObject({
      count_locations: z
        .strictObject({
          actor: id.describe('The actor (an actor id).'),
          zone: id.optional().describe('Only places in this zone (a zone id).'),
        })
        .describe('How many places an actor holds (observation-post sites not counted).'),
    }),
    z.strictObject({
      count_posts: z
        .strictObject({
          actor: id.optional().describe("Only this actor's posts (an actor id)."),
          status: z
            .array(postStatus)
            .optional()
            .describe(
              'Only posts with one of these statuses: supplied, cut_off, encircled, evacuated, overrun.',
            ),
        })
        .describe('How many observation posts there are (of an actor, with a status, when given).'),
    }),
    z.strictObject({
      count_units: z
        .strictObject({
          actor: id.describe('The actor (an actor id).'),
          zone: id.optional().describe('Only units in this zone (a zone id).'),
        })
        .describe("How many of an actor's units are still in the field."),
    }),
  ])
  .meta({
    id: 'NumberExpr',
    description:
      'A number: a whole number, or one read from the game: meter, pressure, losses, tension, score, turn, variable, resource, count_locations, count_posts or count_units.',
  });

type ConditionInput =
  { all: ConditionInput[] } | { any: ConditionInput[] } | { not: ConditionInput } | Record<string, unknown>;

export const ConditionSchema: z.ZodType<ConditionInput> = z
  .lazy(() =>
    z.union([
      z.strictObject({
        all: z.array(ConditionSchema).min(1).describe('True when every condition in the list holds.'),
      }),
      z.strictObject({
        any: z.array(ConditionSchema).min(1).describe('True when at least one condition in the list holds.'),
      }),
      z.strictObject({ not: ConditionSchema }),
      z.strictObject({
        controls: z
          .strictObject({
            actor: id.describe('The actor (an actor id).'),
            location: id.describe('The place (a location id).'),
          })
          .describe('True when the actor holds the place.'),
      }),
      z.strictObject({
        highway_open: z
          .strictObject({
            highway: z.string().min(1).describe('The highway (M4 or M5).'),
            actor: id.describe('The actor (an actor id).'),
            from: id.optional().describe('Only the stretch from this place (a location id on the highway).'),
            to: id.optional().describe('Only the stretch to this place (a location id on the highway).'),
          })
          .describe('True when the highway is open to the actor, end to end or between `from` and `to`.'),
      }),
      z.strictObject({
        post_status: z
          .strictObject({
            post: id.describe('The observation post (a post id).'),
            status: z
              .array(postStatus)
              .min(1)
              .describe('Any of: supplied, cut_off, encircled, evacuated, overrun.'),
          })
          .describe("True when the post's status is one of those listed."),
      }),
      z.strictObject({
        agreement_status: z
          .strictObject({
            agreement: id.describe('The agreement (an agreement id).'),
            status: z
              .array(agreementStatus)
              .min(1)
              .describe('Any of: pending, holds, violated, collapsed, ended.'),
          })
          .describe("True when the agreement's status is one of those listed."),
      }),
      z.strictObject({
        compare: z
          .strictObject({
            left: NumberExprSchema,
            op: z
              .enum(['<', '<=', '==', '!=', '>=', '>'])
              .describe("How to compare: <, <=, ==, !=, >= or > (quote it: '>=')."),
            right: NumberExprSchema,
          })
          .describe(
            "True when `left op right` holds, e.g. { left: { meter: escalation }, op: '>=', right: 5 }.",
          ),
      }),
      z.strictObject({
        turn_range: z
          .strictObject({
            from: int.min(1).optional().describe('First turn (default: the first).'),
            to: int.min(1).optional().describe('Last turn (default: the last).'),
          })
          .describe('True from turn `from` to turn `to`, both included.'),
      }),
      z.strictObject({
        date_range: z
          .strictObject({
            from: isoDate.optional().describe('First date, YYYY-MM-DD (default: the start).'),
            to: isoDate.optional().describe('Last date, YYYY-MM-DD (default: the end).'),
          })
          .describe("True while the turn's days overlap the dates from `from` to `to`, both included."),
      }),
      z.strictObject({
        flag: id.describe('True when this flag variable is set (a variable id of type flag).'),
      }),
      z.strictObject({
        chance: int
          .min(0)
          .max(1000)
          .describe(
            "True with this chance per thousand, drawn from the game's seeded dice (only in a trigger's `if`).",
          ),
      }),
      z.strictObject({
        relation: z
          .strictObject({
            a: id.describe('One actor (an actor id).'),
            b: id.describe('The other actor (an actor id).'),
            stance: z
              .array(z.enum(['allied', 'neutral', 'hostile']))
              .min(1)
              .describe('Any of: allied, neutral, hostile.'),
          })
          .describe('True when the two actors stand in one of the stances listed.'),
      }),
    ]),
  )
  .meta({
    id: 'Condition',
    description:
      'A condition on the game, written as data: all, any, not, controls, highway_open, post_status, agreement_status, compare, turn_range, date_range, flag, chance or relation.',
  });

const locale = z
  .string()
  .regex(/^[a-z]{2,3}$/, 'a locale is a two- or three-letter language code such as en, ar or tr');

export const TextSchema = z
  .union([
    z.string().min(1),
    z
      .record(locale, z.string().min(1))
      .refine((m) => Object.keys(m).length > 0, { message: 'give the text in at least one language' }),
  ])
  .meta({
    id: 'Text',
    description:
      'Words shown to the players: a string, or one string per language, e.g. { en: ..., ar: ..., tr: ... }. Named placeholders such as {turn} must be the same in every language.',
  });

const actorFilter = id.optional().describe('Only for this actor (an actor id).');

export const TriggerWhenSchema = z
  .union([
    z.strictObject({ turn: int.min(1).describe('On this turn (a turn number).') }),
    z.strictObject({
      date: isoDate.describe('On the turn whose days contain this date, YYYY-MM-DD.'),
    }),
    z.strictObject({
      every_turn: z.literal(true).describe('Every turn: write `every_turn: true` (use with `if`).'),
    }),
    z.strictObject({
      control_changed: z
        .strictObject({
          location: id.optional().describe('Only this place (a location id).'),
          from: id.optional().describe('Only when taken from this actor (an actor id).'),
          to: id.optional().describe('Only when taken by this actor (an actor id).'),
        })
        .describe('A place changes hands.'),
    }),
    z.strictObject({
      unit_destroyed: z
        .strictObject({ unit: id.optional().describe('Only this unit (a unit id).'), actor: actorFilter })
        .describe('A unit is destroyed.'),
    }),
    z.strictObject({
      post_status_changed: z
        .strictObject({
          post: id.optional().describe('Only this post (a post id).'),
          actor: id.optional().describe("Only this actor's posts (an actor id)."),
          to: z
            .array(postStatus)
            .min(1)
            .optional()
            .describe(
              'Only when the new status is one of: supplied, cut_off, encircled, evacuated, overrun.',
            ),
        })
        .describe("An observation post's status changes."),
    }),
    z.strictObject({
      convoy_arrived: z
        .strictObject({
          actor: actorFilter,
          post: id.optional().describe('Only convoys to this post (a post id).'),
        })
        .describe('A convoy reaches its post.'),
    }),
    z.strictObject({
      convoy_interdicted: z
        .strictObject({
          actor: actorFilter,
          post: id.optional().describe('Only convoys to this post (a post id).'),
        })
        .describe('A convoy is hit on its way.'),
    }),
    z.strictObject({
      agreement_changed: z
        .strictObject({
          agreement: id.optional().describe('Only this agreement (an agreement id).'),
          to: z
            .array(agreementStatus)
            .min(1)
            .optional()
            .describe('Only when the new status is one of: pending, holds, violated, collapsed, ended.'),
        })
        .describe("An agreement's status changes."),
    }),
    z.strictObject({
      variable_changed: z
        .strictObject({ variable: id.describe('The variable (a variable id).') })
        .describe('A variable changes value.'),
    }),
    z.strictObject({
      patrol_changed: z
        .strictObject({
          patrol: id.optional().describe('Only this patrol (a patrol id).'),
          to: z
            .enum(['active', 'suspended'])
            .optional()
            .describe('Only when it starts (active) or only when it is suspended (suspended).'),
          by: id
            .optional()
            .describe(
              'Only when this actor ordered it (an actor id); a patrol suspended after attacks is "by" the attacker.',
            ),
        })
        .describe('A joint patrol starts or is suspended.'),
    }),
    z.strictObject({
      patrol_attacked: z
        .strictObject({
          patrol: id.optional().describe('Only this patrol (a patrol id).'),
          by: id.optional().describe('Only attacks by this actor (an actor id).'),
        })
        .describe('A joint patrol is attacked on its route.'),
    }),
    z.strictObject({
      patrol_completed: z
        .strictObject({ patrol: id.optional().describe('Only this patrol (a patrol id).') })
        .describe('A joint patrol drives its whole route without incident.'),
    }),
    z.strictObject({
      score_crossed: z
        .strictObject({
          actor: id.describe('Whose score (an actor id).'),
          value: int.describe('The score to cross.'),
          direction: z
            .enum(['up', 'down'])
            .default('up')
            .describe('up: the score reaches the value; down: it falls below it (default up).'),
        })
        .describe("An actor's score crosses a value."),
    }),
    z.strictObject({
      escalation_crossed: z
        .strictObject({
          level: int.min(1).max(5).describe('The rung of the escalation ladder (1-5).'),
          direction: z
            .enum(['up', 'down'])
            .default('up')
            .describe('up: escalation reaches the rung; down: it falls below it (default up).'),
        })
        .describe('The escalation ladder crosses a rung.'),
    }),
  ])
  .meta({
    id: 'TriggerWhen',
    description:
      'What the trigger waits for, one of: turn, date, every_turn, control_changed, unit_destroyed, post_status_changed, convoy_arrived, convoy_interdicted, agreement_changed, variable_changed, patrol_changed, patrol_attacked, patrol_completed, score_crossed, escalation_crossed.',
  });

const spawnedUnit = z.strictObject({
  id: id.describe('Id of the new unit; unique among all units.'),
  actor: id.describe('The actor it belongs to (an actor id).'),
  name: z.string().min(1).describe('Name shown to the players.'),
  type: UnitTypeSchema.describe(
    'infantry, mechanised, armour, artillery, air_defence, special_forces, militia or military_police.',
  ),
  strength: int.min(1).describe('Its size in points of about 100 fighters.'),
  readiness: int.min(0).max(100).default(100).describe('How ready it is, per cent (default 100).'),
  location: id.describe('Where it appears (a location id).'),
});

export const TriggerActionSchema = z
  .union([
    z.strictObject({
      message: z
        .strictObject({
          text: TextSchema,
          to: z
            .array(id)
            .default([])
            .describe('The actors whose players see it (actor ids); everyone when left out.'),
        })
        .describe(
          'Show a message in the news feed. Placeholders: {turn}, {date}, {location}, {actor} and any variable id.',
        ),
    }),
    z.strictObject({
      set: z
        .strictObject({
          variable: id.describe('The variable (a variable id).'),
          value: z
            .union([z.boolean(), NumberExprSchema])
            .describe(
              'The new value: a number (or a number read from the game) for a number, true or false for a flag.',
            ),
        })
        .describe('Set a variable.'),
    }),
    z.strictObject({
      add: z
        .strictObject({
          variable: id.describe('The number variable (a variable id).'),
          value: NumberExprSchema,
        })
        .describe('Add to a number variable (a negative value takes away).'),
    }),
    z.strictObject({
      spawn_units: z.array(spawnedUnit).min(1).describe('New units that appear on the map.'),
    }),
    z.strictObject({
      remove_units: z.array(id).min(1).describe('Units taken off the map (unit ids).'),
    }),
    z.strictObject({
      set_control: z
        .strictObject({
          location: id.describe('The place (a location id).'),
          actor: z.union([id, z.literal('')]).describe("Who holds it now (an actor id, or '' for nobody)."),
        })
        .describe('Hand a place to an actor.'),
    }),
    z.strictObject({
      tension: z
        .strictObject({
          a: id.describe('One actor (an actor id).'),
          b: id.describe('The other actor (an actor id).'),
          add: int
            .min(-100)
            .max(100)
            .describe('Added to their tension (negative lowers it); kept within 0-100.'),
        })
        .describe('Change the tension between two actors.'),
    }),
    z.strictObject({
      escalation: z
        .strictObject({
          add: int.min(-5).max(5).describe('Rungs added (negative: down); kept within 0-5.'),
        })
        .describe('Move the escalation ladder.'),
    }),
    z.strictObject({
      points: z
        .strictObject({
          actor: id.describe('Who gets them (an actor id).'),
          points: int.describe('Points (negative takes away).'),
          reason: TextSchema,
        })
        .describe('Give an actor points, with the reason shown to the players.'),
    }),
    z.strictObject({
      objective: z
        .strictObject({
          id: id.describe('The objective (an objective id).'),
          status: z
            .enum(['achieved', 'failed'])
            .describe('achieved: scored now; failed: it can no longer score.'),
        })
        .describe("Decide an objective's status."),
    }),
    z.strictObject({ enable: id.describe('Switch this trigger on (a trigger id).') }),
    z.strictObject({ disable: id.describe('Switch this trigger off (a trigger id).') }),
    z.strictObject({ start_agreement: id.describe('Put this agreement into force now (an agreement id).') }),
    z.strictObject({ end_agreement: id.describe('End this agreement now (an agreement id).') }),
    z.strictObject({
      dispatch_convoy: z
        .strictObject({
          actor: id.describe('The actor sending it (an actor id).'),
          ...DispatchShape,
        })
        .describe('Send a supply convoy, as the dispatch_convoy order of `actor`.'),
    }),
    z.strictObject({
      end_scenario: z
        .strictObject({
          text: TextSchema,
          result: z
            .union([z.literal('all_lose'), z.literal('score'), id])
            .describe('all_lose, score (results from the points scored), or the id of the actor that wins.'),
        })
        .describe('End the game after this turn.'),
    }),
  ])
  .meta({
    id: 'TriggerAction',
    description:
      'One thing a trigger does: message, set, add, spawn_units, remove_units, set_control, tension, escalation, points, objective, enable, disable, start_agreement, end_agreement, dispatch_convoy or end_scenario.',
  });

export const TriggerSchema = z.strictObject({
  id: id.describe('Short name of this trigger (e.g. saraqib_falls).'),
  note: z.string().optional().describe('What the trigger stands for, in words, for whoever reads the file.'),
  when: TriggerWhenSchema,
  if: ConditionSchema.optional().describe('Optional: it fires only when this condition holds too.'),
  then: z.array(TriggerActionSchema).min(1).describe('What it does, in order.'),
  once: z
    .boolean()
    .default(true)
    .describe('true: fires at most once in the game (default); false: every time `when` and `if` hold.'),
  enabled: z
    .boolean()
    .default(true)
    .describe('false: it waits until another trigger enables it (default true).'),
  silence: z
    .array(
      z.strictObject({
        code: z.enum(SCRIPT_SILENCEABLE).describe('The warning code to silence (see docs/error-codes.md).'),
        reason: z
          .string()
          .regex(/\S/, 'a silenced warning needs a reason: say why it is expected')
          .describe('Why the warning is expected here, in one line.'),
      }),
    )
    .optional()
    .describe('Warnings of `idlib-sim check` that are expected for this trigger, each with its reason.'),
});

/** The trigger `when` forms that wait for an event of the game (not a turn, a date or a score). */
export const HISTORY_SEEN_KINDS = [
  'control_changed',
  'unit_destroyed',
  'post_status_changed',
  'convoy_arrived',
  'convoy_interdicted',
  'agreement_changed',
  'variable_changed',
  'patrol_changed',
  'patrol_attacked',
  'patrol_completed',
  'escalation_crossed',
] as const;
const seenKinds = HISTORY_SEEN_KINDS.join(', ');

export const HistoryEventSchema = z
  .strictObject({
    date: isoDate.describe("When it happened, YYYY-MM-DD, within the scenario's turns."),
    what: z.string().min(1).describe('What happened, in one plain sentence.'),
    source: SourceSchema.describe('Where it is reported: title, publisher, date and url.'),
    seen: TriggerWhenSchema.optional().describe(
      `The game event that stands for it, written as a trigger's \`when\`: one of ${seenKinds}. The game produced it on the first turn with such an event (and, with \`holds\`, the condition true after it).`,
    ),
    holds: ConditionSchema.optional().describe(
      'A condition that stands for it: the game produced it on the first turn after which the condition holds (with `seen`: the first turn with that event after which it holds).',
    ),
  })
  .describe(
    'A dated historical event of the period. Give `seen`, `holds` or both, so that the game can tell whether it happened in play.',
  );

export const VariableSchema = z
  .discriminatedUnion('type', [
    z.strictObject({
      id: id.describe('Short name of this variable (e.g. turkish_dead).'),
      type: z.literal('number').describe('number (a whole number) or flag (true or false).'),
      initial: int.default(0).describe('Its value at the start (default 0).'),
      note: z.string().optional().describe('What it counts, in words.'),
    }),
    z.strictObject({
      id: id.describe('Short name of this variable (e.g. saraqib_lost).'),
      type: z.literal('flag').describe('number (a whole number) or flag (true or false).'),
      initial: z.boolean().default(false).describe('Its value at the start (default false).'),
      note: z.string().optional().describe('What it marks, in words.'),
    }),
  ])
  .describe('A variable: a number or a flag the triggers set and the conditions read.');

const bias = z
  .strictObject({
    inflate: int
      .min(-100)
      .max(10_000)
      .default(0)
      .describe('Per cent added to the losses it reports (negative: played down), default 0.'),
    deny: int
      .min(0)
      .max(1000)
      .default(0)
      .describe('Chance, per thousand, that it leaves a clash out altogether (default 0).'),
    delay: int.min(0).max(20).default(0).describe('Turns late it reports (default 0).'),
  })
  .describe('How a source bends the news about one actor.');

/** A date (YYYY-MM-DD) or a turn number. */
const when = z.union([isoDate, int.min(1)]);

const percent = int.min(0).max(100);

export const ParamsSchema = z.strictObject({
  unitSpeedKmPerDay: z
    .partialRecord(UnitTypeSchema, int.min(0))
    .optional()
    .describe('Road-march speed of each unit type, km per day (e.g. { infantry: 12, armour: 25 }).'),
  roadSpeedPct: z
    .partialRecord(RoadClassSchema, int.min(1).max(200))
    .optional()
    .describe('Speed on each road class (M4, M5, road, track), per cent of the road-march speed.'),
  convoySpeedKmPerDay: int.min(1).optional().describe('How far a convoy travels in a day, km.'),
  routineResupplyDaysPerTurn: int
    .min(0)
    .optional()
    .describe(
      'Days of supply a post with a road to its supply sources gains each turn from routine logistics (convoys bring more at once).',
    ),
  postReadinessLossPerTurn: int
    .min(0)
    .max(100)
    .optional()
    .describe('Readiness (per cent) a post loses each turn once its supplies are gone.'),
  postReadinessGainPerTurn: int
    .min(0)
    .max(100)
    .optional()
    .describe('Readiness (per cent) a supplied post regains each turn.'),
  artilleryRangeM: int.min(1000).optional().describe('How far artillery reaches, metres.'),
  interdictionBasePerMille: int
    .min(0)
    .max(1000)
    .optional()
    .describe('Chance, per thousand, that a convoy passing a place under hostile fire is hit.'),
  interdictionNotifiedBonus: int
    .min(0)
    .max(1000)
    .optional()
    .describe('Taken off that chance (per thousand) when the convoy was notified to Russia.'),
  interdictionNotNotifiedPenalty: int
    .min(0)
    .max(1000)
    .optional()
    .describe('Added to that chance (per thousand) when the convoy was not notified to Russia.'),
  interdictionAirspaceClosedPenalty: int
    .min(0)
    .max(1000)
    .optional()
    .describe(
      'Added to that chance (per thousand) while Russia keeps the airspace closed (no Turkish air cover).',
    ),
  interdictionPerEscalationLevel: int
    .min(0)
    .max(1000)
    .optional()
    .describe('Added to that chance (per thousand) for each rung of the escalation ladder.'),
  interdictionEscortBonus: int
    .min(0)
    .max(1000)
    .optional()
    .describe('Taken off that chance (per thousand) when the convoy has an escort (e.g. Russian).'),
  interdictionAirDefencePerVehicle: int
    .min(0)
    .max(1000)
    .optional()
    .describe('Taken off that chance (per thousand) for each air-defence vehicle in the convoy ...'),
  interdictionAirDefenceMaxBonus: int
    .min(0)
    .max(1000)
    .optional()
    .describe('... up to this much in all (per thousand).'),
  interdictionDelayedMaxRoll: int
    .min(0)
    .max(10)
    .optional()
    .describe(
      'What happens to a convoy that is hit, on a roll of 1-10: up to this roll it is only delayed ...',
    ),
  interdictionDamagedMaxRoll: int.min(0).max(10).optional().describe('... up to this roll it is damaged ...'),
  interdictionTurnedBackMaxRoll: int
    .min(0)
    .max(10)
    .optional()
    .describe('... up to this roll it turns back; above it, it is destroyed.'),
  convoyDamagePct: int
    .min(1)
    .max(100)
    .optional()
    .describe('Per cent of a damaged convoy (and of its cargo) that is lost.'),
  convoyCrewPerVehicle: int
    .min(0)
    .max(20)
    .optional()
    .describe('Soldiers crewing each convoy vehicle (besides the troops it carries).'),
  convoyDamagedKilledPct: int
    .min(0)
    .max(100)
    .optional()
    .describe('Per cent of the soldiers aboard killed when a convoy is damaged (at least 1).'),
  convoyDestroyedKilledPct: int
    .min(0)
    .max(100)
    .optional()
    .describe('Per cent of the soldiers aboard killed when a convoy is destroyed (at least 1).'),
  escortConsentTensionBelow: int
    .min(0)
    .max(101)
    .optional()
    .describe(
      "An actor agrees to escort a convoy when its tension with the convoy's actor is below this (0-100).",
    ),
  standoffMediationTurns: int
    .min(0)
    .optional()
    .describe('Turns a convoy stopped at a checkpoint waits before a third actor may mediate.'),
  mediationTensionBelow: int
    .min(0)
    .max(101)
    .optional()
    .describe(
      "A third actor mediates a stand-off when its tension with the convoy's actor is below this (0-100).",
    ),
  standoffGiveUpTurns: int
    .min(1)
    .optional()
    .describe('Turns after which a stopped convoy gives up and turns back.'),
  evacuationDomesticPressure: int
    .min(0)
    .max(100)
    .optional()
    .describe('Turkish domestic pressure added when Turkey evacuates a post.'),
  evacuationTensionRelief: int
    .min(0)
    .max(100)
    .optional()
    .describe(
      'Tension taken off between the actor of an evacuated encircled post and each actor encircling it.',
    ),
  establishPostGarrisonPerStrength: int
    .min(1)
    .optional()
    .describe("Soldiers a new post's garrison gets per point of the founding unit's strength ..."),
  establishPostGarrisonMax: int.min(1).optional().describe('... at most this many.'),
  establishPostSupplyDays: int.min(0).optional().describe('Days of supply a new post starts with.'),
  establishPostMaxSupplyDays: int.min(1).optional().describe('Most days of supply a new post can store.'),
  establishPostRadiusM: int.min(0).optional().describe('How far a new post observes, metres.'),
  patrolAttackPerMille: int
    .min(0)
    .max(1000)
    .optional()
    .describe(
      'Chance, per thousand, that a hard-line actor attacks a joint patrol at each place of its route it holds, stands in or is next to.',
    ),
  patrolAttacksToSuspend: int
    .min(1)
    .optional()
    .describe('A joint patrol is suspended after every this many attacks.'),
  patrolLightMaxRoll: int
    .min(0)
    .max(10)
    .optional()
    .describe('How bad an attack on a patrol is, on a roll of 1-10: up to this roll nobody is killed ...'),
  patrolSeriousMaxRoll: int
    .min(0)
    .max(10)
    .optional()
    .describe(
      '... up to this roll it is serious (patrolSeriousKilled); above it severe (patrolSevereKilled).',
    ),
  patrolSeriousKilled: int
    .min(0)
    .optional()
    .describe('Soldiers of each patrolling actor killed in a serious attack.'),
  patrolSevereKilled: int
    .min(0)
    .optional()
    .describe('Soldiers of each patrolling actor killed in a severe attack.'),
  agreementCollapseAt: int
    .min(1)
    .optional()
    .describe('Violations at which an agreement collapses (for agreements that do not set collapseAt).'),
  escalationStepPoints: int
    .min(1)
    .optional()
    .describe('Escalation points needed to climb one rung of the ladder.'),
  escalationDecayPerTurn: int
    .min(0)
    .optional()
    .describe('Escalation points lost each turn with no new incidents.'),
  displacementPerMille: int
    .min(0)
    .max(1000)
    .optional()
    .describe('Residents, per thousand, who flee a place hit by fighting or strikes.'),
  aidPerTurn: int.min(0).optional().describe('People a turn of aid through an open crossing feeds.'),
  proposalExpiryTurns: int
    .min(1)
    .optional()
    .describe('Turns a ceasefire proposal can be answered before it lapses.'),
  rejectTensionRise: percent
    .optional()
    .describe('Tension added between the two when a ceasefire proposal is rejected.'),
  leadersCallTensionDrop: percent.optional().describe("Tension a leaders' call takes off the pair."),
  leadersCallCooldownTurns: int
    .min(0)
    .optional()
    .describe('Turns before another call between the same pair lowers tension again.'),
  protestPressure: percent
    .optional()
    .describe('International pressure a protest adds to the actor protested against.'),
  protestTensionRise: percent.optional().describe('Tension a protest adds between the two.'),
  usSupportEscalationMin: int
    .min(0)
    .max(5)
    .optional()
    .describe(
      'A request for US support has a case from this escalation rung on (with Turkish soldiers killed recently).',
    ),
  usSupportLookbackTurns: int
    .min(1)
    .optional()
    .describe(
      'Turns before a request in which Turkish soldiers must have been killed for it to have a case.',
    ),
  usSupportGain: percent.optional().describe('US support gained by a request with a case and a good roll.'),
  usSupportLoss: percent.optional().describe('US support lost by a request without a case and a bad roll.'),
  usSupportRiseMinRoll: int
    .min(1)
    .max(11)
    .optional()
    .describe('With a case, a roll (1-10) at or above this wins support.'),
  usSupportErodeMaxRoll: int
    .min(0)
    .max(10)
    .optional()
    .describe('Without a case, a roll (1-10) at or below this loses support.'),
  escalationPointsStrike: int.min(0).optional().describe('Escalation points per strike.'),
  escalationPointsAssault: int.min(0).optional().describe('Escalation points per ground assault.'),
  escalationPointsPostAttack: int
    .min(0)
    .optional()
    .describe('Escalation points per strike or assault that hits an observation post.'),
  escalationPointsTurkishSyrianClash: int
    .min(0)
    .optional()
    .describe('Escalation points per clash in which government forces kill Turkish soldiers.'),
  escalationPointsTurkishStrike: int
    .min(0)
    .optional()
    .describe('Escalation points per clash in which Turkey hits government forces.'),
  escalationPointsRussiaTurkey: int
    .min(0)
    .optional()
    .describe('Escalation points per clash between Russia and Turkey.'),
  escalationRussiaTurkeyFloor: int
    .min(0)
    .max(5)
    .optional()
    .describe('Rung the ladder climbs to at least after a Russian-Turkish clash.'),
  escalationPointsInterdiction: int.min(0).optional().describe('Escalation points per convoy hit.'),
  escalationPointsPatrolAttack: int
    .min(0)
    .optional()
    .describe('Escalation points per joint patrol attacked.'),
  escalationPointsCapture: int
    .min(0)
    .optional()
    .describe('Escalation points per important place changing hands.'),
  escalationCaptureMinValue: int
    .min(1)
    .max(6)
    .optional()
    .describe('Value (1-5) from which a place changing hands adds escalation points.'),
  usStatementLevel: int
    .min(0)
    .max(6)
    .optional()
    .describe('Escalation rung at which the United States issues a statement (once).'),
  usStatementSupport: percent.optional().describe('US support added by that statement.'),
  airspaceCloseLevel: int
    .min(0)
    .max(6)
    .optional()
    .describe('Escalation rung at which Russia closes the airspace to Turkey.'),
  airspaceReopenLevel: int
    .min(0)
    .max(5)
    .optional()
    .describe('Escalation rung at or below which Russia reopens it.'),
  tensionPerClash: percent.optional().describe('Tension added to a pair for each clash between them.'),
  tensionDecayPerTurn: percent.optional().describe('Tension a pair loses in a turn without clashes.'),
  tensionAllyPerClash: percent
    .optional()
    .describe(
      'Tension added per clash between the side hit and each ally of the attacker (and the other way round).',
    ),
  tensionDecayMaxLevel: int
    .min(0)
    .max(5)
    .optional()
    .describe('Tension falls only while the escalation ladder is at or below this rung.'),
  tensionDecayEveryTurns: int
    .min(1)
    .optional()
    .describe('Tension falls on every turn whose number is a multiple of this (1: every turn).'),
  marketDropPer10Killed: int
    .min(0)
    .optional()
    .describe('Market index points lost per 10 Turkish soldiers killed in a turn.'),
  marketEscalationLevel: int
    .min(0)
    .max(6)
    .optional()
    .describe('Escalation rung from which the market falls every turn.'),
  marketEscalationDrop: int
    .min(0)
    .optional()
    .describe('Market index points lost each turn at or above that rung.'),
  marketShockKilled: int
    .min(1)
    .optional()
    .describe('Turkish soldiers killed in one turn that set off a market shock (once).'),
  marketShockDrop: int.min(0).optional().describe('Market index points lost in the shock.'),
  marketRecoveryPerTurn: int
    .min(0)
    .optional()
    .describe('Market index points regained towards 100 in a turn with no fall.'),
  domesticPressurePerKilled: int
    .min(0)
    .optional()
    .describe('Turkish domestic pressure per Turkish soldier killed.'),
  domesticPressureDisplacedPerPoint: int
    .min(1)
    .optional()
    .describe('People displaced in a turn per point of Turkish domestic pressure.'),
  domesticPressureDecayPerTurn: int
    .min(0)
    .optional()
    .describe('Turkish domestic pressure lost in a turn with no rise.'),
  pressureDecayPerTurn: int.min(0).optional().describe('International pressure every actor loses each turn.'),
  pressureCiviliansKilledPerPoint: int
    .min(1)
    .optional()
    .describe(
      "Civilians killed by an actor's strikes and assaults per point of international pressure on it.",
    ),
  displacementAirBonusPct: int
    .min(0)
    .optional()
    .describe('Per cent added to the flight from a place hit by an air strike.'),
  displacementUrbanBonusPct: int
    .min(0)
    .optional()
    .describe('Per cent added to the flight from an urban place that is hit.'),
  displacementAdjacentPerMille: int
    .min(0)
    .max(1000)
    .optional()
    .describe('Residents, per thousand, of a place next to fighting who leave.'),
  aidCrossing: id.optional().describe('The crossing aid comes through (a location id).'),
  actorRoles: z
    .strictObject({
      turkey: id.optional().describe('The actor that stands for Turkey (an actor id).'),
      russia: id.optional().describe('The actor that stands for Russia (an actor id).'),
      syria: id.optional().describe('The actor that stands for the Syrian government (an actor id).'),
    })
    .optional()
    .describe(
      "Which actors the rules about Turkey, Russia and the Syrian government mean (US support, Turkish domestic pressure and markets, Russia's airspace and escorts).",
    ),
  deEscalationZone: id.optional().describe('The zone the de-escalation rules speak of (a zone id).'),
  soldiersPerStrength: int
    .min(0)
    .optional()
    .describe(
      'Soldiers killed for each point of strength a unit loses (the rest are wounded, captured or scattered).',
    ),
  garrisonPerStrength: int
    .min(1)
    .optional()
    .describe("Soldiers of a post's garrison that count as one point of strength when it defends."),
  airSortieFirepower: int
    .min(0)
    .optional()
    .describe('Firepower of one air sortie (artillery fires its strength x readiness / 100).'),
  droneSortieFirepower: int.min(0).optional().describe('Firepower of one drone sortie.'),
  strikeLossPct: int
    .min(0)
    .max(1000)
    .optional()
    .describe("Per cent of a strike's firepower that becomes strength lost by the units hit."),
  strikeCiviliansPerMille: z
    .strictObject({
      artillery: int.min(0).max(1000).describe('Per artillery strike.'),
      air: int.min(0).max(1000).describe('Per air strike.'),
      drone: int.min(0).max(1000).describe('Per drone strike.'),
    })
    .optional()
    .describe(
      'Residents, per thousand, of a place killed by one strike, by means: { artillery, air, drone }.',
    ),
  droneShootDownPerMille: int
    .min(0)
    .max(1000)
    .optional()
    .describe(
      'Chance, per thousand, that a drone sortie is shot down while Russia keeps the airspace closed.',
    ),
  assaultCiviliansPerMille: int
    .min(0)
    .max(1000)
    .optional()
    .describe(
      'Residents, per thousand, of a place killed per 10 points of strength lost in an assault there.',
    ),
  airSupportPct: int
    .min(0)
    .max(1000)
    .optional()
    .describe(
      'Attack strength, per cent, when the attacker or an ally struck the target from the air this turn.',
    ),
  unsuppliedAttackPct: int
    .min(0)
    .max(100)
    .optional()
    .describe("Attack strength, per cent, of a unit with no road to its actor's supply sources."),
  terrainDefencePct: z
    .strictObject({
      open: int.min(1).describe('Open ground.'),
      hills: int.min(1).describe('Hills.'),
      urban: int.min(1).describe('Towns and cities.'),
      mountain: int.min(1).describe('Mountains.'),
    })
    .optional()
    .describe('Defence strength, per cent, by terrain: { open, hills, urban, mountain }.'),
  fortificationPct: int
    .min(0)
    .max(100)
    .optional()
    .describe('Defence per cent added for each level of fortification (0-3).'),
  droneViewRangeM: int
    .min(0)
    .optional()
    .describe("Fog of war: how far (metres) an actor's drones see from any place it holds."),
  fogStrengthBucket: int
    .min(1)
    .optional()
    .describe('Fog of war: enemy strength nobody observes is shown rounded to a multiple of this.'),
  maxTriggerCascade: int
    .min(1)
    .max(100)
    .optional()
    .describe(
      'Triggers: most rounds of triggers firing on what other triggers did, in one turn (default 8); going past it is an error naming the trigger.',
    ),
  maxTriggerFiringsPerTurn: int
    .min(1)
    .max(1000)
    .optional()
    .describe(
      'Triggers: most firings of all triggers in one turn (default 32); going past it is an error naming the trigger.',
    ),
});

export const ScenarioSchema = z.strictObject({
  schemaVersion: z
    .literal(2)
    .describe(
      'Version of the scenario format. Write 2. Files written for version 1 still load (with a warning); `idlib-sim migrate <file>` rewrites them.',
    ),
  id: id.describe(
    'Short name of the scenario: lower-case letters, digits, "_" or "-", starting with a letter (e.g. winter-2019-2020). The command line and replays use it.',
  ),
  extends: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Optional: a scenario file (a path from this file) this one builds on. Everything in it is inherited; what this file gives replaces it: lists of entries with an `id` merge by id (an entry with the same id replaces the inherited one, new ids are added), mappings merge key by key, anything else is replaced.',
    ),
  remove: z
    .array(id)
    .optional()
    .describe(
      'Optional, with `extends`: ids of inherited entries (actors, forces, posts, agreements, patrols, reporting sources, variables, triggers, objectives, sudden-death endings) to drop.',
    ),
  title: TextSchema.describe('Title shown to the players.'),
  period: TextSchema.optional().describe(
    'The dates it covers, in words (e.g. 1 December 2019 - 21 March 2020).',
  ),
  briefing: TextSchema.describe(
    'The situation at the start, in plain text, for the players. Write `briefing: |` and the text on the lines below, indented.',
  ),
  meta: z
    .strictObject({
      authors: z.array(z.string().min(1)).default([]).describe('Who wrote the scenario.'),
      sources: z
        .array(SourceSchema)
        .default([])
        .describe('Where the facts come from: a title, and the publisher, date and web address when known.'),
      locales: z
        .array(locale)
        .min(1)
        .default(['en'])
        .describe(
          'The languages the text is written in (e.g. [en, ar, tr]); the first is the default. A text given as one string is in the first.',
        ),
    })
    .default({ authors: [], sources: [], locales: ['en'] })
    .describe('About the scenario: its authors, its sources and its languages.'),
  /** Path of the map file, relative to the scenario file. */
  map: z.string().min(1).describe('The map file, as a path from this file (e.g. maps/idlib.map.yaml).'),
  calendar: z
    .strictObject({
      start: isoDate.describe('Date of turn 1, YYYY-MM-DD.'),
      daysPerTurn: int.min(1).max(31).describe('Days each turn covers (1-31).'),
      turns: int.min(1).max(1000).describe('How many turns the scenario lasts (1-1000).'),
    })
    .describe('When the scenario starts, how long a turn is and how many turns it has.'),
  actors: z
    .array(
      z.strictObject({
        id: id.describe('Short name the rest of the file uses for this actor (e.g. turkey).'),
        name: z.string().min(1).describe('Name shown to the players.'),
        view: TextSchema.optional().describe(
          'Optional: how this actor sees the situation at the start, in its own terms (what it believes and wants), shown in the briefing. A text: write `view: |` and the text on the lines below, indented. Not part of the game state.',
        ),
        controller: z
          .enum(['human', 'scripted', 'passive', 'computer'])
          .describe(
            'Who gives its orders: human (a player), scripted (the orders in `script`), passive (no orders) or computer.',
          ),
        doctrine: z
          .string()
          .min(1)
          .optional()
          .describe(
            'For a computer actor: its doctrine file, as a path from this file (e.g. doctrines/turkey.doctrine.yaml). Without one it plays the generic doctrine (take valuable places, favourable odds).',
          ),
        supplySources: z
          .array(id)
          .default([])
          .describe(
            'The places its supply comes from (location ids: border crossings, rear cities). Units and posts that no road through friendly or neutral ground links to any of them are out of supply.',
          ),
        resources: int.min(0).default(0).describe('Points it has to spend on actions (default 0).'),
        airSorties: int.min(0).default(0).describe('Air strikes (sorties) it can fly each turn (default 0).'),
        droneSorties: int
          .min(0)
          .default(0)
          .describe('Drone strikes (sorties) it can fly each turn (default 0).'),
        hardLine: z
          .boolean()
          .default(false)
          .describe(
            'true for hard-line groups: they attack joint patrols and spoil agreements (default false).',
          ),
        colour: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb')
          .optional()
          .describe("Its colour on the map, written #rrggbb in quotes (e.g. '#0072B2')."),
      }),
    )
    .min(1)
    .describe(
      'The sides in play: states, armed forces and groups. Everything else in the file refers to them by id.',
    ),
  relations: z
    .array(
      z.strictObject({
        a: id.describe('One actor of the pair (an actor id).'),
        b: id.describe('The other actor (an actor id).'),
        stance: z.enum(['allied', 'neutral', 'hostile']).describe('allied, neutral or hostile.'),
        tension: percent
          .default(0)
          .describe('How tense the pair is, 0-100 (default 0): clashes raise it, quiet turns lower it.'),
      }),
    )
    .default([])
    .describe('How each pair of actors stands at the start. Pairs not listed are neutral.'),
  control: z
    .strictObject({
      /** Who holds every place not listed below ('' for nobody). */
      default: z
        .union([id, z.literal('')])
        .describe("The actor holding every place not listed under `holds` ('' for nobody)."),
      holds: z
        .record(id, z.array(id))
        .default({})
        .describe('For each actor (an actor id), the places it holds at the start (location ids).'),
    })
    .describe('Who holds each place at the start.'),
  posts: z
    .array(
      z.strictObject({
        id: id.describe("The post's id on the map (e.g. op_morek)."),
        actor: id.describe('Who mans it (an actor id).'),
        garrison: int.min(0).describe('Soldiers in it at the start.'),
        supplyDays: int.min(0).describe('Days of supply it holds at the start.'),
        maxSupplyDays: int.min(1).default(30).describe('Most days of supply it can store (default 30).'),
        readiness: percent
          .default(100)
          .describe('How ready it is, per cent (default 100); it falls once supplies run out.'),
      }),
    )
    .default([])
    .describe("The map's observation posts in play: who mans each, and how well supplied it is."),
  forces: z
    .array(
      z.strictObject({
        id: id.describe('Short name orders use for this unit (e.g. saa_25th).'),
        actor: id.describe('The actor it belongs to (an actor id).'),
        name: z.string().min(1).describe('Name shown to the players (e.g. 25th Division).'),
        type: UnitTypeSchema.describe(
          'infantry, mechanised, armour, artillery, air_defence, special_forces, militia or military_police.',
        ),
        strength: int.min(1).describe('Its size in points of about 100 fighters (an estimate for play).'),
        readiness: percent.default(100).describe('How ready it is, per cent (default 100).'),
        location: id.describe('Where it stands at the start (a location id).'),
      }),
    )
    .default([])
    .describe('The forces at the start: each unit belongs to an actor and stands at a place.'),
  /** Orders of scripted actors, by turn number or by date (the turn that contains the date). */
  script: z
    .array(
      z
        .strictObject({
          turn: int
            .min(1)
            .optional()
            .describe('The turn the orders are given on (give a turn or a date, not both).'),
          date: isoDate
            .optional()
            .describe(
              'The date, YYYY-MM-DD: the orders go to the turn that contains it (give a turn or a date, not both).',
            ),
          actor: id.describe('The actor giving the orders (an actor id).'),
          note: z
            .string()
            .optional()
            .describe('What the entry stands for, in words, for whoever reads the file.'),
          orders: z
            .array(OrderSchema)
            .min(1)
            .describe('One or more orders; each has a `kind` and the keys that kind needs.'),
          silence: z
            .array(
              z.strictObject({
                code: z
                  .enum(SCRIPT_SILENCEABLE)
                  .describe(
                    'The warning code to silence (see docs/error-codes.md); errors cannot be silenced.',
                  ),
                reason: z
                  .string()
                  .regex(/\S/, 'a silenced warning needs a reason: say why it is expected')
                  .describe('Why the warning is expected here, in one line.'),
              }),
            )
            .optional()
            .describe(
              'Warnings of `idlib-sim check` that are expected for this entry (e.g. an order refused on purpose), each with its reason.',
            ),
        })
        .refine((e) => (e.turn === undefined) !== (e.date === undefined), {
          message: 'a script entry has either a turn or a date, not both',
        }),
    )
    .default([])
    .describe('The orders of scripted actors: each entry gives a turn or a date, the actor, and its orders.'),
  meters: z
    .strictObject({
      escalation: int
        .min(0)
        .max(5)
        .optional()
        .describe(
          'The escalation ladder, 0-5: calm, skirmishes, shelling, offensive, direct Turkish-Syrian clashes, Turkey-Russia crisis.',
        ),
      displaced: int.min(0).optional().describe('People already displaced towards the camps on the border.'),
      civilianDead: int.min(0).optional().describe('Civilians already killed.'),
      humanitarianNeed: percent.optional().describe("How far the camps' needs go unmet, 0-100."),
      turkishDomesticPressure: percent
        .optional()
        .describe('Pressure on the Turkish government at home, 0-100.'),
      marketIndex: int.min(0).optional().describe('Turkish markets (lira and bonds); 100 is normal.'),
      usSupport: percent.optional().describe('How far the United States backs Turkey, 0-100.'),
      internationalPressure: z
        .record(id, percent)
        .optional()
        .describe('International pressure on each actor, 0-100 (by actor id).'),
      airspaceClosed: z
        .boolean()
        .optional()
        .describe('true if Russia keeps the airspace closed to Turkish aircraft and drones at the start.'),
    })
    .default({})
    .describe('Optional: starting values of the world meters; those not given start at the rule default.'),
  agreements: z
    .array(
      z.strictObject({
        id: id.describe('Short name conditions use for this agreement (e.g. moscow_protocol).'),
        name: z.string().min(1).describe('Name shown to the players (e.g. Moscow Additional Protocol).'),
        parties: z.array(id).min(1).describe('The actors bound by it (actor ids).'),
        /** When it takes effect: a date or a turn; before the scenario's start means from turn 1. */
        start: when
          .default(1)
          .describe(
            "When it takes effect: a date ('YYYY-MM-DD') or a turn number; a date before the scenario starts means from turn 1 (default 1).",
          ),
        ceasefire: z
          .boolean()
          .default(false)
          .describe(
            'true for a ceasefire: assaults and strikes by a party are recorded as violations (default false).',
          ),
        collapseAt: int
          .min(1)
          .optional()
          .describe('Violations at which it collapses (default: params.agreementCollapseAt).'),
        obligations: z
          .array(
            z.strictObject({
              id: id.describe('Short name of this obligation.'),
              actor: id.describe('The party that must do it (an actor id).'),
              kind: z
                .enum([
                  'no_assault',
                  'no_strike',
                  'withdraw_heavy_weapons',
                  'remove_hard_line',
                  'open_highway',
                  'joint_patrols',
                ])
                .describe(
                  'What it must do: no_assault, no_strike, withdraw_heavy_weapons (armour and artillery out of the zone), remove_hard_line (hard-line groups out of the zone), open_highway or joint_patrols.',
                ),
              zone: z
                .union([id, z.literal('')])
                .default('')
                .describe("The zone it applies to (a zone id); '' for the whole map (default '')."),
              highway: z.string().default('').describe('For open_highway: the highway (M4 or M5).'),
              deadline: isoDate
                .optional()
                .describe(
                  'The date it must be done by, YYYY-MM-DD; checked on the first turn on or after it.',
                ),
            }),
          )
          .default([])
          .describe('What each party must do, and by when.'),
      }),
    )
    .default([])
    .describe('Ceasefires and deals between actors: who is bound, from when, and what each must do.'),
  patrols: z
    .array(
      z.strictObject({
        id: id.describe('Short name orders use for this patrol (e.g. m4_joint).'),
        name: z.string().min(1).describe('Name shown to the players.'),
        actors: z.array(id).min(1).describe('The actors patrolling together (actor ids).'),
        route: z.array(id).min(2).describe('The places it passes, in order (at least two location ids).'),
        status: z
          .enum(['active', 'suspended'])
          .default('suspended')
          .describe(
            'active or suspended at the start (default suspended); the orders run_patrol and suspend_patrol change it.',
          ),
      }),
    )
    .default([])
    .describe('Joint patrols: who patrols, along which route, and whether they run at the start.'),
  /** The sources whose reports the news feed shows, and how each leans. */
  reporting: z
    .array(
      z.strictObject({
        id: id.describe('Short name of this news source (e.g. sana).'),
        name: z.string().min(1).describe('Name shown in the news feed (e.g. SANA).'),
        bias: z
          .record(z.union([id, z.literal('*')]), bias)
          .default({})
          .describe("How it leans, per actor it reports on (an actor id, or '*' for any other actor)."),
      }),
    )
    .default([])
    .describe(
      'The news sources of the feed and how each leans: what it inflates, leaves out or reports late.',
    ),
  objectives: z
    .array(
      z.strictObject({
        id: id.describe('Short name of this objective.'),
        actor: id.describe('The actor it scores for (an actor id).'),
        text: TextSchema.describe('The objective in words, shown to the players.'),
        points: int.describe('Points it scores.'),
        when: z
          .enum(['end', 'once'])
          .default('end')
          .describe(
            'end: scored if it holds at the end; once: scored the first turn it holds (default end).',
          ),
        condition: ConditionSchema,
      }),
    )
    .default([])
    .describe('Goals that score points; each carries the condition that decides it.'),
  variables: z
    .array(VariableSchema)
    .default([])
    .describe(
      'Numbers and flags the triggers set and the conditions read, each declared with its type and starting value.',
    ),
  triggers: z
    .array(TriggerSchema)
    .default([])
    .describe(
      'Rules of this scenario: when something happens (`when`) and a condition holds (`if`), do something (`then`).',
    ),
  history: z
    .array(HistoryEventSchema)
    .default([])
    .describe(
      "What happened in the real world in the scenario's period, each dated with its source and the game event that stands for it: the review shows it beside the game, and `idlib-sim run --historical` reports which the game reproduced and on which turn.",
    ),
  victory: z
    .strictObject({
      bands: z
        .strictObject({
          decisive: int.describe('Points for a decisive victory.'),
          marginal: int.describe('Points for a marginal victory.'),
          draw: int.describe('Points for a draw; fewer is a defeat.'),
        })
        .default({ decisive: 60, marginal: 30, draw: 0 })
        .describe('The points an actor needs for each result (default 60, 30, 0).'),
      suddenDeath: z
        .array(
          z.strictObject({
            id: id.describe('Short name of this ending.'),
            text: TextSchema.describe('What happens, in words, shown to the players.'),
            condition: ConditionSchema,
            result: z
              .union([z.literal('all_lose'), id])
              .describe('all_lose, or the id of the actor that wins.'),
          }),
        )
        .default([])
        .describe('Conditions that end the game at once, and who wins then.'),
    })
    .default({ bands: { decisive: 60, marginal: 30, draw: 0 }, suddenDeath: [] })
    .describe('How the game is won: the points each result needs, and sudden-death endings.'),
  params: ParamsSchema.default({}).describe(
    'Optional: change any number the rules use (speeds, chances, thresholds). Keys not given keep their default.',
  ),
});

export type MapData = z.output<typeof MapSchema>;
export type ScenarioData = z.output<typeof ScenarioSchema>;

// ---------------------------------------------------------------- doctrines

const factorList = FACTORS.map((f) => `${f} (${FACTOR_MEANING[f]})`).join('; ');

export const DoctrineSchema = z.strictObject({
  schemaVersion: z.literal(1).describe('Version of the doctrine format. Write 1.'),
  id: id.describe('Short name of the doctrine (e.g. turkey).'),
  name: z.string().min(1).describe('What the doctrine is, in a few words, shown in decision records.'),
  summary: z
    .string()
    .optional()
    .describe('A paragraph on how this actor plays, for the players and the docs.'),
  ordersPerTurn: int
    .min(0)
    .max(20)
    .default(4)
    .describe(
      'At most this many orders a turn (default 4); an actor gives fewer when nothing scores above 0.',
    ),
  priorities: z
    .array(
      z.strictObject({
        factor: z.enum(FACTORS).describe(`The judgement this priority weighs. One of: ${factorList}.`),
        weight: int
          .min(-100)
          .max(100)
          .describe('How much it counts, -100 to 100 (negative: the actor shuns what the factor favours).'),
        why: z.string().min(1).describe('Why the actor cares, in plain words.'),
      }),
    )
    .min(1)
    .describe(
      'What the actor weighs when it chooses its orders: each candidate order scores the sum of weight × factor.',
    ),
  thresholds: z
    .strictObject(
      Object.fromEntries(
        THRESHOLDS.map((t) => [
          t,
          int.min(0).optional().describe(`The ${THRESHOLD_MEANING[t]} (default ${THRESHOLD_DEFAULTS[t]}).`),
        ]),
      ) as Record<(typeof THRESHOLDS)[number], z.ZodOptional<z.ZodNumber>>,
    )
    .default({})
    .describe('Numbers some factors use (the ones left out keep their defaults).'),
  note: z.string().optional().describe('Free text.'),
});

export type DoctrineData = z.output<typeof DoctrineSchema>;
