// `idlib-sim check <files…> [--format text|json]`: every problem of scenario and map files at once
// (src/scenario/check.ts). Exit 1 when there is an error, 0 otherwise; 2 for bad usage.
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { setStateFreezing } from '../engine/index.ts';
import { checkFiles, formatCheckJson, formatCheckText, type ReadContent } from '../scenario/index.ts';
import { UsageError } from './files.ts';

type Out = { log: (line: string) => void; error: (line: string) => void };

/** Reads files as bytes (check validates the UTF-8 itself); the size comes first, from the file system. */
const readBytes: ReadContent = Object.assign((path: string): Uint8Array => readFileSync(path), {
  size: (path: string): number => statSync(path).size,
});

export function runCheck(args: string[], out: Out): number {
  let values: { format?: string | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: { format: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`--format must be text or json (got "${format}")`);
  if (positionals.length === 0) throw new UsageError('expected one or more scenario or map files to check');
  setStateFreezing(false);
  const result = checkFiles(positionals, readBytes);
  if (format === 'json') out.log(formatCheckJson(result));
  else for (const line of formatCheckText(result)) out.log(line);
  return result.errors > 0 ? 1 : 0;
}
