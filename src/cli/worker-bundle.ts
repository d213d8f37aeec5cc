// The code a batch worker runs, as one JavaScript module: src/cli/batch-worker.ts and everything it
// imports from the project, bundled by esbuild (the packages it uses stay imports of their own),
// with an inline source map so that an error in a game names the TypeScript file and line.
//
// Why: a worker used to load the TypeScript sources through tsx, module by module, as the command
// itself runs. On 22 November 2026 (64 computer-played games of the default scenario, rounds taken
// in turn with that) the bundled worker played about 4 % more games a second on 2 workers (the
// median of 12 rounds) and 6-11 % more on 1; it started in about 0.5 s instead of 0.9, and every
// game's record was the same (esbuild only joins the files and strips the types;
// docs/architecture.md).
//
// The bundle is written under node_modules/.cache/idlib-sim, named by a hash of its text: a batch
// after a change to the sources gets a file of its own, and two batches started at once write the
// same text (each to a file of its own first, then renamed into place). Writing a new one removes
// the bundles of older sources that no batch has started from for an hour. Node resolves the
// packages the bundle imports from there, as from the sources. Bundling takes well under a second
// and is done once per process.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const CLI_DIR = import.meta.dirname;
const ROOT = resolve(CLI_DIR, '../..');
/** Where bundles are written. */
export const BUNDLE_DIR = join(ROOT, 'node_modules', '.cache', 'idlib-sim');

let bundled: Promise<string> | null = null;

/**
 * The path of the worker's bundle (made on the first call of the process; later calls share it).
 * Rejects when esbuild cannot bundle the sources (a syntax error, say), with esbuild's message.
 */
export function workerBundle(): Promise<string> {
  return (bundled ??= makeBundle().catch((e: unknown) => {
    bundled = null;
    throw e;
  }));
}

async function makeBundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(CLI_DIR, 'batch-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    // Not written there: it sets the folder the source map's paths are relative to.
    outfile: join(BUNDLE_DIR, 'batch-worker.mjs'),
    sourcemap: 'inline',
    logLevel: 'silent',
    // The one module of the bundle that asks where it is (src/cli/files.ts, for the scenarios
    // folder) is told where its source is, not where the bundle is.
    define: { 'import.meta.dirname': JSON.stringify(CLI_DIR) },
  });
  const text = result.outputFiles[0]!.text;
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const file = join(BUNDLE_DIR, `batch-worker-${hash}.mjs`);
  try {
    // Made before: marked as in use, for the clean-up below.
    const now = new Date();
    utimesSync(file, now, now);
    return file;
  } catch {
    // Not made yet (or removed meanwhile by another process's clean-up): written below.
  }
  mkdirSync(BUNDLE_DIR, { recursive: true });
  const partial = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(partial, text);
  renameSync(partial, file);
  removeStale(BUNDLE_DIR, file);
  return file;
}

/**
 * Removes from `dir` the bundles other than `keep` (and any left half-written) not touched for an
 * hour.
 */
export function removeStale(dir: string, keep: string): void {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path === keep || !name.startsWith('batch-worker-')) continue;
    try {
      if (statSync(path).mtimeMs < hourAgo) rmSync(path, { force: true });
    } catch {
      // Removed meanwhile by another batch.
    }
  }
}
