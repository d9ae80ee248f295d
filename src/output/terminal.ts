import type { Log } from '../runner.js';
import { cliWording } from '../cli/wording.js';
import { safeLines } from './escape.js';
import { SecretSet } from './secret-set.js';

/** Where the CLI writes: the result on stdout, everything else on stderr. */
export interface Stdio {
  writeOut: (text: string) => void;
  writeErr: (text: string) => void;
  /** A runner command of this project's own (`::add-mask::`), written to stderr as it is. */
  writeCommand: (line: string) => void;
}

/**
 * The process's own stdout and stderr behind the boundary. The CLI runs inside GitHub `run:` steps and Azure
 * Pipelines scripts, whose agents parse both streams for commands, so every line is neutralised (see
 * escape.ts). The escapes are JSON escapes, so JSON and SARIF output parse to the same values.
 */
export function processStdio(): Stdio {
  return {
    writeOut: (text) => process.stdout.write(safeLines(text)),
    writeErr: (text) => process.stderr.write(safeLines(text)),
    writeCommand: (line) => process.stderr.write(line),
  };
}

/**
 * Exits once stdout and stderr have drained: a request abandoned at a deadline must not keep Node alive.
 * Without a code, the exit code already set (by @actions/core's setFailed) stands.
 */
export function exitOnceFlushed(code?: number): void {
  const exit = () => (code === undefined ? process.exit() : process.exit(code));
  process.stdout.write('', () => process.stderr.write('', exit));
}

export interface TerminalLogOptions {
  /**
   * Inside a GitHub Actions job, also register each secret with the runner (`::add-mask::` on stderr), so a
   * credential the CLI prints or writes is masked wherever the job shows it later (an exported `env:`).
   */
  githubActions?: boolean;
}

/**
 * The CLI's log: everything but the result goes to stderr, so stdout stays clean for `$(...)` and pipes.
 * Secrets registered with mask() are replaced in every line written, as the runner does in the action.
 */
export function createTerminalLog(
  stdio: Pick<Stdio, 'writeErr' | 'writeCommand'>,
  options: TerminalLogOptions = {},
): Log {
  const { writeErr } = stdio;
  const secrets = new SecretSet((line) => {
    if (options.githubActions) stdio.writeCommand(`::add-mask::${commandData(line)}\n`);
  });
  let depth = 0;
  const write = (text: string) => {
    const indent = '  '.repeat(depth);
    const lines = safeLines(secrets.redact(text)).split('\n');
    writeErr(`${lines.map((line) => indent + line).join('\n')}\n`);
  };
  return {
    info: write,
    warning: (message) => write(`warning: ${cliWording(message)}`),
    group(title, body) {
      write(`${title}:`);
      depth++;
      try {
        return body();
      } finally {
        depth--;
      }
    },
    mask: (secret) => secrets.add(secret),
    redact: (text) => secrets.redact(text),
  };
}

/** The runner's escaping of a command's data (actions/runner ActionCommand: `%`, CR and LF). */
function commandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
