import { ActionError } from './errors.js';
import { send } from './http.js';
import { readRegularFile } from './lint/local-file.js';
import { runProgram } from './cli/buildkite-agent.js';
import { runCli } from './cli/main.js';
import { exitCleanlyOnSignals } from './cli/signals.js';
import { exitOnceFlushed, processStdio } from './output/terminal.js';

const stdio = processStdio();
exitCleanlyOnSignals(stdio.writeErr);
// Not a top-level await: the bundle is CommonJS, which loads faster than ESM (see scripts/package.mjs).
void runCli(process.argv.slice(2), {
  ...stdio,
  env: process.env,
  send,
  nowSeconds: () => Date.now() / 1000,
  readFile: readRegularFile,
  readStdin,
  runProgram,
}).then((exitCode) => {
  // As in the action: a request abandoned at the deadline must not keep Node alive once the output is out.
  process.exitCode = exitCode;
  exitOnceFlushed(exitCode);
});

async function readStdin(): Promise<string> {
  // Waiting for a person to type a token would hang a pipeline that forgot the pipe.
  if (process.stdin.isTTY) {
    throw new ActionError('`--token -` reads the token from stdin, and stdin is a terminal.', {
      kind: 'settings',
      fix: 'Pipe the token in (`... | mondoo-keyless exchange --token -`), or use `--token-env` or `--token-file`.',
    });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    // An ID token is a few kilobytes; refuse to buffer an accidental stream.
    if (size > 64 * 1024) {
      throw new ActionError('stdin holds more than 64 KiB, far more than an ID token.', {
        kind: 'settings',
        fix: 'Pipe in the token alone: `... | mondoo-keyless exchange --token -`.',
      });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
