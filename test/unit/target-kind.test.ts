import { describe, expect, it } from 'vitest';
import { looksLikeHost, missingTargetProblem } from '../../src/lint/target-kind.js';

describe('looksLikeHost', () => {
  it.each(['login.example.com', 'token.actions.githubusercontent.com/octo', 'idp.corp:8443/tenant'])(
    '%s is a host',
    (value) => expect(looksLikeHost(value)).toBe(true),
  );
  it.each([
    './missing-file',
    '../idp/discovery.json',
    '/etc/idp.json',
    'discovery.json',
    'missing-file',
    'idp/keys',
    '~/x.json',
  ])('%s is a path', (value) => expect(looksLikeHost(value)).toBe(false));
});

describe('missingTargetProblem', () => {
  it('says a missing path does not exist, with no https:// suggestion', () => {
    const problem = missingTargetProblem('./missing-file');
    expect(problem).toContain('"./missing-file" does not exist');
    expect(problem).not.toContain('https://./');
  });

  it('offers the https:// URL for something that looks like a host', () => {
    expect(missingTargetProblem('login.example.com')).toContain('https://login.example.com');
  });
});
