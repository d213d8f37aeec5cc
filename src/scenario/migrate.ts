// Migrations of the scenario format from one schemaVersion to the next, on a parsed YAML document
// (in place, so that the loader can migrate an old file and still place every error at the line
// and column where it was written), on a plain value (a JSON file), and on text (for
// `idlib-sim migrate`). Map files have their own version and are not migrated here.
//
// A migration renames a key by changing the key scalar of its pair and moves pairs (the Pair
// objects themselves, never copies), so every node keeps its comments and its `range` in the
// original text.
//
// Text: yaml's Document.toString() re-lays out the whole file (flow collections get the same
// padding everywhere, aligned columns collapse, long strings are re-folded), so migrateText
// prints the migrated document itself: every pair of a block mapping the migration did not
// restructure is copied from the original text line for line — re-indented when it moved to
// another depth, with any renamed key or changed scalar spliced in — and only the mappings the
// migration changed are laid out anew. The result is parsed again and must give the migrated
// data and keep every comment; if it does not (a layout this printer does not handle, such as a
// flow-style `victory: { … }`), the whole document is printed by yaml instead, and the changes
// say so.
//
// Pure: no Node APIs (it runs in the browser too).
import {
  Document,
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  Pair,
  parseDocument,
  Scalar,
  YAMLMap,
} from 'yaml';
import { ScenarioSchema } from './schema.ts';

/** The schemaVersion of scenario files this build writes and reads natively: the schema's own. */
export const SCENARIO_VERSION: number = ScenarioSchema.shape.schemaVersion.value;

/** One step of the format: changes a document at schemaVersion `from` into schemaVersion `to`. */
export interface Migration {
  from: number;
  to: number;
  /** What the step does, in a sentence. */
  describe: string;
  /**
   * Changes the document in place (not its schemaVersion: migrateDocument sets that); returns
   * what it changed, in plain words ("renamed `units` to `forces`").
   */
  apply(doc: Document): string[];
}

export interface MigrationResult {
  /** The schemaVersion the file was written in (0 when it has none, or not a whole number). */
  from: number;
  /** The schemaVersion it is in now (equal to `from` when nothing was done). */
  to: number;
  /** What changed, in order, in plain words. */
  changes: string[];
}

export interface TextMigration extends MigrationResult {
  /** The migrated text (the same string when nothing changed). */
  text: string;
  format: 'yaml' | 'json';
  /**
   * Where a position (1-based line and column) of the migrated text was written in the original
   * text, or null for a line the migration wrote (e.g. `meta:`). Absent when the whole text was
   * laid out anew (JSON, or the YAML fallback).
   */
  origin?: (line: number, col: number) => { line: number; col: number } | null;
}

/** Text that cannot be migrated: not YAML or JSON, or a migration that does not come out right. */
export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

// ---------------------------------------------------------------- the migrations

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key);
}

function topMapping(doc: Document): YAMLMap | null {
  return isMap(doc.contents) ? doc.contents : null;
}

