// What of a scenario the schema refused can still be checked. `idlib-sim check` reports every
// problem at once: a file with a schema error in one force and a misspelt place in a trigger shows
// both, rather than the second only once the first is fixed. The salvage keeps every part of the
// file that passes the schema on its own (each entry of a list, each key of a mapping) and drops
// the rest; the reference layer then checks what was kept. Ids written inside the dropped parts are
// remembered, so that a reference to a force whose strength is mistyped is not also called unknown.
import { z } from 'zod';
import { formatPath, Reporter, type Diagnostic } from './diagnostics.ts';
import type { Path } from './parse.ts';
import { ScenarioSchema, type ScenarioData } from './schema.ts';

export interface Salvaged {
  /** The parts of the file that passed the schema, with the shape of valid data. */
  data: ScenarioData;
  /** Ids written in the parts that were dropped: references to them are neither confirmed nor reported. */
  dropped: Set<string>;
  /** For each list that lost entries (by its path in the file): the index in the file of each kept entry. */
  indices: Map<string, number[]>;
}

/** Stand-ins for top-level scalars the reference layer does not read, when they fail the schema. */
const STAND_INS: Record<string, unknown> = {
  schemaVersion: ScenarioSchema.shape.schemaVersion.value,
  id: 'scenario',
  title: '',
  briefing: '',
};

type Kept = { ok: true; value: unknown } | { ok: false };

/** The schema inside `.optional()`, `.default()` and `.nullable()`. */
function inner(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable)
    s = s.unwrap() as z.ZodType;
  return s;
}

/** Every string `id` written anywhere in `value`. */
function idsIn(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 64 || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const v of value) idsIn(v, into, depth + 1);
    return;
  }
  const node = value as Record<string, unknown>;
  if (typeof node.id === 'string') into.add(node.id);
  for (const v of Object.values(node)) idsIn(v, into, depth + 1);
}

/**
 * What stands in for a value that failed, or undefined when nothing can (the mapping holding it is
 * dropped): a list is empty; a number is NaN, which every comparison of the reference layer finds
 * false, so no check fires on it; a few top-level scalars the reference layer does not read have
 * fixed stand-ins.
 */
function standIn(schema: z.ZodType, topKey: string | undefined): unknown {
  const s = inner(schema);
  if (s instanceof z.ZodArray) return [];
  if (s instanceof z.ZodNumber) return Number.NaN;
  return topKey === undefined ? undefined : STAND_INS[topKey];
}

class Salvager {
  readonly dropped = new Set<string>();
  readonly indices = new Map<string, number[]>();

  keep(schema: z.ZodType, value: unknown, path: Path): Kept {
    const whole = schema.safeParse(value);
    if (whole.success) return { ok: true, value: whole.data };
    if (value === undefined || value === null) return { ok: false };
    const s = inner(schema);
    if (s instanceof z.ZodArray && Array.isArray(value)) {
      const element = s.element as z.ZodType;
      const out: unknown[] = [];
      const from: number[] = [];
      value.forEach((v, i) => {
        const k = this.keep(element, v, [...path, i]);
        if (k.ok) {
          out.push(k.value);
          from.push(i);
        } else idsIn(v, this.dropped);
      });
      // The list itself may still fail (too short, say): what was kept stands in for it.
      if (from.length !== value.length) this.indices.set(formatPath(path), from);
      return { ok: true, value: out };
    }
    if (s instanceof z.ZodObject && typeof value === 'object' && !Array.isArray(value)) {
      const node = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(s.shape as Record<string, z.ZodType>)) {
        const k = this.keep(field, node[key], [...path, key]);
        if (k.ok) {
          if (k.value !== undefined) out[key] = k.value;
          continue;
        }
        idsIn(node[key], this.dropped);
        const stand = standIn(field, path.length === 0 ? key : undefined);
        if (stand === undefined) return { ok: false };
        out[key] = stand;
      }
      return { ok: true, value: out };
    }
    return { ok: false };
  }
}

/**
 * The parts of a scenario value that pass the schema, or null when too much failed to check the
 * rest (the map, the calendar or the actors cannot be read, say).
 */
export function salvageScenario(value: unknown): Salvaged | null {
  const s = new Salvager();
  const kept = s.keep(ScenarioSchema, value, []);
  if (!kept.ok) return null;
  return { data: kept.value as ScenarioData, dropped: s.dropped, indices: s.indices };
}

/**
 * A reporter for checks run on salvaged data: it turns each path back into the file's own (the
 * index of an entry counts the entries that were dropped before it), so every problem is placed
 * where it is written. Its diagnostics go into `into`.
 */
export class SalvageReporter extends Reporter {
  constructor(
    private readonly into: Reporter,
    private readonly indices: ReadonlyMap<string, number[]>,
  ) {
    super(into.source);
  }

  private inFile(path: Path): Path {
    const out: (string | number)[] = [];
    for (const step of path) {
      if (typeof step === 'number') {
        const map = this.indices.get(formatPath(out));
        out.push(map?.[step] ?? step);
      } else out.push(step);
    }
    return out;
  }

  private put(...args: Parameters<Reporter['add']>): Diagnostic {
    const d = super.add(...args);
    this.into.list.push(d);
    return d;
  }

  override add(...args: Parameters<Reporter['add']>): Diagnostic {
    const [code, path, message, at] = args;
    return this.put(code, this.inFile(path), message, at);
  }

  override addAtKey(...args: Parameters<Reporter['addAtKey']>): Diagnostic {
    const [code, path, key, message] = args;
    const p = this.inFile(path);
    return this.put(code, [...p, key], message, this.source.keyPosition(p, key));
  }
}
