// Reads YAML (or JSON, which the same parser accepts) and validates it against a zod schema.
// Every problem is reported with the file, line and column of the node it concerns, a stable code
// (src/scenario/codes.ts) and the JSON path of the node.
//
// Files are data from anyone: before the YAML parser sees a file it is checked for size, binary or
// non-UTF-8 content, nesting depth and the length of its lists (a cheap linear scan), so that a
// hostile file gets an error quickly instead of a crash or a hang. Aliases are expanded under a cap.
import { isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { Code } from './codes.ts';
import { closest, didYouMean, formatPath, Reporter, toProblem, type Diagnostic } from './diagnostics.ts';

export interface Problem {
  file: string;
  line: number;
  col: number;
  message: string;
}

export class ScenarioError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioError';
    this.problems = problems;
  }
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.message}`;
}

export type Path = readonly (string | number)[];

/** The limits on any scenario or map file. */
export const LIMITS = {
  /** Bytes. */
  maxBytes: 2 * 1024 * 1024,
  /** Levels of nested lists and mappings. */
  maxDepth: 64,
  /** Entries in one list or mapping. */
  maxItems: 10_000,
  /** Entries in all the lists and mappings of a file. */
  maxTotalItems: 25_000,
  /** yaml's cap on alias expansion (see its `maxAliasCount`). */
  maxAliasCount: 100,
} as const;

/** A parsed file that can tell where any path in it was written. */
export class SourceFile {
  constructor(
    readonly file: string,
    /** The parsed document (migrations rewrite it in place; nodes keep their source ranges). */
    readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Line and column of a character offset. */
  at(offset: number): { line: number; col: number } {
    const pos = this.lines.linePos(offset);
    return { line: pos.line, col: pos.col };
  }

  /** Line and column of the node at `path`, or of its nearest existing parent. */
  position(path: Path): { line: number; col: number } {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return this.at(node.range[0]);
    }
    return { line: 1, col: 1 };
  }

  /** Line and column of the key `key` in the mapping at `path` (for unknown keys). */
  keyPosition(path: Path, key: string): { line: number; col: number } {
    const node = path.length === 0 ? this.doc.contents : this.doc.getIn(path, true);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key) && String(pair.key.value) === key && pair.key.range)
          return this.at(pair.key.range[0]);
      }
    }
    return this.position(path);
  }
}

function fileDiagnostic(
  file: string,
  code: Code,
  pos: { line: number; col: number },
  message: string,
  path = '$',
): Diagnostic {
  return { file, ...pos, severity: 'error', code, path, message };
}

/** Line and column of an offset into `text` (1-based), counting from the last newline before it. */
function offsetPosition(text: string | Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = typeof text === 'string' ? text.charCodeAt(i) : text[i];
    if (c === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, col: offset - start + 1 };
}

/** Offset of the first byte that breaks UTF-8, or -1. */
function firstBadUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

function megabytes(bytes: number): string {
  return `${(Math.floor((bytes * 10) / (1024 * 1024)) / 10).toFixed(1)} MB`;
}

/**
 * The text of a file, or why it is refused: over 2 MB (`size`, when known, is checked before the
 * content is looked at), binary (a NUL byte), or not UTF-8.
 */
export function decodeSource(
  file: string,
  content: Uint8Array | string,
  size?: number,
): { text: string; diagnostics: [] } | { text: null; diagnostics: Diagnostic[] } {
  const bytes =
    size ?? (typeof content === 'string' ? new TextEncoder().encode(content).length : content.length);
  const refuse = (code: Code, pos: { line: number; col: number }, message: string) => ({
    text: null,
    diagnostics: [fileDiagnostic(file, code, pos, message)],
  });
  if (bytes > LIMITS.maxBytes)
    return refuse(
      'FILE_TOO_BIG',
      { line: 1, col: 1 },
      `The file is ${megabytes(bytes)} (${bytes} bytes); scenario and map files are at most 2 MB.`,
    );
  const nul = typeof content === 'string' ? content.indexOf('\u0000') : content.indexOf(0);
  if (nul >= 0)
    return refuse(
      'BINARY',
      offsetPosition(content, nul),
      'The file holds a NUL byte: it is binary, not a YAML or JSON text file.',
    );
  if (typeof content === 'string') return { text: content, diagnostics: [] };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(content), diagnostics: [] };
  } catch {
    const bad = firstBadUtf8(content);
    return refuse(
      'NOT_UTF8',
      bad < 0 ? { line: 1, col: 1 } : offsetPosition(content, bad),
      `The file is not UTF-8 text${bad < 0 ? '' : ` (byte 0x${content[bad]!.toString(16).padStart(2, '0')} at offset ${bad})`}; save it as UTF-8.`,
    );
  }
}

// ---------------------------------------------------------------- the pre-scan

interface Refusal {
  code: 'TOO_DEEP' | 'TOO_MANY_ITEMS';
  offset: number;
  path: string;
  message: string;
}

class Stop {
  constructor(readonly refusal: Refusal) {}
}

const tooDeepMessage = `Nesting deeper than ${LIMITS.maxDepth} levels: no scenario needs that many; flatten the data.`;
const tooManyMessage = (what: string) =>
  `${what} has more than ${LIMITS.maxItems.toLocaleString('en')} entries: scenario and map lists are far shorter.`;
const tooManyTotalMessage = `The file has more than ${LIMITS.maxTotalItems.toLocaleString('en')} entries in its lists and mappings: scenario and map files are far smaller.`;

/**
 * A linear scan of the text that estimates the nesting depth and the length of every list and
 * mapping (block and flow style) without building anything, so that the YAML parser — which
 * recurses, and slows down on huge collections — never sees a hostile file. Returns the first limit
 * broken, or null. It errs on the side of counting too much only for odd layouts far from the limits.
 */
export function prescan(text: string): Refusal | null {
  const n = text.length;
  interface Level {
    indent: number;
    kind: 'seq' | 'map';
    count: number;
    offset: number;
    label: string | number;
  }
  interface FlowLevel {
    count: number;
    offset: number;
    inItem: boolean;
  }
  const block: Level[] = [];
  const flow: FlowLevel[] = [];
  let total = 0;
  let scalarIndent = -1;

  const path = (): (string | number)[] => [
    ...block.map((l) => l.label),
    ...flow.map((f) => Math.max(0, f.count - 1)),
  ];
  const stop = (code: Refusal['code'], offset: number, message: string, at = path()): never => {
    throw new Stop({ code, offset, path: formatPath(at), message });
  };
  const depthCheck = (offset: number) => {
    if (block.length + flow.length > LIMITS.maxDepth) stop('TOO_DEEP', offset, tooDeepMessage);
  };
  const counted = (count: number, start: number, offset: number, what: string) => {
    total++;
    // The path of the collection itself: without the label of its current entry.
    if (count > LIMITS.maxItems) stop('TOO_MANY_ITEMS', start, tooManyMessage(what), path().slice(0, -1));
    if (total > LIMITS.maxTotalItems) stop('TOO_MANY_ITEMS', offset, tooManyTotalMessage);
  };
  const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r';

  const skipQuoted = (p: number): number => {
    const q = text[p];
    p++;
    while (p < n) {
      const c = text[p];
      if (q === '"' && c === '\\') p += 2;
      else if (c === q) {
        if (q === "'" && text[p + 1] === "'") p += 2;
        else return p + 1;
      } else p++;
    }
    return n;
  };
  const lineEnd = (p: number): number => {
    const e = text.indexOf('\n', p);
    return e < 0 ? n : e;
  };

  const scanFlow = (p: number): number => {
    let tokenStart = true;
    while (p < n) {
      const c = text[p]!;
      if (c === '\n' || isBlank(c)) {
        p++;
        continue;
      }
      if (c === '#' && (p === 0 || text[p - 1] === ' ' || text[p - 1] === '\t' || text[p - 1] === '\n')) {
        p = lineEnd(p);
        continue;
      }
      const top = flow[flow.length - 1];
      if (c === ']' || c === '}') {
        flow.pop();
        p++;
        if (flow.length === 0) return p;
        tokenStart = false;
        continue;
      }
      if (c === ',') {
        if (top) top.inItem = false;
        p++;
        tokenStart = true;
        continue;
      }
      if (c === ':') {
        p++;
        tokenStart = true;
        continue;
      }
      if (top && !top.inItem) {
        top.inItem = true;
        top.count++;
        counted(top.count, top.offset, p, 'A flow list or mapping');
      }
      if (c === '[' || c === '{') {
        flow.push({ count: 0, offset: p, inItem: false });
        depthCheck(p);
        p++;
        tokenStart = true;
        continue;
      }
      if ((c === '"' || c === "'") && tokenStart) {
        p = skipQuoted(p);
        tokenStart = false;
        continue;
      }
      p++;
      tokenStart = false;
    }
    return n;
  };

  /** Scans a value that starts at `p` on a line ending at `eol`; returns where the next line starts. */
  const scanValue = (p: number, eol: number, nodeIndent: number): number => {
    for (;;) {
      while (p < eol && isBlank(text[p])) p++;
      if (p >= eol) return eol + 1;
      const c = text[p]!;
      if (c === '&' || c === '!') {
        while (p < eol && !isBlank(text[p])) p++;
        continue;
      }
      if (c === '#') return eol + 1;
      if (c === '|' || c === '>') {
        scalarIndent = nodeIndent;
        return eol + 1;
      }
      if (c === '"' || c === "'") return lineEnd(skipQuoted(p)) + 1;
      if (c === '[' || c === '{') {
        flow.push({ count: 0, offset: p, inItem: false });
        depthCheck(p);
        return lineEnd(scanFlow(p + 1)) + 1;
      }
      return eol + 1;
    }
  };

  /** `key:` at p: the index after the colon, or -1. */
  const keyAt = (p: number, eol: number): { key: string; after: number } | null => {
    const c = text[p];
    if (c === '"' || c === "'") {
      let q = p + 1;
      while (q < eol && text[q] !== c) q += c === '"' && text[q] === '\\' ? 2 : 1;
      if (q >= eol) return null;
      const key = text.slice(p + 1, q);
      q++;
      while (q < eol && isBlank(text[q])) q++;
      return text[q] === ':' && (q + 1 >= eol || isBlank(text[q + 1])) ? { key, after: q + 1 } : null;
    }
    if (c === undefined || '[]{},#&*!|>%@`'.includes(c)) return null;
    for (let q = p; q < eol; q++) {
      const d = text[q];
      if (d === '#' && isBlank(text[q - 1])) return null;
      if (d === ':' && (q + 1 >= eol || isBlank(text[q + 1])))
        return { key: text.slice(p, q).trimEnd(), after: q + 1 };
    }
    return null;
  };

  const enter = (kind: Level['kind'], indent: number, offset: number, label: string | number) => {
    let top = block[block.length - 1];
    if (top && top.indent === indent && top.kind !== kind && kind === 'map') {
      block.pop(); // a key at the indentation of a sequence ends the sequence
      top = block[block.length - 1];
    }
    if (!top || top.indent !== indent || top.kind !== kind) {
      top = { indent, kind, count: 0, offset, label: 0 };
      block.push(top);
      depthCheck(offset);
    }
    top.count++;
    top.label = kind === 'seq' ? top.count - 1 : label;
    counted(top.count, top.offset, offset, kind === 'seq' ? 'A list' : 'A mapping');
  };

  try {
    let i = 0;
    while (i < n) {
      const eol = lineEnd(i);
      let p = i;
      while (p < eol && (text[p] === ' ' || text[p] === '\t')) p++;
      const indent = p - i;
      if (p >= eol || text[p] === '#' || (text[p] === '\r' && p + 1 >= eol)) {
        i = eol + 1;
        continue;
      }
      if (scalarIndent >= 0) {
        if (indent > scalarIndent) {
          i = eol + 1;
          continue;
        }
        scalarIndent = -1;
      }
      if (
        indent === 0 &&
        (text.startsWith('---', p) || text.startsWith('...', p)) &&
        (p + 3 >= eol || isBlank(text[p + 3]))
      ) {
        block.length = 0;
        i = scanValue(p + 3, eol, -1);
        continue;
      }
      while (block.length > 0 && block[block.length - 1]!.indent > indent) block.pop();
      let nodeIndent = indent;
      while (text[p] === '-' && (p + 1 >= eol || isBlank(text[p + 1]))) {
        nodeIndent = p - i;
        enter('seq', nodeIndent, p, 0);
        p++;
        while (p < eol && isBlank(text[p])) p++;
      }
      const key = keyAt(p, eol);
      if (key) {
        nodeIndent = p - i;
        enter('map', nodeIndent, p, key.key);
        p = key.after;
      }
      i = scanValue(p, eol, nodeIndent);
    }
  } catch (e) {
    if (e instanceof Stop) return e.refusal;
    throw e;
  }
  return null;
}

