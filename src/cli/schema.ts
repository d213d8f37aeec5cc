// `idlib-sim schema [--check]`: writes the editor schemas (scenarios/scenario.schema.json and
// scenarios/maps/map.schema.json) generated from the zod schema; with --check, writes nothing and
// exits 1 when a committed file differs from what would be generated (so CI catches drift).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { editorSchemaFiles } from '../scenario/json-schema.ts';
import { SCENARIO_DIR } from './files.ts';

type Out = { log: (line: string) => void; error: (line: string) => void };

/** `dir` is the scenarios folder (tests pass a scratch copy). */
export function runSchema(check: boolean, out: Out, dir: string = SCENARIO_DIR): number {
  let stale = 0;
  for (const { file, text } of editorSchemaFiles()) {
    const path = join(dir, file);
    const shown = `scenarios/${file}`;
    const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (check) {
      if (current === text) out.log(`${shown} is up to date`);
      else {
        stale += 1;
        out.error(
          `${shown} ${current === null ? 'is missing' : 'differs from the zod schema in src/scenario/schema.ts'}: run "npm run sim -- schema" and commit the result`,
        );
      }
      continue;
    }
    if (current === text) {
      out.log(`${shown} is already up to date (${text.length} bytes)`);
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    out.log(`wrote ${shown} (${text.length} bytes)`);
  }
  return stale > 0 ? 1 : 0;
}
