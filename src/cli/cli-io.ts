import type { Send } from '../http.js';
import type { RunProgram } from './buildkite-agent.js';

/** What the CLI needs from the world; the entry point gives the real ones, tests may give others. */
export interface CliIo {
  /** The result only: a credential, a report, claims. */
  writeOut: (text: string) => void;
  /** Everything else: progress, warnings, errors. */
  writeErr: (text: string) => void;
  /** The runner commands the CLI writes itself (masks, inside a GitHub Actions job). */
  writeCommand: (line: string) => void;
  env: NodeJS.ProcessEnv;
  send: Send;
  nowSeconds: () => number;
  readFile: (path: string) => string;
  readStdin: () => Promise<string>;
  runProgram: RunProgram;
}
