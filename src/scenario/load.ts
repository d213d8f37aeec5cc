// Loads a scenario and its map, validates both against the schema, checks that every id they
// mention exists (src/scenario/references.ts, shared with `idlib-sim check`), and returns one
// Scenario value; any error stops it with a ScenarioError that lists every error found (when the
// schema refuses the file, the references are still checked in the parts that pass: salvage.ts). Works the same in Node and in the browser:
// the caller supplies how to read a file.
import type { z } from 'zod';
import { hashValue } from '../engine/index.ts';
import { compareDiagnostics, Reporter, toProblem, type Diagnostic } from './diagnostics.ts';
import {
  checkSchema,
  decodeSource,
  documentValue,
  LIMITS,
  parseSource,
  ScenarioError,
  type Path,
  type Problem,
  type SourceFile,
} from './parse.ts';
import { MAX_PARENTS, MergedSource, mergeLayers, type Layer } from './extends.ts';
import { internedCopy } from './intern.ts';
import { migrateDocument, SCENARIO_VERSION } from './migrate.ts';
import { checkMapReferences, checkScenarioReferences } from './references.ts';
import { SalvageReporter, salvageScenario, type Salvaged } from './salvage.ts';
import {
  DoctrineSchema,
  MapSchema,
  ScenarioSchema,
  type DoctrineData,
  type MapData,
  type ScenarioData,
} from './schema.ts';
import { THRESHOLD_DEFAULTS, THRESHOLDS, type Doctrine, type ThresholdName } from '../engine/doctrine.ts';

export interface Scenario {
  /** The scenario file as it was named to the loader. */
  file: string;
  data: ScenarioData;
  map: MapData;
  /** The doctrines of the actors that name one, by actor id. */
  doctrines: Record<string, Doctrine>;
  /** Hash of the validated scenario, map and doctrine data: it changes when any fact in them changes. */
  contentHash: string;
}

export type ReadText = (path: string) => string;

import { dirname, joinPath } from './paths.ts';

export { dirname, joinPath };

/** Reads a file; a file that cannot be read is CANNOT_READ (placed at `from`, the node naming it). */
export function readContent(
  file: string,
  read: ReadContent,
  from?: { rep: Reporter; path: Path },
): { content: Uint8Array | string; size: number | undefined } | Diagnostic {
  try {
    const size = read.size?.(file);
    // A file known to be too big is never read: decodeSource refuses it on its size alone.
    if (size !== undefined && size > LIMITS.maxBytes) return { content: '', size };
    return { content: read(file), size };
  } catch {
    const message = `Cannot read ${file}.`;
    return from
      ? from.rep.add('CANNOT_READ', from.path, message)
      : { file, line: 1, col: 1, severity: 'error', code: 'CANNOT_READ', path: '$', message };
  }
}

/**
 * How to read a file: its text or bytes (bytes are checked to be UTF-8 text). `size`, when
 * given, tells the size in bytes without reading, so that a huge file is refused unread.
 */
export interface ReadContent {
  (path: string): Uint8Array | string;
  size?: (path: string) => number;
}

/** The highest schemaVersion a schema accepts (its `schemaVersion` literal). */
type FileSchema = typeof ScenarioSchema | typeof MapSchema | typeof DoctrineSchema;

export function supportedVersion(schema: FileSchema): number {
  return schema.shape.schemaVersion.value;
}

/** UNSUPPORTED_VERSION: a file written for a newer format than this build reads. */
function newerThanBuild(rep: Reporter, version: number, supported: number): void {
  rep.add(
    'UNSUPPORTED_VERSION',
    ['schemaVersion'],
    `This file is schemaVersion ${version}, newer than this build of idlib-sim supports (schemaVersion ${supported}): update idlib-sim, or write the file for schemaVersion ${supported}.`,
  );
}

/** The result of the file, parse and schema layers for one file. */
export interface AnalysedScenario extends Analysed<ScenarioData> {
  /** When the schema refused the file: the parts of it that passed on their own, if enough did. */
  salvaged: Salvaged | null;
}

export interface Analysed<T> {
  source: SourceFile | null;
  rep: Reporter | null;
  /** The data as the schema parsed it, or null when the schema (or an earlier layer) failed; other errors may remain in `diagnostics`. */
  data: T | null;
  diagnostics: Diagnostic[];
}

