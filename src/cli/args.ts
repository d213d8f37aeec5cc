// Flag parsing shared by the commands: strict options with plain messages (UsageError, exit 2),
// integer flags and seeds.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Scenario } from '../scenario/index.ts';
import { UsageError } from './files.ts';
import { parsePlayers, type Player } from './play.ts';

export interface ParsedFlags {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** parseArgs with strict options and positionals allowed; a bad flag is a UsageError. */
export function parseFlags(args: string[], options: ParseArgsConfig['options']): ParsedFlags {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
}

export function intFlag(value: unknown, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^-?\d+$/.test(text) || Number(text) < min)
    throw new UsageError(`--${name} must be an integer ≥ ${min} (got "${text}")`);
  return Number(text);
}

/**
 * A seed: an integer ≥ 0 (written as its number, so `007` is `7`, as before seeds could be any
 * text) or any other non-empty text without whitespace, kept as it is (`1-17`, the seeds of
 * `idlib-sim batch`, replay with `run --seed 1-17`).
 */
export function seedFlag(value: unknown, name = 'seed'): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (/^-?\d+$/.test(text)) return String(intFlag(text, name, 0));
  if (!/^\S+$/.test(text))
    throw new UsageError(`--${name} must be an integer ≥ 0 or a text without spaces (got "${text}")`);
  return text;
}

/** How a seed is written in JSON output: a number for an integer seed, else the text. */
export function seedJson(seed: string): number | string {
  return /^\d+$/.test(seed) && String(Number(seed)) === seed ? Number(seed) : seed;
}

/** A `--play` value (see parsePlayers) as the players of every actor; a bad value is a UsageError. */
export function playersArg(spec: string, scenario: Scenario): Record<string, Player> {
  try {
    return parsePlayers(spec, scenario);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** An `--out` file of batch and merge: a .json or .csv file in a folder that exists. */
export function outFileFlag(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const out = String(value);
  if (!/\.(json|csv)$/i.test(out))
    throw new UsageError(`--out must name a .json or .csv file (got "${out}")`);
  if (!existsSync(dirname(resolve(out)))) throw new UsageError(`--out: no folder ${dirname(out)}`);
  return out;
}
