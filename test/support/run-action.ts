import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnvFile } from './runner-file-commands.ts';
import { parseMasks } from './runner-log.ts';
import { spawnCollect } from './spawn-collect.ts';
import { runFolder } from './run-folder.ts';

export { expectNoLeaks, findLeaks, runnerView, viewOfRun } from './runner-log.ts';

export interface ActionRun {
  code: number | null;
  signal: string | null;
  /** True when the run was SIGKILLed for exceeding timeoutMs. */
  timedOut: boolean;
  stdout: string;
  stderr: string;
  /** Parsed GITHUB_ENV file. */
  env: Record<string, string>;
  /** Parsed GITHUB_OUTPUT file. */
  outputs: Record<string, string>;
  /** GITHUB_STEP_SUMMARY contents. */
  summary: string;
  /** Values the runner accepted through ::add-mask:: on stdout (none while commands are stopped), unescaped. */
  masks: string[];
  durationMs: number;
  /** Date.now() just before the process was spawned, to time events the servers record against it. */
  startedAt: number;
  /** The run's RUNNER_TEMP, left in place so tests can inspect what the action wrote there. */
  runnerTemp: string;
}

export interface RunActionOptions {
  inputs?: Record<string, string>;
  /** Applied last; undefined deletes a variable. */
  env?: Record<string, string | undefined>;
  /** Options for node itself, before the entry script (e.g. --import for a preload). */
  nodeArgs?: string[];
  timeoutMs?: number;
  entry?: string;
  /** The node binary (default: the one running this process), e.g. for the benchmark's Node 20 figures. */
  node?: string;
}

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function inputEnvName(input: string): string {
  return `INPUT_${input.replace(/ /g, '_').toUpperCase()}`;
}

/** Parses a file-command file (GITHUB_OUTPUT, GITHUB_ENV) as the runner does on Linux; throws like it on a bad line. */
export function parseFileCommands(text: string, fileName: string): Record<string, string> {
  try {
    return parseEnvFile(text);
  } catch (error) {
    throw new Error(`${fileName}: ${(error as Error).message}`, { cause: error });
  }
}

export async function runAction(opts: RunActionOptions = {}): Promise<ActionRun> {
  const dir = await runFolder('action-run-');
  const files = {
    GITHUB_ENV: join(dir, 'github-env'),
    GITHUB_OUTPUT: join(dir, 'github-output'),
    GITHUB_STEP_SUMMARY: join(dir, 'step-summary.md'),
    GITHUB_STATE: join(dir, 'github-state'),
  };
  for (const file of Object.values(files)) {
    await writeFile(file, '');
  }
  const runnerTemp = join(dir, 'runner-temp');
  const workspace = join(dir, 'workspace');
  await mkdir(runnerTemp);
  await mkdir(workspace);

  // Only PATH and HOME come from outside: a developer's proxy or NODE_OPTIONS must not change the result.
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: runnerTemp,
    ...files,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_ACTOR: 'octocat',
  };
  for (const [name, value] of Object.entries(opts.inputs ?? {})) {
    env[inputEnvName(name)] = value;
  }
  Object.assign(env, opts.env);

  const started = Date.now();
  const collected = await spawnCollect(
    opts.node ?? process.execPath,
    [...(opts.nodeArgs ?? []), opts.entry ?? join(REPO_ROOT, 'dist', 'index.js')],
    { cwd: workspace, env, timeoutMs: opts.timeoutMs ?? 30_000 },
  );
  const durationMs = Date.now() - started;
  const { code, signal, timedOut, stdout } = collected;
  let { stderr } = collected;

  if (timedOut) {
    stderr += `\n[run-action] killed with SIGKILL after ${opts.timeoutMs ?? 30_000} ms\n`;
  }
  const read = (file: string) => readFile(file, 'utf8');
  return {
    code,
    signal,
    timedOut,
    stdout,
    stderr,
    env: parseFileCommands(await read(files.GITHUB_ENV), 'GITHUB_ENV'),
    outputs: parseFileCommands(await read(files.GITHUB_OUTPUT), 'GITHUB_OUTPUT'),
    summary: await read(files.GITHUB_STEP_SUMMARY),
    masks: parseMasks(stdout),
    durationMs,
    startedAt: started,
    runnerTemp,
  };
}