function analyse<S extends FileSchema>(
  file: string,
  content: Uint8Array | string,
  size: number | undefined,
  schema: S,
): Analysed<z.output<S>> {
  const decoded = decodeSource(file, content, size);
  if (decoded.text === null) return { source: null, rep: null, data: null, diagnostics: decoded.diagnostics };
  const parsed = parseSource(file, decoded.text);
  if (!parsed.source) return { source: null, rep: null, data: null, diagnostics: parsed.diagnostics };
  const rep = new Reporter(parsed.source);
  rep.list.push(...parsed.diagnostics);
  if (!parsed.ok) return { source: parsed.source, rep, data: null, diagnostics: rep.list };
  const value = parsed.value as Record<string, unknown> | null;
  const version = typeof value === 'object' && value !== null ? value.schemaVersion : undefined;
  const supported = supportedVersion(schema);
  if (typeof version === 'number' && Number.isInteger(version) && version > supported) {
    newerThanBuild(rep, version, supported);
    return { source: parsed.source, rep, data: null, diagnostics: rep.list };
  }
  const data = checkSchema(rep, value, schema) as z.output<S> | null;
  return { source: parsed.source, rep, data: rep.errors > 0 ? null : data, diagnostics: rep.list };
}

/** The file, parse, schema and reference layers of a map file. */
export function analyseMap(file: string, content: Uint8Array | string, size?: number): Analysed<MapData> {
  const a = analyse(file, content, size, MapSchema);
  if (a.data && a.rep) {
    checkMapReferences(a.rep, a.data);
    if (a.rep.errors > 0) return { ...a, data: null };
  }
  return a;
}

/** `*.map.yaml` (or .yml, .json) is a map; any other file is a scenario. */
export function isMapFile(file: string): boolean {
  return /\.map\.(ya?ml|json)$/i.test(file);
}

/** `*.doctrine.yaml` (or .yml, .json) is a doctrine. */
export function isDoctrineFile(file: string): boolean {
  return /\.doctrine\.(ya?ml|json)$/i.test(file);
}

/** The file, parse and schema layers of a doctrine file, and its own consistency. */
export function analyseDoctrine(
  file: string,
  content: Uint8Array | string,
  size?: number,
): Analysed<DoctrineData> {
  const a = analyse(file, content, size, DoctrineSchema);
  if (a.data && a.rep) {
    const first = new Map<string, number>();
    a.data.priorities.forEach((p, i) => {
      const before = first.get(p.factor);
      if (before !== undefined)
        a.rep!.add(
          'DUPLICATE_PRIORITY',
          ['priorities', i, 'factor'],
          `The factor "${p.factor}" is already weighed at priorities[${before}]; both count (their weights add up). Keep one, with the weight you mean.`,
        );
      else first.set(p.factor, i);
    });
  }
  return a;
}

/** The engine's doctrine from a validated file: thresholds left out take their defaults. */
export function toDoctrine(d: DoctrineData): Doctrine {
  const thresholds = { ...THRESHOLD_DEFAULTS } as Record<ThresholdName, number>;
  for (const t of THRESHOLDS) {
    const value = d.thresholds[t];
    if (value !== undefined) thresholds[t] = value;
  }
  return {
    id: d.id,
    name: d.name,
    ordersPerTurn: d.ordersPerTurn,
    priorities: d.priorities.map((p) => ({ factor: p.factor, weight: p.weight, why: p.why })),
    thresholds,
  };
}

/** The path of an actor's doctrine file, from the scenario's folder. */
export function doctrinePathOf(file: string, doctrine: string): string {
  return joinPath(dirname(file), doctrine);
}

/** A scenario file read, parsed, migrated to the current version and merged onto its parents. */
interface RawScenario {
  layer: Layer | null;
  /** The reporter of the file itself (its parse, version and `remove` problems). */
  rep: Reporter | null;
  diagnostics: Diagnostic[];
}

