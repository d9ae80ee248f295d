import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGitHubRunner } from '../../src/output/github-runner.js';
import { redactSecrets } from '../../src/runner.js';
import { thrownBy } from './helpers.js';
import { runFolderSync } from '../support/run-folder.ts';

describe('redactSecrets', () => {
  it('replaces every occurrence of a secret', () => {
    expect(redactSecrets('a s3cr3t b s3cr3t c', ['s3cr3t'])).toBe('a *** b *** c');
  });

  it('hides a secret that contains another one whole, whatever order they were registered in', () => {
    const key = 'KEYLINE1KEYLINE2';
    expect(redactSecrets(`key: ${key}`, ['KEYLINE1', key])).toBe('key: ***');
    expect(redactSecrets(`key: ${key}`, [key, 'KEYLINE1'])).toBe('key: ***');
  });

  it('replaces several different secrets', () => {
    expect(redactSecrets('token=abc123 key=xyz789', new Set(['abc123', 'xyz789']))).toBe('token=*** key=***');
  });

  it('ignores empty strings instead of mangling the text', () => {
    expect(redactSecrets('nothing secret here', ['', 'absent'])).toBe('nothing secret here');
  });

  it('treats secrets literally, not as patterns', () => {
    expect(redactSecrets('a+b a.b aXb', ['a.b', 'a+b'])).toBe('*** *** aXb');
  });

  it('redacts secrets spanning several lines', () => {
    expect(redactSecrets('{\n"k": "L1\nL2"\n}', ['L1\nL2'])).toBe('{\n"k": "***"\n}');
  });
});

describe('createGitHubRunner().checkCanPublish', () => {
  const writable = () => {
    const dir = runFolderSync('runner-files-');
    const file = join(dir, 'file');
    writeFileSync(file, '');
    return file;
  };

  it('refuses a runner without GITHUB_OUTPUT, which would print outputs on stdout instead', () => {
    const runner = createGitHubRunner({ GITHUB_ENV: writable() });
    const error = thrownBy(() => runner.checkCanPublish(true));
    expect(error.kind).toBe('runner');
    expect(error.message).toContain('GITHUB_OUTPUT is not set');
  });

  it('needs GITHUB_ENV only when the credential is to be exported', () => {
    const runner = createGitHubRunner({ GITHUB_OUTPUT: writable() });
    expect(thrownBy(() => runner.checkCanPublish(true)).message).toContain('GITHUB_ENV is not set');
    expect(() => runner.checkCanPublish(false)).not.toThrow();
  });

  it('refuses a file-command path that cannot be written', () => {
    const runner = createGitHubRunner({ GITHUB_OUTPUT: writable(), GITHUB_ENV: '/nonexistent-dir/env' });
    const error = thrownBy(() => runner.checkCanPublish(true));
    expect(error.message).toContain(
      'GITHUB_ENV points at /nonexistent-dir/env, which this step cannot write (ENOENT)',
    );
  });

  it('accepts writable files', () => {
    const runner = createGitHubRunner({ GITHUB_OUTPUT: writable(), GITHUB_ENV: writable() });
    expect(() => runner.checkCanPublish(true)).not.toThrow();
  });
});
