// The scenarios shipped with the game, bundled into the build as raw text so that the client
// never fetches anything at run time. Keys are project-relative paths
// ("scenarios/winter-2019-2020.scenario.yaml", "scenarios/maps/idlib.map.yaml"), the same form
// the loader uses when it joins a scenario's `map:` path onto the scenario's folder.
import { joinPath, loadScenario, type Scenario } from '../scenario/index.ts';

export const DEFAULT_SCENARIO_ID = 'winter-2019-2020';

const SCENARIO_FILE = /^scenarios\/([^/]+)\.scenario\.ya?ml$/;

const raw = import.meta.glob<string>('/scenarios/**/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Every bundled YAML file by normalised path. */
export const bundledFiles: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(Object.entries(raw).map(([key, text]) => [normalisePath(key), text])),
);

/** "/scenarios/./maps/x.yaml" → "scenarios/maps/x.yaml": the loader's own path joining, from the project root. */
export function normalisePath(path: string): string {
  return joinPath('.', path.replace(/^\/+/, ''));
}

/** Reads a bundled file; throws (and the loader reports "cannot read …") when it is not bundled. */
export function readBundled(path: string): string {
  const text = bundledFiles[normalisePath(path)];
  if (text === undefined) throw new Error(`not bundled: ${path}`);
  return text;
}

/** The ids of the shipped scenarios (from their file names), sorted. */
export function bundledScenarioIds(): string[] {
  return Object.keys(bundledFiles)
    .map((path) => SCENARIO_FILE.exec(path)?.[1])
    .filter((id): id is string => id !== undefined)
    .sort();
}

export function scenarioPath(id: string): string | null {
  for (const ext of ['yaml', 'yml']) {
    const path = `scenarios/${id}.scenario.${ext}`;
    if (bundledFiles[path] !== undefined) return path;
  }
  return null;
}

/** Loads a shipped scenario by id; throws ScenarioError listing every problem, or Error for an unknown id. */
export function loadBundledScenario(id: string): Scenario {
  const path = scenarioPath(id);
  if (path === null) {
    const known = bundledScenarioIds();
    throw new Error(
      `There is no scenario "${id}". Shipped scenarios: ${known.length > 0 ? known.join(', ') : 'none'}.`,
    );
  }
  return loadScenario(path, readBundled);
}
