import { type Log, redactSecrets } from '../runner.js';
import { cliWording } from './wording.js';

/**
 * The CLI's log: everything but the result goes to stderr, so stdout stays clean for `$(...)` and pipes.
 * Secrets registered with mask() are replaced in every line written, as the runner does in the action.
 */
export function createTerminalLog(writeErr: (text: string) => void): Log {
  const secrets = new Set<string>();
  let depth = 0;
  const write = (text: string) => {
    const indent = '  '.repeat(depth);
    const lines = redactSecrets(text, secrets).split('\n');
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
    mask(secret) {
      if (secret) secrets.add(secret);
    },
    redact: (text) => redactSecrets(text, secrets),
  };
}
