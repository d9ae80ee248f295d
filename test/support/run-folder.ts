import { mkdtempSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Under vitest, global-setup.ts points this at a folder it removes at the end of the session. */
const base = () => process.env.ACTION_RUNS_DIR ?? tmpdir();

/** A fresh folder for one run or test, removed with the test session's run folders. */
export function runFolder(prefix = 'cli-run-'): Promise<string> {
  return mkdtemp(join(base(), prefix));
}

export function runFolderSync(prefix: string): string {
  return mkdtempSync(join(base(), prefix));
}
