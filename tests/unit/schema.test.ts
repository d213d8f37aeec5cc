// The editor schemas (scenarios/scenario.schema.json, scenarios/maps/map.schema.json): generated from
// the zod schema and committed, a description on every key, conditions recursive by reference, the
// shipped files accepted, and every shipped file naming its schema on its first line.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runSchema } from '../../src/cli/schema.ts';
import {
  editorSchemaFiles,
  mapJsonSchema,
  MAP_SCHEMA_FILE,
  scenarioJsonSchema,
  SCENARIO_SCHEMA_FILE,
  type JsonSchema,
} from '../../src/scenario/json-schema.ts';
import { MapSchema, parseText, ScenarioSchema, validate } from '../../src/scenario/index.ts';
import { cli, ROOT } from './cli-helpers.ts';
import { testTempDir } from '../temp-dir.ts';

const SCENARIOS = join(ROOT, 'scenarios');
const scenarioSchema = scenarioJsonSchema();
const mapSchema = mapJsonSchema();

const scenarioFiles = readdirSync(SCENARIOS)
  .filter((f) => /\.scenario\.ya?ml$/.test(f))
  .map((f) => join(SCENARIOS, f));
const mapFiles = readdirSync(join(SCENARIOS, 'maps'))
  .filter((f) => /\.map\.ya?ml$/.test(f))
  .map((f) => join(SCENARIOS, 'maps', f));

const read = (path: string) => readFileSync(path, 'utf8');
const props = (s: JsonSchema) => (s.properties ?? {}) as Record<string, JsonSchema>;

/** Every property schema in `schema`, with a readable path (through items, unions and $defs). */
function everyProperty(schema: JsonSchema): { path: string; node: JsonSchema }[] {
  const found: { path: string; node: JsonSchema }[] = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node !== 'object' || node === null) return;
    const s = node as JsonSchema;
    for (const [key, child] of Object.entries(props(s))) {
      found.push({ path: `${path}.${key}`, node: child });
      walk(child, `${path}.${key}`);
    }
    for (const key of ['items', 'additionalProperties', 'propertyNames']) walk(s[key], `${path}[]`);
    for (const key of ['anyOf', 'oneOf'])
      (Array.isArray(s[key]) ? (s[key] as unknown[]) : []).forEach((x, i) => walk(x, `${path}<${i}>`));
    for (const [key, def] of Object.entries((s.$defs ?? {}) as Record<string, JsonSchema>))
      walk(def, `$defs.${key}`);
  };
  walk(schema, '');
  return found;
}

// ------------------------------------------------------------ a small JSON Schema validator
// Just the keywords the generated schemas use; it throws on any other, so a schema that starts
// using one cannot be half-checked here.

const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$comment',
  '$defs',
  'title',
  'description',
  'default',
  'format',
]);

