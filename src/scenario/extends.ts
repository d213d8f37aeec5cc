// `extends`: a scenario built on another one. The child names one parent file (which may itself
// extend another, up to MAX_PARENTS deep); the two are merged before the schema sees them:
//   - mappings merge key by key (the child's value wins for a key both give);
//   - lists whose entries all have an `id` merge by id: an entry of the child with an id the
//     parent has replaces the parent's entry where it stood, new ids are added at the end;
//   - anything else the child gives (text, numbers, lists without ids) replaces the parent's;
//   - `remove: [ids]` in the child drops inherited entries of the id lists (REMOVABLE);
//   - `schemaVersion`, `extends` and `remove` are never inherited; an inherited relative `map`
//     path is rewritten to stay relative to the child's folder.
// Every merged node remembers the file and path it was written at (an Origin tree), so a problem
// found in the merged scenario is placed in the file that wrote the node, and names the child.
import { dirname, joinPath } from './paths.ts';
import type { Position, Located, Reporter } from './diagnostics.ts';
import type { Path, SourceFile } from './parse.ts';

/** Most files above a scenario in an `extends` chain. */
export const MAX_PARENTS = 4;

/** The top-level id lists (and `victory.suddenDeath`) that `remove` may drop entries from. */
export const REMOVABLE: readonly Path[] = [
  ['actors'],
  ['forces'],
  ['posts'],
  ['agreements'],
  ['patrols'],
  ['reporting'],
  ['variables'],
  ['triggers'],
  ['objectives'],
  ['victory', 'suddenDeath'],
];

/** Where a node of a merged value was written: a path in a file, with exceptions below it. */
export interface Origin {
  src: SourceFile;
  path: Path;
  /** Children written elsewhere than `path` + key (merged mappings and lists). */
  kids?: Map<string | number, Origin>;
}

/** A parsed (and migrated) value with the origin of each of its nodes. */
export interface Layer {
  value: Record<string, unknown>;
  origin: Origin;
}

