// `node scripts/run-ts.mjs [--node24-when-installed] <file.ts> [arguments...]`: runs a TypeScript script (the
// demo, the benchmark) on the Node that runs npm, which may be Node 20 on any platform, through ts-loader.mjs.
// With --node24-when-installed it uses Node 24 from .ci/node24/ (see node24.mjs) when that is there, since the
// figures in BENCHMARKS.md are for the action's runtime; otherwise the current Node. It says which it chose.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { node24Path, runNode } from './node24.mjs';

const LOADER = fileURLToPath(new URL('./ts-loader.mjs', import.meta.url));

/** The Node to run the script on, and why, for the line the script's output starts with. */
function chooseNode(preferNode24) {
  const node24 = preferNode24 ? node24Path() : undefined;
  if (node24) return { node: node24, why: 'Node 24 from .ci/node24/ (or NODE24), the action runtime' };
  const why = preferNode24
    ? 'the Node that runs npm: Node 24 from .ci/node24/ is not installed (see docs/development.md)'
    : 'the Node that runs npm';
  return { node: process.execPath, why };
}

const args = process.argv.slice(2);
const preferNode24 = args[0] === '--node24-when-installed';
const [script, ...rest] = preferNode24 ? args.slice(1) : args;
if (!script) {
  console.error('usage: node scripts/run-ts.mjs [--node24-when-installed] <file.ts> [arguments...]');
  process.exit(2);
}
const { node, why } = chooseNode(preferNode24);
const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`${script} on Node ${version} (${node}): ${why}.`);
runNode(node, ['--import', LOADER, script, ...rest]);
