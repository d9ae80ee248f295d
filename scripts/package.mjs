// Builds dist/: the action (dist/index.js) and the CLI (dist/cli.js); their lint halves (dist/lint.js,
// dist/lint-cli.js), loaded only in lint mode; the two dependencies loaded only on a proxy's first use
// (dist/undici.js, dist/tunnel.js); and dist/licenses.txt for every third-party package inside.
//
// esbuild, not ncc: ncc emits ESM for this ESM project and has no alias, format or charset option. ESM output
// costs start-up time a CommonJS bundle does not (an ESM import of node:http runs its WebSocket getter, which
// loads Node's internal undici), ncc cannot swap undici and tunnel for the lazy shims in src/lazy/, and it
// keeps non-ASCII text, which makes V8 hold the source as UTF-16. See BENCHMARKS.md for the figures.
import { build } from 'esbuild';
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  BUNDLE_OPTIONS,
  LAZY_DEPENDENCY_SHIMS,
  lazyDependencyEntries,
  ONLY_THE_VERSION,
  ROOT,
} from './bundle-options.mjs';

const dist = join(ROOT, 'dist');

/**
 * Each program, and the module its source imports dynamically for lint mode, which becomes a file of its own.
 * Until lint runs, the lint half is neither read nor parsed: the exchange, run in every job, pays nothing for
 * it, and a test can see whether it was loaded.
 */
const PROGRAMS = [
  {
    name: 'index',
    entry: 'src/index.ts',
    lint: { specifier: './lint/lint-step.js', source: 'src/lint/lint-step.ts', file: 'lint' },
  },
  {
    name: 'cli',
    entry: 'src/cli.ts',
    lint: { specifier: './lint-command.js', source: 'src/cli/lint-command.ts', file: 'lint-cli' },
  },
];

/**
 * The lint half must use the program's own instances of the modules both import (one `ActionError` class for
 * `instanceof`, one keep-alive agent table, one list of scratch files for the signal handler), not copies.
 * The program puts their namespaces in this table before it starts; the lint file reads them from it.
 */
const HOST_TABLE = "globalThis[Symbol.for('mondoo-keyless-auth.host-modules')]";

rmSync(dist, { recursive: true, force: true });
const metafiles = [];
for (const program of PROGRAMS) metafiles.push(...(await buildProgram(program)));
const lazy = await build({ ...BUNDLE_OPTIONS, entryPoints: lazyDependencyEntries(), outdir: dist });
metafiles.push(lazy.metafile);

// npm runs a `bin` through its shebang.
const cli = join(dist, 'cli.js');
writeFileSync(cli, `#!/usr/bin/env node\n${readFileSync(cli, 'utf8').replace(/^#!.*\n/, '')}`);
chmodSync(cli, 0o755);

