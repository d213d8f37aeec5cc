// Opening a scenario file from disk (src/game/open-file.ts): the CLI's checker runs on it as if it
// sat in scenarios/, with the map and doctrines taken from the files shipped with the game (here
// read from disk into the same record the browser build bundles); errors refuse it with
// file:line:col, warnings do not.
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  baseName,
  bundledText,
  openedPath,
  openScenarioFile,
  openScenarioText,
} from '../../src/game/open-file.ts';
import { ROOT } from './cli-helpers.ts';

/** Every YAML file under scenarios/, keyed as the browser bundle keys them ("scenarios/maps/idlib.map.yaml"). */
function shippedFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = readdirSync(`${ROOT}scenarios`, { recursive: true, encoding: 'utf8' });
  for (const rel of entries)
    if (/\.ya?ml$/.test(rel)) out[`scenarios/${rel}`] = readFileSync(`${ROOT}scenarios/${rel}`, 'utf8');
  return out;
}

const FILES = shippedFiles();
const SHIPPED = FILES['scenarios/winter-2019-2020.scenario.yaml']!;
const corpus = (name: string) => readFileSync(`${ROOT}tests/corpus/${name}`, 'utf8');

/** "file:line:col" of each problem line. */
const positions = (problems: readonly string[]) => problems.map((p) => /^([^:]+:\d+:\d+):/.exec(p)?.[1] ?? p);

describe('openScenarioText', () => {
  it('opens the shipped scenario, as a file of the scenarios folder', () => {
    const opened = openScenarioText('my-copy.scenario.yaml', SHIPPED, FILES);
    if (!opened.ok) throw new Error(opened.problems.join('\n'));
    expect(opened.file).toBe('scenarios/my-copy.scenario.yaml');
    expect(opened.scenario.file).toBe('scenarios/my-copy.scenario.yaml');
    expect(opened.scenario.data.id).toBe('winter-2019-2020');
    expect(opened.scenario.map.id).toBeTruthy();
    expect(Object.keys(opened.scenario.doctrines).sort()).toEqual([
      'hts',
      'opposition',
      'russia',
      'syria',
      'turkey',
    ]);
    expect(opened.text).toBe(SHIPPED);
    expect(opened.warnings).toEqual([]);
  });

  it('reads a file under the name of a shipped one as the opened text, not the shipped file', () => {
    const changed = SHIPPED.replace("title: 'Winter 2019-2020: Saraqib and the M5'", 'title: Changed');
    const opened = openScenarioText('winter-2019-2020.scenario.yaml', changed, FILES);
    if (!opened.ok) throw new Error(opened.problems.join('\n'));
    expect(opened.scenario.data.title).toBe('Changed');
  });

  it('lists the errors of a broken file with their lines and columns, under the file name', () => {
    const opened = openScenarioText(
      'typo-location.scenario.yaml',
      corpus('typo-location.scenario.yaml'),
      FILES,
    );
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    // The same positions the CLI's corpus test expects (the file's `# expect:` line).
    expect(positions(opened.problems)).toEqual([
      'typo-location.scenario.yaml:15:24',
      'typo-location.scenario.yaml:15:85',
      'typo-location.scenario.yaml:20:29',
    ]);
    expect(opened.problems[1]).toMatch(
      /^typo-location\.scenario\.yaml:15:85: error: forces\[1\]\.location: .*saraqeb.*\(UNKNOWN_REF\)$/,
    );
  });

  it('places a YAML syntax error at its line', () => {
    const opened = openScenarioText('yaml-syntax.scenario.yaml', corpus('yaml-syntax.scenario.yaml'), FILES);
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(positions(opened.problems)).toEqual(['yaml-syntax.scenario.yaml:9:1']);
    expect(opened.problems[0]).toContain('(YAML_SYNTAX)');
  });

  it('reads JSON: a broken JSON file at its JSON line, the shipped scenario written as JSON opens', () => {
    const broken = openScenarioText(
      'json-scenario.scenario.json',
      corpus('json-scenario.scenario.json'),
      FILES,
    );
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(positions(broken.problems)).toEqual(['json-scenario.scenario.json:29:19']);

    const json = JSON.stringify(parse(SHIPPED), null, 2);
    const opened = openScenarioText('winter.scenario.json', json, FILES);
    if (!opened.ok) throw new Error(opened.problems.join('\n'));
    expect(opened.scenario.data.id).toBe('winter-2019-2020');
    // The same data as the YAML: the same content hash.
    const yaml = openScenarioText('w.scenario.yaml', SHIPPED, FILES);
    if (!yaml.ok) throw new Error(yaml.problems.join('\n'));
    expect(opened.scenario.contentHash).toBe(yaml.scenario.contentHash);
  });

  it('keeps warnings apart: they do not stop the file', () => {
    // A computer actor without a doctrine is a warning (NO_DOCTRINE).
    const text = SHIPPED.replace(
      '    doctrine: doctrines/hts.doctrine.yaml\n    controller: scripted',
      '    controller: computer',
    );
    expect(text).not.toBe(SHIPPED);
    const opened = openScenarioText('warned.scenario.yaml', text, FILES);
    if (!opened.ok) throw new Error(opened.problems.join('\n'));
    expect(
      opened.warnings.some((w) => /^warned\.scenario\.yaml:\d+:\d+: warning: .*\(NO_DOCTRINE\)$/.test(w)),
    ).toBe(true);
  });

  it('says which shipped files a file can name when its map cannot be read', () => {
    const text = SHIPPED.replace('map: maps/idlib.map.yaml', 'map: elsewhere/idlib.map.yaml');
    const opened = openScenarioText('moved.scenario.yaml', text, FILES);
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.problems[0]).toMatch(
      /^moved\.scenario\.yaml:\d+:\d+: error: map: Cannot read .*\(CANNOT_READ\)$/,
    );
    expect(opened.problems.at(-1)).toContain('maps/idlib.map.yaml');
  });

  it('refuses a map or doctrine file opened as a scenario, and script text stays text', () => {
    const map = openScenarioText('idlib.map.yaml', FILES['scenarios/maps/idlib.map.yaml']!, FILES);
    expect(map.ok).toBe(false);
    if (!map.ok) expect(map.problems[0]).toMatch(/^idlib\.map\.yaml: this is a map file/);

    const hostile = SHIPPED.replace(
      /^briefing: \|\n/m,
      'briefing: |\n  <img src=x onerror=alert(1)> <script>alert(2)</script>\n\n',
    );
    const opened = openScenarioText('hostile.scenario.yaml', hostile, FILES);
    if (!opened.ok) throw new Error(opened.problems.join('\n'));
    expect(opened.scenario.data.briefing).toContain('<script>alert(2)</script>');
  });
});

