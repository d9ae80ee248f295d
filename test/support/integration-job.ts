import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { installPackedCli } from './packed-cli.ts';
import { REPO_ROOT } from './run-action.ts';
import { runFolder } from './run-folder.ts';
import { type Collected, spawnCollect } from './spawn-collect.ts';

export const INTEGRATIONS = join(REPO_ROOT, 'integrations');

/** A CI job's machine, as far as the integrations see it: a work folder and the programs on its PATH. */
export interface IntegrationJob {
  folder: string;
  /** Put first on PATH: `npx` and `cnspec` stand-ins. */
  binDir: string;
  /** What MONDOO_CONFIG_BASE64 the stand-in `cnspec` was started with; undefined if it never ran. */
  cnspecSaw(): Promise<string | undefined>;
  /** Each `npx` call's arguments, one line per call. */
  npxCalls(): Promise<string[]>;
}

/**
 * A job folder whose `npx` runs the CLI installed from this repository's packed tarball (never the registry).
 *
 * The integrations run `npx --yes mondoo-keyless@<version> ...`. The stand-in `npx` accepts exactly that form
 * for `version`, records it, and runs the installed `mondoo-keyless` with the rest of the arguments. What this
 * skips, and so is not tested here: npm resolving the version on the registry, downloading and caching the
 * package, checking its integrity, and npx's own output (it prints nothing when the package installs cleanly).
 */
export async function integrationJob(version: string): Promise<IntegrationJob> {
  const { bin } = await installPackedCli();
  const folder = await runFolder('integration-');
  const binDir = join(folder, 'bin');
  await mkdir(binDir);
  const calls = join(folder, 'npx-calls');
  const seen = join(folder, 'cnspec-saw');
  await script(join(binDir, 'npx'), [
    '#!/bin/sh',
    `printf '%s\\n' "$*" >> '${calls}'`,
    `if [ "$1" != --yes ] || [ "$2" != 'mondoo-keyless@${version}' ]; then`,
    '  echo "npx stand-in: expected --yes mondoo-keyless@' + version + ', got: $1 $2" >&2; exit 97',
    'fi',
    'shift 2',
    `exec '${bin}' "$@"`,
  ]);
  await script(join(binDir, 'cnspec'), ['#!/bin/sh', `printf '%s' "$MONDOO_CONFIG_BASE64" > '${seen}'`]);
  return {
    folder,
    binDir,
    cnspecSaw: () => readFile(seen, 'utf8').catch(() => undefined),
    npxCalls: async () =>
      (await readFile(calls, 'utf8').catch(() => '')).split('\n').filter((line) => line !== ''),
  };
}

async function script(path: string, lines: string[]): Promise<void> {
  await writeFile(path, `${lines.join('\n')}\n`);
  await chmod(path, 0o755);
}

/** The environment every job gets: its PATH (stand-ins first), HOME, and trust for the test CA. */
export function baseEnv(
  job: IntegrationJob,
  caCertFile: string,
  pathPrefix: string[] = [],
): Record<string, string> {
  return {
    PATH: [...pathPrefix, job.binDir, process.env.PATH ?? ''].join(':'),
    HOME: job.folder,
    // The stand-in servers' CA; a real job trusts the public CAs of Mondoo and its CI system instead.
    NODE_EXTRA_CA_CERTS: caCertFile,
  };
}

/** Runs shell text with bash, as a CI system's shell step does, with exactly the environment given. */
export function runBash(
  text: string,
  env: Record<string, string>,
  cwd: string,
  options: { flags?: string[]; stdin?: string } = {},
): Promise<Collected> {
  return spawnCollect('bash', [...(options.flags ?? []), '-c', text], {
    cwd,
    env,
    timeoutMs: 45_000,
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
  });
}
