// Building the game and driving it in a browser, for the browser tests and the bench: Vite
// builds the game into a temporary folder, `vite preview` serves it on a free port of
// 127.0.0.1, and Debian's Chromium (never a downloaded browser) loads it headless. Vite and
// playwright-core are loaded only when called, so the rest of the command line never needs them.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Whether Debian's Chromium is installed where the tests and the bench look for it. */
export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

/** Debian's Chromium, headless; throws with what to install when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!hasChromium()) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}. Run \`apt-get install chromium\` (the browser tests and ` +
        `the bench use Debian's Chromium and never download a browser).`,
    );
  }
  const { chromium } = await import('playwright-core');
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

export interface ServedGame {
  /** Where the built game is served, ending in "/". */
  url: string;
  /** The build folder (deleted by close). */
  outDir: string;
  /** Stops the server and deletes the build. */
  close(): Promise<void>;
}

/** Builds the game from `root` into a temporary folder and serves it with `vite preview`. */
export async function buildAndServe(root: string): Promise<ServedGame> {
  const { build, preview } = await import('vite');
  const configFile = resolve(root, 'vite.config.ts');
  const outDir = mkdtempSync(join(tmpdir(), 'idlib-sim-build-'));
  try {
    await build({
      root,
      configFile,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    const server = await preview({
      root,
      configFile,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    });
    const address = server.httpServer.address() as AddressInfo | null;
    if (!address || typeof address !== 'object') {
      await server.close();
      throw new Error('vite preview did not report its port');
    }
    return {
      url: `http://127.0.0.1:${address.port}/`,
      outDir,
      close: async () => {
        await server.close();
        rmSync(outDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(outDir, { recursive: true, force: true });
    throw e;
  }
}
