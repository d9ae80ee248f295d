import { closeSync, constants, fchmodSync, lstatSync, openSync, writeSync } from 'node:fs';
import { ActionError } from '../errors.js';

/**
 * Refuses, before any token is requested, an output path that is a symbolic link or not a regular file:
 * following a link planted there would write the credential wherever it points.
 */
export function checkPrivateFilePath(path: string): void {
  let stats: ReturnType<typeof lstatSync>;
  try {
    stats = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw outputFileError(path, `cannot be inspected (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (stats.isSymbolicLink()) throw outputFileError(path, 'is a symbolic link, which is never followed');
  if (!stats.isFile()) throw outputFileError(path, 'exists and is not a regular file');
}

/**
 * Writes with mode 0600 from the first byte: O_NOFOLLOW makes the kernel refuse a link that appeared since
 * the check, and an existing file is narrowed to 0600 before the credential goes in.
 */
export function writePrivateFile(path: string, text: string): void {
  let fd: number;
  try {
    fd = openSync(
      path,
      constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW,
      0o600,
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw outputFileError(
      path,
      code === 'ELOOP' ? 'is a symbolic link, which is never followed' : `cannot be written (${code})`,
    );
  }
  try {
    fchmodSync(fd, 0o600);
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

function outputFileError(path: string, problem: string): ActionError {
  return new ActionError(`Option \`--output-file\`: ${path} ${problem}.`, {
    kind: 'settings',
    fix: 'Give a new file path in a directory only this job can write, e.g. under $RUNNER_TEMP or a mktemp -d directory.',
  });
}
