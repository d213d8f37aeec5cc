// The browser figures of `npm run bench`, measured in headless Chromium (Debian's, never a
// downloaded one): the game is built with Vite into a temporary folder and served by
// `vite preview` on 127.0.0.1.
//   web.appKBgzip      gzip size of the built app's JavaScript and CSS without Phaser's chunk and
//                      without the shipped scenarios' text (the "scenario-data" chunk)
//   web.dataKBgzip     gzip size of that scenario-data chunk: the bundled scenario, map and doctrine
//                      files, which grow with the scenario library, not with the code
//   web.msToInteractive from navigation to a map that takes orders (the default scenario opened
//                      with ?play=turkey: the map drawn and "End turn" enabled), median of 5 loads
//   web.frameMsMedian  median time between animation frames while the full map is panned with
//                      the mouse during a turn's playback
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildAndServe, CHROMIUM, hasChromium, launchChromium } from './browser.ts';
const LOADS = 5;

export interface WebFigures {
  'web.appKBgzip': number;
  'web.dataKBgzip': number;
  'web.msToInteractive': number | null;
  'web.frameMsMedian': number | null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/**
 * Gzip kilobytes of the built JavaScript and CSS: the app's code (Phaser's chunk left out) and,
 * apart, the bundled scenario data; with each file's size.
 */
export function appKBgzip(outDir: string): { kb: number; dataKb: number; files: Record<string, number> } {
  let code = 0;
  let data = 0;
  const files: Record<string, number> = {};
  for (const path of filesUnder(outDir)) {
    if (!/\.(js|css)$/.test(path) || /[\\/]phaser[-.]/.test(path)) continue;
    const size = gzipSync(readFileSync(path), { level: 9 }).length;
    files[path.slice(outDir.length + 1)] = kb(size);
    if (/[\\/]scenario-data[-.]/.test(path)) data += size;
    else code += size;
  }
  return { kb: kb(code), dataKb: kb(data), files };
}

export async function benchWeb(root: string, log: (line: string) => void): Promise<WebFigures> {
  const served = await buildAndServe(root);
  try {
    const size = appKBgzip(served.outDir);
    log(`bench: web app files gzip KB (Phaser left out): ${JSON.stringify(size.files)}`);
    if (!hasChromium()) {
      log(`bench: no Chromium at ${CHROMIUM} (apt-get install chromium): the web timings are left out`);
      return {
        'web.appKBgzip': size.kb,
        'web.dataKBgzip': size.dataKb,
        'web.msToInteractive': null,
        'web.frameMsMedian': null,
      };
    }
    const browser = await launchChromium();
    try {
      const url = `${served.url}?scenario=winter-2019-2020&play=turkey`;
      const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
      const endTurn = page.getByRole('button', { name: 'End turn', exact: true });
      const loads: number[] = [];
      for (let i = 0; i < LOADS; i++) {
        const t0 = performance.now();
        await page.goto(url);
        await page.waitForFunction(() => window.idlibSim?.turn === 1, undefined, { timeout: 60_000 });
        await endTurn.waitFor({ state: 'visible' });
        await page.waitForFunction(
          () => {
            const canvas = document.querySelector('#map canvas');
            const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'End turn');
            return canvas !== null && button !== undefined && !button.disabled;
          },
          undefined,
          { timeout: 60_000 },
        );
        loads.push(performance.now() - t0);
      }

      // Frames while panning during a turn's playback.
      const box = (await page.locator('#map canvas').boundingBox())!;
      // Plain script text: the page must not see helpers that a TypeScript loader adds to functions.
      await page.evaluate(`(() => {
        window.frameGaps = [];
        window.recording = true;
        let last = performance.now();
        const tick = (now) => {
          window.frameGaps.push(now - last);
          last = now;
          if (window.recording) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      })()`);
      await endTurn.click();
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      let sweeps = 0;
      while (sweeps < 40 && (sweeps < 4 || (await page.evaluate(() => window.idlibSim!.busy)))) {
        await page.mouse.move(cx, cy);
        await page.mouse.down();
        const dx = sweeps % 2 === 0 ? 200 : -200;
        await page.mouse.move(cx + dx, cy + dx / 4, { steps: 20 });
        await page.mouse.up();
        sweeps += 1;
      }
      const gaps = (await page.evaluate(
        '(() => { window.recording = false; return window.frameGaps.slice(1); })()',
      )) as number[];
      log(
        `bench: web loads ${loads.map((l) => Math.round(l)).join(', ')} ms; ${gaps.length} frames over ${sweeps} pans during playback`,
      );
      return {
        'web.appKBgzip': size.kb,
        'web.dataKBgzip': size.dataKb,
        'web.msToInteractive': Math.round(median(loads)),
        'web.frameMsMedian': gaps.length > 0 ? Math.round(median(gaps) * 10) / 10 : null,
      };
    } finally {
      await browser.close();
    }
  } finally {
    await served.close();
  }
}
