import { rendered } from '../support/rendered-markdown.ts';
import { describe, expect, it } from 'vitest';
import { runAction } from '../support/run-action.ts';
import { DEFAULT_SUBJECT, SPACE_AUDIENCE } from '../support/scenario.ts';
import { expectFailedCleanly, scenarioForTest } from './expectations.ts';

describe.concurrent('bad settings fail before any token is requested', () => {
  it('refuses an http:// universe-domain', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const insecure = scenario.sts.url.replace('https://', 'http://');
    const run = await runAction({
      inputs: scenario.inputs({ 'universe-domain': insecure }),
      env: scenario.runnerEnv(),
    });

    expectFailedCleanly(
      run,
      scenario,
      /Input `universe-domain`: .*http:\/\/.*unencrypted[\s\S]*Use https:\/\//,
    );
    expect(scenario.tokenService.requests).toHaveLength(0);
  });

  it('refuses a min-validity below 180 seconds', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const run = await runAction({
      inputs: scenario.inputs({ 'min-validity': '60' }),
      env: scenario.runnerEnv(),
    });

    expectFailedCleanly(run, scenario, /Input `min-validity`: 60 seconds is below the floor of 180/);
    expect(scenario.tokenService.requests).toHaveLength(0);
  });

  it('refuses a user token that is not a JWT without printing it', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const notAJwt = 'ghp_thisLooksLikeAPersonalAccessToken0123456789';
    const run = await runAction({ inputs: scenario.inputs({ token: notAJwt }), env: scenario.runnerEnv() });

    expectFailedCleanly(run, scenario, /The `token` input is not a JWT \(it has 1 dot-separated part/);
    expect(run.masks[0]).toBe(notAJwt);
    expect(run.stdout.replace(/^::add-mask::.*$/m, '')).not.toContain(notAJwt);
  });

  it('calls the runner clock wrong for a token issued in the future', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const token = await scenario.tokenService.mint({ audience: SPACE_AUDIENCE, issuedAtOffsetSeconds: 600 });
    const run = await runAction({
      inputs: scenario.inputs({ token }),
      env: { NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile },
    });

    expectFailedCleanly(
      run,
      scenario,
      /issued (59\d|600) s in the future.*this machine's clock looks wrong/s,
    );
  });
});

describe.concurrent('identity mismatches', () => {
  it('refuses an issuer input that differs from the token, before the exchange', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const run = await runAction({
      inputs: scenario.inputs({ issuer: 'https://token.actions.githubusercontent.com' }),
      env: scenario.runnerEnv(),
    });

    expectFailedCleanly(
      run,
      scenario,
      /Input `issuer` is "https:\/\/token\.actions\.githubusercontent\.com" but the token's `iss` is/,
    );
    expect(scenario.sts.requests).toHaveLength(0);
  });

  it('points out when the issuer differs only by a trailing slash', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const run = await runAction({
      inputs: scenario.inputs({ issuer: `${scenario.tokenService.issuer}/` }),
      env: scenario.runnerEnv(),
    });

    expectFailedCleanly(run, scenario, /differ only by a trailing slash/);
  });

  it('shows the subject the provider must match when Mondoo refuses it', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished, {
      subject: 'repo:Octo-Org/octo-repo:ref:refs/heads/main',
    });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectFailedCleanly(run, scenario, /PERMISSION_DENIED.*no workload identity binding matches subject/);
    expect(run.summary).toContain('### Mondoo keyless auth: failed');
    expect(run.summary).toContain(`| sub | \`${DEFAULT_SUBJECT}\` |`);
    expect(rendered(run.summary)).toContain(
      `The subject of the provider in Mondoo must match this token's \`sub\`: "${DEFAULT_SUBJECT}"`,
    );
    expect(rendered(run.summary)).toMatch(/case-sensitive/);
  });

  it('adds the reusable-workflow and environment hints when the claims call for them', async ({
    onTestFinished,
  }) => {
    const subject = 'repo:octo-org/octo-repo:environment:production';
    const scenario = await scenarioForTest(onTestFinished, {
      subject: 'repo:octo-org/octo-repo:ref:refs/heads/main',
      claims: {
        sub: subject,
        environment: 'production',
        job_workflow_ref: 'octo-org/shared/.github/workflows/scan.yml@refs/heads/main',
      },
    });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectFailedCleanly(run, scenario, /PERMISSION_DENIED/);
    expect(rendered(run.summary)).toContain(
      'reusable workflow "octo-org/shared/.github/workflows/scan.yml@refs/heads/main"',
    );
    expect(rendered(run.summary)).toContain('a subject with `:environment:NAME`');
    expect(run.outputs).not.toHaveProperty('subject');
  });
});

describe('what the failure shows', () => {
  it('names wif-config when its issuerUri does not match the token', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const wifConfig = JSON.stringify({
      universeDomain: scenario.sts.url,
      audience: SPACE_AUDIENCE,
      issuerUri: 'https://token.actions.githubusercontent.com',
      type: 'external_account',
    });
    const run = await runAction({ inputs: { 'wif-config': wifConfig }, env: scenario.runnerEnv() });

    expectFailedCleanly(
      run,
      scenario,
      /^`issuerUri` in `wif-config` is "https:\/\/token\.actions\.githubusercontent\.com"/,
    );
  });

  it('shows the claims of a token that failed its checks, in the log and the summary', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const token = await scenario.tokenService.mint({
      audience: SPACE_AUDIENCE,
      issuedAtOffsetSeconds: -1000,
    });
    const run = await runAction({
      inputs: scenario.inputs({ token }),
      env: { NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile },
    });

    expectFailedCleanly(run, scenario, /expired \d+ s ago.*this machine's clock looks wrong/s);
    expect(run.stdout).toContain(`sub: ${DEFAULT_SUBJECT}`);
    expect(run.summary).toContain(`| sub | \`${DEFAULT_SUBJECT}\` |`);
  });
});

describe.concurrent("GitHub's two subject forms", () => {
  const IMMUTABLE = 'repo:octo-org@1234567/octo-repo@89012345:ref:refs/heads/main';

  it('says which form a refused GitHub token carries and how to read the repository setting', async ({
    onTestFinished,
  }) => {
    // A token naming GitHub's issuer, which this stand-in Mondoo has no provider for.
    const scenario = await scenarioForTest(onTestFinished, {
      claims: {
        iss: 'https://token.actions.githubusercontent.com',
        sub: IMMUTABLE,
        repository: 'octo-org/octo-repo',
      },
    });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectFailedCleanly(run, scenario, /UNAUTHENTICATED.*is not registered/);
    const summary = rendered(run.summary);
    expect(summary).toContain(`must match this token's \`sub\`: "${IMMUTABLE}"`);
    expect(summary).toContain("This token carries GitHub's immutable subject form");
    expect(summary).toContain('`gh api repos/octo-org/octo-repo/actions/oidc/customization/sub`');
    expect(summary).toContain('`sub_claim_prefix`');
  });

  it('keeps the subject output exactly the sub the token carries, ids included', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished, {
      subject: IMMUTABLE,
      claims: { sub: IMMUTABLE },
    });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.subject).toBe(IMMUTABLE);
  });
});
