import type { JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import { ActionError, type FailureKind } from '../../src/errors.js';
import { claimRows, GITHUB_ISSUER, hintsFor } from '../../src/exchange/diagnosis.js';

const NOW = 1_800_000_000;

const CLAIMS: JWTPayload = {
  jti: 'abc',
  runner_environment: 'github-hosted',
  event_name: 'push',
  job_workflow_ref: 'octo-org/app/.github/workflows/ci.yml@refs/heads/main',
  workflow_ref: 'octo-org/app/.github/workflows/ci.yml@refs/heads/main',
  environment: 'production',
  ref: 'refs/heads/main',
  repository: 'octo-org/app',
  exp: NOW + 240,
  aud: '//captain.api.mondoo.app/spaces/keen-space-123',
  sub: 'repo:octo-org/app:environment:production',
  iss: GITHUB_ISSUER,
  actor: 'octocat',
};

function refused(kind: FailureKind = 'sts-refused'): ActionError {
  return new ActionError('Mondoo refused the token (UNAUTHENTICATED, HTTP 401): m', { kind });
}

describe('claimRows', () => {
  it('lists the shown claims in a fixed order, whatever order the token has them in', () => {
    expect(claimRows(CLAIMS, NOW).map(([name]) => name)).toEqual([
      'iss',
      'sub',
      'aud',
      'exp',
      'repository',
      'ref',
      'environment',
      'workflow_ref',
      'job_workflow_ref',
      'event_name',
      'runner_environment',
    ]);
  });

  it('shows exp with the seconds left, floored', () => {
    const rows = new Map(claimRows(CLAIMS, NOW + 0.5));
    expect(rows.get('exp')).toBe(`${NOW + 240} (239 s left)`);
  });

  it('joins an audience array', () => {
    const rows = new Map(claimRows({ iss: GITHUB_ISSUER, aud: ['a', 'b'] }, NOW));
    expect(rows.get('aud')).toBe('a, b');
  });

  it('skips missing, null and empty claims and ones it does not show', () => {
    const rows = claimRows({ iss: GITHUB_ISSUER, sub: '', environment: null, jti: 'x' }, NOW);
    expect(rows).toEqual([['iss', GITHUB_ISSUER]]);
  });
});

describe('hintsFor', () => {
  it('gives no hints for a settings error, even with claims', () => {
    expect(hintsFor(new ActionError('Input `audience`: is required', { kind: 'settings' }), CLAIMS)).toEqual(
      [],
    );
  });

  it('gives no hints without claims', () => {
    expect(hintsFor(refused(), undefined)).toEqual([]);
  });

  it('shows the exact subject for an sts-refused error and mentions case-sensitivity', () => {
    const hints = hintsFor(refused(), { iss: GITHUB_ISSUER, sub: 'repo:Octo-Org/App:ref:refs/heads/main' });
    expect(hints).toHaveLength(1);
    expect(hints[0]).toContain('`repo:Octo-Org/App:ref:refs/heads/main`');
    expect(hints[0]).toContain('case-sensitive');
  });

  it('also helps with an issuer-mismatch error', () => {
    expect(hintsFor(refused('issuer-mismatch'), { sub: 'repo:o/r:ref:refs/heads/main' })).toHaveLength(1);
  });

  it.each<FailureKind>(['sts-unavailable', 'token-validity', 'credential-invalid', 'timeout'])(
    'gives no identity hints for %s',
    (kind) => {
      expect(hintsFor(refused(kind), CLAIMS)).toEqual([]);
    },
  );

  it('explains the repo:OWNER@id/REPO@id subject form', () => {
    const hints = hintsFor(refused(), { sub: 'repo:octo-org@123/app@456:ref:refs/heads/main' });
    expect(hints.some((hint) => hint.includes('`repo:OWNER@id/REPO@id:...`'))).toBe(true);
  });

  it('does not explain the id form for a plain subject', () => {
    const hints = hintsFor(refused(), { sub: 'repo:octo-org/app:ref:refs/heads/main' });
    expect(hints.join('\n')).not.toContain('numeric ids');
  });

  it('explains the pull_request subject', () => {
    const hints = hintsFor(refused(), { sub: 'repo:octo-org/app:pull_request' });
    expect(hints).toHaveLength(2);
    expect(hints[1]).toContain('repo:OWNER/REPO:pull_request');
  });

  it('explains the environment subject', () => {
    const hints = hintsFor(refused(), { sub: 'repo:octo-org/app:environment:production' });
    expect(hints).toHaveLength(2);
    expect(hints[1]).toContain('repo:OWNER/REPO:environment:NAME');
  });

  it('names both refs for a reusable workflow (job_workflow_ref differs from workflow_ref)', () => {
    const hints = hintsFor(refused(), {
      sub: 'repo:octo-org/app:ref:refs/heads/main',
      workflow_ref: 'octo-org/app/.github/workflows/ci.yml@refs/heads/main',
      job_workflow_ref: 'octo-org/shared/.github/workflows/scan.yml@refs/tags/v1',
    });
    const hint = hints.find((text) => text.includes('reusable workflow'));
    expect(hint).toContain('`octo-org/shared/.github/workflows/scan.yml@refs/tags/v1`');
    expect(hint).toContain('`octo-org/app/.github/workflows/ci.yml@refs/heads/main`');
    expect(hint).toContain('job_workflow_ref');
  });

  it('gives no reusable-workflow hint when both refs are equal', () => {
    expect(hintsFor(refused(), CLAIMS).join('\n')).not.toContain('reusable workflow');
  });

  it('tells an enterprise-slug issuer to register that exact issuer', () => {
    const iss = 'https://token.actions.githubusercontent.com/acme';
    const hints = hintsFor(refused(), { iss });
    expect(hints).toHaveLength(1);
    expect(hints[0]).toContain(`\`${iss}\``);
    expect(hints[0]).toContain('enterprise');
  });

  it('tells a GHES issuer to register it and keep its discovery reachable', () => {
    const iss = 'https://ghe.example.com/_services/token';
    const hints = hintsFor(refused(), { iss });
    expect(hints).toHaveLength(1);
    expect(hints[0]).toContain('GitHub Enterprise Server');
    expect(hints[0]).toContain(`\`${iss}\``);
    expect(hints[0]).toContain('/.well-known/openid-configuration');
  });

  it('gives no issuer hint for the standard GitHub issuer or another CI', () => {
    expect(hintsFor(refused(), { iss: GITHUB_ISSUER })).toEqual([]);
    expect(hintsFor(refused(), { iss: 'https://gitlab.example.com' })).toEqual([]);
  });
});
