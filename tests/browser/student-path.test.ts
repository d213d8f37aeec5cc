// The student's path through the browser game in real Chromium (Debian's, driven by
// playwright-core): menu → briefing → play Turkey → dispatch a convoy → end three turns → reload
// → resume → play to the end → the review with its outcome and charts → download the replay,
// which verifies in Node with the CLI to the page's hash. All along: no console error and no
// request outside the page's origin. Then the edges: keyboard alone, hot-seat hand-over, a
// briefing full of markup, a broken scenario file, a corrupt save, a replay written by the CLI.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { playScenario } from '../../src/cli/play.ts';
import { hashState } from '../../src/engine/index.ts';
import { loadScenario, newGame, verifyReplay, type Replay, type Scenario } from '../../src/scenario/index.ts';
import { launchChromium } from '../../src/cli/browser.ts';
import { colourStats, decodePng } from './png.ts';
import { tempDir } from '../temp-dir.ts';

const SCENARIO_ID = 'winter-2019-2020';
const SCENARIO_FILE = `scenarios/${SCENARIO_ID}.scenario.yaml`;

const baseUrl = inject('baseUrl');
const root = inject('root');
const origin = new URL(baseUrl).origin;

function readProjectFile(path: string): string {
  return readFileSync(resolve(root, path), 'utf8');
}

function loadDefault(): Scenario {
  return loadScenario(SCENARIO_FILE, readProjectFile);
}

interface Hook {
  turn: number;
  hash: string;
  scenarioId: string;
  actor: string;
  busy: boolean;
}