/** schemaVersion 1 → 2: `meta`, `forces`, top-level `objectives`. */
function v1ToV2(doc: Document): string[] {
  const top = topMapping(doc);
  if (!top) return [];
  const changes: string[] = [];

  // 1. `sources` moves into a new `meta` mapping, where `sources` was.
  const sources = pairOf(top, 'sources');
  if (sources) {
    const meta = pairOf(top, 'meta');
    if (!meta) {
      const map = new YAMLMap(doc.schema);
      map.items.push(sources);
      const key = new Scalar('meta');
      // Errors about `meta` itself point at where `sources` was written.
      if (isNode(sources.key) && sources.key.range) {
        key.range = [...sources.key.range];
        const end = isNode(sources.value) && sources.value.range ? sources.value.range : sources.key.range;
        map.range = [sources.key.range[0], end[1], end[2]];
      }
      top.items.splice(top.items.indexOf(sources), 1, new Pair(key, map));
      changes.push('moved `sources` to `meta.sources`');
    } else if (isMap(meta.value) && !pairOf(meta.value, 'sources')) {
      top.items.splice(top.items.indexOf(sources), 1);
      const locales = pairOf(meta.value, 'locales');
      const at = locales ? meta.value.items.indexOf(locales) : meta.value.items.length;
      meta.value.items.splice(at, 0, sources);
      changes.push('moved `sources` into the existing `meta`');
    } else {
      changes.push(
        isMap(meta.value)
          ? 'left `sources` where it was: `meta` already has `sources`'
          : 'left `sources` where it was: `meta` is not a mapping',
      );
    }
  }

  // 2. `units` is renamed `forces`: the key scalar of the same pair changes.
  const units = pairOf(top, 'units');
  if (units && isScalar(units.key)) {
    if (pairOf(top, 'forces')) changes.push('left `units` as it was: the file already has `forces`');
    else {
      units.key.value = 'forces';
      changes.push('renamed `units` to `forces`');
    }
  }

  // 3. `victory.objectives` moves to a top-level `objectives`, just before `victory`.
  const victory = pairOf(top, 'victory');
  if (victory && isMap(victory.value)) {
    const objectives = pairOf(victory.value, 'objectives');
    if (objectives) {
      if (pairOf(top, 'objectives'))
        changes.push('left `victory.objectives` where it was: the file already has `objectives`');
      else {
        victory.value.items.splice(victory.value.items.indexOf(objectives), 1);
        top.items.splice(top.items.indexOf(victory), 0, objectives);
        changes.push('moved `victory.objectives` to `objectives`');
        if (victory.value.items.length === 0) {
          top.items.splice(top.items.indexOf(victory), 1);
          changes.push('removed `victory`, empty without its objectives');
        }
      }
    }
  }
  return changes;
}

/** Every step, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    to: 2,
    describe:
      '`sources` moves to `meta.sources`, `units` is renamed `forces`, and `victory.objectives` moves to a top-level `objectives`.',
    apply: v1ToV2,
  },
];

function wholeNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

/** The schemaVersion of a parsed file (a plain value), or null when it has none or not a whole number. */
export function schemaVersionOf(value: unknown): number | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return wholeNumber((value as Record<string, unknown>).schemaVersion);
}

/** The schemaVersion of a document, or null when it has none or not a whole number. */
export function documentVersion(doc: Document): number | null {
  const top = topMapping(doc);
  const pair = top && pairOf(top, 'schemaVersion');
  return pair && isScalar(pair.value) ? wholeNumber(pair.value.value) : null;
}

/**
 * Applies every migration from the document's schemaVersion up to SCENARIO_VERSION, in place. A
 * document with no whole-number schemaVersion, or one newer than this build, is left alone
 * (`from === to`, no changes): the loader reports those.
 */
export function migrateDocument(doc: Document): MigrationResult {
  const from = documentVersion(doc);
  if (from === null) return { from: 0, to: 0, changes: [] };
  const changes: string[] = [];
  let version = from;
  while (version < SCENARIO_VERSION) {
    const step = MIGRATIONS.find((m) => m.from === version);
    if (!step) break;
    changes.push(...step.apply(doc));
    const pair = pairOf(topMapping(doc)!, 'schemaVersion')!;
    (pair.value as Scalar).value = step.to;
    changes.push(`set \`schemaVersion\` to ${step.to}`);
    version = step.to;
  }
  return { from, to: version, changes };
}

/**
 * Migrates a plain value (a parsed JSON file) the same way; the input is not changed. The value
 * comes back as it was when nothing was done.
 */
export function migrateValue(value: unknown): MigrationResult & { value: unknown } {
  if (schemaVersionOf(value) === null) return { value, from: 0, to: 0, changes: [] };
  const doc = new Document(value, { aliasDuplicateObjects: false });
  const result = migrateDocument(doc);
  return { ...result, value: result.changes.length === 0 ? value : doc.toJS() };
}

// ---------------------------------------------------------------- text

