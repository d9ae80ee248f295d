import { randomBytes } from 'node:crypto';
import { closeSync, constants, lstatSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ActionError } from './errors.js';

/** The setting that named a file (`--output-file`, the `report` input), as its messages show it. */
export interface FileSetting {
  /** How messages begin, e.g. "Option `--output-file`" or "Input `report`". */
  label: string;
  /** What to do instead, for every refusal. */
  fix: string;
  /** Mode of the new file, before the umask: 0o600 for a credential. */
  mode: number;
}

/** A file made ready before its contents exist, so that whatever would stop the write stops it early. */
export interface ReservedFile {
  /** Writes the whole text and moves it into place at the path. */
  commit(text: string): void;
  /** Removes the scratch file (nothing is to be written after all). */
  discard(): void;
}

const STICKY_BIT = 0o1000;
const WRITABLE_BY_GROUP_OR_OTHERS = 0o022;

/**
 * Scratch files reserved and not yet committed or discarded. A signal handler cannot reach the code that
 * reserved them, so it removes them from here (see discardPendingFiles).
 */
const pending = new Set<string>();

/**
 * Refuses a path that is a symbolic link, not a regular file, names a folder, or lies in a folder other users
 * can write without the sticky bit; then creates the scratch file beside it (O_EXCL, O_NOFOLLOW). The text
 * is written there and renamed over the path, so a reader never sees half a file and no link is followed.
 */
export function reservePrivateFile(path: string, setting: FileSetting): ReservedFile {
  const refuse = (problem: string) => fileError(setting, `${path} ${problem}`);
  if (/[/\\]$/.test(path)) throw refuse('names a folder; give a file path');
  let stats: ReturnType<typeof lstatSync> | undefined;
  try {
    stats = lstatSync(path);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw refuse(`cannot be inspected (${codeOf(error)})`);
  }
  if (stats?.isSymbolicLink()) throw refuse('is a symbolic link, which is never followed');
  if (stats && !stats.isFile()) throw refuse('exists and is not a regular file');
  const folder = dirname(path);
  const shared = sharedFolderProblem(folder);
  if (shared) throw refuse(`is in ${folder}, ${shared}`);

  const scratch = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(
      scratch,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
      setting.mode,
    );
  } catch (error) {
    throw refuse(`cannot be written: its folder ${folder} is missing or not writable (${codeOf(error)})`);
  }
  pending.add(scratch);
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  const discard = () => {
    try {
      close();
      rmSync(scratch, { force: true });
    } catch {
      // Best effort: an empty scratch file left behind holds nothing.
    }
    pending.delete(scratch);
  };
  return {
    commit(text) {
      try {
        writeSync(fd, text);
        close();
        // rename replaces whatever is at the path (a link planted since the check included) without following it.
        renameSync(scratch, path);
        pending.delete(scratch);
      } catch (error) {
        discard();
        throw fileError(setting, `${path} could not be written (${codeOf(error)})`, 'output');
      }
    },
    discard,
  };
}

/** Reserves and writes at once: for text that is ready before the file is checked. */
export function writePrivateFile(path: string, text: string, setting: FileSetting): void {
  reservePrivateFile(path, setting).commit(text);
}

/** Removes every scratch file still reserved: for a process stopped by a signal, synchronously. */
export function discardPendingFiles(): void {
  for (const scratch of pending) {
    try {
      rmSync(scratch, { force: true });
    } catch {
      // Nothing more can be done on the way out.
    }
  }
  pending.clear();
}

/**
 * Another user who can write the folder, without the sticky bit to stop them, can rename or delete the file
 * once it is written and put their own in its place (a credential of theirs, or shell code where an env file
 * is sourced). Modes mean nothing on Windows, so nothing is refused there.
 */
function sharedFolderProblem(folder: string): string | undefined {
  if (process.platform === 'win32') return undefined;
  let mode: number;
  try {
    mode = statSync(folder).mode;
  } catch {
    return undefined; // The open that follows names a missing folder better.
  }
  if ((mode & WRITABLE_BY_GROUP_OR_OTHERS) === 0 || (mode & STICKY_BIT) !== 0) return undefined;
  const who = mode & 0o002 ? 'every user' : 'its group';
  const octal = (mode & 0o7777).toString(8).padStart(4, '0');
  return `a folder ${who} can write without the sticky bit (mode ${octal}): another user could replace the file after it is written`;
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'error';
}

function fileError(
  setting: FileSetting,
  problem: string,
  kind: 'settings' | 'output' = 'settings',
): ActionError {
  return new ActionError(`${setting.label}: ${problem}.`, { kind, fix: setting.fix });
}
