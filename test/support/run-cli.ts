import { join } from 'node:path';
import { REPO_ROOT } from './run-action.ts';
import { failOnLeaks, leaksIn, withoutMaskCommands } from './runner-log.ts';
import { runFolder } from './run-folder.ts';
import { type SpawnOptions, spawnCollect } from './spawn-collect.ts';

export const CLI = join(REPO_ROOT, 'dist', 'cli.js');

export interface CliRun {
  code: number | null;
  /** The signal that ended the process, when it did not exit by itself. */
  signal: string | null;
  stdout: string;
  stderr: string;
  /** The folder the CLI ran in (fresh per run, removed with the test session's run folders). */
  cwd: string;
}

export interface RunCliOptions {
  /** The whole environment besides PATH and HOME: nothing leaks in from the developer's shell. */
  env?: Record<string, string | undefined>;
  stdin?: string;
  /** Leave stdin open (a pipe nobody closes) instead of writing `stdin` and closing it. */
  keepStdinOpen?: boolean;
  cwd?: string;
  /** Put first on PATH, e.g. a folder with a stand-in buildkite-agent. */
  pathPrefix?: string;
  timeoutMs?: number;
  /** Options for node itself, before the CLI (e.g. --import for a preload). */
  nodeArgs?: string[];
  onStart?: SpawnOptions['onStart'];
}

/** Runs the built CLI as a user's shell would, and collects what it printed and its exit code. */
export async function runCli(args: string[], opts: RunCliOptions = {}): Promise<CliRun> {
  const cwd = opts.cwd ?? (await runFolder());
  const path = [opts.pathPrefix, process.env.PATH].filter(Boolean).join(':');
  const { code, signal, stdout, stderr } = await spawnCollect(
    process.execPath,
    [...(opts.nodeArgs ?? []), CLI, ...args],
    {
      cwd,
      env: { PATH: path, HOME: process.env.HOME, ...opts.env },
      // A closed, empty stdin unless the test gives one: what a CI step sees.
      stdin: opts.stdin ?? '',
      keepStdinOpen: opts.keepStdinOpen,
      timeoutMs: opts.timeoutMs ?? 30_000,
      onStart: opts.onStart,
    },
  );
  return { code, signal, stdout, stderr, cwd };
}

/**
 * Every place a secret shows that it must not: stderr always, stdout unless printing the credential is the
 * command's job (then only the credential's own forms may be there, never the token or a private key).
 */
export function cliLeaks(run: CliRun, secrets: string[], allowedOnStdout: string[] = []): string[] {
  const stdoutScanned = allowedOnStdout.reduce((text, allowed) => text.split(allowed).join(''), run.stdout);
  return leaksIn(
    [
      // Inside a GitHub job the CLI registers its secrets with `::add-mask::` on stderr; the runner consumes those.
      ['stderr', withoutMaskCommands(run.stderr)],
      ['stdout', stdoutScanned],
    ],
    secrets,
  );
}

export function expectNoCliLeaks(run: CliRun, secrets: string[], allowedOnStdout: string[] = []): void {
  failOnLeaks(cliLeaks(run, secrets, allowedOnStdout));
}
