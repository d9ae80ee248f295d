import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGitHubRunner } from '../../src/output/github-runner.js';
import { maskableLines, SecretSet } from '../../src/output/secret-set.js';
import { MIN_MASK_LENGTH } from '../../src/secrets/mask-forms.js';
import { runFolderSync } from '../support/run-folder.ts';
import { thrownBy } from './helpers.js';

describe('SecretSet', () => {
  it('registers each trimmed line long enough to be a secret, never a short line or a multi-line value', () => {
    const registered: string[] = [];
    const secrets = new SecretSet((line) => registered.push(line));
    const json = '{\n  "token": "a-long-secret-token-value",\n  "e": 1\n}';
    secrets.add(json);
    expect(registered).toEqual(['"token": "a-long-secret-token-value",']);
    expect(registered.every((line) => line.length >= MIN_MASK_LENGTH && !/[\r\n]/.test(line))).toBe(true);
  });

  it('redacts the whole secret and each of its lines in text it writes itself', () => {
    const secrets = new SecretSet();
    secrets.add('-----BEGIN KEY-----\nMIIBlineOne\nMIIBlineTwo\n-----END KEY-----');
    expect(secrets.redact('x MIIBlineTwo y')).toBe('x *** y');
    expect(secrets.redact('-----BEGIN KEY-----\nMIIBlineOne\nMIIBlineTwo\n-----END KEY-----')).toBe('***');
  });

  it('cannot mask a secret with no line as long as the floor', () => {
    expect(maskableLines('e')).toEqual([]);
    expect(maskableLines('{\n}\n')).toEqual([]);
  });
});

describe('createGitHubRunner', () => {
  const files = () => {
    const dir = runFolderSync('runner-files-');
    const paths = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_ENV: join(dir, 'env') };
    writeFileSync(paths.GITHUB_OUTPUT, 'earlier=1\n');
    writeFileSync(paths.GITHUB_ENV, 'EARLIER=1\n');
    return { dir, ...paths };
  };

  it('refuses a file command that is a folder, though the folder is writable', () => {
    const { dir, GITHUB_ENV } = files();
    const runner = createGitHubRunner({ GITHUB_OUTPUT: dir, GITHUB_ENV });
    const error = thrownBy(() => runner.checkCanPublish(true));
    expect(error.kind).toBe('runner');
    expect(error.message).toContain('is not a regular file');
  });

  it('refuses a step summary path that is not a regular file before any token is requested', () => {
    const { dir, GITHUB_OUTPUT, GITHUB_ENV } = files();
    const runner = createGitHubRunner({ GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STEP_SUMMARY: dir });
    expect(thrownBy(() => runner.checkCanPublish(true)).message).toContain('GITHUB_STEP_SUMMARY');
  });

  // @actions/core writes to the files named in process.env, as on a runner: point them at this test's files.
  const inProcessEnv = (paths: Record<string, string>) => {
    const saved = { ...process.env };
    Object.assign(process.env, paths);
    return () => {
      for (const name of Object.keys(paths)) delete process.env[name];
      Object.assign(process.env, saved);
    };
  };

  it('writes every output and the exported variable when the files take them', () => {
    const { dir: _dir, ...paths } = files();
    const restore = inProcessEnv(paths);
    const runner = createGitHubRunner(process.env);
    runner.publish({ outputs: [['subject', 'repo:o/r']], env: [['MONDOO_CONFIG_BASE64', 'Y3JlZA==']] });
    expect(readFileSync(paths.GITHUB_OUTPUT, 'utf8')).toContain('repo:o/r');
    expect(readFileSync(paths.GITHUB_ENV, 'utf8')).toContain('Y3JlZA==');
    delete process.env.MONDOO_CONFIG_BASE64;
    restore();
  });

  it('rolls the outputs back when exporting fails, so nothing is left half-published', () => {
    const { dir: _dir, ...paths } = files();
    const restore = inProcessEnv(paths);
    const runner = createGitHubRunner(process.env);
    runner.checkCanPublish(true);
    // The environment file goes away after the check (a runner fault); writing to it now fails.
    rmSync(paths.GITHUB_ENV);
    mkdirSync(paths.GITHUB_ENV);
    expect(() =>
      runner.publish({
        outputs: [['credential', 'Y3JlZGVudGlhbA==']],
        env: [['MONDOO_CONFIG_BASE64', 'Y3JlZGVudGlhbA==']],
      }),
    ).toThrow();
    expect(readFileSync(paths.GITHUB_OUTPUT, 'utf8')).toBe('earlier=1\n');
    expect(process.env.MONDOO_CONFIG_BASE64).toBeUndefined();
    restore();
  });
});
