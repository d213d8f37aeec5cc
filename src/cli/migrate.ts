// `idlib-sim migrate <file> [--dry-run]`: rewrites a scenario file written for an older
// schemaVersion in the current one (src/scenario/migrate.ts), keeping its comments and layout.
// The migrated text goes to a temporary file beside the original (so that its relative `map:`
// and `extends:` paths still resolve), which must pass `check` (without the smoke run) before it
// replaces the original in one rename; otherwise the original is left as it was and the
// temporary file is removed. Prints what changed and the diff. --dry-run writes nothing.
// Exit 0 when migrated (or nothing to do), 1 when the file cannot be migrated, 2 for bad usage.
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  lstatSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  checkFiles,
  decodeSource,
  formatCheckText,
  isMapFile,
  LIMITS,
  parseSource,
  type CheckResult,
  type Diagnostic,
  type ReadContent,
} from '../scenario/index.ts';
import {
  MigrationError,
  migrateText,
  SCENARIO_VERSION,
  schemaVersionOf,
  type TextMigration,
} from '../scenario/migrate.ts';
import { diffLines, splitLines, unifiedDiff } from './diff.ts';
import { UsageError } from './files.ts';

type Out = { log: (line: string) => void; error: (line: string) => void };

/** Reads files as bytes, with `text` standing in for the file `virtual` (checked without writing it). */
function reader(virtual?: { path: string; text: string }): ReadContent {
  return Object.assign(
    (path: string): Uint8Array | string => (path === virtual?.path ? virtual.text : readFileSync(path)),
    {
      size: (path: string): number =>
        path === virtual?.path ? Buffer.byteLength(virtual.text) : statSync(path).size,
    },
  );
}

/** A name for the temporary file beside `file` that keeps its extension (`.scenario.yaml`, `.json` …). */
function temporaryName(file: string): string {
  const base = basename(file);
  const ext = /(\.scenario)?\.(ya?ml|json)$/i.exec(base)?.[0] ?? '';
  const stem = base.slice(0, base.length - ext.length);
  return join(dirname(file), `.${stem}.migrating-${process.pid}-${randomBytes(4).toString('hex')}${ext}`);
}

/**
 * Where a position of the migrated text was written in the original: from the migration when it
 * knows, else from the lines the diff finds unchanged; a line the migration wrote is placed at
 * the next line that was copied.
 */
function originOf(
  original: string,
  result: TextMigration,
): (line: number, col: number) => { line: number; col: number } | null {
  let known = result.origin;
  if (!known) {
    const map = new Map<number, number>();
    for (const op of diffLines(splitLines(original), splitLines(result.text)))
      if (op.kind === 'equal') for (let i = 0; i < op.count; i++) map.set(op.b + i, op.a + i);
    known = (line, col) => {
      const a = map.get(line - 1);
      return a === undefined ? null : { line: a + 1, col };
    };
  }
  const lines = splitLines(result.text).length;
  return (line, col) => {
    const at = known(line, col);
    if (at) return at;
    for (let next = line + 1; next <= Math.min(lines, line + 3); next++) {
      const below = known(next, 1);
      if (below) return below;
    }
    return null;
  };
}

/** The problems found in the migrated text, told about the original file. */
function aboutOriginal(
  result: CheckResult,
  checked: string,
  file: string,
  origin: (line: number, col: number) => { line: number; col: number } | null,
): CheckResult {
  const rename = (text: string) => text.split(checked).join(file);
  const problems = result.problems.map((d): Diagnostic => {
    if (d.file !== checked) return { ...d, message: rename(d.message) };
    const at = origin(d.line, d.col);
    return at
      ? { ...d, file, line: at.line, col: at.col, message: rename(d.message) }
      : { ...d, file, message: `${rename(d.message)} (at line ${d.line} of the migrated text)` };
  });
  return { ...result, files: result.files.map(rename), problems };
}

