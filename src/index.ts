import { run } from './main.js';
import { exitOnceFlushed } from './output/terminal.js';

await run();
// A request abandoned at the deadline (e.g. one still waiting on a proxy) would keep Node alive: the step is
// over, so leave once stdout has drained. run() has set the exit code.
exitOnceFlushed();