// The bundles are CommonJS under a root package.json that says "module".
writeFileSync(join(dist, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
writeFileSync(join(dist, 'licenses.txt'), licences(metafiles.flatMap((meta) => Object.keys(meta.inputs))));

/**
 * The lint half, taking from the program every module the program holds; then the program, putting the modules
 * the lint half takes in the table first. Both passes repeat until the program holds nothing new: the first
 * round learns what the program holds, and the table, which keeps whole namespaces, can bring in a module the
 * program had shaken out but the lint half had bundled for itself. Two copies of one module would be two
 * classes for `instanceof`, or two copies of a piece of state, so the build fails if any of the project's
 * modules still has code in both files.
 */
async function buildProgram({ name, entry, lint }) {
  const programOptions = (plugins) => ({
    ...BUNDLE_OPTIONS,
    entryPoints: { [name]: entry },
    outdir: dist,
    alias: LAZY_DEPENDENCY_SHIMS,
    // `import()` of the lint half becomes a `require` of its file, the fastest way CommonJS loads one.
    supported: { 'dynamic-import': false },
    plugins: [ONLY_THE_VERSION, lintAsFile(lint), ...plugins],
  });
  const held = new Set();
  for (;;) {
    const taken = new Set();
    const half = await build({
      ...BUNDLE_OPTIONS,
      entryPoints: { [lint.file]: lint.source },
      outdir: dist,
      alias: LAZY_DEPENDENCY_SHIMS,
      plugins: [ONLY_THE_VERSION, fromProgram(held, taken)],
    });
    const program = await build(programOptions([tableFirst(taken)]));
    const nowHeld = modulesWithCode(program.metafile);
    const added = [...nowHeld].filter((key) => !held.has(key));
    if (added.length > 0) {
      for (const key of added) held.add(key);
      continue;
    }
    const inHalf = modulesWithCode(half.metafile);
    const twice = [...nowHeld].filter((key) => key.startsWith('src/') && inHalf.has(key));
    if (twice.length > 0) {
      throw new Error(`dist/${name}.js and dist/${lint.file}.js both hold a copy of: ${twice.join(', ')}`);
    }
    return [half.metafile, program.metafile];
  }
}

/** The modules with code in a build's one output (the metafile also lists those tree shaking removed whole). */
function modulesWithCode(metafile) {
  const [output] = Object.values(metafile.outputs);
  return new Set(
    Object.entries(output?.inputs ?? {})
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([key]) => key),
  );
}

/** The program's dynamic import of its lint half stays a load of the separate file. */
function lintAsFile(lint) {
  return {
    name: 'lint-as-file',
    setup(builder) {
      builder.onResolve({ filter: /./ }, (args) =>
        args.kind === 'dynamic-import' && args.path === lint.specifier
          ? { path: `./${lint.file}.js`, external: true }
          : undefined,
      );
    },
  };
}

/** In the lint half, every module the program holds is read from the program's table. */
function fromProgram(held, taken) {
  return {
    name: 'from-program',
    setup(builder) {
      builder.onResolve({ filter: /./ }, async (args) => {
        if (args.pluginData?.inner || args.kind === 'entry-point') return undefined;
        const resolved = await builder.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { inner: true },
        });
        if (resolved.errors.length > 0 || resolved.external) return undefined;
        const key = relative(ROOT, resolved.path);
        // Only the project's own modules: a namespace of a package's index would keep all of it in the program,
        // and no package's classes or state cross between the two (the lint half has its own jose functions).
        if (!key.startsWith('src/') || !held.has(key)) return undefined;
        taken.add(key);
        return { path: key, namespace: 'program' };
      });
      builder.onLoad({ filter: /./, namespace: 'program' }, (args) => ({
        contents: `module.exports = ${HOST_TABLE}[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
}

/** The program's entry, preceded by a module that fills the table with the modules its lint half takes. */
function tableFirst(taken) {
  const modules = [...taken].sort();
  const table = [
    ...modules.map((key, i) => `import * as m${i} from ${JSON.stringify(`./${key}`)};`),
    `${HOST_TABLE} = { ${modules.map((key, i) => `${JSON.stringify(key)}: m${i}`).join(', ')} };`,
  ].join('\n');
  return {
    name: 'table-first',
    setup(builder) {
      builder.onResolve({ filter: /./ }, (args) =>
        args.kind === 'entry-point' ? { path: args.path, namespace: 'entry' } : undefined,
      );
      builder.onResolve({ filter: /^program-table$/ }, () => ({ path: 'table', namespace: 'program-table' }));
      builder.onLoad({ filter: /./, namespace: 'entry' }, (args) => ({
        contents: `import 'program-table';\nimport ${JSON.stringify(`./${args.path}`)};\n`,
        resolveDir: ROOT,
        loader: 'js',
      }));
      builder.onLoad({ filter: /./, namespace: 'program-table' }, () => ({
        contents: table,
        resolveDir: ROOT,
        loader: 'js',
      }));
    },
  };
}

/** Every package an input file belongs to (the innermost node_modules folder), with its licence text. */
function licences(inputs) {
  const folders = new Set();
  for (const input of inputs) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) folders.add(join(ROOT, match[1]));
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
