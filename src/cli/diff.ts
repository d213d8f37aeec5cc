// A unified line diff (`---`/`+++` headers, `@@` hunks with 3 lines of context), for showing what
// `idlib-sim migrate` changes. Lines are compared whole (with their line ending) after being
// interned to numbers; the common prefix and suffix are trimmed, and the rest goes through Myers'
// O(ND) algorithm in its linear-space form (the forward and reverse searches meet in the middle,
// then each half is diffed the same way). Memory stays linear in the number of lines; time is
// O((N+M)·D). Past COST_LIMIT edits a region is given up on as "all of it replaced": still a
// correct diff, only not the shortest, so that a file rewritten from top to bottom cannot take long.
// Pure: no Node APIs.

/** Runs of lines: `equal` in both, or `delete` from a, or `insert` from b; `a`/`b` are 0-based starts. */
export interface DiffOp {
  kind: 'equal' | 'delete' | 'insert';
  /** First line in a (for an insert: the line of a it comes before). */
  a: number;
  /** First line in b (for a delete: the line of b it comes before). */
  b: number;
  count: number;
}

/** Work, in diagonal steps over the lines of a region, before a region counts as replaced whole. */
const WORK_LIMIT = 20_000_000;
const MIN_COST_LIMIT = 200;

/** The lines of a text, each with its line ending (`\n` or `\r\n`); the last one may have none. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl + 1;
    lines.push(text.slice(start, end));
    start = end;
  }
  return lines;
}

/** The runs of equal, deleted and inserted lines that turn `a` into `b`, in order. */
export function diffLines(a: readonly string[], b: readonly string[]): DiffOp[] {
  const ids = new Map<string, number>();
  const intern = (lines: readonly string[]): Int32Array => {
    const out = new Int32Array(lines.length);
    lines.forEach((line, i) => {
      let id = ids.get(line);
      if (id === undefined) {
        id = ids.size;
        ids.set(line, id);
      }
      out[i] = id;
    });
    return out;
  };
  const A = intern(a);
  const B = intern(b);
  const costLimit = Math.max(MIN_COST_LIMIT, Math.ceil(WORK_LIMIT / Math.max(1, A.length + B.length)));

  // Matched runs [aStart, bStart, length], in order.
  const matches: number[] = [];
  const match = (x: number, y: number, n: number) => {
    if (n > 0) matches.push(x, y, n);
  };

  /**
   * Where the forward and reverse searches of the region meet (Myers' middle snake, in the form
   * of Neil Fraser's diff-match-patch bisect): a split point, or null when the region has no line
   * in common or costs more than `costLimit` edits.
   */
  const bisect = (aLo: number, aHi: number, bLo: number, bHi: number): [number, number] | null => {
    const n = aHi - aLo;
    const m = bHi - bLo;
    const maxD = Math.min(Math.ceil((n + m) / 2), costLimit);
    const offset = maxD + 1;
    const size = 2 * maxD + 3;
    const v1 = new Int32Array(size).fill(-1);
    const v2 = new Int32Array(size).fill(-1);
    v1[offset + 1] = 0;
    v2[offset + 1] = 0;
    const delta = n - m;
    const front = delta % 2 !== 0;
    let k1start = 0;
    let k1end = 0;
    let k2start = 0;
    let k2end = 0;
    for (let d = 0; d < maxD; d++) {
      for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
        const k1o = offset + k1;
        let x1 = k1 === -d || (k1 !== d && v1[k1o - 1]! < v1[k1o + 1]!) ? v1[k1o + 1]! : v1[k1o - 1]! + 1;
        let y1 = x1 - k1;
        while (x1 < n && y1 < m && A[aLo + x1] === B[bLo + y1]) {
          x1++;
          y1++;
        }
        v1[k1o] = x1;
        if (x1 > n) k1end += 2;
        else if (y1 > m) k1start += 2;
        else if (front) {
          const k2o = offset + delta - k1;
          if (k2o >= 0 && k2o < size && v2[k2o] !== -1 && x1 >= n - v2[k2o]!) return [x1, y1];
        }
      }
      for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
        const k2o = offset + k2;
        let x2 = k2 === -d || (k2 !== d && v2[k2o - 1]! < v2[k2o + 1]!) ? v2[k2o + 1]! : v2[k2o - 1]! + 1;
        let y2 = x2 - k2;
        while (x2 < n && y2 < m && A[aHi - x2 - 1] === B[bHi - y2 - 1]) {
          x2++;
          y2++;
        }
        v2[k2o] = x2;
        if (x2 > n) k2end += 2;
        else if (y2 > m) k2start += 2;
        else if (!front) {
          const k1o = offset + delta - k2;
          if (k1o >= 0 && k1o < size && v1[k1o] !== -1) {
            const x1 = v1[k1o]!;
            const y1 = x1 - (k1o - offset);
            if (x1 >= n - x2) return [x1, y1];
          }
        }
      }
    }
    return null;
  };

  const compare = (aLo: number, aHi: number, bLo: number, bHi: number): void => {
    const start = aLo;
    while (aLo < aHi && bLo < bHi && A[aLo] === B[bLo]) {
      aLo++;
      bLo++;
    }
    match(start, bLo - (aLo - start), aLo - start);
    let tail = 0;
    while (aHi > aLo && bHi > bLo && A[aHi - 1] === B[bHi - 1]) {
      aHi--;
      bHi--;
      tail++;
    }
    if (aLo < aHi && bLo < bHi) {
      const split = bisect(aLo, aHi, bLo, bHi);
      if (split) {
        const [x, y] = split;
        compare(aLo, aLo + x, bLo, bLo + y);
        compare(aLo + x, aHi, bLo + y, bHi);
      }
    }
    match(aHi, bHi, tail);
  };
  compare(0, A.length, 0, B.length);

  const ops: DiffOp[] = [];
  const push = (kind: DiffOp['kind'], x: number, y: number, count: number) => {
    if (count <= 0) return;
    const last = ops[ops.length - 1];
    if (last && last.kind === kind) last.count += count;
    else ops.push({ kind, a: x, b: y, count });
  };
  let x = 0;
  let y = 0;
  for (let i = 0; i <= matches.length; i += 3) {
    const mx = i < matches.length ? matches[i]! : A.length;
    const my = i < matches.length ? matches[i + 1]! : B.length;
    const n = i < matches.length ? matches[i + 2]! : 0;
    push('delete', x, y, mx - x);
    push('insert', mx, y, my - y);
    push('equal', mx, my, n);
    x = mx + n;
    y = my + n;
  }
  return ops;
}