/** Migrates the text of a scenario file, YAML or JSON; throws MigrationError for text that is neither. */
export function migrateText(text: string): TextMigration {
  const json = parseJson(text);
  if (json.ok) return migrateJsonText(text, json.value);

  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) throw new MigrationError(`not valid YAML: ${doc.errors[0]!.message}`);
  const version = documentVersion(doc);
  const snapshot = version !== null && version < SCENARIO_VERSION ? takeSnapshot(doc, text) : null;
  const result = migrateDocument(doc);
  if (result.changes.length === 0 || !snapshot)
    return { ...result, text, format: 'yaml', origin: (line, col) => ({ line, col }) };

  const expected = dataOf(doc);
  const printed = reprint(doc, snapshot);
  if (printed && sameData(printed.text, expected) && sameComments(text, printed.text)) {
    const { lines } = printed;
    return {
      ...result,
      text: printed.text,
      format: 'yaml',
      origin: (line, col) => {
        const at = lines[line - 1];
        return at && at.origin !== null ? { line: at.origin + 1, col: Math.max(1, col - at.shift) } : null;
      },
    };
  }

  const whole = doc.toString({ lineWidth: 0 });
  if (!sameData(whole, expected))
    throw new MigrationError('the migrated file does not read back as the migrated data');
  const changes = [
    ...result.changes,
    'laid the whole file out anew: its layout could not be kept line for line',
  ];
  const lost = missingComments(text, whole);
  if (lost > 0) changes.push(`lost ${lost} comment${lost === 1 ? '' : 's'} on the way; check the diff`);
  return { ...result, changes, text: whole, format: 'yaml' };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function migrateJsonText(text: string, value: unknown): TextMigration {
  const result = migrateValue(value);
  if (result.changes.length === 0)
    return { ...result, text, format: 'json', origin: (line, col) => ({ line, col }) };
  // The indentation of the original (two spaces when there is none to follow).
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? (text.trim().includes('\n') ? '  ' : '');
  let out = JSON.stringify(result.value, null, indent);
  if (/\r\n/.test(text)) out = out.replace(/\n/g, '\r\n');
  if (/\r?\n$/.test(text)) out += /\r\n$/.test(text) ? '\r\n' : '\n';
  return { from: result.from, to: result.to, changes: result.changes, text: out, format: 'json' };
}

function dataOf(doc: Document): string {
  return JSON.stringify(doc.toJS());
}

function sameData(text: string, expected: string): boolean {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  return doc.errors.length === 0 && dataOf(doc) === expected;
}

/** Every comment of a text (`# …`, as the YAML lexer sees them), with how often it occurs. */
function commentCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of new Lexer().lex(text))
    if (token.startsWith('#')) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/** How many comments of `before` are not in `after`. */
function missingComments(before: string, after: string): number {
  const kept = commentCounts(after);
  let missing = 0;
  for (const [comment, n] of commentCounts(before)) missing += Math.max(0, n - (kept.get(comment) ?? 0));
  return missing;
}

function sameComments(before: string, after: string): boolean {
  const a = commentCounts(before);
  const b = commentCounts(after);
  return a.size === b.size && [...a].every(([comment, n]) => b.get(comment) === n);
}

// ---------------------------------------------------------------- printing from the original text

/** Where a pair of a block mapping was written (character offsets; every one at a line start but `indent`). */
interface Span {
  /** The mapping it was in. */
  parent: YAMLMap;
  /** Its first line: the blank and comment lines before its key. */
  start: number;
  /** The line of its key. */
  keyLine: number;
  /** The line after its key's. */
  header: number;
  /** After its last line: its value, and the comment lines after it indented deeper than its key. */
  end: number;
  /** The column of its key (0-based). */
  indent: number;
}

interface Snapshot {
  text: string;
  /** Every collection with its items, every pair with its key and value, every scalar with its value. */
  items: Map<unknown, readonly unknown[]>;
  pairs: Map<unknown, { key: unknown; value: unknown }>;
  scalars: Map<unknown, { value: unknown; type: Scalar['type'] }>;
  nodes: Set<unknown>;
  spans: Map<unknown, Span>;
  /** A nested block mapping: the lines after its last pair that belong to it, and the indentation of its keys. */
  tails: Map<unknown, { start: number; end: number; indent: number }>;
  /** The top-level mapping: from its first key's line to the end of its last pair, and its keys' column. */
  body: { start: number; end: number; indent: number } | null;
  /** Indentation for a mapping the migration creates. */
  unit: number;
}

