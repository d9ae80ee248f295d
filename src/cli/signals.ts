import { discardPendingFiles } from '../private-file.js';
import { EXIT, TOOL } from './main.js';

const EXIT_ON: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: EXIT.interrupted, SIGTERM: EXIT.terminated };

/**
 * Ctrl-C, a CI system cancelling the job, or `timeout` stopping the tool must not leave the scratch file of
 * `--output-file` behind: remove it, say why the tool stopped, and exit 128 + the signal's number, as a shell
 * reports a process killed by it. Nothing else is written on the way out.
 */
export function exitCleanlyOnSignals(writeErr: (text: string) => void): void {
  for (const [signal, code] of Object.entries(EXIT_ON)) {
    process.on(signal, () => {
      discardPendingFiles();
      // In the voice of every other failure; who sent it is outside its view, so there is no fix to name.
      writeErr(`error: ${TOOL} was stopped by ${signal} before it finished.\n`);
      process.exit(code);
    });
  }
}
