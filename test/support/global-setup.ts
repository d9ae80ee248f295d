import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSessionCa } from './session-ca.ts';

/**
 * One folder for every action run of a test session (runAction leaves each run's files for the test to
 * inspect), removed when the session ends so test runs do not fill the machine's temporary folder. It also
 * holds the session CA that every worker trusts (see session-ca.ts).
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'mondoo-keyless-tests-'));
  process.env.ACTION_RUNS_DIR = dir;
  createSessionCa(dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
