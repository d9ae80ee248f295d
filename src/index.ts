import { run } from './main.js';
import { exitOnceFlushed } from './output/terminal.js';

// Not a top-level await: the bundle is CommonJS, which loads faster than ESM (see scripts/package.mjs).
void run().then(() => {
  // A request abandoned at the deadline (e.g. one still waiting on a proxy) would keep Node alive: the step is
  // over, so leave once stdout has drained. run() has set the exit code.
  exitOnceFlushed();
});
