// Entry of a batch worker thread. A worker does not inherit the TypeScript loader that the main
// thread was started with (`npx tsx`, bin/idlib-sim.mjs or vitest), and `--import tsx` in its
// execArgv resolves from the working directory; so, like bin/idlib-sim.mjs, it registers tsx itself
// (resolved from this project) and then loads the worker.
import { register } from 'tsx/esm/api';

register();
await import('./batch-worker.ts');