function check(root: JsonSchema, schema: JsonSchema, value: unknown, path: string, errors: string[]): void {
  const fail = (message: string) => errors.push(`${path || '(root)'}: ${message}`);
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  for (const [keyword, arg] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    switch (keyword) {
      case '$ref': {
        const name = /^#\/\$defs\/(.+)$/.exec(arg as string)?.[1];
        const target = name === undefined ? undefined : (root.$defs as Record<string, JsonSchema>)[name];
        if (!target) throw new Error(`unresolved $ref ${String(arg)}`);
        check(root, target, value, path, errors);
        break;
      }
      case 'type': {
        const ok = ([] as string[])
          .concat(arg as string)
          .some((t) =>
            t === 'integer'
              ? Number.isInteger(value)
              : t === 'array'
                ? Array.isArray(value)
                : t === 'object'
                  ? isObject(value)
                  : typeof value === t,
          );
        if (!ok) fail(`expected ${String(arg)}`);
        break;
      }
      case 'const':
        if (value !== arg) fail(`expected ${JSON.stringify(arg)}`);
        break;
      case 'enum':
        if (!(arg as unknown[]).includes(value)) fail(`expected one of ${JSON.stringify(arg)}`);
        break;
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(arg as string, 'u').test(value))
          fail(`does not match ${arg}`);
        break;
      case 'minLength':
        if (typeof value === 'string' && [...value].length < (arg as number)) fail('too short');
        break;
      case 'minimum':
        if (typeof value === 'number' && value < (arg as number)) fail(`below ${arg}`);
        break;
      case 'maximum':
        if (typeof value === 'number' && value > (arg as number)) fail(`above ${arg}`);
        break;
      case 'minItems':
        if (Array.isArray(value) && value.length < (arg as number)) fail('too few items');
        break;
      case 'maxItems':
        if (Array.isArray(value) && value.length > (arg as number)) fail('too many items');
        break;
      case 'items':
        if (Array.isArray(value))
          value.forEach((v, i) => check(root, arg as JsonSchema, v, `${path}[${i}]`, errors));
        break;
      case 'properties':
        if (isObject(value))
          for (const [k, s] of Object.entries(arg as Record<string, JsonSchema>))
            if (k in value) check(root, s, value[k], `${path}.${k}`, errors);
        break;
      case 'required':
        if (isObject(value)) for (const k of arg as string[]) if (!(k in value)) fail(`missing key "${k}"`);
        break;
      case 'additionalProperties':
        if (isObject(value))
          for (const k of Object.keys(value).filter((k) => !(k in props(schema)))) {
            if (arg === false) fail(`unknown key "${k}"`);
            else check(root, arg as JsonSchema, value[k], `${path}.${k}`, errors);
          }
        break;
      case 'propertyNames':
        if (isObject(value))
          for (const k of Object.keys(value)) check(root, arg as JsonSchema, k, `${path}{${k}}`, errors);
        break;
      case 'anyOf':
      case 'oneOf': {
        const matches = (arg as JsonSchema[]).filter((s) => {
          const sub: string[] = [];
          check(root, s, value, path, sub);
          return sub.length === 0;
        }).length;
        if (keyword === 'anyOf' ? matches === 0 : matches !== 1)
          fail(`${keyword}: ${matches} of ${(arg as unknown[]).length} alternatives match`);
        break;
      }
      default:
        throw new Error(`the test validator does not know the keyword "${keyword}"`);
    }
  }
}

function problems(schema: JsonSchema, value: unknown): string[] {
  const errors: string[] = [];
  check(schema, schema, value, '', errors);
  return errors;
}

// ------------------------------------------------------------------------------ the tests