function takeSnapshot(doc: Document, text: string): Snapshot {
  const snap: Snapshot = {
    text,
    items: new Map(),
    pairs: new Map(),
    scalars: new Map(),
    nodes: new Set(),
    spans: new Map(),
    tails: new Map(),
    body: null,
    unit: 2,
  };
  const visit = (node: unknown): void => {
    if (node === null || node === undefined || snap.nodes.has(node)) return;
    snap.nodes.add(node);
    if (isPair(node)) {
      snap.pairs.set(node, { key: node.key, value: node.value });
      visit(node.key);
      visit(node.value);
    } else if (isScalar(node)) snap.scalars.set(node, { value: node.value, type: node.type });
    else if (isMap(node) || isSeq(node)) {
      snap.items.set(node, [...node.items]);
      for (const item of node.items) visit(item);
    }
  };
  visit(doc.contents);

  const lineStart = (at: number) => text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = (at: number) => {
    const nl = text.indexOf('\n', at);
    return nl < 0 ? text.length : nl + 1;
  };
  const indentOf = (line: string) => line.length - line.replace(/^ +/, '').length;

  /**
   * Where the content of a node ends. Not `range[1]` of a block collection: yaml counts the
   * comments that follow its last item as part of it.
   */
  const contentEnd = (node: unknown): number | null => {
    if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
      const last = node.items[node.items.length - 1];
      return isPair(last) ? (contentEnd(last.value) ?? contentEnd(last.key)) : contentEnd(last);
    }
    return isNode(node) && node.range ? node.range[1] : null;
  };

  /** How much deeper than its parent's key the first nested block mapping indents its keys. */
  let nestedUnit: number | undefined;

  /** Records the spans of a block mapping's pairs; returns the end of the last, or -1. */
  const spansOf = (map: YAMLMap, from: number | null, limit: number): number => {
    if (map.flow || map.items.length === 0) return -1;
    const found: Omit<Span, 'start' | 'parent'>[] = [];
    for (const pair of map.items) {
      const key = pair.key;
      if (!isNode(key) || !key.range) return -1;
      const keyStart = key.range[0];
      const keyLine = lineStart(keyStart);
      if (!/^ *$/.test(text.slice(keyLine, keyStart))) return -1;
      const indent = keyStart - keyLine;
      let valueEnd = Math.max(contentEnd(pair.value) ?? key.range[1], keyStart);
      if (valueEnd > keyStart && text[valueEnd - 1] === '\n') valueEnd--;
      let end = lineEnd(valueEnd);
      for (let at = end; at < limit;) {
        const next = lineEnd(at);
        const line = text.slice(at, next);
        const trimmed = line.trim();
        if (trimmed !== '' && !(trimmed.startsWith('#') && indentOf(line) > indent)) break;
        at = next;
        if (trimmed !== '') end = next;
      }
      found.push({ keyLine, header: lineEnd(keyStart), end: Math.min(end, limit), indent });
    }
    let at = from ?? found[0]!.keyLine;
    const spans: Span[] = [];
    for (const f of found) {
      if (at > f.keyLine || f.end < f.header || f.indent !== found[0]!.indent) return -1;
      spans.push({ ...f, start: at, parent: map });
      at = f.end;
    }
    map.items.forEach((pair, i) => snap.spans.set(pair, spans[i]!));
    map.items.forEach((pair, i) => {
      const value = pair.value;
      const span = spans[i]!;
      if (isMap(value) && !value.flow && value.range && value.range[0] >= span.header) {
        const end = spansOf(value, span.header, span.end);
        if (end >= 0) {
          const indent = snap.spans.get(value.items[0])!.indent;
          snap.tails.set(value, { start: end, end: span.end, indent });
          nestedUnit ??= indent - span.indent;
        }
      }
    });
    return at;
  };
  if (isMap(doc.contents)) {
    const end = spansOf(doc.contents, null, text.length);
    const first = snap.spans.get(doc.contents.items[0]);
    if (end >= 0 && first) snap.body = { start: first.start, end, indent: first.indent };
  }
  if (nestedUnit !== undefined && nestedUnit > 0 && nestedUnit <= 8) snap.unit = nestedUnit;
  else {
    // Else the least indentation of any line with content (two spaces when there is none).
    let least = Infinity;
    for (const m of text.matchAll(/^( +)[^ #\r\n]/gm)) least = Math.min(least, m[1]!.length);
    if (least <= 8) snap.unit = least;
  }
  return snap;
}

interface OutLine {
  text: string;
  /** 0-based line of the original text, or null for a line the migration wrote. */
  origin: number | null;
  /** Columns added (or taken, when negative) at the start of the line. */
  shift: number;
}

class Unprintable extends Error {}

/** Prints the migrated document from the original text; null when its layout is beyond this printer. */
function reprint(doc: Document, snap: Snapshot): { text: string; lines: OutLine[] } | null {
  const { text } = snap;
  if (!isMap(doc.contents) || !snap.body) return null;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const lineEnd = (at: number) => {
    const nl = text.indexOf('\n', at);
    return nl < 0 ? text.length : nl + 1;
  };
  const blankAt = (at: number) => text.slice(at, lineEnd(at)).trim() === '';

  // What is in the document now.
  const present = new Set<unknown>();
  const collect = (node: unknown): void => {
    if (node === null || node === undefined || present.has(node)) return;
    present.add(node);
    if (isPair(node)) {
      collect(node.key);
      collect(node.value);
    } else if (isMap(node) || isSeq(node)) for (const item of node.items) collect(item);
  };
  collect(doc.contents);

  // Scalars whose value changed: their new text replaces their old one.
  const edits: { start: number; end: number; text: string }[] = [];
  for (const [node, was] of snap.scalars) {
    const scalar = node as Scalar;
    if (!present.has(scalar) || (scalar.value === was.value && scalar.type === was.type)) continue;
    const written = scalarText(scalar);
    if (!scalar.range || written === null) return null;
    edits.push({ start: scalar.range[0], end: scalar.range[1], text: written });
  }
  const applied = new Set<(typeof edits)[number]>();

  /** Whether a node has the same collections with the same items as before (scalars may have changed). */
  const shapes = new Map<unknown, boolean>();
  const sameShape = (node: unknown): boolean => {
    if (node === null || node === undefined) return true;
    const known = shapes.get(node);
    if (known !== undefined) return known;
    let same = snap.nodes.has(node);
    if (same && (isMap(node) || isSeq(node))) {
      const before = snap.items.get(node)!;
      same = before.length === node.items.length && node.items.every((item, i) => item === before[i]);
      for (const item of node.items) {
        if (!same) break;
        if (isPair(item)) {
          const was = snap.pairs.get(item)!;
          same =
            was.key === item.key && was.value === item.value && sameShape(item.key) && sameShape(item.value);
        } else same = sameShape(item);
      }
    } else if (same) same = isScalar(node) || isAlias(node);
    shapes.set(node, same);
    return same;
  };

  const lines: OutLine[] = [];
  const push = (line: OutLine) => {
    const last = lines[lines.length - 1];
    if (last && !last.text.endsWith('\n')) last.text += eol;
    lines.push(line);
  };
  const write = (line: string) => push({ text: line + eol, origin: null, shift: 0 });
  /** Copies the original lines from `start` to `end`, re-indented by `shift`, with the edits in them. */
  const copy = (start: number, end: number, shift: number) => {
    let line = lineOf(start);
    for (let at = start; at < end; line++) {
      const next = Math.min(lineEnd(at), end);
      let out = text.slice(at, next);
      const inLine = edits.filter((e) => e.start >= at && e.start < next).sort((a, b) => b.start - a.start);
      for (const e of inLine) {
        if (e.end > next || (e.end === next && text[next - 1] === '\n')) throw new Unprintable();
        out = out.slice(0, e.start - at) + e.text + out.slice(e.end - at);
        applied.add(e);
      }
      if (out.trim() !== '' && shift > 0) out = ' '.repeat(shift) + out;
      else if (out.trim() !== '' && shift < 0) {
        if (!out.startsWith(' '.repeat(-shift))) throw new Unprintable();
        out = out.slice(-shift);
      }
      push({ text: out, origin: line, shift });
      at = next;
    }
  };
  const lastIsBlankOrComment = () => {
    const last = lines[lines.length - 1]?.text.trim();
    return last === undefined || last === '' || last.startsWith('#');
  };

  const printPair = (pair: Pair, indent: number, skipLeading: boolean): void => {
    const span = snap.spans.get(pair);
    const was = snap.pairs.get(pair);
    const intact = was !== undefined && was.key === pair.key && was.value === pair.value;
    if (span && intact && sameShape(pair.key) && sameShape(pair.value)) {
      copy(skipLeading ? span.keyLine : span.start, span.end, indent - span.indent);
      return;
    }
    const tail = snap.tails.get(pair.value);
    if (span && intact && tail && isMap(pair.value) && sameShape(pair.key)) {
      const shift = indent - span.indent;
      copy(skipLeading ? span.keyLine : span.start, span.header, shift);
      printPairs(pair.value, tail.indent + shift, false);
      copy(tail.start, tail.end, shift);
      return;
    }
    const value = pair.value;
    if (
      !was &&
      isScalar(pair.key) &&
      !snap.nodes.has(pair.key) &&
      isMap(value) &&
      !snap.nodes.has(value) &&
      !value.flow &&
      value.items.length > 0
    ) {
      // A mapping the migration made: the leading comments of its first pair come before it.
      const first = snap.spans.get(value.items[0]);
      const hoist = first !== undefined && !skipLeading;
      if (hoist) copy(first.start, first.keyLine, indent - first.indent);
      const key = scalarText(pair.key);
      if (key === null) throw new Unprintable();
      write(`${' '.repeat(indent)}${key}:`);
      printPairs(value, indent + snap.unit, hoist);
      return;
    }
    throw new Unprintable();
  };

  const printPairs = (map: YAMLMap, indent: number, skipLeadingOfFirst: boolean): void => {
    const items = map.items as Pair[];
    // A pair the migration removed leaves its leading lines where it was, and the lines that
    // ended its mapping after the last of its pairs that moved here (its comments stay).
    const removed = new Map<unknown, { start: number; end: number; indent: number }[]>();
    const keep = (after: unknown, part: { start: number; end: number; indent: number }) =>
      removed.set(after, [...(removed.get(after) ?? []), part]);
    const before = (snap.items.get(map) ?? []) as Pair[];
    before.forEach((pair, i) => {
      const span = snap.spans.get(pair);
      if (present.has(pair) || !span) return;
      let after: Pair | null = null;
      for (let j = i - 1; j >= 0 && after === null; j--) if (items.includes(before[j]!)) after = before[j]!;
      keep(after, { start: span.start, end: span.keyLine, indent: span.indent });
      const tail = snap.tails.get(pair.value);
      if (tail) {
        const movedHere = items.filter((p) => snap.spans.get(p)?.parent === pair.value);
        keep(movedHere.at(-1) ?? after, tail);
      }
    });
    const leftovers = (after: Pair | null) => {
      for (const part of removed.get(after) ?? []) copy(part.start, part.end, indent - part.indent);
    };
    const startLines = lines.length;
    leftovers(null);
    items.forEach((pair, i) => {
      const span = snap.spans.get(pair);
      // A pair moved in from another mapping is set off by a blank line like its new neighbours.
      if (span && span.parent !== map && !blankAt(span.start) && lines.length > startLines) {
        const next = snap.spans.get(items[i + 1]);
        if (next && next.start < next.keyLine && blankAt(next.start) && !lastIsBlankOrComment()) write('');
      }
      printPair(pair, indent, i === 0 && skipLeadingOfFirst);
      leftovers(pair);
    });
  };

  try {
    copy(0, snap.body.start, 0);
    printPairs(doc.contents, snap.body.indent, false);
    copy(snap.body.end, text.length, 0);
  } catch (e) {
    if (e instanceof Unprintable) return null;
    throw e;
  }
  if (applied.size !== edits.length) return null;
  return { text: lines.map((l) => l.text).join(''), lines };
}

/** A scalar as it is written on one line, in its own style; null when it needs more than one line. */
function scalarText(scalar: Scalar): string | null {
  const copy = new Scalar(scalar.value);
  copy.type = scalar.type;
  const out = new Document(copy).toString({ lineWidth: 0 }).replace(/\r?\n$/, '');
  return out.includes('\n') ? null : out;
}