// ---------------------------------------------------------------- parsing

export interface Parsed {
  /** Null when the file never reached the parser. */
  source: SourceFile | null;
  value: unknown;
  /** Problems of the file and parse layers. */
  diagnostics: Diagnostic[];
  /** True when the value can go on to the schema (duplicate keys alone do not stop it). */
  ok: boolean;
}

function sentence(text: string): string {
  const t = text.trim();
  if (t === '') return t;
  const s = t[0]!.toUpperCase() + t.slice(1);
  return /[.?!:]$/.test(s) ? s : `${s}.`;
}

/** Parses YAML or JSON text with every guard: the value, or the problems that stop it. */
export function parseSource(file: string, text: string): Parsed {
  const refusal = prescan(text);
  if (refusal) {
    return {
      source: null,
      value: null,
      ok: false,
      diagnostics: [
        fileDiagnostic(
          file,
          refusal.code,
          offsetPosition(text, refusal.offset),
          refusal.message,
          refusal.path,
        ),
      ],
    };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  const source = new SourceFile(file, doc, lines);
  const rep = new Reporter(source);
  for (const e of doc.errors) {
    const code: Code = e.code === 'RESOURCE_EXHAUSTION' ? 'TOO_DEEP' : 'YAML_SYNTAX';
    rep.add(
      code,
      [],
      e.code === 'MULTIPLE_DOCS'
        ? 'A second YAML document starts here (a line "---"): a scenario or map file is one document.'
        : sentence(e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')),
      source.at(e.pos[0]),
    );
  }
  if (rep.list.length > 0) return { source, value: null, diagnostics: rep.list, ok: false };

  // Walk the syntax tree: exact depth and sizes, duplicate keys, and the first alias.
  let total = 0;
  let firstAlias: number | null = null;
  let stopped = false;
  const visit = (node: unknown, path: (string | number)[], depth: number): void => {
    if (stopped) return;
    if (isAlias(node)) {
      if (firstAlias === null && node.range) firstAlias = node.range[0];
      return;
    }
    if (!isMap(node) && !isSeq(node)) return;
    if (depth > LIMITS.maxDepth) {
      rep.add('TOO_DEEP', path, tooDeepMessage);
      stopped = true;
      return;
    }
    total += node.items.length;
    if (node.items.length > LIMITS.maxItems || total > LIMITS.maxTotalItems) {
      rep.add(
        'TOO_MANY_ITEMS',
        path,
        node.items.length > LIMITS.maxItems
          ? tooManyMessage(isMap(node) ? 'A mapping' : 'A list')
          : tooManyTotalMessage,
      );
      stopped = true;
      return;
    }
    if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, [...path, i], depth + 1));
      return;
    }
    const seen = new Map<string, number>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : null;
      if (key !== null && pair.key && isNode(pair.key) && pair.key.range) {
        const first = seen.get(key);
        if (first !== undefined)
          rep.add(
            'DUPLICATE_KEY',
            [...path, key],
            `The key "${key}" appears twice in this mapping (first at line ${first}); keep one.`,
            source.at(pair.key.range[0]),
          );
        else seen.set(key, source.at(pair.key.range[0]).line);
      }
      visit(pair.value, key === null ? path : [...path, key], depth + 1);
    }
  };
  visit(doc.contents, [], 1);
  if (stopped) return { source, value: null, diagnostics: rep.list, ok: false };

  let value: unknown;
  try {
    value = documentValue(doc);
  } catch (e) {
    const bomb = e instanceof ReferenceError || /alias/i.test((e as Error).message);
    rep.add(
      bomb ? 'ALIAS_BOMB' : 'YAML_SYNTAX',
      [],
      bomb
        ? 'Aliases (*name) here expand to too much data, like an alias bomb ("billion laughs"); write the values out or use fewer aliases.'
        : sentence((e as Error).message),
      firstAlias === null ? undefined : source.at(firstAlias),
    );
    return { source, value: null, diagnostics: rep.list, ok: false };
  }
  return { source, value, diagnostics: rep.list, ok: true };
}

