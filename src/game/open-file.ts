// Opening a scenario file from disk (YAML or JSON) in the browser. The file is checked with the
// CLI's own checker (`checkFiles` in src/scenario/check.ts: every layer, the smoke run included)
// as if it sat in the game's `scenarios/` folder, so that `map: maps/idlib.map.yaml`,
// `doctrine: doctrines/turkey.doctrine.yaml` and `extends: winter-2019-2020.scenario.yaml` name
// the files bundled with the game. Errors refuse it, each as "file:line:col: error: path: message
// (CODE)"; warnings do not. A file that passes is loaded with the loader (`loadScenarioText`).
// Pure apart from reading the File: the bundled files are a parameter, so tests pass a record
// read from disk.
import {
  checkFiles,
  formatProblem,
  isDoctrineFile,
  isMapFile,
  LIMITS,
  loadScenarioText,
  ScenarioError,
  type Diagnostic,
  type ReadContent,
  type Scenario,
} from '../scenario/index.ts';
import { bundledFiles, normalisePath } from './scenarios.ts';

export type OpenedScenario =
  | {
      ok: true;
      scenario: Scenario;
      /** The path the scenario was loaded as ("scenarios/<name>"; also `scenario.file`). */
      file: string;
      /** The file's text: enough, with `openScenarioText`, to load it again (a resumed game). */
      text: string;
      /** The checker's warnings, formatted like the problems (they did not stop it). */
      warnings: string[];
    }
  | { ok: false; problems: string[] };

/** The folder an opened file is taken to sit in. */
export const OPENED_FOLDER = 'scenarios';

/** The file's own name without any folder (a browser gives only that); "opened.scenario.yaml" when empty. */
export function baseName(name: string): string {
  const base = name.split(/[/\\]/).pop()?.trim() ?? '';
  return base === '' || base === '.' || base === '..' ? 'opened.scenario.yaml' : base;
}

/** The path an opened file is checked and loaded as: "scenarios/<its name>". */
export function openedPath(name: string): string {
  return `${OPENED_FOLDER}/${baseName(name)}`;
}

/**
 * The bundled file a path names: the path itself, or, for a path that climbs out of the game's
 * folders (`../../scenarios/maps/idlib.map.yaml`, written for a file kept elsewhere), the part from
 * its last `scenarios/` on.
 */
export function bundledText(files: Readonly<Record<string, string>>, path: string): string | undefined {
  const key = normalisePath(path);
  const own = files[key];
  if (own !== undefined) return own;
  const at = key.lastIndexOf(`${OPENED_FOLDER}/`);
  if (at > 0 && key[at - 1] === '/') return files[key.slice(at)];
  return undefined;
}

/** One diagnostic as a line of the problems screen, with the opened file under its own name. */
export function formatDiagnostic(d: Diagnostic, path: string, name: string): string {
  const file = d.file === path ? name : d.file;
  const where = d.path === '$' ? '' : `${d.path}: `;
  return `${file}:${d.line}:${d.col}: ${d.severity}: ${where}${d.message} (${d.code})`;
}

/** Checks and loads a scenario text (or its bytes) opened as `name`; `size` is its size in bytes when known. */
function openContent(
  name: string,
  content: string | Uint8Array,
  files: Readonly<Record<string, string>>,
  size?: number,
): OpenedScenario {
  const shown = baseName(name);
  if (isMapFile(shown) || isDoctrineFile(shown))
    return {
      ok: false,
      problems: [
        `${shown}: this is a ${isMapFile(shown) ? 'map' : 'doctrine'} file. Open a scenario file (…scenario.yaml or …scenario.json); it names its map and doctrines.`,
      ],
    };
  const path = openedPath(name);
  const bytes =
    size ?? (typeof content === 'string' ? new TextEncoder().encode(content).length : content.length);
  const read: ReadContent = Object.assign(
    (p: string): string | Uint8Array => {
      if (p === path) return content;
      const text = bundledText(files, p);
      if (text === undefined) throw new Error(`not bundled: ${p}`);
      return text;
    },
    {
      size: (p: string): number => {
        if (p === path) return bytes;
        const text = bundledText(files, p);
        if (text === undefined) throw new Error(`not bundled: ${p}`);
        return new TextEncoder().encode(text).length;
      },
    },
  );

  const result = checkFiles([path], read);
  const format = (d: Diagnostic) => formatDiagnostic(d, path, shown);
  if (result.errors > 0) {
    const problems = result.problems.map(format);
    if (result.problems.some((d) => d.code === 'CANNOT_READ' && d.severity === 'error'))
      problems.push(cannotReadHint(files));
    return { ok: false, problems };
  }
  const warnings = result.problems.filter((d) => d.severity === 'warning').map(format);

  // The checker has read the content as UTF-8 already; the decoder drops a byte-order mark, as it did.
  const text = typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content);
  try {
    return { ok: true, scenario: loadScenarioText(path, text, read), file: path, text, warnings };
  } catch (e) {
    if (e instanceof ScenarioError)
      return {
        ok: false,
        problems: e.problems.map((p) => formatProblem(p.file === path ? { ...p, file: shown } : p)),
      };
    return { ok: false, problems: [`${shown}: ${(e as Error).message}`] };
  }
}

/** What a file opened from disk can name: the maps and doctrines shipped with the game. */
function cannotReadHint(files: Readonly<Record<string, string>>): string {
  const rel = (p: string) => p.slice(OPENED_FOLDER.length + 1);
  const maps = Object.keys(files).filter(isMapFile).map(rel).sort();
  const doctrines = Object.keys(files).filter(isDoctrineFile).map(rel).sort();
  return (
    'A file opened in the browser can use only the files shipped with the game, named from the scenarios folder: ' +
    `maps ${maps.join(', ') || '(none)'}; doctrines ${doctrines.join(', ') || '(none)'}.`
  );
}

/** Checks scenario text from disk with the same checker as the CLI and loads it. */
export function openScenarioText(
  name: string,
  text: string,
  files: Readonly<Record<string, string>> = bundledFiles,
): OpenedScenario {
  return openContent(name, text, files);
}

/**
 * Reads a File chosen in the page and opens it. It is read as bytes, so that a file that is not
 * UTF-8 text is refused with the checker's reason; a file over the size limit is not read at all.
 */
export async function openScenarioFile(
  file: File,
  files: Readonly<Record<string, string>> = bundledFiles,
): Promise<OpenedScenario> {
  if (file.size > LIMITS.maxBytes) return openContent(file.name, new Uint8Array(0), files, file.size);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return {
      ok: false,
      problems: [`${baseName(file.name)}: the file could not be read (${(e as Error).message}).`],
    };
  }
  return openContent(file.name, bytes, files);
}
