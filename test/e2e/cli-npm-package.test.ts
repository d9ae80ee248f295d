import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { installPackedCli, packDryRun } from '../support/packed-cli.ts';
import { REPO_ROOT } from '../support/run-action.ts';
import { runFolder } from '../support/run-folder.ts';
import { expectNoCliLeaks, runCli } from '../support/run-cli.ts';
import { SPACE_AUDIENCE } from '../support/scenario.ts';
import { scenarioForTest } from './expectations.ts';

const packageJson = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

/** What the npm package may hold: the CLI bundle and what it loads, the licences, README, LICENSE. */
const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^dist\/cli\.js$/,
  /^dist\/lint[\w.-]*\.js$/,
  /^dist\/undici\.js$/,
  /^dist\/tunnel\.js$/,
  /^dist\/package\.json$/,
  /^dist\/licenses\.txt$/,
];
const REQUIRED = [
  'package.json',
  'README.md',
  'LICENSE',
  'dist/cli.js',
  'dist/package.json',
  'dist/licenses.txt',
];
/** The goal for the gzipped tarball (issue 14); the figures are in BENCHMARKS.md. */
const TARBALL_LIMIT_BYTES = 1_000_000;

/** The files a bundle loads beside itself on first use (src/lazy/load-beside.ts), as named in the bundle. */
function loadedBeside(bundle: string): string[] {
  return [...bundle.matchAll(/loadBeside\("([^"]+)"\)/g)].map((match) => `dist/${match[1]}`);
}

/** The files a bundle requires from its own folder: its lint half (scripts/package.mjs). */
function requiredBeside(bundle: string): string[] {
  return [...bundle.matchAll(/require\("\.\/([^"]+)"\)/g)].map((match) => `dist/${match[1]}`);
}

describe('npm pack --dry-run', () => {
  let dryRun: ReturnType<typeof packDryRun> | undefined;
  const packed = () => (dryRun ??= packDryRun());

  it('lists only what the CLI runs, the licences, README, LICENSE and package.json, under 1 MB', async () => {
    const report = await packed();
    const paths = report.files.map((file) => file.path).sort();
    expect(report.name).toBe('mondoo-keyless');
    expect(report.version).toBe(packageJson.version);
    expect(paths.filter((path) => !ALLOWED.some((allowed) => allowed.test(path)))).toEqual([]);
    expect(paths).toEqual(expect.arrayContaining(REQUIRED));
    // The action is not the npm package: it runs from the repository, not from node_modules.
    expect(paths).not.toContain('dist/index.js');
    expect(report.size).toBeLessThan(TARBALL_LIMIT_BYTES);
  });

  it('holds every file the CLI bundles load lazily', async () => {
    const report = await packed();
    const paths = report.files.map((file) => file.path);
    const bundles = paths.filter((path) => /^dist\/(cli|lint[\w.-]*)\.js$/.test(path));
    const lazy = bundles.flatMap((bundle) => {
      const text = readFileSync(join(REPO_ROOT, bundle), 'utf8');
      return [...loadedBeside(text), ...requiredBeside(text)];
    });
    // A check that finds nothing proves nothing: today the CLI loads undici and tunnel for a proxy, and its
    // lint half for lint.
    expect(lazy).toEqual(expect.arrayContaining(['dist/undici.js', 'dist/tunnel.js', 'dist/lint-cli.js']));
    expect(paths).toEqual(expect.arrayContaining(lazy));
  });
});

describe('the tarball, installed offline into an empty folder', () => {
  it('runs `mondoo-keyless --version` through the link npm made', async () => {
    const { bin } = await installPackedCli();
    const run = await runCli(['--version'], { bin });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${packageJson.version}\n`);
  });

  it('has no dependencies to install and loads its lazy files from its own folder', async () => {
    const { prefix } = await installPackedCli();
    const installed = join(prefix, 'node_modules', packageJson.name);
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest).not.toHaveProperty('dependencies');
    expect(manifest).not.toHaveProperty('optionalDependencies');
    for (const file of loadedBeside(readFileSync(join(installed, 'dist', 'cli.js'), 'utf8'))) {
      // Each file must load on its own, as the CommonJS that dist/package.json declares.
      await promisify(execFile)(process.execPath, ['-e', 'require(process.argv[1])', join(installed, file)]);
    }
  });

  it('lints a local discovery document with its lint half, loaded from its own folder', async () => {
    const { bin } = await installPackedCli();
    const folder = await runFolder('packed-lint-');
    const discovery = join(folder, 'discovery.json');
    await writeFile(discovery, JSON.stringify({ issuer: 'https://idp.example.com' }));
    const run = await runCli(['lint', '--offline', '--fail-on', 'never', '--format', 'json', discovery], {
      bin,
    });
    expect(run.stderr).not.toMatch(/Cannot find module|Unexpected error/);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as unknown[]).length).toBe(1);
  });

  it('exchanges a CircleCI token for the credential against the test servers', async ({ onTestFinished }) => {
    const { bin } = await installPackedCli();
    const scenario = await scenarioForTest(onTestFinished);
    const run = await runCli(
      ['exchange', '--universe-domain', scenario.sts.url, '--audience', SPACE_AUDIENCE],
      {
        bin,
        env: {
          NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile,
          CIRCLECI: 'true',
          CIRCLE_OIDC_TOKEN_V2: await scenario.tokenService.mint({ audience: SPACE_AUDIENCE }),
        },
      },
    );
    expect(run.stderr).not.toMatch(/^error:/m);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${scenario.sts.base64Credential}\n`);
    expect(run.stderr).toMatch(/Detected CircleCI \(CIRCLECI=true\)/);
    expect(scenario.sts.exchanges).toHaveLength(1);
    expectNoCliLeaks(run, scenario.secrets(), [scenario.sts.base64Credential]);
  });
});
