// Reads YAML (or JSON, which the same parser accepts) and validates it against a zod schema.
// Every problem is reported with the file, line and column of the node it concerns.
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';

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

/** A parsed file that can tell where any path in it was written. */
export class SourceFile {
  constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Line and column of the node at `path`, or of its nearest existing parent. */
  position(path: Path): { line: number; col: number } {
    for (let n = path.length; n >= 0; n--) {
      const node = this.doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = this.lines.linePos(node.range[0]);
        return { line: pos.line, col: pos.col };
      }
    }
    return { line: 1, col: 1 };
  }

  /** Line and column of the key `key` in the mapping at `path` (for unknown keys). */
  keyPosition(path: Path, key: string): { line: number; col: number } {
    const node = this.doc.getIn(path, true) ?? (path.length === 0 ? this.doc.contents : undefined);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key) && pair.key.value === key && pair.key.range) {
          const pos = this.lines.linePos(pair.key.range[0]);
          return { line: pos.line, col: pos.col };
        }
      }
    }
    return this.position(path);
  }

  problem(path: Path, message: string): Problem {
    return { file: this.file, ...this.position(path), message };
  }
}

export function parseText(
  file: string,
  text: string,
): { source: SourceFile; value: unknown; problems: Problem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const problems: Problem[] = doc.errors.map((e) => {
    const pos = lines.linePos(e.pos[0]);
    return { file, line: pos.line, col: pos.col, message: e.message.split('\n')[0]! };
  });
  const source = new SourceFile(file, doc, lines);
  return { source, value: problems.length > 0 ? null : doc.toJS({ maxAliasCount: 100 }), problems };
}

function describePath(path: Path): string {
  return path.length === 0
    ? 'the file'
    : path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
        .join('')
        .slice(1);
}

export function validate<S extends z.ZodType>(
  source: SourceFile,
  value: unknown,
  schema: S,
): { data: z.output<S> | null; problems: Problem[] } {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, problems: [] };
  const problems = result.error.issues.flatMap((issue): Problem[] => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file: source.file,
        ...source.keyPosition(path, key),
        message: `${path.length === 0 ? '' : describePath(path) + ': '}unknown key "${key}"`,
      }));
    }
    return [source.problem(path, `${describePath(path)}: ${issue.message}`)];
  });
  problems.sort((a, b) => a.line - b.line || a.col - b.col);
  return { data: null, problems };
}
