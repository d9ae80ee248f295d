// The esbuild options every file in dist/ is built with, apart so that a test can bundle a harness exactly as
// the action is bundled (test/e2e/fetch-path.test.ts drives http-client's fetch path through the undici shim).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** CommonJS, ASCII-only, for the oldest Node the action and the CLI support. */
export const BUNDLE_OPTIONS = {
  absWorkingDir: ROOT,
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

/** @actions/http-client imports these at the top; the bundles get shims that load the real ones on first use. */
export const LAZY_DEPENDENCY_SHIMS = {
  undici: './src/lazy/undici-shim.ts',
  tunnel: './src/lazy/tunnel-shim.ts',
};

/** The undici and tunnel that @actions/http-client itself resolves, whichever copy npm placed where. */
export function lazyDependencyEntries() {
  const fromHttpClient = createRequire(import.meta.resolve('@actions/http-client'));
  return { undici: fromHttpClient.resolve('undici'), tunnel: fromHttpClient.resolve('tunnel') };
}

/**
 * The bundles read only `version` from package.json; without this plugin esbuild would embed the whole
 * manifest, dev dependencies included, so a dependency bump would change dist/ and reach every user's download.
 */
export const ONLY_THE_VERSION = {
  name: 'only-the-version',
  setup(build) {
    build.onLoad({ filter: /[\\/]package\.json$/ }, async ({ path }) => {
      if (path !== join(ROOT, 'package.json')) return undefined;
      const { version } = JSON.parse(await readFile(path, 'utf8'));
      return { contents: JSON.stringify({ version }), loader: 'json' };
    });
  },
};
