import { execFile } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/run-action.ts';
import { runCli } from '../support/run-cli.ts';

const packageJson = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
};

describe('the mondoo-keyless package entry', () => {
  it('is an executable file npm can link: package.json bin, shebang, exec bit', async () => {
    const bin = join(REPO_ROOT, packageJson.bin['mondoo-keyless'] ?? 'missing');
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    accessSync(bin, constants.X_OK);
    // Run as npm's link runs it: the file itself, through its shebang.
    const { stdout } = await promisify(execFile)(bin, ['--version'], { env: { PATH: process.env.PATH } });
    expect(stdout).toBe(`${packageJson.version}\n`);
  });
});

describe.concurrent('mondoo-keyless --help', () => {
  it('lists the commands and the exit codes', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}exchange +/m);
    expect(run.stdout).toMatch(/^ {2}lint +/m);
    expect(run.stdout).toMatch(/^ {2}claims +/m);
    expect(run.stdout).toContain(
      'Exit codes: 0 success; 1 failure, or lint findings at --fail-on; 2 usage error;\n130 and 143 stopped by SIGINT and SIGTERM.',
    );
  });

  it('without a command, prints the help to stderr and exits 2', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Usage: mondoo-keyless <command>/);
  });

  it('-h is --help for a command', async () => {
    const run = await runCli(['exchange', '-h']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: mondoo-keyless exchange/);
  });

  it.for([
    ['exchange', ['--audience', '--token-env', '--ci', '--format', '--output-file']],
    ['lint', ['--profile', '--format', '--fail-on', '--concurrency', '--allow-private-hosts']],
    ['claims', ['--token-file', '--ci', '--format']],
  ] as const)('%s --help lists its options', async ([command, options]) => {
    const run = await runCli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: mondoo-keyless ${command} \\[options\\]`));
    for (const option of options) expect(run.stdout).toContain(`  ${option}`);
  });
});
