// Entry of a batch worker thread: it sets the V8 flags below, then loads the worker's code, which
// the main thread bundled into one module (`workerData.bundle`: src/cli/worker-bundle.ts). Plain
// JavaScript, so that it runs whatever loader the main thread was started with (`npx tsx`,
// bin/idlib-sim.mjs or vitest): a worker thread inherits none. How V8 collects garbage depends on
// the batch's number of workers: the main thread sets that before it starts them (`collectInPlace`
// in batch.ts).
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { workerData } from 'node:worker_threads';

// Each worker is an isolate of its own, and V8 compiles a game's hot code again in every one. In a
// batch of a few dozen games that compiling is a large share of the work: V8's optimizing compiler
// spent about 12 s of CPU time (on its own thread, competing with the other worker) over a
// worker's first ten games, with its default inlining budget. A smaller budget halves that, and
// the games after run no slower (measured on 21 Nov 2026: 64 games on 2 workers, 2.9 games/s
// before, 3.3 to 3.7 after). The setting is process-wide and only concerns how V8 compiles: what
// the code computes does not change.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=150');
// A function is optimized after it has run a certain amount of bytecode (the interrupt budget, 67,584
// by default in Node 20's V8). With a budget five times larger, the functions that run only now and
// then stay in baseline code, and those that reach the optimizing compiler arrive with fuller type
// feedback: over a thread's first 32 games, 283 functions optimized instead of 456, 345 compiles
// instead of 597, 51 deoptimizations instead of 131. The compiler threads used 2.9 s of CPU instead of
// 4.6, and the game thread about a tenth more (its first games run longer in baseline code): less work
// in all, which is what counts once every core runs a worker. Measured on 21 Nov 2026, six rounds of 64
// games taking turns with the default: 2 workers 5-25 % faster (median about 10 %), 1 worker about the
// same.
setFlagsFromString('--interrupt-budget=350000');
// Between full collections V8 lets the heap grow to up to four times what survived the last one,
// when the process may use a large heap (its limit here is about 4 GB). A worker keeps about 21 MB
// alive, and what it leaves for the collector piled up to a peak of 113-266 MB in use per worker
// (batches of 64 and 256 games, 22 Nov 2026). Growing by 2.5 times instead kept the peak at 78-128
// MB; in runs of 64 and 256 games on 2 workers, taken in turn with the default, the games per
// second stayed within the runs' spread (a factor of 2 kept 64-103 MB, but was about a tenth
// slower over 256 games). What the games compute does not change (docs/architecture.md).
setFlagsFromString('--heap-growing-percent=150');
// The optimizing compiler peels the first round off each loop it compiles (a copy of the loop's
// body ahead of the loop, to take checks out of the rounds after). The game's loops are short and
// many; the copies cost compiling and code without paying for it. Without peeling, 64 games on 2
// workers were 3-7 % faster (12 rounds taken in turn with it on, 22 Nov 2026: 13.7-13.8 games a
// second against 12.9-13.2, 10 rounds of 12 faster), the speed-up of 2 workers over 1 went from
// 1.26 to 1.37, and warm games on one thread took 2-5 % less CPU (5 rounds). What the games
// compute does not change.
setFlagsFromString('--no-turbo-loop-peeling');

// Stacks of errors name the TypeScript sources (the bundle carries a source map).
process.setSourceMapsEnabled(true);
await import(pathToFileURL(workerData.bundle).href);