export function runMigrate(args: string[], out: Out): number {
  let values: { 'dry-run'?: boolean | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: { 'dry-run': { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
  if (positionals.length !== 1) throw new UsageError('expected one scenario file to migrate');
  const file = positionals[0]!;
  const dryRun = values['dry-run'] === true;

  if (isMapFile(file)) {
    out.log(`${file} is a map file: map files stay at schemaVersion 1, there is nothing to migrate.`);
    return 0;
  }
  let size: number;
  let mode: number;
  let content: Uint8Array;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
    mode = stat.mode & 0o777;
    content = size > LIMITS.maxBytes ? new Uint8Array() : readFileSync(file);
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }

  // The file must read and parse before anything is migrated; the checker's own words say why not.
  const decoded = decodeSource(file, content, size);
  const parsed = decoded.text === null ? null : parseSource(file, decoded.text);
  const refusals = decoded.text === null ? decoded.diagnostics : parsed!.diagnostics;
  if (decoded.text === null || !parsed!.ok || refusals.some((d) => d.severity === 'error')) {
    out.error(`Cannot migrate ${file}: it does not read as YAML or JSON.`);
    const errors = refusals.filter((d) => d.severity === 'error').length;
    for (const line of formatCheckText({
      files: [file],
      problems: refusals,
      errors,
      warnings: refusals.length - errors,
    }))
      out.error(line);
    return 1;
  }
  const text = decoded.text;
  const version = schemaVersionOf(parsed!.value);
  if (version === null) {
    out.error(
      `Cannot migrate ${file}: it has no schemaVersion (or not a whole number), so which format it is written in is unknown. Add \`schemaVersion: 1\` at the top if it was written for version 1.`,
    );
    return 1;
  }
  if (version > SCENARIO_VERSION) {
    out.error(
      `Cannot migrate ${file}: it is schemaVersion ${version}, newer than this build of idlib-sim supports (schemaVersion ${SCENARIO_VERSION}); update idlib-sim.`,
    );
    return 1;
  }
  if (version === SCENARIO_VERSION) {
    out.log(`${file} is already at schemaVersion ${SCENARIO_VERSION}: nothing to migrate.`);
    return 0;
  }

  let result: TextMigration;
  try {
    result = migrateText(text);
  } catch (e) {
    if (!(e instanceof MigrationError)) throw e;
    out.error(`Cannot migrate ${file}: ${e.message}.`);
    return 1;
  }
  if (result.to !== SCENARIO_VERSION) {
    out.error(
      `Cannot migrate ${file}: there is no migration from schemaVersion ${version} (migrations start at schemaVersion 1).`,
    );
    return 1;
  }
  const report = (lead: string) => {
    out.log(lead);
    for (const change of result.changes) out.log(`  - ${change}`);
    for (const line of unifiedDiff(text, result.text, {
      fromFile: `${file}\tschemaVersion ${result.from}`,
      toFile: `${file}\tschemaVersion ${result.to}`,
    }))
      out.log(line);
  };
  const refuse = (check: CheckResult, checked: string, outcome: string) => {
    out.error(`${file}: the migrated file does not pass check, so ${outcome}:`);
    for (const line of formatCheckText(aboutOriginal(check, checked, file, originOf(text, result))))
      out.error(line);
    return 1;
  };

  // Beside the file itself when `file` is a symbolic link: the link stays a link.
  const target = lstatSync(file).isSymbolicLink() ? realpathSync(file) : file;
  const tmp = temporaryName(target);
  if (dryRun) {
    report(
      `Dry run: ${file} would be migrated from schemaVersion ${result.from} to ${result.to} (nothing written):`,
    );
    const check = checkFiles([tmp], reader({ path: tmp, text: result.text }), { smoke: false });
    return check.errors > 0 ? refuse(check, tmp, 'it would not be written') : 0;
  }

  let replaced = false;
  try {
    try {
      writeFileSync(tmp, result.text, { flag: 'wx', mode });
      chmodSync(tmp, mode);
    } catch (e) {
      out.error(`Cannot migrate ${file}: cannot write a file beside it (${(e as Error).message}).`);
      return 1;
    }
    const check = checkFiles([tmp], reader(), { smoke: false });
    if (check.errors > 0) return refuse(check, tmp, 'it was left as it was');
    try {
      renameSync(tmp, target);
    } catch (e) {
      out.error(
        `Cannot migrate ${file}: cannot replace it (${(e as Error).message}); it was left as it was.`,
      );
      return 1;
    }
    replaced = true;
  } finally {
    if (!replaced) rmSync(tmp, { force: true });
  }
  report(`Migrated ${file} from schemaVersion ${result.from} to ${result.to}:`);
  return 0;
}