function sub(o: Origin, key: string | number): Origin {
  return o.kids?.get(key) ?? { src: o.src, path: [...o.path, key] };
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isIdList(v: unknown): v is Record<string, unknown>[] {
  return Array.isArray(v) && v.every((e) => isMapping(e) && typeof e.id === 'string');
}

function mergeNode(p: unknown, po: Origin, c: unknown, co: Origin): { value: unknown; origin: Origin } {
  if (isMapping(p) && isMapping(c)) {
    const value: Record<string, unknown> = {};
    const kids = new Map<string | number, Origin>();
    for (const key of Object.keys(p)) {
      if (key in c) {
        const m = mergeNode(p[key], sub(po, key), c[key], sub(co, key));
        value[key] = m.value;
        kids.set(key, m.origin);
      } else {
        value[key] = p[key];
        kids.set(key, sub(po, key));
      }
    }
    for (const key of Object.keys(c)) {
      if (key in p) continue;
      value[key] = c[key];
      kids.set(key, sub(co, key));
    }
    return { value, origin: { src: co.src, path: co.path, kids } };
  }
  if (isIdList(p) && isIdList(c) && (p.length > 0 || c.length > 0)) {
    const value: unknown[] = [];
    const kids = new Map<string | number, Origin>();
    const childAt = new Map(c.map((e, i) => [e.id as string, i]));
    const used = new Set<number>();
    p.forEach((entry, i) => {
      const j = childAt.get(entry.id as string);
      kids.set(value.length, j === undefined ? sub(po, i) : sub(co, j));
      if (j !== undefined) used.add(j);
      value.push(j === undefined ? entry : c[j]);
    });
    c.forEach((entry, j) => {
      if (used.has(j)) return;
      kids.set(value.length, sub(co, j));
      value.push(entry);
    });
    return { value, origin: { src: co.src, path: co.path, kids } };
  }
  return { value: c, origin: co };
}

/** Drops the entries `ids` names from the id lists of `layer` (in place); returns the ids found. */
function removeEntries(layer: Layer, ids: readonly string[]): Set<string> {
  const found = new Set<string>();
  const wanted = new Set(ids);
  for (const path of REMOVABLE) {
    let holder: Record<string, unknown> | undefined = layer.value;
    let holderOrigin = layer.origin;
    for (const key of path.slice(0, -1)) {
      const next: unknown = holder?.[key as string];
      holder = isMapping(next) ? next : undefined;
      holderOrigin = sub(holderOrigin, key);
    }
    const key = path[path.length - 1] as string;
    const list = holder?.[key];
    if (!holder || !Array.isArray(list)) continue;
    const listOrigin = sub(holderOrigin, key);
    const kept: unknown[] = [];
    const kids = new Map<string | number, Origin>();
    list.forEach((entry, i) => {
      const id = isMapping(entry) && typeof entry.id === 'string' ? entry.id : undefined;
      if (id !== undefined && wanted.has(id)) {
        found.add(id);
        return;
      }
      kids.set(kept.length, sub(listOrigin, i));
      kept.push(entry);
    });
    if (kept.length === list.length) continue;
    holder[key] = kept;
    const replaced: Origin = { src: listOrigin.src, path: listOrigin.path, kids };
    if (holderOrigin === layer.origin || path.length === 1) {
      layer.origin.kids ??= new Map();
      layer.origin.kids.set(key, replaced);
    } else {
      // victory.suddenDeath: give `victory` its own origin node with the new list under it.
      const victory = sub(layer.origin, path[0]!);
      const kidsOfVictory = new Map(victory.kids ?? []);
      kidsOfVictory.set(key, replaced);
      layer.origin.kids ??= new Map();
      layer.origin.kids.set(path[0]!, { ...victory, kids: kidsOfVictory });
    }
  }
  return found;
}

/**
 * Merges `child` onto `parent` (reached from the child by `extendsPath`). `remove` problems go to
 * `rep` (the child's reporter); `parent` is changed in place.
 */
export function mergeLayers(parent: Layer, child: Layer, extendsPath: string, rep: Reporter): Layer {
  for (const key of ['schemaVersion', 'extends', 'remove']) delete parent.value[key];
  const remove = child.value.remove;
  if (Array.isArray(remove)) {
    const ids = remove.filter((x): x is string => typeof x === 'string');
    const found = removeEntries(parent, ids);
    remove.forEach((id, i) => {
      if (typeof id === 'string' && !found.has(id))
        rep.add(
          'REMOVE_UNKNOWN',
          ['remove', i],
          `Nothing inherited from ${extendsPath} has the id "${id}": there is nothing to remove.`,
        );
    });
  }
  if (typeof parent.value.map === 'string' && !('map' in child.value))
    parent.value.map = joinPath(dirname(extendsPath), parent.value.map);
  const merged = mergeNode(parent.value, parent.origin, child.value, child.origin);
  return { value: merged.value as Record<string, unknown>, origin: merged.origin };
}

/** The positions of a merged scenario: each node in the file that wrote it. */
export class MergedSource implements Located {
  constructor(
    readonly file: string,
    private readonly origin: Origin,
  ) {}

  private walk(path: Path): { node: Origin; rest: Path } {
    let node = this.origin;
    for (let i = 0; i < path.length; i++) {
      const next = node.kids?.get(path[i]!);
      if (!next) return { node, rest: path.slice(i) };
      node = next;
    }
    return { node, rest: [] };
  }

  position(path: Path): Position {
    const { node, rest } = this.walk(path);
    return { ...node.src.position([...node.path, ...rest]), file: node.src.file };
  }

  keyPosition(path: Path, key: string): Position {
    const { node, rest } = this.walk(path);
    return { ...node.src.keyPosition([...node.path, ...rest], key), file: node.src.file };
  }
}