/** Watches a page for errors, dialogs and requests that leave its origin. */
function watch(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('blob:') && !url.startsWith('data:') && new URL(url).origin !== origin)
      problems.push(`request outside the page's origin: ${url}`);
  });
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '';
    // A request the browser cancels because the page reloads or closes (the favicon, often) is not
    // the app's failure; any other is.
    if (error === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()} (${error})`);
  });
}

const hook = (page: Page): Promise<Hook> =>
  page.evaluate(() => {
    const sim = window.idlibSim!;
    return { turn: sim.turn, hash: sim.hash, scenarioId: sim.scenarioId, actor: sim.actor, busy: sim.busy };
  });

/** Waits until the page has resolved into `turn` and finished playing the turn out. */
async function waitForTurn(page: Page, turn: number): Promise<void> {
  await page.waitForFunction((t) => window.idlibSim!.turn === t && !window.idlibSim!.busy, turn, {
    timeout: 60_000,
  });
}

const endTurnButton = (page: Page) => page.getByRole('button', { name: 'End turn', exact: true });

describe('the student path', () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const downloads = tempDir('idlib-sim-downloads-');

  beforeAll(async () => {
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: { width: 1366, height: 860 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    watch(page, problems);
    // Turn playback is skipped (?playback=0) so that whole games fit in the test's time.
    await page.goto(`${baseUrl}?playback=0`);
    await page.waitForFunction(() => window.idlibSim !== undefined, undefined, { timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens on the menu, which lists the shipped scenario', async () => {
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const play = page.getByRole('button', { name: /^Play Winter 2019-2020/ });
    expect(await play.count()).toBe(1);
    expect(await page.getByText('56 turns of 2 days').count()).toBeGreaterThan(0);
    expect((await hook(page)).turn, 'no game open on the menu').toBe(0);
    expect(problems).toEqual([]);
  });

  it('goes through the briefing and starts a game as Turkey', async () => {
    await page.getByRole('button', { name: /^Play Winter 2019-2020/ }).click();
    await page.getByRole('button', { name: 'Start the game' }).waitFor();
    // The briefing: each actor's view, the sources as links, the roles (Turkey is the student's by default).
    expect(await page.getByText('December 2019. The Idlib de-escalation zone').count()).toBe(1);
    expect(await page.getByRole('link', { name: /reuters\.com|wikipedia\.org/ }).count()).toBeGreaterThan(0);
    const turkey = page.getByRole('group', { name: 'Turkey' });
    expect(await turkey.getByLabel('Student').isChecked()).toBe(true);
    expect(await page.getByRole('group', { name: 'Russia' }).getByLabel('Computer').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Start the game' }).click();
    await waitForTurn(page, 1);
    const now = await hook(page);
    expect(now).toMatchObject({ scenarioId: SCENARIO_ID, actor: 'turkey', turn: 1 });
    expect(now.hash, 'the page starts from the state Node starts from').toBe(
      hashState(newGame(loadDefault(), '1')),
    );
    const copy = await page.evaluate(() => {
      const state = window.idlibSim!.state()!;
      state.turn = 99;
      return window.idlibSim!.turn;
    });
    expect(copy, 'state() returns a copy').toBe(1);
  });

  it('draws the map, the meters and the legend', async () => {
    const canvas = page.locator('#map canvas');
    await expect.poll(() => canvas.count()).toBe(1);
    const box = await canvas.boundingBox();
    expect(box!.width).toBeGreaterThan(400);
    expect(box!.height).toBeGreaterThan(400);
    const stats = colourStats(decodePng(await canvas.screenshot()));
    expect(stats.distinct, 'distinct colours on the map').toBeGreaterThan(20);
    expect(stats.dominantShare, 'share of the commonest colour').toBeLessThan(0.8);
    const meters = (await page.locator('#meters').textContent()) ?? '';
    expect(meters).toContain('Turn 1 of 56');
    expect(meters).toMatch(/Escalation/i);
    expect(meters).toMatch(/Displaced/i);
    expect(await page.getByRole('heading', { name: /Legend/ }).count()).toBe(1);
    // Kept for a person to look at: one file, written over by each run (not removed with the rest).
    await page.screenshot({ path: join(tmpdir(), 'idlib-sim-map.png') });
  });

  it('dispatches a convoy from a crossing, and can take an order back', async () => {
    await page.getByRole('button', { name: /^Convoys from Kafr Lusin/ }).click();
    // The numbered order buttons (not the pending list's Remove buttons, which name the order too).
    const convoys = page.getByRole('button', { name: /^\d+\.\s*Send a convoy from Kafr Lusin/ });
    expect(await convoys.count()).toBeGreaterThan(0);
    await convoys.first().click();
    const pending = page.locator('ol.pending > li');
    await expect.poll(() => pending.count()).toBe(1);
    expect(await pending.first().textContent()).toContain('Send a convoy from Kafr Lusin');
    // A second order, removed again.
    await convoys.last().click();
    await expect.poll(() => pending.count()).toBe(2);
    await page.getByRole('button', { name: /^Remove order 2/ }).click();
    await expect.poll(() => pending.count()).toBe(1);
  });

  it('ends three turns; the convoy leaves; the events are in the news', async () => {
    await endTurnButton(page).click();
    await waitForTurn(page, 2);
    const news = (await page.locator('#panel').textContent()) ?? '';
    expect(news).toMatch(/convoy/i);
    expect(((await page.locator('#meters').textContent()) ?? '').includes('Turn 2 of 56')).toBe(true);
    await endTurnButton(page).click();
    await waitForTurn(page, 3);
    await endTurnButton(page).click();
    await waitForTurn(page, 4);
  });

  it('exports the game so far, which verifies in Node to the page’s hash', async () => {
    const pageHash = (await hook(page)).hash;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the game so far' }).click(),
    ]);
    const file = join(downloads, `so-far-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const replay = JSON.parse(readFileSync(file, 'utf8')) as Replay;
    expect(replay.turns).toHaveLength(3);
    const verified = verifyReplay(replay, loadDefault());
    expect(verified.ok && verified.hash).toBe(pageHash);
  });

  it('resumes the autosave after a reload, at the same turn and hash', async () => {
    const before = await hook(page);
    await page.reload();
    await page.waitForFunction(() => window.idlibSim !== undefined);
    const resume = page.getByRole('button', { name: /^Resume/ });
    await resume.waitFor();
    expect((await resume.textContent()) ?? '').toMatch(/Turkey/);
    await resume.click();
    await waitForTurn(page, 4);
    const after = await hook(page);
    expect(after.hash).toBe(before.hash);
    expect(after.actor).toBe('turkey');
  });

  it('issues an order and ends a turn with the keyboard alone', async () => {
    // Tab to the first subject that has orders (a real keyboard walk, no clicks).
    let found = false;
    for (let i = 0; i < 80 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => {
        const a = document.activeElement;
        return (
          a instanceof HTMLButtonElement &&
          a.classList.contains('subject') &&
          !a.classList.contains('subject-idle')
        );
      });
    }
    expect(found, 'a subject with orders is reachable by Tab').toBe(true);
    await page.keyboard.press('Enter');
    const pending = page.locator('ol.pending > li');
    await page.keyboard.press('1');
    await expect.poll(() => pending.count()).toBe(1);
    await page.keyboard.press('e');
    await waitForTurn(page, 5);
    expect(await pending.count()).toBe(0);
  });

  it('plays to the end; the review shows each actor’s outcome and the charts', async () => {
    for (let guard = 0; guard < 100; guard++) {
      const button = endTurnButton(page);
      if ((await button.count()) === 0) break;
      const turn = (await hook(page)).turn;
      await button.click();
      await page.waitForFunction(
        (t) =>
          !window.idlibSim!.busy &&
          (window.idlibSim!.turn > t || document.querySelector('figure.chart') !== null),
        turn,
        { timeout: 60_000 },
      );
      if ((await page.locator('figure.chart').count()) > 0) break;
    }
    await page.locator('figure.chart svg').first().waitFor();
    expect(await page.locator('figure.chart svg').count()).toBeGreaterThanOrEqual(5);
    const text = (await page.locator('#screen').textContent()) ?? '';
    for (const name of ['Turkey', 'Syrian government', 'Russia']) expect(text).toContain(name);
    expect(text).toMatch(/decisive victory|marginal victory|draw|defeat/i);
    expect(text).toMatch(/claim/i);
    // The scenario's history beside the game: its column, the count, each event with its turn in this game.
    await expect
      .poll(() => page.getByRole('heading', { name: 'Timeline: this game beside history' }).count())
      .toBe(1);
    expect(text).toMatch(/This game produced \d+ of the \d+ historical events within a turn of their date\./);
    expect(await page.locator('.tl-history .tl-in-game').count()).toBeGreaterThan(10);
    expect((await hook(page)).turn).toBe(57);
  });

  it('downloads a replay that verifies in Node, to the hash the page shows', async () => {
    const pageHash = (await hook(page)).hash;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download replay' }).click(),
    ]);
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const replay = JSON.parse(readFileSync(file, 'utf8')) as Replay;
    expect(replay.turns).toHaveLength(56);
    expect(replay.turns[0]!.orders.turkey!.some((o) => o.kind === 'dispatch_convoy')).toBe(true);
    const verified = verifyReplay(replay, loadDefault());
    expect(verified.ok && verified.hash).toBe(pageHash);
    // And with the command line itself.
    const lines: string[] = [];
    const code = main(['verify', file], { log: (l) => lines.push(l), error: (l) => lines.push(l) });
    expect(code, lines.join('\n')).toBe(0);
    expect(lines.join('\n')).toContain(pageHash);
  });

  it('steps through the replay viewer, forward and back', async () => {
    await page.getByRole('button', { name: 'View the replay' }).click();
    const forward = page.getByRole('button', { name: 'Forward' });
    await forward.waitFor();
    const heading = page.locator('#replay-turn-heading');
    expect(await heading.textContent()).toBe('The start');
    await forward.click();
    await forward.click();
    await expect.poll(() => heading.textContent()).toMatch(/^Turn 2 /);
    await page.getByRole('button', { name: 'Back' }).click();
    await expect.poll(() => heading.textContent()).toMatch(/^Turn 1 /);
    await page.getByRole('button', { name: 'Close replay' }).click();
    await page.locator('figure.chart').first().waitFor();
  });

  it('had no console error and no request outside the page all along', () => {
    expect(problems).toEqual([]);
  });
});

