// Diagnostics: one problem in one file, with its position, severity, stable code and JSON path.
// The loader throws the errors among them; `idlib-sim check` prints them all.
import { CODES, type Code, type Severity } from './codes.ts';
import type { Path, Problem } from './parse.ts';

/** A position, in `file` when it is not the reporter's own file (a node inherited through `extends`). */
export interface Position {
  line: number;
  col: number;
  file?: string;
}

/** What a reporter needs of a file: where each path was written. */
export interface Located {
  readonly file: string;
  position(path: Path): Position;
  keyPosition(path: Path, key: string): Position;
}

export interface Diagnostic extends Problem {
  severity: Severity;
  code: Code;
  /** Where the node is in the data: `units[3].location`; `$` for the whole file. */
  path: string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `['units', 3, 'location']` → `units[3].location`; `[]` → `$`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (IDENTIFIER.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out === '' ? '$' : out;
}

/** A problem as the loader reports it: `file:line:col: path: message`. */
export function toProblem(d: Diagnostic): Problem {
  return {
    file: d.file,
    line: d.line,
    col: d.col,
    message: d.path === '$' ? d.message : `${d.path}: ${d.message}`,
  };
}

/**
 * Optimal-string-alignment distance (Levenshtein plus swapped neighbours), giving up once it
 * exceeds `max` (then returns max + 1).
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  let prev2 = new Array<number>(width).fill(0);
  let prev = Array.from({ length: width }, (_, j) => j);
  let cur = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[b.length]!, max + 1);
}

/** The closest candidate to a mistyped word, when one is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length === 0 || word.length > 64) return undefined;
  // Short words are a letter or two from anything: only longer ones get suggestions.
  const max = word.length <= 2 ? 0 : word.length <= 4 ? 1 : word.length <= 7 ? 2 : 3;
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const c of candidates) {
    if (c === word || c.length > 64) continue;
    const d = editDistance(lower, c.toLowerCase(), Math.min(max, bestDistance - 1));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      if (d === 0) break;
    }
  }
  return best;
}

/** ` Did you mean "x"?` or ''. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const best = closest(word, candidates);
  return best === undefined ? '' : ` Did you mean "${best}"?`;
}

/** At most this many suggestions per file: a file with thousands of bad ids still answers at once. */
const MAX_SUGGESTIONS = 200;

/** Collects the diagnostics of one file, placing each at the node its path names. */
export class Reporter {
  readonly list: Diagnostic[] = [];
  private suggestions = 0;

  constructor(readonly source: Located) {}

  add(code: Code, path: Path, message: string, at?: Position): Diagnostic {
    const pos = at ?? this.source.position(path);
    const file = pos.file ?? this.source.file;
    // A node written in a parent file: the problem is placed there, and names the file using it.
    const inherited =
      file === this.source.file ? '' : ` (written in ${file}, inherited by ${this.source.file})`;
    const d: Diagnostic = {
      file,
      line: pos.line,
      col: pos.col,
      severity: CODES[code].severity,
      code,
      path: formatPath(path),
      message: message + inherited,
    };
    this.list.push(d);
    return d;
  }

  /** Like add, placed at the key `key` of the mapping at `path` rather than at its value. */
  addAtKey(code: Code, path: Path, key: string, message: string): Diagnostic {
    return this.add(code, [...path, key], message, this.source.keyPosition(path, key));
  }

  /** ` Did you mean "x"?` for the first few hundred misses of a file, then ''. */
  suggest(word: string, candidates: Iterable<string>): string {
    if (this.suggestions >= MAX_SUGGESTIONS) return '';
    this.suggestions++;
    return didYouMean(word, candidates);
  }

  get errors(): number {
    return this.list.filter((d) => d.severity === 'error').length;
  }
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.col - b.col ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
