import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './run-action.ts';

export const CLI = join(REPO_ROOT, 'dist', 'cli.js');

export interface CliRun {
  code: number | null;
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
}

/** A fresh folder for a CLI run, removed at the end of the test session. */
export async function runFolder(): Promise<string> {
  return mkdtemp(join(process.env.ACTION_RUNS_DIR ?? tmpdir(), 'cli-run-'));
}

/** Runs the built CLI as a user's shell would, and collects what it printed and its exit code. */
export async function runCli(args: string[], opts: RunCliOptions = {}): Promise<CliRun> {
  const cwd = opts.cwd ?? (await runFolder());
  const path = [opts.pathPrefix, process.env.PATH].filter(Boolean).join(':');
  const env = Object.fromEntries(
    Object.entries({ PATH: path, HOME: process.env.HOME, ...opts.env }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  if (!opts.keepStdinOpen) child.stdin.end(opts.stdin ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  }).finally(() => clearTimeout(timer));
  child.stdin.destroy();
  return { code, stdout, stderr, cwd };
}

/**
 * Every place a secret shows that it must not: stderr always, stdout unless printing the credential is the
 * command's job (then only the credential's own forms may be there, never the token or a private key).
 */
export function cliLeaks(run: CliRun, secrets: string[], allowedOnStdout: string[] = []): string[] {
  const leaks: string[] = [];
  const stdoutScanned = allowedOnStdout.reduce((text, allowed) => text.split(allowed).join(''), run.stdout);
  [...new Set(secrets)]
    .filter((secret) => secret !== '')
    .forEach((secret, index) => {
      const hint = `secret #${index + 1} ${JSON.stringify(secret.slice(0, 6))}… (${secret.length} chars)`;
      if (run.stderr.includes(secret)) leaks.push(`stderr contains ${hint}`);
      if (stdoutScanned.includes(secret)) leaks.push(`stdout contains ${hint}`);
    });
  return leaks;
}

export function expectNoCliLeaks(run: CliRun, secrets: string[], allowedOnStdout: string[] = []): void {
  const leaks = cliLeaks(run, secrets, allowedOnStdout);
  if (leaks.length > 0) throw new Error(`${leaks.length} secret leak(s):\n  - ${leaks.join('\n  - ')}`);
}
