// Loads a scenario and its map, validates both against the schema, checks that every id they
// mention exists (src/scenario/references.ts, shared with `idlib-sim check`), and returns one
// Scenario value; any error stops it with a ScenarioError that lists every error of the first
// layer that failed. Works the same in Node and in the browser:
// the caller supplies how to read a file.
import type { z } from 'zod';
import { hashValue } from '../engine/index.ts';
import { compareDiagnostics, Reporter, toProblem, type Diagnostic } from './diagnostics.ts';
import {
  checkSchema,
  decodeSource,
  LIMITS,
  parseSource,
  ScenarioError,
  type Path,
  type Problem,
  type SourceFile,
} from './parse.ts';
import { checkMapReferences, checkScenarioReferences } from './references.ts';
import { MapSchema, ScenarioSchema, type MapData, type ScenarioData } from './schema.ts';

export interface Scenario {
  /** The scenario file as it was named to the loader. */
  file: string;
  data: ScenarioData;
  map: MapData;
  /** Hash of the validated scenario and map data: it changes when any fact in them changes. */
  contentHash: string;
}

export type ReadText = (path: string) => string;

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '.' : i === 0 ? '/' : path.slice(0, i);
}

/** Joins a relative path onto a directory, resolving "." and ".." (forward slashes). */
export function joinPath(dir: string, rel: string): string {
  if (rel.startsWith('/')) return rel;
  const parts = dir === '.' ? [] : dir.split('/');
  for (const part of rel.split('/')) {
    if (part === '.' || part === '') continue;
    if (
      part === '..' &&
      parts.length > 0 &&
      parts[parts.length - 1] !== '..' &&
      parts[parts.length - 1] !== ''
    )
      parts.pop();
    else parts.push(part);
  }
  return parts.join('/') || '.';
}

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
export function supportedVersion(schema: typeof ScenarioSchema | typeof MapSchema): number {
  return schema.shape.schemaVersion.value;
}

/** The result of the file, parse and schema layers for one file. */
export interface Analysed<T> {
  source: SourceFile | null;
  rep: Reporter | null;
  /** The validated data, or null when a layer failed. */
  data: T | null;
  diagnostics: Diagnostic[];
}

function analyse<S extends typeof ScenarioSchema | typeof MapSchema>(
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
    rep.add(
      'UNSUPPORTED_VERSION',
      ['schemaVersion'],
      `This file is schemaVersion ${version}, newer than this build of idlib-sim supports (schemaVersion ${supported}): update idlib-sim, or write the file for schemaVersion ${supported}.`,
    );
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

/** The file, parse and schema layers of a scenario file (its references need its map). */
export function analyseScenario(
  file: string,
  content: Uint8Array | string,
  size?: number,
): Analysed<ScenarioData> {
  return analyse(file, content, size, ScenarioSchema);
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
  const a = analyseScenario(file, content, size);
  if (!a.data || !a.rep) throw new ScenarioError(errorsOf(a.diagnostics));
  const mapFile = mapPathOf(file, a.data);
  const got = readContent(mapFile, read, { rep: a.rep, path: ['map'] });
  if ('code' in got) throw new ScenarioError(errorsOf([got]));
  const m = analyseMap(mapFile, got.content, got.size);
  if (!m.data) throw new ScenarioError(errorsOf(m.diagnostics));
  checkScenarioReferences(a.rep, a.data, m.data);
  if (a.rep.errors > 0) throw new ScenarioError(errorsOf(a.rep.list));
  return { file, data: a.data, map: m.data, contentHash: hashValue({ scenario: a.data, map: m.data }) };
}
