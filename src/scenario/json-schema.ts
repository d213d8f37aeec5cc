// The editor schemas: JSON Schemas (draft 2020-12) generated from the zod schemas in schema.ts, the
// one description of the format. An editor that reads them (VS Code with Red Hat's YAML extension,
// through the `# yaml-language-server: $schema=…` line at the top of each file) completes every key
// and explains it with the `.describe(…)` text written next to it in schema.ts.
//
// The files are generated, never edited: `npm run sim -- schema` writes them, and a test fails when
// the committed ones differ from what schema.ts produces now.
//
// What the generator adds to zod's own output: `$id`, `title`, a `description` and a `$comment` at
// the top, and the rule defaults (DEFAULT_PARAMS) as the `default` of each key under `params`; `tidy`
// rewrites two things for readers and older editors. Conditions and numeric expressions are
// recursive: each lives once under `$defs` (Condition, NumberExpr) and is referred to by `$ref`.
import { z } from 'zod';
import { DEFAULT_PARAMS } from './build.ts';
import { DoctrineSchema, MapSchema, ScenarioSchema } from './schema.ts';

export type JsonSchema = Record<string, unknown>;

/** The two generated files, relative to the scenarios folder. */
export const SCENARIO_SCHEMA_FILE = 'scenario.schema.json';
export const MAP_SCHEMA_FILE = 'maps/map.schema.json';
export const DOCTRINE_SCHEMA_FILE = 'doctrines/doctrine.schema.json';

const GENERATED =
  'Generated from src/scenario/schema.ts by `npm run sim -- schema`: do not edit by hand; edit schema.ts and run that command.';

function generate(schema: z.ZodType, head: { $id: string; title: string; description: string }): JsonSchema {
  const body = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    cycles: 'ref',
    unrepresentable: 'throw',
  }) as JsonSchema;
  tidy(body);
  const { $schema, ...rest } = body;
  return { $schema, ...head, $comment: GENERATED, ...rest };
}

/**
 * Drops the ±2^53 bounds zod puts on every integer, and writes a tuple whose items are all alike
 * (`tension: [a, b]`) as `items` with `minItems` = `maxItems`: the same thing, in a form that
 * editors which only know draft-07 read the same way (their `items: false` means something else).
 */
function tidy(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(tidy);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const s = node as JsonSchema;
  if (s.minimum === Number.MIN_SAFE_INTEGER) delete s.minimum;
  if (s.maximum === Number.MAX_SAFE_INTEGER) delete s.maximum;
  if (Array.isArray(s.prefixItems) && s.items === false) {
    const [first, ...others] = s.prefixItems as unknown[];
    if (others.every((o) => JSON.stringify(o) === JSON.stringify(first))) {
      delete s.prefixItems;
      s.items = first;
    }
  }
  Object.values(s).forEach(tidy);
}

/** The JSON Schema of scenario files (`*.scenario.yaml`). */
export function scenarioJsonSchema(): JsonSchema {
  const version = ScenarioSchema.shape.schemaVersion.value;
  const schema = generate(ScenarioSchema, {
    $id: `urn:idlib-sim:scenario:v${version}`,
    title: 'idlib-sim scenario',
    description:
      'A scenario of the Idlib de-escalation zone wargame: the map it is played on, the calendar, the actors, who holds what, the forces, agreements and patrols, the news sources, the script of the scripted actors, and how the game is won. See docs/scenario-format.md.',
  });
  const params = (schema.properties as Record<string, JsonSchema>).params!;
  const keys = params.properties as Record<string, JsonSchema>;
  for (const [key, value] of Object.entries(DEFAULT_PARAMS)) {
    const property = keys[key];
    if (!property) throw new Error(`params.${key} has a default but is not in the scenario schema`);
    property.default = value;
  }
  return schema;
}

/** The JSON Schema of map files (`maps/*.map.yaml`). */
export function mapJsonSchema(): JsonSchema {
  const version = MapSchema.shape.schemaVersion.value;
  return generate(MapSchema, {
    $id: `urn:idlib-sim:map:v${version}`,
    title: 'idlib-sim map',
    description:
      'A map of the Idlib de-escalation zone wargame: places, the roads between them, the highways, the observation posts and named zones. See docs/map-format.md.',
  });
}

/** The JSON Schema of doctrine files (`doctrines/*.doctrine.yaml`). */
export function doctrineJsonSchema(): JsonSchema {
  const version = DoctrineSchema.shape.schemaVersion.value;
  return generate(DoctrineSchema, {
    $id: `urn:idlib-sim:doctrine:v${version}`,
    title: 'idlib-sim doctrine',
    description:
      'How a computer actor of the Idlib de-escalation zone wargame chooses its orders: its priorities (factors with weights) and thresholds. See docs/doctrines.md.',
  });
}

/** The text of a schema file: pretty JSON, two-space indent, a final newline. */
export function schemaFileText(schema: JsonSchema): string {
  return JSON.stringify(schema, null, 2) + '\n';
}

/** Every generated file: its path relative to the scenarios folder and its text. */
export function editorSchemaFiles(): { file: string; text: string }[] {
  return [
    { file: SCENARIO_SCHEMA_FILE, text: schemaFileText(scenarioJsonSchema()) },
    { file: MAP_SCHEMA_FILE, text: schemaFileText(mapJsonSchema()) },
    { file: DOCTRINE_SCHEMA_FILE, text: schemaFileText(doctrineJsonSchema()) },
  ];
}
