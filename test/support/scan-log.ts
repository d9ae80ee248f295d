// Runs scripts/scan-log-for-secrets.sh, the e2e workflow's log scan, on a text written to a temporary file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The script's exit code and everything it printed. */
export function scanLog(log: string): { code: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'scan-log-'));
  try {
    const file = join(dir, 'job.log');
    writeFileSync(file, log);
    const run = spawnSync('bash', ['scripts/scan-log-for-secrets.sh', file], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    return { code: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
