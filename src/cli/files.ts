// File access for the command line: scenario lookup by path or id, and clear errors.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { z } from 'zod';
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

/**
 * Reads a JSON file of a known shape (a replay, a batch file): the parsed data, or a UsageError
 * saying why not. `noun` names it ("replay file"), `notA` the thing it is not ("a replay"),
 * `hint` (optional) how to make one.
 */
export function readJsonFile<S extends z.ZodType>(
  file: string,
  schema: S,
  words: { noun: string; notA: string; hint?: string },
): z.output<S> {
  let text: string;
  try {
    text = readText(file);
  } catch {
    throw new UsageError(`cannot read ${words.noun} ${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file} is not ${words.notA}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(
      `${file} is not ${words.notA}${words.hint ?? ''}: ${issue.path.join('.') || 'the file'}: ${issue.message}`,
    );
  }
  return parsed.data;
}
