import { dirname, join } from 'node:path';
import { REPO_ROOT } from './run-action.ts';
import { failOnLeaks, leaksIn } from './runner-log.ts';
import { runStep } from './runner-stand-in.ts';
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
  /** GITHUB_ACTIONS=true: a runner reads its output for workflow commands and masks. */
  onGitHubActions: boolean;
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
  /**
   * An executable to run in place of `node dist/cli.js`, through its shebang (e.g. an installed package's
   * bin link; nodeArgs do not apply). The Node running the tests comes first on PATH for its `env node`.
   */
  bin?: string;
  onStart?: SpawnOptions['onStart'];
  /** The node binary (default: the one running this process), e.g. for the benchmark's Node 20 figures. */
  node?: string;
}

/** Runs the built CLI as a user's shell would, and collects what it printed and its exit code. */
export async function runCli(args: string[], opts: RunCliOptions = {}): Promise<CliRun> {
  const cwd = opts.cwd ?? (await runFolder());
  const nodeDir = opts.bin && dirname(process.execPath);
  const path = [opts.pathPrefix, nodeDir, process.env.PATH].filter(Boolean).join(':');
  const { code, signal, stdout, stderr } = await spawnCollect(
    opts.bin ?? opts.node ?? process.execPath,
    opts.bin ? args : [...(opts.nodeArgs ?? []), CLI, ...args],
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
  return { code, signal, stdout, stderr, cwd, onGitHubActions: opts.env?.GITHUB_ACTIONS === 'true' };
}

/**
 * Every place a secret shows that it must not: stderr always, stdout unless printing the credential is the
 * command's job (then only the credential's own forms may be there, never the token or a private key).
 * In a GitHub Actions job stderr is what the runner stand-in shows (with step debug on), since the runner
 * masks it and acts on its commands; anywhere else it is shown as written.
 */
export function cliLeaks(run: CliRun, secrets: string[], allowedOnStdout: string[] = []): string[] {
  const stdoutScanned = allowedOnStdout.reduce((text, allowed) => text.split(allowed).join(''), run.stdout);
  return leaksIn(
    [
      ['stderr', run.onGitHubActions ? stderrOnGitHub(run) : run.stderr],
      ['stdout', stdoutScanned],
    ],
    secrets,
  );
}

function stderrOnGitHub(run: CliRun): string {
  const view = runStep({ stdout: run.stdout, stderr: run.stderr }, { stepDebug: true });
  return [
    ...view.log.filter((line) => line.stream === 'stderr').map((line) => line.text),
    ...view.annotations
      .filter((annotation) => annotation.stream === 'stderr')
      .map((annotation) => annotation.message),
  ].join('\n');
}

export function expectNoCliLeaks(run: CliRun, secrets: string[], allowedOnStdout: string[] = []): void {
  failOnLeaks(cliLeaks(run, secrets, allowedOnStdout));
}