describe('files and edges', () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const dir = tempDir('idlib-sim-files-');

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    watch(page, problems);
    await page.goto(`${baseUrl}?playback=0`);
    await page.waitForFunction(() => window.idlibSim !== undefined, undefined, { timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function toMenu(): Promise<void> {
    await page.goto(`${baseUrl}?playback=0`);
    await page.getByRole('button', { name: /^Play Winter 2019-2020/ }).waitFor();
  }

  it('shows a briefing full of markup as text and runs none of it', async () => {
    const evil = readProjectFile(SCENARIO_FILE).replace(
      /^briefing: \|\n/m,
      'briefing: |\n  <img src=x onerror=alert(1)> and <script>alert(2)</script> are words here.\n\n',
    );
    expect(evil).toContain('onerror');
    await toMenu();
    await page.getByLabel('Scenario file').setInputFiles({
      name: 'evil.scenario.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(evil),
    });
    await page.getByRole('button', { name: 'Start the game' }).waitFor({ timeout: 60_000 });
    expect(
      await page
        .getByText('<img src=x onerror=alert(1)> and <script>alert(2)</script> are words here.')
        .count(),
    ).toBe(1);
    expect(await page.locator('#screen img, #screen script').count()).toBe(0);
    // It plays.
    await page.getByRole('button', { name: 'Start the game' }).click();
    await waitForTurn(page, 1);
    expect((await hook(page)).scenarioId).toBe(SCENARIO_ID);
  });

  it('lists a broken scenario file’s mistakes with their line numbers', async () => {
    await toMenu();
    const broken = readProjectFile('tests/corpus/typo-location.scenario.yaml');
    await page.getByLabel('Scenario file').setInputFiles({
      name: 'typo-location.scenario.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(broken),
    });
    const list = page.getByRole('list', { name: 'Problems' });
    await list.waitFor({ timeout: 60_000 });
    const text = (await list.textContent()) ?? '';
    expect(text).toMatch(/typo-location\.scenario\.yaml:15:24/);
    expect(await page.getByRole('button', { name: 'Start the game' }).count()).toBe(0);
  });

  it('refuses a corrupt save with the reason and keeps the autosave', async () => {
    // An autosave first: start a game, play a turn.
    await page.goto(`${baseUrl}?scenario=${SCENARIO_ID}&play=turkey&playback=0`);
    await waitForTurn(page, 1);
    await endTurnButton(page).click();
    await waitForTurn(page, 2);
    await toMenu();
    await page.getByLabel('Saved game or replay file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"idlib-sim-replay","formatVersion":1,"seed":'),
    });
    await expect
      .poll(async () => (await page.locator('#screen').textContent()) ?? '')
      .toMatch(/broken\.json.*not opened.*not JSON/);
    expect(await page.getByRole('button', { name: /^Resume/ }).count()).toBe(1);
  });

  it('opens a replay written by the command line in the replay viewer', async () => {
    const scenario = loadDefault();
    const { replay, state } = playScenario(scenario, '42', 6, {
      players: {
        turkey: 'computer',
        syria: 'computer',
        russia: 'computer',
        hts: 'computer',
        opposition: 'computer',
      },
    });
    const file = join(dir, 'cli.replay.json');
    writeFileSync(file, JSON.stringify(replay));
    await toMenu();
    await page.getByLabel('Saved game or replay file').setInputFiles(file);
    const forward = page.getByRole('button', { name: 'Forward' });
    await forward.waitFor();
    await page.getByRole('button', { name: 'End' }).click();
    await expect.poll(() => page.locator('#replay-turn-heading').textContent()).toMatch(/^Turn 6 /);
    expect((await hook(page)).hash).toBe(hashState(state));
    // And it goes on as a game, from its last turn, with a student at the keyboard.
    await page.getByRole('button', { name: 'Play on from the last turn' }).click();
    await page.getByRole('button', { name: 'Start the game' }).click();
    await waitForTurn(page, 7);
    expect(await hook(page)).toMatchObject({ actor: 'turkey', hash: hashState(state) });
    await endTurnButton(page).click();
    await waitForTurn(page, 8);
  });

  it('hands the screen over between two students (hot-seat)', async () => {
    await page.goto(`${baseUrl}?scenario=${SCENARIO_ID}&playback=0`);
    await page.getByRole('group', { name: 'Syrian government' }).getByLabel('Student').check();
    await page.getByRole('button', { name: 'Start the game' }).click();
    await page.getByRole('button', { name: 'Ready' }).click();
    await waitForTurn(page, 1);
    expect((await hook(page)).actor).toBe('turkey');
    await page.getByRole('button', { name: /^End turn: hand over to Syrian government/ }).click();
    const ready = page.getByRole('button', { name: 'Ready' });
    await ready.waitFor();
    expect(await page.locator('#app').isHidden(), 'the hand-over hides the map').toBe(true);
    await ready.click();
    expect((await hook(page)).actor).toBe('syria');
    await endTurnButton(page).click();
    await page.getByRole('button', { name: 'Ready' }).click();
    await waitForTurn(page, 2);
    expect((await hook(page)).actor).toBe('turkey');
  });

  it('had no console error, no dialog and no request outside the page', () => {
    expect(problems).toEqual([]);
  });
});
