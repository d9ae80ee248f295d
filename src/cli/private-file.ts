import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  lstatSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ActionError, type FailureKind } from '../errors.js';

/**
 * Refuses, before any token is requested, an output path that is a symbolic link, not a regular file, or in
 * a folder this process cannot write: the exchange must not run for a credential that has nowhere to go.
 */
export function checkPrivateFilePath(path: string): void {
  let stats: ReturnType<typeof lstatSync> | undefined;
  try {
    stats = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw outputFileError(path, describe(error, 'cannot be inspected'));
  }
  if (stats?.isSymbolicLink()) throw outputFileError(path, 'is a symbolic link, which is never followed');
  if (stats && !stats.isFile()) throw outputFileError(path, 'exists and is not a regular file');
  try {
    accessSync(dirname(path), constants.W_OK);
  } catch (error) {
    throw outputFileError(
      path,
      describe(error, `cannot be created: its folder ${dirname(path)} is missing or not writable`),
    );
  }
}

/**
 * Writes the whole text, mode 0600 from the first byte, into a new file beside the target, then renames it
 * into place: a reader never sees half a credential, and a link at the path is replaced, never followed.
 */
export function writePrivateFile(path: string, text: string): void {
  const scratch = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(
      scratch,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
      0o600,
    );
    writeSync(fd, text);
    closeSync(fd);
    fd = undefined;
    renameSync(scratch, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(scratch, { force: true });
    throw outputFileError(path, describe(error, 'could not be written'), 'output');
  }
}

function describe(error: unknown, problem: string): string {
  return `${problem} (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
}

function outputFileError(path: string, problem: string, kind: FailureKind = 'settings'): ActionError {
  return new ActionError(`Option \`--output-file\`: ${path} ${problem}.`, {
    kind,
    fix: 'Give a file path in a folder only this job can write, e.g. under $RUNNER_TEMP or a `mktemp -d` folder.',
  });
}