describe('the editor schemas', () => {
  it.each(editorSchemaFiles().map(({ file, text }) => [file, text]))(
    'the committed scenarios/%s is what src/scenario/schema.ts generates',
    (file, text) => {
      const path = join(SCENARIOS, file);
      const committed = existsSync(path) ? read(path) : '(missing)';
      expect(
        committed,
        `scenarios/${file} is out of date with src/scenario/schema.ts: run "npm run sim -- schema" and commit the result`,
      ).toBe(text);
    },
  );

  it.each([
    ['scenario', scenarioSchema, 'urn:idlib-sim:scenario:v2'],
    ['map', mapSchema, 'urn:idlib-sim:map:v1'],
  ] as const)(
    'the %s schema is draft 2020-12 with an $id, a title and a description',
    (_what, schema, id) => {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id).toBe(id);
      expect(schema.title).toMatch(/^idlib-sim /);
      expect(schema.description).toEqual(expect.any(String));
      expect(schema.$comment).toMatch(/npm run sim -- schema/);
      expect(schema.type).toBe('object');
      expect(schema.additionalProperties).toBe(false);
    },
  );

  it.each([
    ['scenario', scenarioSchema],
    ['map', mapSchema],
  ] as const)('every key of the %s schema, at every depth, has a description', (_what, schema) => {
    const top = Object.entries(props(schema));
    expect(top.length).toBeGreaterThan(5);
    for (const [key, node] of top)
      expect(
        node.description,
        `top-level key "${key}": add .describe('…') in src/scenario/schema.ts`,
      ).toEqual(expect.stringMatching(/\S/));
    const defs = (schema.$defs ?? {}) as Record<string, JsonSchema>;
    const bare = everyProperty(schema)
      .filter(({ node }) => {
        if (typeof node.description === 'string' && node.description.trim() !== '') return false;
        const ref = /^#\/\$defs\/(.+)$/.exec(String(node.$ref ?? ''))?.[1];
        return !(ref && typeof defs[ref]?.description === 'string');
      })
      .map(({ path }) => path);
    expect(bare, "keys without a description: add .describe('…') in src/scenario/schema.ts").toEqual([]);
  });

  it('conditions are recursive by $ref into $defs, never expanded inline', () => {
    const defs = scenarioSchema.$defs as Record<string, JsonSchema>;
    expect(Object.keys(defs).sort()).toEqual([
      'Condition',
      'NumberExpr',
      'Text',
      'TriggerAction',
      'TriggerWhen',
    ]);
    const condition = defs.Condition!;
    const variants = condition.anyOf as JsonSchema[];
    const variant = (key: string) => props(variants.find((v) => key in props(v))!)[key]!;
    const ref = { $ref: '#/$defs/Condition' };
    expect(variant('all').items).toEqual(ref);
    expect(variant('any').items).toEqual(ref);
    expect(variant('not')).toEqual(ref);
    expect(props(variant('compare')).left).toEqual({ $ref: '#/$defs/NumberExpr' });
    expect(props(variant('compare')).right).toEqual({ $ref: '#/$defs/NumberExpr' });
    const victory = props(props(scenarioSchema).victory!);
    expect(props(props(scenarioSchema).objectives!.items as JsonSchema).condition).toEqual(ref);
    expect(props(victory.suddenDeath!.items as JsonSchema).condition).toEqual(ref);
    // The condition language appears once: only one object in the whole file has an `all` key.
    expect(everyProperty(scenarioSchema).filter(({ path }) => path.endsWith('.all'))).toHaveLength(1);
    // Every $ref points into $defs.
    const refs = JSON.stringify(scenarioSchema).match(/"\$ref":"[^"]*"/g) ?? [];
    expect(refs.length).toBeGreaterThan(4);
    for (const r of refs)
      expect(r).toMatch(/^"\$ref":"#\/\$defs\/(Condition|NumberExpr|Text|TriggerAction|TriggerWhen)"$/);
  });

  it('the keys and required keys match the zod shapes, at the top and in every nested object', () => {
    type Zod = z.ZodType;
    const unwrap = (s: Zod): Zod => {
      if (s instanceof z.ZodOptional || s instanceof z.ZodDefault) return unwrap(s.unwrap() as Zod);
      return s;
    };
    let compared = 0;
    const compare = (zod: Zod, json: JsonSchema, path: string) => {
      const inner = unwrap(zod);
      if (inner instanceof z.ZodArray)
        return compare(inner.element as Zod, json.items as JsonSchema, `${path}[]`);
      if (!(inner instanceof z.ZodObject)) return;
      compared += 1;
      const shape = inner.shape as Record<string, Zod>;
      expect(Object.keys(props(json)), `keys of ${path || 'the file'}`).toEqual(Object.keys(shape));
      const required = Object.keys(shape).filter((k) => !shape[k]!.safeParse(undefined).success);
      expect(
        ((json.required ?? []) as string[]).slice().sort(),
        `required keys of ${path || 'the file'}`,
      ).toEqual(required.sort());
      expect(json.additionalProperties, `${path || 'the file'} refuses unknown keys`).toBe(false);
      for (const [k, s] of Object.entries(shape)) compare(s, props(json)[k]!, `${path}.${k}`);
    };
    compare(ScenarioSchema, scenarioSchema, '');
    compare(MapSchema, mapSchema, '');
    expect(compared).toBeGreaterThan(25);
  });

  it('params document the rule defaults', () => {
    const params = props(props(scenarioSchema).params!);
    expect(params.convoySpeedKmPerDay!.default).toEqual(expect.any(Number));
    expect(params.roadSpeedPct!.default).toMatchObject({ M4: expect.any(Number), track: expect.any(Number) });
    for (const [key, node] of Object.entries(params)) expect(node.default, `params.${key}`).toBeDefined();
  });

  it.each([
    ...scenarioFiles.map((f) => [f.slice(ROOT.length), scenarioSchema, ScenarioSchema] as const),
    ...mapFiles.map((f) => [f.slice(ROOT.length), mapSchema, MapSchema] as const),
  ])('%s is accepted by zod and by its JSON schema', (file, json, zod) => {
    const text = read(join(ROOT, file));
    const parsed = parseText(file, text);
    expect(parsed.problems).toEqual([]);
    expect(validate(parsed.source, parsed.value, zod).problems).toEqual([]);
    expect(problems(json, parseYaml(text))).toEqual([]);
  });

  it('the JSON schema refuses what zod refuses: unknown keys, bad values, a typo deep in a condition', () => {
    const file = scenarioFiles[0]!;
    const good = parseYaml(read(file)) as Record<string, unknown> & {
      actors: Record<string, unknown>[];
      objectives: Record<string, unknown>[];
      script: { orders: Record<string, unknown>[] }[];
    };
    const broken = (change: (s: typeof good) => void) => {
      const copy = structuredClone(good);
      change(copy);
      expect(ScenarioSchema.safeParse(copy).success).toBe(false);
      return problems(scenarioSchema, copy);
    };
    expect(broken((s) => (s.colour = '#fff'))).toContain('(root): unknown key "colour"');
    expect(broken((s) => (s.actors[0]!.controller = 'robot')).join('\n')).toMatch(/actors\[0\]\.controller/);
    expect(broken((s) => (s.script[0]!.orders[0]!.kind = 'fly')).join('\n')).toMatch(/orders\[0\]: oneOf/);
    expect(
      broken(
        (s) =>
          (s.objectives[0]!.condition = {
            all: [{ not: { controls: { actor: 'syria', locaton: 'x' } } }],
          }),
      ).join('\n'),
    ).toMatch(/objectives\[0\]\.condition/);
  });
});