function rawScenario(
  file: string,
  content: Uint8Array | string,
  size: number | undefined,
  read: ReadContent | undefined,
  chain: readonly string[],
): RawScenario {
  const decoded = decodeSource(file, content, size);
  if (decoded.text === null) return { layer: null, rep: null, diagnostics: decoded.diagnostics };
  const parsed = parseSource(file, decoded.text);
  if (!parsed.source) return { layer: null, rep: null, diagnostics: parsed.diagnostics };
  const rep = new Reporter(parsed.source);
  rep.list.push(...parsed.diagnostics);
  if (!parsed.ok) return { layer: null, rep, diagnostics: rep.list };
  let value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    // The schema layer says what is wrong with a file that is not a mapping.
    checkSchema(rep, value, ScenarioSchema);
    return { layer: null, rep, diagnostics: rep.list };
  }
  const version = (value as Record<string, unknown>).schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version)) {
    if (version > SCENARIO_VERSION) {
      newerThanBuild(rep, version, SCENARIO_VERSION);
      return { layer: null, rep, diagnostics: rep.list };
    }
    if (version >= 1 && version < SCENARIO_VERSION) {
      const migrated = migrateDocument(parsed.source.doc);
      value = documentValue(parsed.source.doc);
      rep.add(
        'OLD_VERSION',
        ['schemaVersion'],
        `This file is written for schemaVersion ${version}; it loads as schemaVersion ${migrated.to} (${migrated.changes.join('; ')}). Run \`idlib-sim migrate ${file}\` to rewrite it.`,
      );
    }
  }
  const own: Layer = {
    value: value as Record<string, unknown>,
    origin: { src: parsed.source, path: [] },
  };
  const ext = own.value.extends;
  if (typeof ext !== 'string' || ext === '') {
    if (own.value.remove !== undefined)
      rep.add(
        'REMOVE_WITHOUT_EXTENDS',
        ['remove'],
        '`remove` drops entries inherited through `extends`, and this file extends nothing: delete the entries instead.',
      );
    return { layer: own, rep, diagnostics: rep.list };
  }
  const parentFile = joinPath(dirname(file), ext);
  if (chain.includes(parentFile) || parentFile === file) {
    rep.add(
      'EXTENDS_CYCLE',
      ['extends'],
      `${parentFile} is already in the chain of files this one builds on (${[...chain, file].join(' → ')}): a file cannot extend itself.`,
    );
    return { layer: null, rep, diagnostics: rep.list };
  }
  if (chain.length >= MAX_PARENTS) {
    rep.add(
      'EXTENDS_TOO_DEEP',
      ['extends'],
      `More than ${MAX_PARENTS} files above this one (${[...chain, file].join(' → ')}): build on a file nearer the base.`,
    );
    return { layer: null, rep, diagnostics: rep.list };
  }
  if (isMapFile(parentFile)) {
    rep.add(
      'NOT_A_SCENARIO',
      ['extends'],
      `${parentFile} is a map: \`extends\` names a scenario file (the map goes under \`map\`).`,
    );
    return { layer: null, rep, diagnostics: rep.list };
  }
  if (!read) {
    rep.add('CANNOT_READ', ['extends'], `Cannot read ${parentFile}: no files can be read here.`);
    return { layer: null, rep, diagnostics: rep.list };
  }
  const got = readContent(parentFile, read, { rep, path: ['extends'] });
  if ('code' in got) return { layer: null, rep, diagnostics: rep.list };
  const parent = rawScenario(parentFile, got.content, got.size, read, [...chain, file]);
  const all = [...parent.diagnostics];
  if (!parent.layer || parent.diagnostics.some((d) => d.severity === 'error')) {
    rep.add(
      'PARENT_INVALID',
      ['extends'],
      `${parentFile}, which this file extends, has errors (listed under its name): fix them first.`,
    );
    return { layer: null, rep, diagnostics: [...all, ...rep.list] };
  }
  const merged = mergeLayers(parent.layer, own, ext, rep);
  return { layer: merged, rep, diagnostics: [...all, ...rep.list] };
}

/**
 * The file, parse and schema layers of a scenario file (its references need its map). `read`
 * reads the files it `extends`; without it a file that extends another is an error.
 */
