import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './run-action.ts';
import { spawnCollect } from './spawn-collect.ts';

/**
 * The `mondoo-keyless` npm package as a user gets it: `npm pack` of this checkout (the built dist/, so run
 * `npm run package` after changing src/), installed from the tarball into an empty folder with `--offline`.
 * npm runs with the connect guard preloaded and no name resolving, so a pack or install that reached for the
 * network would fail here, and with its own cache, user config and HOME, so a developer's .npmrc (a private
 * registry, a token) plays no part and their npm cache is not touched.
 */

/** What `npm pack --json` says of one tarball (the fields the tests read). */
export interface PackReport {
  name: string;
  version: string;
  filename: string;
  /** The gzipped tarball's size in bytes. */
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

export interface PackedCli {
  /** The installed `mondoo-keyless` link in node_modules/.bin, as npm made it: run it through its shebang. */
  bin: string;
  /** The folder the package was installed into (it holds node_modules/). */
  prefix: string;
  tarball: string;
}

const GUARD_PRELOAD = join(REPO_ROOT, 'test', 'support', 'connect-guard-preload.mjs');

let installed: Promise<PackedCli> | undefined;

/** Packs and installs once per test process; the folder goes when the process exits. */
export function installPackedCli(): Promise<PackedCli> {
  installed ??= packAndInstall();
  return installed;
}

/** `npm pack --dry-run --json` of this checkout: what a publish would upload, without writing a tarball. */
export async function packDryRun(): Promise<PackReport> {
  const folder = npmFolder();
  try {
    return await pack(folder, ['--dry-run']);
  } finally {
    rmSync(folder.root, { recursive: true, force: true });
  }
}

async function packAndInstall(): Promise<PackedCli> {
  const folder = npmFolder();
  process.once('exit', () => rmSync(folder.root, { recursive: true, force: true }));
  const report = await pack(folder, ['--pack-destination', folder.root]);
  const tarball = join(folder.root, report.filename);
  const prefix = join(folder.root, 'install');
  mkdirSync(prefix);
  await npm(folder, prefix, ['install', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball]);
  const bin = join(prefix, 'node_modules', '.bin', 'mondoo-keyless');
  if (!existsSync(bin)) throw new Error(`npm install of ${tarball} made no ${bin}`);
  return { bin, prefix, tarball };
}

interface NpmFolder {
  root: string;
  env: Record<string, string | undefined>;
  guardLog: string;
}

/** A temporary folder with npm's cache, config and HOME inside it, and the environment that points there. */
function npmFolder(): NpmFolder {
  const root = mkdtempSync(join(process.env.ACTION_RUNS_DIR ?? tmpdir(), 'packed-cli-'));
  const userconfig = join(root, 'npmrc');
  writeFileSync(userconfig, '');
  const guardLog = join(root, 'connect-attempts.jsonl');
  writeFileSync(guardLog, '');
  return {
    root,
    guardLog,
    env: {
      PATH: process.env.PATH,
      HOME: root,
      npm_config_cache: join(root, 'npm-cache'),
      npm_config_userconfig: userconfig,
      npm_config_update_notifier: 'false',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      NODE_OPTIONS: `--import ${GUARD_PRELOAD}`,
      CONNECT_GUARD: JSON.stringify({ names: {}, routes: {}, log: guardLog }),
    },
  };
}

async function pack(folder: NpmFolder, args: string[]): Promise<PackReport> {
  const { stdout } = await npm(folder, REPO_ROOT, ['pack', '--json', ...args]);
  const [report] = JSON.parse(stdout) as PackReport[];
  if (!report) throw new Error(`npm pack reported no tarball:\n${stdout}`);
  return report;
}

/** Runs npm (the one on PATH) in `cwd`; throws with its output when it fails or tries to leave the machine. */
async function npm(folder: NpmFolder, cwd: string, args: string[]): Promise<{ stdout: string }> {
  const run = await spawnCollect('npm', args, { cwd, env: folder.env, timeoutMs: 120_000 });
  const attempts = readFileSync(folder.guardLog, 'utf8');
  if (run.code !== 0 || attempts.includes('"blocked"')) {
    throw new Error(
      `npm ${args.join(' ')} exited ${run.code ?? run.signal}` +
        `${attempts ? `\nconnect attempts:\n${attempts}` : ''}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`,
    );
  }
  return { stdout: run.stdout };
}