describe('idlib-sim schema', () => {
  it('--check passes on the committed files', () => {
    const r = cli('schema', '--check');
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      'scenarios/scenario.schema.json is up to date',
      'scenarios/maps/map.schema.json is up to date',
      'scenarios/doctrines/doctrine.schema.json is up to date',
    ]);
  });

  it('writes both files, and --check fails (exit 1) on a missing or stale one', () => {
    const dir = testTempDir('idlib-schema-');
    const lines: string[] = [];
    const out = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(`error: ${l}`) };
    expect(runSchema(true, out, dir)).toBe(1);
    expect(lines.join('\n')).toMatch(/scenario\.schema\.json is missing: run "npm run sim -- schema"/);
    lines.length = 0;
    expect(runSchema(false, out, dir)).toBe(0);
    expect(lines).toEqual([
      expect.stringMatching(/^wrote scenarios\/scenario\.schema\.json \(\d+ bytes\)$/),
      expect.stringMatching(/^wrote scenarios\/maps\/map\.schema\.json \(\d+ bytes\)$/),
      expect.stringMatching(/^wrote scenarios\/doctrines\/doctrine\.schema\.json \(\d+ bytes\)$/),
    ]);
    for (const { file, text } of editorSchemaFiles()) expect(read(join(dir, file))).toBe(text);
    expect(read(join(dir, MAP_SCHEMA_FILE)).endsWith('}\n')).toBe(true);
    expect(read(join(dir, SCENARIO_SCHEMA_FILE))).toMatch(/^\{\n {2}"\$schema"/);
    lines.length = 0;
    expect(runSchema(true, out, dir)).toBe(0);
    const stale = join(dir, SCENARIO_SCHEMA_FILE);
    writeFileSync(stale, read(stale).replace('"title": "idlib-sim scenario"', '"title": "old"'));
    lines.length = 0;
    expect(runSchema(true, out, dir)).toBe(1);
    expect(lines).toContain(
      'error: scenarios/scenario.schema.json differs from the zod schema in src/scenario/schema.ts: run "npm run sim -- schema" and commit the result',
    );
  });

  it('refuses an unknown flag with exit 2', () => {
    const r = cli('schema', '--fix');
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/Unknown option '--fix'/);
  });
});

describe('editor set-up', () => {
  it.each([
    ...scenarioFiles.map((f) => [f.slice(ROOT.length), SCENARIO_SCHEMA_FILE] as const),
    ...mapFiles.map((f) => [f.slice(ROOT.length), MAP_SCHEMA_FILE] as const),
  ])('%s names its schema on its first line', (file, schemaFile) => {
    const first = read(join(ROOT, file)).split('\n')[0]!;
    const m = /^# yaml-language-server: \$schema=(\.\/\S+)$/.exec(first);
    expect(m, `${file} must start with "# yaml-language-server: $schema=./…"`).not.toBeNull();
    expect(join(dirname(join(ROOT, file)), m![1]!)).toBe(join(SCENARIOS, schemaFile));
  });

  it('.vscode maps scenario and map files to the schemas and recommends the YAML extension', () => {
    const settings = JSON.parse(read(join(ROOT, '.vscode/settings.json'))) as {
      'yaml.schemas': Record<string, string[]>;
    };
    expect(settings['yaml.schemas']['./scenarios/scenario.schema.json']).toContain('*.scenario.yaml');
    expect(settings['yaml.schemas']['./scenarios/maps/map.schema.json']).toContain('**/maps/*.map.yaml');
    for (const path of Object.keys(settings['yaml.schemas'])) expect(existsSync(join(ROOT, path))).toBe(true);
    const extensions = JSON.parse(read(join(ROOT, '.vscode/extensions.json'))) as {
      recommendations: string[];
    };
    expect(extensions.recommendations).toContain('redhat.vscode-yaml');
  });
});
