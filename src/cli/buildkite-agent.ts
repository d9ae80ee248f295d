import { ActionError } from '../errors.js';
import type { Deadline } from '../retry.js';
import { withoutTokens } from './token-shape.js';

/** Runs a program and gives its stdout; what the CLI needs of child processes, injectable for tests. */
export type RunProgram = (program: string, args: string[], timeoutMs: number) => Promise<ProgramResult>;

export interface ProgramResult {
  stdout: string;
  stderr: string;
  /** The exit code; null when the program could not start or was stopped. */
  code: number | null;
  /** Why it could not start (ENOENT, EACCES), or `TIMEOUT` when it was stopped for taking too long. */
  failure?: string;
}

export const runProgram: RunProgram = async (program, args, timeoutMs) => {
  // Loaded on first use: only a Buildkite job runs a program, and node:child_process (with the modules it
  // loads) cost every other start of the CLI a few milliseconds before its first request.
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    // SIGKILL: a program that ignores SIGTERM must not outlive the step's `timeout`.
    const options = { timeout: timeoutMs, killSignal: 'SIGKILL' as const, maxBuffer: 64 * 1024 };
    execFile(program, args, options, (error, stdout, stderr) => {
      const failed = error as (Error & { code?: string | number; killed?: boolean }) | null;
      const code = failed ? (typeof failed.code === 'number' ? failed.code : null) : 0;
      const failure = failed?.killed ? 'TIMEOUT' : typeof failed?.code === 'string' ? failed.code : undefined;
      resolve({ stdout: String(stdout), stderr: String(stderr), code, failure });
    });
  });
};

const AGENT = 'buildkite-agent';
const PER_REQUEST_TIMEOUT_MS = 30_000;

/**
 * `buildkite-agent oidc request-token --audience A`: the agent prints the token alone on stdout and does its
 * own retrying, so a failure here is final.
 */
export async function requestBuildkiteToken(
  run: RunProgram,
  audience: string,
  deadline: Deadline,
): Promise<string> {
  const args = ['oidc', 'request-token', ...(audience ? ['--audience', audience] : [])];
  const result = await run(AGENT, args, deadline.requestBudgetMs(PER_REQUEST_TIMEOUT_MS));
  if (result.failure === 'ENOENT') {
    throw new ActionError(`${AGENT} is not on PATH, so no Buildkite OIDC token can be requested.`, {
      kind: 'token-unavailable',
      fix: 'Run this inside a Buildkite job step (the agent puts buildkite-agent on PATH), or pass a token with `--token-file`, `--token-env` or `--token -`.',
    });
  }
  const token = result.stdout.trim();
  if (result.code !== 0 || token === '') {
    // The agent's last stderr line says why; its stdout would be the token, so it is never quoted.
    const reason =
      result.failure === 'TIMEOUT'
        ? 'it did not finish in time'
        : (lastLine(result.stderr) ??
          (result.failure ? `it could not start (${result.failure})` : `exit code ${result.code}`));
    throw new ActionError(`\`${AGENT} oidc request-token\` failed: ${reason}`, {
      kind: 'token-service',
      fix: 'Run this in a Buildkite job step on an agent whose version has `oidc request-token`; re-run the job if the agent reported a passing error.',
    });
  }
  return token;
}

function lastLine(text: string): string | undefined {
  // Whatever the agent says, a token in it is not repeated.
  const line = withoutTokens(text)
    .split(/\r?\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  return line === undefined ? undefined : line.length > 300 ? `${line.slice(0, 299)}\u2026` : line;
}
