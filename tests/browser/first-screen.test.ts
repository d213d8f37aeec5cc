// The first screen in a real browser (Debian's Chromium, driven by playwright-core): the default
// scenario loads, the map is drawn, "End turn" plays turns, and the browser reaches exactly the
// state hashes that the same scenario, seed and scripted orders give in Node.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashState, resolveTurn, type GameState } from '../../src/engine/index.ts';
import { loadScenario, newGame, scriptedOrders, type Scenario } from '../../src/scenario/index.ts';
import { colourStats, decodePng } from './png.ts';

const CHROMIUM = '/usr/bin/chromium';
const SCENARIO_ID = 'winter-2019-2020';
const SCENARIO_FILE = `scenarios/${SCENARIO_ID}.scenario.yaml`;
const SEED = '1';

const baseUrl = inject('baseUrl');
const root = inject('root');

/** Debian's Chromium, headless; the tests never download a browser. */
async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}. Run \`apt-get install chromium\` (the browser tests use ` +
        `Debian's Chromium and never download a browser).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** The hashes Node reaches: index 0 is the new game, index n the state after n turns. */
function nodeHashes(turns: number): { scenario: Scenario; hashes: string[]; final: GameState } {
  const scenario = loadScenario(SCENARIO_FILE, (path) => readFileSync(resolve(root, path), 'utf8'));
  let state = newGame(scenario, SEED);
  const hashes = [hashState(state)];
  for (let i = 0; i < turns && !state.over; i++) {
    state = resolveTurn(state, scriptedOrders(scenario, state)).state;
    hashes.push(hashState(state));
  }
  return { scenario, hashes, final: state };
}

describe('first screen', () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    await page.goto(baseUrl);
    await page.waitForFunction(() => window.idlibSim !== undefined, undefined, { timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
    expect(problems, 'errors in the page').toEqual([]);
  });

  const hook = () =>
    page.evaluate(() => {
      const sim = window.idlibSim!;
      return { turn: sim.turn, hash: sim.hash, scenarioId: sim.scenarioId, actor: sim.actor };
    });

  const dateText = async () => (await page.locator('#date').textContent()) ?? '';

  it('loads the default scenario at turn 1 with the same state as Node', async () => {
    const now = await hook();
    expect(now.scenarioId).toBe(SCENARIO_ID);
    expect(now.turn).toBe(1);
    expect(now.hash).toBe(nodeHashes(0).hashes[0]);
    const copy = await page.evaluate(() => {
      const state = window.idlibSim!.state();
      state.turn = 99;
      return window.idlibSim!.turn;
    });
    expect(copy, 'state() returns a copy').toBe(1);
    expect(problems).toEqual([]);
  });

  it('draws the map on a canvas that is not blank', async () => {
    const canvas = page.locator('#map canvas');
    await expect.poll(() => canvas.count()).toBe(1);
    const box = await canvas.boundingBox();
    expect(box!.width).toBeGreaterThan(400);
    expect(box!.height).toBeGreaterThan(400);
    const stats = colourStats(decodePng(await canvas.screenshot()));
    expect(stats.distinct, 'distinct colours on the map').toBeGreaterThan(20);
    expect(stats.dominantShare, 'share of the commonest colour').toBeLessThan(0.8);
    await page.screenshot({ path: '/tmp/first-screen.png' });
  });

  it('shows a legend and the turn in the panel', async () => {
    await expect.poll(() => page.getByRole('heading', { name: 'Legend' }).count()).toBe(1);
    expect(await page.locator('#turn').textContent()).toContain('Turn 1');
    expect(await dateText()).toContain('2019');
  });

  it('plays a turn with the End turn button', async () => {
    const before = await hook();
    const dateBefore = await dateText();
    const button = page.getByRole('button', { name: 'End turn' });
    expect(await button.isEnabled()).toBe(true);
    await button.click();
    await page.waitForFunction(() => window.idlibSim!.turn === 2);
    const after = await hook();
    expect(after.turn).toBe(2);
    expect(after.hash).not.toBe(before.hash);
    const dateAfter = await dateText();
    expect(dateAfter).not.toBe(dateBefore);
    expect(dateAfter).not.toBe('');
    expect(await page.locator('#turn').textContent()).toContain('Turn 2');
  });

  it('plays turns with the E and Enter keys, and matches Node turn by turn', async () => {
    const { hashes } = nodeHashes(6);
    expect((await hook()).hash).toBe(hashes[1]);
    for (let n = 2; n <= 6; n++) {
      // The button keeps the focus after a click: E still works, Enter clicks the focused button.
      await page.keyboard.press(n % 2 === 0 ? 'e' : 'Enter');
      await page.waitForFunction((turn) => window.idlibSim!.turn === turn, n + 1);
      expect((await hook()).hash, `hash after ${n} turns`).toBe(hashes[n]);
    }
  });

  it('plays to the end, then disables End turn; the final hash equals Node’s', async () => {
    const { hashes, final } = nodeHashes(10_000);
    const button = page.getByRole('button', { name: 'End turn' });
    while (await button.isEnabled()) {
      const turn = (await hook()).turn;
      await button.click();
      await page.waitForFunction((t) => window.idlibSim!.turn === t + 1, turn);
    }
    const end = await hook();
    expect(final.over).toBe(true);
    expect(end.turn).toBe(final.turn);
    expect(end.hash).toBe(hashes[hashes.length - 1]);
    expect(await button.isDisabled()).toBe(true);
    await page.keyboard.press('e');
    expect((await hook()).turn, 'no turn after the end').toBe(final.turn);
  });
});

describe('a scenario that is not shipped', () => {
  it('shows a clear error in the panel and no page error', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(`${baseUrl}?scenario=no-such-scenario`);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      expect(text).toContain('no-such-scenario');
      expect(text).toContain(SCENARIO_ID);
      expect(await page.getByRole('button', { name: 'End turn' }).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