/** The plain value of a parsed document, with aliases expanded under the cap. */
export function documentValue(doc: Document): unknown {
  return doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
}

// ---------------------------------------------------------------- schema

/** Top-level scenario keys of schemaVersion 1 that version 2 renamed or moved. */
const RENAMED_KEYS: Record<string, { to: string; how: string }> = {
  units: { to: 'forces', how: 'called `forces`' },
  sources: { to: 'meta', how: 'written under `meta`' },
};

interface ZodDef {
  type: string;
  shape?: Record<string, ZodLike>;
  element?: ZodLike;
  innerType?: ZodLike;
  getter?: () => ZodLike;
  in?: ZodLike;
  options?: ZodLike[];
  discriminator?: string;
  keyType?: ZodLike;
  valueType?: ZodLike;
  items?: ZodLike[];
  entries?: Record<string, string | number>;
  values?: unknown[];
}
interface ZodLike {
  _zod: { def: ZodDef };
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

function unwrap(schema: ZodLike): ZodLike {
  let s = schema;
  for (let guard = 0; guard < 32; guard++) {
    const def = s._zod.def;
    if (WRAPPERS.has(def.type) && def.innerType) s = def.innerType;
    else if (def.type === 'lazy' && def.getter) s = def.getter();
    else if (def.type === 'pipe' && def.in) s = def.in;
    else break;
  }
  return s;
}

function isRecordValue(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The branch of a union that best fits `value`: the one its discriminator or its keys name. */
function branchFor(union: ZodLike, value: unknown): ZodLike | undefined {
  const def = union._zod.def;
  const options = (def.options ?? []).map(unwrap);
  if (!isRecordValue(value)) return options[0];
  if (def.discriminator !== undefined) {
    const want = value[def.discriminator];
    const hit = options.find((o) => {
      const d = o._zod.def.shape?.[def.discriminator!];
      return d !== undefined && (unwrap(d)._zod.def.values ?? []).includes(want);
    });
    if (hit) return hit;
  }
  let best: ZodLike | undefined;
  let bestScore = -1;
  for (const o of options) {
    const shape = o._zod.def.shape;
    if (!shape) continue;
    const score = Object.keys(value).filter((k) => k in shape).length;
    if (score > bestScore) {
      best = o;
      bestScore = score;
    }
  }
  return best ?? options[0];
}

/** The schema of the node at `path` (following the union branch the data takes), or null. */
function schemaAt(root: ZodLike, value: unknown, path: Path): ZodLike | null {
  let s: ZodLike | undefined = unwrap(root);
  let v = value;
  for (const key of path) {
    if (s._zod.def.type === 'union') s = branchFor(s, v);
    if (!s) return null;
    const def: ZodDef = s._zod.def;
    if (def.type === 'object') s = def.shape?.[String(key)];
    else if (def.type === 'array') s = def.element;
    else if (def.type === 'record') s = def.valueType;
    else if (def.type === 'tuple') s = def.items?.[Number(key)];
    else return null;
    if (!s) return null;
    s = unwrap(s);
    v = isRecordValue(v) || Array.isArray(v) ? (v as Record<string, unknown>)[key as string] : undefined;
  }
  return s._zod.def.type === 'union' ? (branchFor(s, v) ?? s) : s;
}

/** The keys a mapping may have at `path`. */
function allowedKeys(root: ZodLike, value: unknown, path: Path): string[] {
  const s = schemaAt(root, value, path);
  if (!s) return [];
  const def = s._zod.def;
  if (def.type === 'object') return Object.keys(def.shape ?? {});
  if (def.type === 'record' && def.keyType) {
    const k = unwrap(def.keyType)._zod.def;
    if (k.type === 'enum') return Object.values(k.entries ?? {}).map(String);
  }
  return [];
}

/** Every key of every object branch of the union at `path`. */
function unionKeys(root: ZodLike, value: unknown, path: Path): string[] {
  let s: ZodLike | null | undefined =
    path.length === 0 ? unwrap(root) : schemaAt(root, value, path.slice(0, -1));
  if (s && path.length > 0) {
    const def: ZodDef = s._zod.def;
    const key = path[path.length - 1]!;
    s =
      def.type === 'object'
        ? def.shape?.[String(key)]
        : def.type === 'array'
          ? def.element
          : def.type === 'record'
            ? def.valueType
            : def.type === 'tuple'
              ? def.items?.[Number(key)]
              : undefined;
    s = s ? unwrap(s) : undefined;
  }
  if (!s || s._zod.def.type !== 'union') return [];
  const keys: string[] = [];
  for (const o of (s._zod.def.options ?? []).map(unwrap))
    for (const k of Object.keys(o._zod.def.shape ?? {})) if (!keys.includes(k)) keys.push(k);
  return keys;
}

interface RawIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  keys?: string[];
  errors?: RawIssue[][];
  issues?: RawIssue[];
  note?: string;
  discriminator?: string;
  options?: unknown[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
}

function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const key of path) {
    if (isRecordValue(v) || Array.isArray(v)) v = (v as Record<string, unknown>)[key as string];
    else return undefined;
  }
  return v;
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'nothing (null)';
  if (typeof v === 'string') return v.length > 60 ? `the text "${v.slice(0, 57)}…"` : `the text "${v}"`;
  if (typeof v === 'number') return Number.isFinite(v) ? `the number ${v}` : `the number ${String(v)}`;
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return 'a list';
  if (isRecordValue(v)) return 'a mapping (key: value)';
  return typeof v;
}

