// Temporary directories for tests, removed when the tests that made them are done: a directory
// made at a file's top level or in a `describe` goes when that file or suite ends; one made inside
// a test, when that test ends. Without this every run of the tests left nine behind.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

function remove(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A new directory under the system's temporary directory, removed after the file or suite. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => remove(dir));
  return dir;
}

/** A new directory under the system's temporary directory, removed when the running test ends. */
export function testTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => remove(dir));
  return dir;
}
