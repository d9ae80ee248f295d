import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One folder for every action run of a test session (runAction leaves each run's files for the test to
 * inspect), removed when the session ends so test runs do not fill the machine's temporary folder.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'mondoo-keyless-tests-'));
  process.env.ACTION_RUNS_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
