import { randomBytes } from 'node:crypto';
import { closeSync, constants, lstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ActionError, type FailureKind } from '../errors.js';

/** A file made ready before the exchange, so that a credential is never issued with nowhere to go. */
export interface ReservedFile {
  /** Writes the whole text and moves it into place at the path. */
  commit(text: string): void;
  /** Removes the scratch file (the exchange failed). */
  discard(): void;
}

/**
 * Refuses a path that is a symbolic link, not a regular file, or names a folder, then creates the scratch
 * file beside it (mode 0600, O_EXCL, O_NOFOLLOW): whatever would stop the write stops it here, before any
 * token is used.
 */
export function reservePrivateFile(path: string): ReservedFile {
  if (/[/\\]$/.test(path)) throw outputFileError(path, 'names a folder; give a file path');
  let stats: ReturnType<typeof lstatSync> | undefined;
  try {
    stats = lstatSync(path);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw outputFileError(path, `cannot be inspected (${codeOf(error)})`);
  }
  if (stats?.isSymbolicLink()) throw outputFileError(path, 'is a symbolic link, which is never followed');
  if (stats && !stats.isFile()) throw outputFileError(path, 'exists and is not a regular file');

  const scratch = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(
      scratch,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
      0o600,
    );
  } catch (error) {
    throw outputFileError(
      path,
      `cannot be written: its folder ${dirname(path)} is missing or not writable (${codeOf(error)})`,
    );
  }
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    commit(text) {
      try {
        writeSync(fd, text);
        close();
        // rename replaces whatever is at the path (a link planted since the check included) without following it.
        renameSync(scratch, path);
      } catch (error) {
        this.discard();
        throw outputFileError(path, `could not be written (${codeOf(error)})`, 'output');
      }
    },
    discard() {
      try {
        close();
        rmSync(scratch, { force: true });
      } catch {
        // Best effort: an empty 0600 scratch file left behind holds nothing.
      }
    },
  };
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'error';
}

function outputFileError(path: string, problem: string, kind: FailureKind = 'settings'): ActionError {
  return new ActionError(`Option \`--output-file\`: ${path} ${problem}.`, {
    kind,
    fix: 'Give a file path in a folder only this job can write, e.g. under $RUNNER_TEMP or a `mktemp -d` folder.',
  });
}