const EXPECTED: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value)',
  record: 'a mapping (key: value)',
  tuple: 'a list',
  null: 'nothing (null)',
};

function listValues(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

interface Flat {
  code: Code;
  path: (string | number)[];
  message: string;
  /** Place the problem at this key of the mapping at `path` (unknown keys, record keys). */
  key?: string;
  /** For an unknown key: the allowed key it is likely a typo of. */
  suggestion?: string;
}

function toPath(path: PropertyKey[]): (string | number)[] {
  return path.filter((p): p is string | number => typeof p !== 'symbol');
}

/** Does this branch of a union fail at its own top (wrong kind of node, unknown or missing keys)? */
function failsAtTop(issues: RawIssue[], value: unknown): boolean {
  return issues.some((i) => {
    const path = toPath(i.path);
    if (path.length === 0)
      return (
        i.code === 'invalid_type' ||
        i.code === 'unrecognized_keys' ||
        i.code === 'invalid_value' ||
        (i.code === 'invalid_union' && (i.errors ?? []).every((b) => failsAtTop(b, value)))
      );
    return (
      path.length === 1 &&
      i.code === 'invalid_type' &&
      isRecordValue(value) &&
      value[String(path[0])] === undefined
    );
  });
}

function flatten(
  root: ZodLike,
  data: unknown,
  issue: RawIssue,
  base: (string | number)[],
  out: Flat[],
): void {
  const path = [...base, ...toPath(issue.path)];
  const value = valueAt(data, path);
  switch (issue.code) {
    case 'invalid_type': {
      const last = path[path.length - 1];
      const parent = valueAt(data, path.slice(0, -1));
      if (value === undefined && last !== undefined && isRecordValue(parent)) {
        out.push({ code: 'REQUIRED', path, message: `Missing required key "${String(last)}".` });
        return;
      }
      const expected = EXPECTED[issue.expected ?? ''] ?? issue.expected ?? 'something else';
      out.push({ code: 'TYPE', path, message: `Expected ${expected}, got ${describeValue(value)}.` });
      return;
    }
    case 'invalid_value': {
      const values = issue.values ?? [];
      const last = path[path.length - 1];
      if (value === undefined && last !== undefined && isRecordValue(valueAt(data, path.slice(0, -1)))) {
        out.push({
          code: 'REQUIRED',
          path,
          message: `Missing required key "${String(last)}" (${values.length === 1 ? listValues(values) : `one of: ${listValues(values)}`}).`,
        });
        return;
      }
      if (values.length === 1) {
        out.push({
          code: 'ENUM',
          path,
          message: `Expected ${listValues(values)}, got ${describeValue(value)}.`,
        });
        return;
      }
      const hint = typeof value === 'string' ? didYouMean(value, values.map(String)) : '';
      out.push({
        code: 'ENUM',
        path,
        message: `${typeof value === 'string' ? `Unknown value "${value}"` : `Got ${describeValue(value)}`}; expected one of: ${listValues(values)}.${hint}`,
      });
      return;
    }
    case 'unrecognized_keys': {
      const allowed = allowedKeys(root, data, path);
      for (const key of issue.keys ?? []) {
        const renamed = path.length === 0 && allowed.includes('forces') ? RENAMED_KEYS[key] : undefined;
        const suggestion = renamed?.to ?? closest(key, allowed);
        const hint =
          suggestion === undefined
            ? ''
            : ` Did you mean "${suggestion}"?${renamed ? ` (\`${key}\` is ${renamed.how} since schemaVersion 2.)` : ''}`;
        const list =
          hint === '' && allowed.length > 0 && allowed.length <= 12
            ? ` Allowed keys here: ${allowed.join(', ')}.`
            : '';
        out.push({
          code: 'UNKNOWN_KEY',
          path,
          key,
          suggestion,
          message: `Unknown key "${key}".${hint}${list}`,
        });
      }
      return;
    }
    case 'invalid_union': {
      if (
        issue.note === 'No matching discriminator' ||
        (issue.discriminator !== undefined && !issue.errors?.length)
      ) {
        const options = issue.options ?? [];
        if (value === undefined) {
          out.push({
            code: 'REQUIRED',
            path,
            message: `Missing required key "${String(path[path.length - 1])}" (one of: ${listValues(options)}).`,
          });
          return;
        }
        const hint = typeof value === 'string' ? didYouMean(value, options.map(String)) : '';
        out.push({
          code: 'ENUM',
          path,
          message: `${typeof value === 'string' ? `Unknown value "${value}"` : `Got ${describeValue(value)}`}; expected one of: ${listValues(options)}.${hint}`,
        });
        return;
      }
      const lastKey = path[path.length - 1];
      if (value === undefined && lastKey !== undefined && isRecordValue(valueAt(data, path.slice(0, -1)))) {
        out.push({ code: 'REQUIRED', path, message: `Missing required key "${String(lastKey)}".` });
        return;
      }
      const branches = issue.errors ?? [];
      const fitting = branches.filter((b) => !failsAtTop(b, value));
      if (fitting.length > 0) {
        const best = fitting.reduce((a, b) => (b.length < a.length ? b : a));
        for (const i of best) flatten(root, data, i, path, out);
        return;
      }
      const keys = unionKeys(root, data, path);
      if (isRecordValue(value) && keys.length > 0) {
        const unknown = Object.keys(value).filter((k) => !keys.includes(k));
        for (const key of unknown) {
          const suggestion = closest(key, keys);
          out.push({
            code: 'UNKNOWN_KEY',
            path,
            key,
            suggestion,
            message: `Unknown key "${key}".${suggestion === undefined ? ` Expected one of: ${keys.join(', ')}.` : ` Did you mean "${suggestion}"?`}`,
          });
        }
        if (unknown.length === 0)
          out.push({
            code: 'INVALID',
            path,
            message: `Expected a mapping with exactly one of the keys: ${keys.join(', ')}.`,
          });
        return;
      }
      const expected = new Set<string>();
      for (const b of branches)
        for (const i of b)
          if (toPath(i.path).length === 0 && i.code === 'invalid_type')
            expected.add(EXPECTED[i.expected ?? ''] ?? i.expected ?? '');
      if (keys.length > 0) expected.add(`a mapping with one of the keys ${keys.join(', ')}`);
      out.push({
        code: 'TYPE',
        path,
        message: `Expected ${[...expected].filter((e) => e !== '').join(' or ') || 'something else'}, got ${describeValue(value)}.`,
      });
      return;
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const code: Code = small ? 'TOO_SMALL' : 'TOO_BIG';
      const limit = Number(small ? issue.minimum : issue.maximum);
      const exclusive = issue.inclusive === false;
      if (issue.origin === 'array' || issue.origin === 'set') {
        const have = Array.isArray(value) ? value.length : 0;
        out.push({
          code,
          path,
          message:
            small && limit === 1
              ? 'Must not be empty: give at least one entry.'
              : small
                ? `Needs at least ${plural(limit, 'entry').replace('entrys', 'entries')}, has ${have}.`
                : `Has ${have} entries; at most ${limit} are allowed.`,
        });
      } else if (issue.origin === 'string') {
        out.push({
          code,
          path,
          message:
            small && limit === 1
              ? 'Must not be empty.'
              : `Must be ${small ? 'at least' : 'at most'} ${plural(limit, 'character')} long.`,
        });
      } else {
        const bound = small ? (exclusive ? 'more than' : 'at least') : exclusive ? 'less than' : 'at most';
        out.push({ code, path, message: `Must be ${bound} ${limit}, got ${describeValue(value)}.` });
      }
      return;
    }
    case 'invalid_format': {
      const got =
        typeof value === 'string' ? ` (got "${value.length > 60 ? value.slice(0, 57) + '…' : value}")` : '';
      const what =
        issue.format === 'regex' || issue.format === undefined
          ? issue.message.replace(/\.$/, '')
          : issue.format === 'url'
            ? 'not a valid URL'
            : `not a valid ${issue.format}`;
      out.push({ code: 'FORMAT', path, message: sentence(`${what}${got}`) });
      return;
    }
    case 'invalid_key': {
      const key = String(path[path.length - 1]);
      const nested: Flat[] = [];
      for (const i of issue.issues ?? []) flatten(root, key, { ...i, path: [] }, [], nested);
      for (const f of nested)
        out.push({
          code: f.code,
          path: path.slice(0, -1),
          key,
          message: `Key "${key}": ${f.message.replace(/ \(got "[^"]*"\)\.$/, '.')}`,
        });
      return;
    }
    default:
      out.push({ code: 'INVALID', path, message: sentence(issue.message) });
  }
}

/**
 * Validates `value` against `schema`: the parsed data, or null with the problems (each placed at
 * its node, unknown keys at the key itself, with "did you mean" where a near miss exists).
 */
export function checkSchema<S extends z.ZodType>(
  rep: Reporter,
  value: unknown,
  schema: S,
): z.output<S> | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const root = schema as unknown as ZodLike;
  const flat: Flat[] = [];
  for (const issue of result.error.issues) flatten(root, value, issue as unknown as RawIssue, [], flat);
  // A misspelt required key is one mistake, not two: the unknown key says what it should be, and
  // the "missing" report of the key it stands for is dropped.
  const typoOf = new Set(
    flat
      .filter((f) => f.code === 'UNKNOWN_KEY' && f.suggestion !== undefined)
      .map((f) => formatPath([...f.path, f.suggestion!])),
  );
  const required = new Set(flat.filter((f) => f.code === 'REQUIRED').map((f) => formatPath(f.path)));
  const seen = new Set<string>();
  for (const f of flat) {
    if (f.code === 'REQUIRED' && typoOf.has(formatPath(f.path))) continue;
    if (
      f.code === 'UNKNOWN_KEY' &&
      f.suggestion !== undefined &&
      required.has(formatPath([...f.path, f.suggestion]))
    )
      f.message = `${f.message} ("${f.suggestion}" is required.)`;
    const id = `${f.code}|${formatPath(f.path)}|${f.key ?? ''}|${f.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (f.key !== undefined) rep.addAtKey(f.code, f.path, f.key, f.message);
    else rep.add(f.code, f.path, f.message);
  }
  return null;
}

/** The parse layer as the loader used to expose it: the value and the problems (file:line:col: message). */
export function parseText(
  file: string,
  text: string,
): { source: SourceFile; value: unknown; problems: Problem[] } {
  const parsed = parseSource(file, text);
  const source = parsed.source ?? new SourceFile(file, parseDocument(''), new LineCounter());
  return { source, value: parsed.ok ? parsed.value : null, problems: parsed.diagnostics.map(toProblem) };
}

/** The schema layer as the loader used to expose it. */
export function validate<S extends z.ZodType>(
  source: SourceFile,
  value: unknown,
  schema: S,
): { data: z.output<S> | null; problems: Problem[] } {
  const rep = new Reporter(source);
  const data = checkSchema(rep, value, schema);
  return { data: rep.list.length > 0 ? null : data, problems: rep.list.map(toProblem) };
}
