// Builds dist/: the action (dist/index.js), the CLI (dist/cli.js), and the two dependencies they load only on
// first use (dist/undici.js, dist/tunnel.js), with dist/licenses.txt for every third-party package inside.
//
// esbuild, not ncc: ncc emits ESM for this ESM project and has no alias, format or charset option. ESM output
// costs start-up time a CommonJS bundle does not (an ESM import of node:http runs its WebSocket getter, which
// loads Node's internal undici), ncc cannot swap undici and tunnel for the lazy shims in src/lazy/, and it
// keeps non-ASCII text, which makes V8 hold the source as UTF-16. See BENCHMARKS.md for the figures.
import { build } from 'esbuild';
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = join(root, 'dist');
// The undici and tunnel that @actions/http-client itself resolves, whichever copy npm placed where.
const fromHttpClient = createRequire(import.meta.resolve('@actions/http-client'));

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // ASCII-only output: one non-ASCII byte makes V8 keep the whole bundle as a UTF-16 string.
  charset: 'ascii',
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
};

rmSync(dist, { recursive: true, force: true });
const results = await Promise.all([
  build({
    ...common,
    entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts' },
    outdir: dist,
    alias: { undici: './src/lazy/undici-shim.ts', tunnel: './src/lazy/tunnel-shim.ts' },
  }),
  build({
    ...common,
    entryPoints: { undici: fromHttpClient.resolve('undici'), tunnel: fromHttpClient.resolve('tunnel') },
    outdir: dist,
  }),
]);

// npm runs a `bin` through its shebang.
const cli = join(dist, 'cli.js');
writeFileSync(cli, `#!/usr/bin/env node\n${readFileSync(cli, 'utf8').replace(/^#!.*\n/, '')}`);
chmodSync(cli, 0o755);

// The bundles are CommonJS under a root package.json that says "module".
writeFileSync(join(dist, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
writeFileSync(
  join(dist, 'licenses.txt'),
  licences(results.flatMap((result) => Object.keys(result.metafile.inputs))),
);

/** Every package an input file belongs to (the innermost node_modules folder), with its licence text. */
function licences(inputs) {
  const folders = new Set();
  for (const input of inputs) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) folders.add(join(root, match[1]));
  }
  const entries = [...folders].map((folder) => {
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    const file = readdirSync(folder).find((name) => /^(licen[cs]e|copying)/i.test(name));
    const text = file ? readFileSync(join(folder, file), 'utf8').trim() : '';
    return { name: manifest.name, license: manifest.license ?? '', text };
  });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.map(({ name, license, text }) => `${name}\n${license}\n${text}\n`).join('\n');
}