export function analyseScenario(
  file: string,
  content: Uint8Array | string,
  size?: number,
  read?: ReadContent,
): AnalysedScenario {
  const raw = rawScenario(file, content, size, read, []);
  if (!raw.layer || !raw.rep)
    return { source: null, rep: raw.rep, data: null, salvaged: null, diagnostics: raw.diagnostics };
  const merged = raw.layer.origin.kids ? new MergedSource(file, raw.layer.origin) : raw.rep.source;
  const rep = new Reporter(merged);
  const data = checkSchema(rep, raw.layer.value, ScenarioSchema);
  // What passed the schema on its own still goes to the reference layer (salvage.ts).
  const salvaged = data === null ? salvageScenario(raw.layer.value) : null;
  // The reporter of the merged scenario carries on to the reference and logic layers; whatever
  // passed the schema goes on to them even when the file has other errors (duplicate keys, a
  // `remove` that removes nothing), so that every problem is reported at once. The loader still
  // refuses a file with any error.
  rep.list.unshift(...raw.diagnostics);
  return { source: null, rep, data, salvaged, diagnostics: rep.list };
}

/**
 * The reference layer over the salvaged parts of a scenario the schema refused: its problems are
 * placed where they are written and go to `rep`.
 */
export function checkSalvagedReferences(rep: Reporter, salvaged: Salvaged, map: MapData): void {
  checkScenarioReferences(new SalvageReporter(rep, salvaged.indices), salvaged.data, map, salvaged.dropped);
}

/** The path of the map a scenario names, from the scenario's folder. */
export function mapPathOf(file: string, data: ScenarioData): string {
  return joinPath(dirname(file), data.map);
}

export function parseMap(file: string, text: string): { map: MapData | null; problems: Problem[] } {
  const a = analyseMap(file, text);
  return { map: a.data, problems: errorsOf(a.diagnostics) };
}

function errorsOf(diagnostics: Diagnostic[]): Problem[] {
  return diagnostics
    .filter((d) => d.severity === 'error')
    .sort(compareDiagnostics)
    .map(toProblem);
}

/** Loads `file` (a scenario) and the map it names; throws ScenarioError listing every problem found. */
export function loadScenario(file: string, read: ReadContent): Scenario {
  const got = readContent(file, read);
  if ('code' in got) throw new ScenarioError(errorsOf([got]));
  return loadScenarioContent(file, got.content, got.size, read);
}

export function loadScenarioText(file: string, text: string, read: ReadContent): Scenario {
  return loadScenarioContent(file, text, undefined, read);
}

function loadScenarioContent(
  file: string,
  content: Uint8Array | string,
  size: number | undefined,
  read: ReadContent,
): Scenario {
  const a = analyseScenario(file, content, size, read);
  if (!a.data || !a.rep) {
    if (a.salvaged && a.rep) {
      const mapFile = mapPathOf(file, a.salvaged.data);
      const got = readContent(mapFile, read, { rep: a.rep, path: ['map'] });
      const m = 'code' in got ? null : analyseMap(mapFile, got.content, got.size);
      if (m?.data) checkSalvagedReferences(a.rep, a.salvaged, m.data);
    }
    throw new ScenarioError(errorsOf(a.diagnostics));
  }
  const mapFile = mapPathOf(file, a.data);
  const got = readContent(mapFile, read, { rep: a.rep, path: ['map'] });
  if ('code' in got) throw new ScenarioError(errorsOf([got]));
  const m = analyseMap(mapFile, got.content, got.size);
  if (!m.data) throw new ScenarioError(errorsOf(m.diagnostics));
  checkScenarioReferences(a.rep, a.data, m.data);
  const doctrines: Record<string, Doctrine> = {};
  const doctrineProblems: Diagnostic[] = [];
  a.data.actors.forEach((actor, i) => {
    if (actor.doctrine === undefined) return;
    const path = doctrinePathOf(file, actor.doctrine);
    const got = readContent(path, read, { rep: a.rep!, path: ['actors', i, 'doctrine'] });
    if ('code' in got) return;
    const d = analyseDoctrine(path, got.content, got.size);
    doctrineProblems.push(...d.diagnostics);
    if (d.data && d.rep && d.rep.errors === 0) doctrines[actor.id] = toDoctrine(d.data);
  });
  if (a.rep.errors > 0 || doctrineProblems.some((d) => d.severity === 'error'))
    throw new ScenarioError(errorsOf([...a.rep.list, ...doctrineProblems]));
  // The games read a copy with every string internalized (src/scenario/intern.ts).
  const loaded = internedCopy({ scenario: a.data, map: m.data, doctrines });
  return {
    file,
    data: loaded.scenario,
    map: loaded.map,
    doctrines: loaded.doctrines,
    contentHash: hashValue(loaded),
  };
}
