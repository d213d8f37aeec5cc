// File access for the command line: scenario lookup by path or id, and clear errors.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadScenario, type Scenario } from '../scenario/index.ts';

/** The project's scenarios folder (the CLI may run from any directory). */
export const SCENARIO_DIR = resolve(import.meta.dirname, '../../scenarios');

export class UsageError extends Error {}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Every `*.scenario.yaml` / `*.scenario.json` in the scenarios folder, by file path. */
export function shippedScenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => /\.scenario\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => join(SCENARIO_DIR, f));
}

/** Accepts a file path, or the id of a shipped scenario. */
export function resolveScenarioPath(arg: string): string {
  if (existsSync(arg)) return arg;
  for (const ext of ['yaml', 'yml', 'json']) {
    const candidate = join(SCENARIO_DIR, `${arg}.scenario.${ext}`);
    if (existsSync(candidate)) return candidate;
  }
  throw new UsageError(
    `no scenario file "${arg}" (give a path, or the id of a shipped scenario: ${shippedScenarioFiles()
      .map((f) => f.replace(/^.*\//, '').replace(/\.scenario\.\w+$/, ''))
      .join(', ')})`,
  );
}

export function loadScenarioArg(arg: string): Scenario {
  const path = resolveScenarioPath(arg);
  const shown = relative(process.cwd(), path) || path;
  return loadScenario(shown.startsWith('..') ? path : shown, readText);
}
