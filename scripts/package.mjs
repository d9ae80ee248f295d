// Builds dist/: the action (dist/index.js) and the CLI (dist/cli.js), each one self-contained file.
// ncc names its output index.js, so the CLI is built into a scratch folder and moved beside the action.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const scratch = `${dist}.cli-build/`;
const ncc = fileURLToPath(new URL('../node_modules/@vercel/ncc/dist/ncc/cli.js', import.meta.url));
const build = (entry, out, ...flags) =>
  execFileSync(process.execPath, [ncc, 'build', entry, '--out', out, '--target', 'es2022', ...flags], {
    stdio: 'inherit',
  });

build('src/index.ts', dist, '--license', 'licenses.txt');
rmSync(scratch, { recursive: true, force: true });
build('src/cli.ts', scratch);
// npm runs a `bin` through its shebang; ncc keeps the code but not one from the source, so it goes on here.
const cli = readFileSync(`${scratch}index.js`, 'utf8');
writeFileSync(`${dist}cli.js`, cli.startsWith('#!') ? cli : `#!/usr/bin/env node\n${cli}`);
chmodSync(`${dist}cli.js`, 0o755);
rmSync(scratch, { recursive: true, force: true });

// ncc emits ESM; Node needs a package.json beside the bundles saying so.
writeFileSync(`${dist}package.json`, `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
