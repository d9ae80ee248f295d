import { type ChildProcess, spawn } from 'node:child_process';

export interface Collected {
  code: number | null;
  signal: string | null;
  /** True when the process was SIGKILLed for exceeding timeoutMs. */
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

export interface SpawnOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  /** Written to stdin, which is then closed; without it stdin is /dev/null. */
  stdin?: string;
  /** Leave stdin an open pipe nobody writes to or closes. */
  keepStdinOpen?: boolean;
  timeoutMs: number;
  /** Called once the process is started, e.g. to signal it while it runs. */
  onStart?: (child: ChildProcess) => void;
}

/** Runs a process to its end (or SIGKILLs it at timeoutMs) and collects what it printed. */
export async function spawnCollect(command: string, args: string[], opts: SpawnOptions): Promise<Collected> {
  const env = Object.fromEntries(
    Object.entries(opts.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const piped = opts.stdin !== undefined || opts.keepStdinOpen === true;
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env,
    stdio: [piped ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  if (child.stdin && !opts.keepStdinOpen) child.stdin.end(opts.stdin ?? '');
  opts.onStart?.(child);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, opts.timeoutMs);
  const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>(
    (resolve, reject) => {
      child.once('error', reject);
      child.once('close', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal }));
    },
  ).finally(() => clearTimeout(timer));
  child.stdin?.destroy();
  return { code, signal, timedOut, stdout, stderr };
}
