// Global setup of the browser tests: builds the game with Vite into a temporary folder, serves
// it with `vite preview` on a free port of 127.0.0.1 (src/cli/browser.ts), and hands the URL (and
// the project root) to the tests through vitest's provide/inject. Teardown stops the server and
// removes the build.
import type { TestProject } from 'vitest/node';
import { buildAndServe, type ServedGame } from '../../src/cli/browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built game is served, ending in "/". */
    baseUrl: string;
    /** The project root (scenario paths are relative to it). */
    root: string;
  }
}

let served: ServedGame | undefined;

export async function setup(project: TestProject): Promise<void> {
  const root = project.config.root;
  served = await buildAndServe(root);
  project.provide('baseUrl', served.url);
  project.provide('root', root);
}

export async function teardown(): Promise<void> {
  await served?.close();
  served = undefined;
}