describe('paths of an opened file', () => {
  it('keeps only the base name, in the scenarios folder', () => {
    expect(baseName('C:\\Users\\me\\x.scenario.yaml')).toBe('x.scenario.yaml');
    expect(baseName('a/b/c.yaml')).toBe('c.yaml');
    expect(baseName('')).toBe('opened.scenario.yaml');
    expect(baseName('..')).toBe('opened.scenario.yaml');
    expect(openedPath('../../etc/passwd')).toBe('scenarios/passwd');
  });

  it('finds a shipped file by its path, or by the part from its last scenarios/ folder', () => {
    expect(bundledText(FILES, 'scenarios/maps/idlib.map.yaml')).toBeDefined();
    expect(bundledText(FILES, 'scenarios/./maps/../maps/idlib.map.yaml')).toBeDefined();
    expect(bundledText(FILES, '../scenarios/maps/idlib.map.yaml')).toBeDefined();
    expect(bundledText(FILES, 'maps/idlib.map.yaml')).toBeUndefined();
    expect(bundledText(FILES, 'myscenarios/maps/idlib.map.yaml')).toBeUndefined();
  });
});

describe('openScenarioFile', () => {
  it('reads the bytes of a File', async () => {
    const file = new File([SHIPPED], 'from-disk.scenario.yaml');
    const opened = await openScenarioFile(file, FILES);
    if (!opened.ok) throw new Error(opened.problems.join('\n'));
    expect(opened.text).toBe(SHIPPED);
  });

  it('refuses a file that is not UTF-8 text, and one over the size limit unread', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('schemaVersion: 2\nid: caf'), 0xe9, 0x0a]);
    const bad = await openScenarioFile(new File([latin1], 'latin1.scenario.yaml'), FILES);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatch(/^latin1\.scenario\.yaml:2:\d+: error: .*\(NOT_UTF8\)$/);

    const big = new File([new Uint8Array(3 * 1024 * 1024).fill(0x20)], 'big.scenario.yaml');
    const refused = await openScenarioFile(big, FILES);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems[0]).toContain('(FILE_TOO_BIG)');
  });
});
