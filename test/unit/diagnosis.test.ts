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
    expect(hintsFor(new ActionError('Input `audience` is required', { kind: 'settings' }), CLAIMS)).toEqual(
      [],
    );
  });

  it('gives no hints without claims', () => {
    expect(hintsFor(refused(), undefined)).toEqual([]);
  });

  it('shows the subject the provider must match for an sts-refused error and mentions case-sensitivity', () => {
    const hints = hintsFor(refused(), { iss: GITHUB_ISSUER, sub: 'repo:Octo-Org/App:ref:refs/heads/main' });
    expect(hints[0]).toContain('must match');
    expect(hints[0]).not.toMatch(/exact subject|identical/);
    expect(hints[0]).toContain('"repo:Octo-Org/App:ref:refs/heads/main"');
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

  it('says a GitHub token carries the immutable id form, and how to read the repository setting', () => {
    const hints = hintsFor(refused(), {
      iss: GITHUB_ISSUER,
      sub: 'repo:octo-org@123/app@456:ref:refs/heads/main',
      repository: 'octo-org/app',
    });
    const hint = hints.find((text) => text.includes('immutable'));
    expect(hint).toContain("carries GitHub's immutable subject form");
    expect(hint).toContain('`repo:OWNER@OWNER-ID/REPO@REPO-ID:...`');
    expect(hint).toContain('`gh api repos/octo-org/app/actions/oidc/customization/sub`');
    expect(hint).toContain('`sub_claim_prefix`');
    // No cut-over date is asserted: sources disagree on it, and the token itself says which form applies.
    expect(hint).not.toMatch(/20\d\d/);
  });

  it('says a GitHub token carries the name form and that the other form exists, without claiming which applies', () => {
    const hints = hintsFor(refused(), {
      iss: `${GITHUB_ISSUER}/octo-enterprise`,
      sub: 'repo:octo-org/app:ref:refs/heads/main',
    });
    const hint = hints.find((text) => text.includes('subject form'));
    expect(hint).toContain("carries GitHub's subject form with names (`repo:OWNER/REPO:...`)");
    expect(hint).toContain('Match the form the token carries');
    expect(hint).toContain('`gh api repos/OWNER/REPO/actions/oidc/customization/sub`');
  });

  it('gives no GitHub subject-form hint for other issuers', () => {
    const hints = hintsFor(refused(), { iss: 'https://gitlab.com', sub: 'repo:a/b:ref:refs/heads/main' });
    expect(hints.join('\n')).not.toContain('gh api');
  });

  it('escapes a repository claim before putting it in the command', () => {
    const hints = hintsFor(refused(), {
      iss: GITHUB_ISSUER,
      sub: 'repo:o/r:ref:refs/heads/main',
      repository: 'o/r\n::error::x',
    });
    expect(hints.join('\n')).not.toContain('\n::error');
    expect(hints.join('\n')).toContain('repos/OWNER/REPO/');
  });

  it('explains the pull_request subject in words true for either form', () => {
    const hints = hintsFor(refused(), { sub: 'repo:octo-org@1/app@2:pull_request' });
    expect(hints).toHaveLength(2);
    expect(hints[1]).toContain('ending in `:pull_request`');
  });

  it('explains the environment subject in words true for either form', () => {
    const hints = hintsFor(refused(), { sub: 'repo:octo-org/app:environment:production' });
    expect(hints).toHaveLength(2);
    expect(hints[1]).toContain('`:environment:NAME`');
  });

  it('names both refs for a reusable workflow (job_workflow_ref differs from workflow_ref)', () => {
    const hints = hintsFor(refused(), {
      sub: 'repo:octo-org/app:ref:refs/heads/main',
      workflow_ref: 'octo-org/app/.github/workflows/ci.yml@refs/heads/main',
      job_workflow_ref: 'octo-org/shared/.github/workflows/scan.yml@refs/tags/v1',
    });
    const hint = hints.find((text) => text.includes('reusable workflow'));
    expect(hint).toContain('"octo-org/shared/.github/workflows/scan.yml@refs/tags/v1"');
    expect(hint).toContain('"octo-org/app/.github/workflows/ci.yml@refs/heads/main"');
    expect(hint).toContain('job_workflow_ref');
  });

  it('gives no reusable-workflow hint when both refs are equal', () => {
    expect(hintsFor(refused(), CLAIMS).join('\n')).not.toContain('reusable workflow');
  });

  it('tells an enterprise-slug issuer to register that exact issuer', () => {
    const iss = 'https://token.actions.githubusercontent.com/acme';
    const hints = hintsFor(refused(), { iss });
    expect(hints).toHaveLength(1);
    expect(hints[0]).toContain(JSON.stringify(iss));
    expect(hints[0]).toContain('enterprise');
  });

  it('tells a GHES issuer to register it and keep its discovery reachable', () => {
    const iss = 'https://ghe.example.com/_services/token';
    const hints = hintsFor(refused(), { iss });
    expect(hints).toHaveLength(1);
    expect(hints[0]).toContain('GitHub Enterprise Server');
    expect(hints[0]).toContain(JSON.stringify(iss));
    expect(hints[0]).toContain('/.well-known/openid-configuration');
  });

  it('gives no issuer hint for the standard GitHub issuer or another CI', () => {
    expect(hintsFor(refused(), { iss: GITHUB_ISSUER })).toEqual([]);
    expect(hintsFor(refused(), { iss: 'https://gitlab.example.com' })).toEqual([]);
  });
});
