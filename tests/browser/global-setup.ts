// Global setup of the browser tests: builds the game with Vite into a temporary folder, serves
// it with `vite preview` on a free port of 127.0.0.1, and hands the URL (and the project root)
// to the tests through vitest's provide/inject. Teardown stops the server and removes the build.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built game is served, ending in "/". */
    baseUrl: string;
    /** The project root (scenario paths are relative to it). */
    root: string;
  }
}

let server: PreviewServer | undefined;
let outDir = '';

export async function setup(project: TestProject): Promise<void> {
  const root = project.config.root;
  const configFile = resolve(root, 'vite.config.ts');
  outDir = mkdtempSync(join(tmpdir(), 'idlib-sim-browser-'));
  await build({
    root,
    configFile,
    mode: 'production',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  server = await preview({
    root,
    configFile,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address() as AddressInfo | null;
  if (!address || typeof address !== 'object') throw new Error('vite preview did not report its port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  project.provide('root', root);
}

export async function teardown(): Promise<void> {
  await server?.close();
  server = undefined;
  if (outDir !== '') rmSync(outDir, { recursive: true, force: true });
}
