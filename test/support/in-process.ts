import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runProgram } from '../../src/cli/buildkite-agent.js';
import { runCli } from '../../src/cli/main.js';
import { send } from '../../src/http.js';
import { readRegularFile } from '../../src/lint/local-file.js';
import { githubIo, run } from '../../src/main.js';
import { processStdio } from '../../src/output/terminal.js';
import { type ActionRun, inputEnvName, parseFileCommands } from './run-action.ts';
import { parseMasks } from './runner-log.ts';
import { runFolderSync } from './run-folder.ts';

/*
 * The action and the CLI run inside the test's own process, through their real entry points and real
 * output boundary (@actions/core writing to process.stdout and to the files named in process.env; the
 * CLI's processStdio), with process.stdout/stderr captured for the run. Much faster than spawning the
 * bundle, for tests that run hundreds of cases. Process-wide state (the environment, stdout, exitCode,
 * @actions/core's summary file) is shared, so runs must not overlap: call these one at a time.
 */

let busy = false;

/** Runs `body` with writes to process.stdout and process.stderr collected instead of printed. */
async function capturingOutput<T>(
  body: () => Promise<T>,
): Promise<{ value: T; stdout: string; stderr: string }> {
  if (busy) throw new Error('in-process runs share process state: run them one at a time');
  busy = true;
  const out: string[] = [];
  const err: string[] = [];
  const realOut = Object.getOwnPropertyDescriptor(process.stdout, 'write');
  const realErr = Object.getOwnPropertyDescriptor(process.stderr, 'write');
  const collect =
    (into: string[]) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    };
  process.stdout.write = collect(out);
  process.stderr.write = collect(err);
  try {
    const value = await body();
    return { value, stdout: out.join(''), stderr: err.join('') };
  } finally {
    // Put back exactly what was there: an own property (vitest's) or none (the prototype's method).
    if (realOut) Object.defineProperty(process.stdout, 'write', realOut);
    else delete (process.stdout as { write?: unknown }).write;
    if (realErr) Object.defineProperty(process.stderr, 'write', realErr);
    else delete (process.stderr as { write?: unknown }).write;
    busy = false;
  }
}

/** Sets variables for the run and puts the environment back exactly as it was afterwards. */
async function withEnv<T>(vars: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  Object.assign(process.env, vars);
  try {
    return await body();
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}

// @actions/core remembers the summary file's path on first use, so every in-process run uses the same files.
interface RunnerFiles {
  dir: string;
  files: { GITHUB_ENV: string; GITHUB_OUTPUT: string; GITHUB_STEP_SUMMARY: string; GITHUB_STATE: string };
}

let runnerFiles: RunnerFiles | undefined;

function freshRunnerFiles(): RunnerFiles {
  runnerFiles ??= (() => {
    const dir = runFolderSync('in-process-action-');
    mkdirSync(join(dir, 'runner-temp'));
    return {
      dir,
      files: {
        GITHUB_ENV: join(dir, 'github-env'),
        GITHUB_OUTPUT: join(dir, 'github-output'),
        GITHUB_STEP_SUMMARY: join(dir, 'step-summary.md'),
        GITHUB_STATE: join(dir, 'github-state'),
      },
    };
  })();
  for (const file of Object.values(runnerFiles.files)) writeFileSync(file, '');
  return runnerFiles;
}

/** One step of the action, as `node dist/index.js` would run it, but in this process. */
export async function runActionInProcess(opts: {
  inputs: Record<string, string>;
  env?: Record<string, string>;
}): Promise<ActionRun> {
  const { dir, files } = freshRunnerFiles();
  const vars: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: join(dir, 'runner-temp'),
    GITHUB_WORKSPACE: dir,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_ACTOR: 'octocat',
    ...files,
    ...opts.env,
  };
  for (const [name, value] of Object.entries(opts.inputs)) vars[inputEnvName(name)] = value;
  const started = Date.now();
  const savedExitCode = process.exitCode;
  process.exitCode = undefined;
  const {
    value: code,
    stdout,
    stderr,
  } = await withEnv(vars, () =>
    capturingOutput(async () => {
      try {
        await run(githubIo());
        return Number(process.exitCode ?? 0);
      } finally {
        // core.setFailed sets the exit code; the test process's own must not change.
        process.exitCode = savedExitCode;
      }
    }),
  );
  const read = (file: string) => readFileSync(file, 'utf8');
  return {
    code,
    signal: null,
    timedOut: false,
    stdout,
    stderr,
    env: parseFileCommands(read(files.GITHUB_ENV), 'GITHUB_ENV'),
    outputs: parseFileCommands(read(files.GITHUB_OUTPUT), 'GITHUB_OUTPUT'),
    summary: read(files.GITHUB_STEP_SUMMARY),
    masks: parseMasks(stdout),
    durationMs: Date.now() - started,
    startedAt: started,
    runnerTemp: join(dir, 'runner-temp'),
  };
}

export interface InProcessCliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** One `mondoo-keyless` command line, as dist/cli.js would run it, but in this process. */
export async function runCliInProcess(
  argv: string[],
  opts: { env?: Record<string, string>; stdin?: string } = {},
): Promise<InProcessCliRun> {
  const { value, stdout, stderr } = await capturingOutput(() =>
    runCli(argv, {
      ...processStdio(),
      env: { PATH: process.env.PATH, ...opts.env },
      send,
      nowSeconds: () => Date.now() / 1000,
      readFile: readRegularFile,
      readStdin: () => Promise.resolve(opts.stdin ?? ''),
      runProgram,
    }),
  );
  return { code: value, stdout, stderr };
}