export interface UnifiedDiffOptions {
  /** Shown on the `---` line. */
  fromFile: string;
  /** Shown on the `+++` line. */
  toFile: string;
  /** Lines of context around each change (default 3). */
  context?: number;
}

/**
 * The unified diff of two texts, line by line without their line endings (a last line with no
 * line ending is followed by `\ No newline at end of file`, as diff does); [] when they are equal.
 */
export function unifiedDiff(a: string, b: string, options: UnifiedDiffOptions): string[] {
  const context = options.context ?? 3;
  const aLines = splitLines(a);
  const bLines = splitLines(b);
  const ops = diffLines(aLines, bLines);

  // Each change: lines a0..a1 of a replaced by b0..b1 of b.
  const changes: { a0: number; a1: number; b0: number; b1: number }[] = [];
  for (const op of ops) {
    if (op.kind === 'equal') continue;
    const last = changes[changes.length - 1];
    const a0 = op.a;
    const b0 = op.b;
    const a1 = op.kind === 'delete' ? op.a + op.count : op.a;
    const b1 = op.kind === 'insert' ? op.b + op.count : op.b;
    if (last && last.a1 === a0 && last.b1 === b0) {
      last.a1 = a1;
      last.b1 = b1;
    } else changes.push({ a0, a1, b0, b1 });
  }
  if (changes.length === 0) return [];

  const out = [`--- ${options.fromFile}`, `+++ ${options.toFile}`];
  const line = (prefix: string, text: string) => {
    const ending = text.endsWith('\r\n') ? 2 : text.endsWith('\n') ? 1 : 0;
    out.push(prefix + text.slice(0, text.length - ending));
    if (ending === 0) out.push('\\ No newline at end of file');
  };
  const range = (start: number, count: number) =>
    count === 1 ? `${start + 1}` : `${count === 0 ? start : start + 1},${count}`;

  let i = 0;
  while (i < changes.length) {
    let j = i;
    while (j + 1 < changes.length && changes[j + 1]!.a0 - changes[j]!.a1 <= 2 * context) j++;
    const first = changes[i]!;
    const last = changes[j]!;
    const aStart = Math.max(0, first.a0 - context);
    const bStart = first.b0 - (first.a0 - aStart);
    const aEnd = Math.min(aLines.length, last.a1 + context);
    const bEnd = last.b1 + (aEnd - last.a1);
    out.push(`@@ -${range(aStart, aEnd - aStart)} +${range(bStart, bEnd - bStart)} @@`);
    let at = aStart;
    for (let k = i; k <= j; k++) {
      const c = changes[k]!;
      for (; at < c.a0; at++) line(' ', aLines[at]!);
      for (let d = c.a0; d < c.a1; d++) line('-', aLines[d]!);
      for (let n = c.b0; n < c.b1; n++) line('+', bLines[n]!);
      at = c.a1;
    }
    for (; at < aEnd; at++) line(' ', aLines[at]!);
    i = j + 1;
  }
  return out;
}
