import { describe, expect, it } from 'vitest';
import { type ActionRun, expectNoLeaks, runAction, viewOfRun } from '../support/run-action.ts';
import { SPACE_AUDIENCE } from '../support/scenario.ts';
import { expectAuthenticated, expectFailedCleanly, scenarioForTest } from './expectations.ts';

// Values of variables that compete with this step's credential; both are secrets the step must never print.
const OLD_CREDENTIAL = Buffer.from(
  '{"mrn":"//agents.api.mondoo.app/spaces/old/serviceaccounts/stale","private_key":"-----BEGIN PRIVATE KEY-----\\nOLDKEYMATERIAL0123456789\\n-----END PRIVATE KEY-----"}',
).toString('base64');
const AZURE_AUDIENCE = 'api://AzureADTokenExchange';

/** The warning annotations the runner would show, in order. */
function warnings(run: ActionRun): string[] {
  return viewOfRun(run)
    .annotations.filter((annotation) => annotation.level === 'warning')
    .map((annotation) => annotation.message);
}

describe.concurrent("warnings about cnspec's own WIF", () => {
  it('names MONDOO_CONFIG_BASE64, MONDOO_CONFIG_PATH and JWT_TOKEN, masks the secret ones, and still exports', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const envToken = await scenario.tokenService.mint({ audience: SPACE_AUDIENCE });
    const run = await runAction({
      inputs: scenario.inputs(),
      env: {
        ...scenario.runnerEnv(),
        MONDOO_CONFIG_BASE64: OLD_CREDENTIAL,
        MONDOO_CONFIG_PATH: '/home/runner/.config/mondoo/wif.json',
        JWT_TOKEN: envToken,
      },
    });

    expectAuthenticated(run, scenario);
    // The export replaces the old value for later steps of this job.
    expect(run.env.MONDOO_CONFIG_BASE64).toBe(scenario.sts.base64Credential);
    const shown = warnings(run);
    expect(shown).toHaveLength(3);
    expect(shown[0]).toMatch(
      /^MONDOO_CONFIG_BASE64 is already set .*replaces it for the later steps of this job.*own step-level `env:`, and every other job/,
    );
    expect(shown[1]).toMatch(
      /^MONDOO_CONFIG_PATH is set .*cnspec reads MONDOO_CONFIG_BASE64 before MONDOO_CONFIG_PATH/,
    );
    expect(shown[2]).toMatch(/^JWT_TOKEN is set \(its value is masked\)/);
    expect(run.masks).toEqual(expect.arrayContaining([OLD_CREDENTIAL, envToken]));
    // The step exchanged the runner's token, not the one in JWT_TOKEN.
    expect(scenario.sts.exchanges.map((body) => body.jwt_token)).not.toContain(envToken);
    expectNoLeaks(run, [OLD_CREDENTIAL, envToken, ...scenario.secrets()]);
  });

  it('with export-env false, says later steps keep the old value', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const run = await runAction({
      inputs: scenario.inputs({ 'export-env': 'false' }),
      env: { ...scenario.runnerEnv(), MONDOO_CONFIG_BASE64: OLD_CREDENTIAL },
    });
    expect(run.code).toBe(0);
    expect(warnings(run)).toEqual([expect.stringContaining('keep reading the old value')]);
    expectNoLeaks(run, [OLD_CREDENTIAL, ...scenario.secrets()]);
  });

  it('masks a jwtToken in wif-config at once, never prints it, ignores it and says so', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const stored = await scenario.tokenService.mint({ audience: SPACE_AUDIENCE });
    const config = {
      type: 'external_account',
      universeDomain: scenario.sts.url,
      audience: SPACE_AUDIENCE,
      jwtToken: stored,
    };
    const run = await runAction({
      inputs: { 'wif-config': JSON.stringify(config) },
      env: scenario.runnerEnv(),
    });

    expectAuthenticated(run, scenario);
    // Masked before anything else the step prints (only the empty token input's mask may come first).
    const firstOutput = run.stdout.split('\n').findIndex((line) => !line.startsWith('::add-mask::'));
    expect(run.stdout.split('\n').slice(0, firstOutput)).toContain(`::add-mask::${stored}`);
    expect(warnings(run)).toEqual([
      expect.stringMatching(/^`wif-config` holds a `jwtToken`.*masked and never sent/),
    ]);
    expect(scenario.sts.exchanges.map((body) => body.jwt_token)).not.toContain(stored);
    expectNoLeaks(run, [stored, ...scenario.secrets()]);
  });

  it('masks the jwtToken of a wif-config file that fails its checks, and never prints it', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const stored = await scenario.tokenService.mint({ audience: SPACE_AUDIENCE });
    const run = await runAction({
      inputs: { 'wif-config': JSON.stringify({ type: 'service_account', jwtToken: stored }) },
      env: scenario.runnerEnv(),
    });
    expectFailedCleanly(run, scenario, /has "type": "service_account", not "external_account"/);
    expect(run.masks).toContain(stored);
    expectNoLeaks(run, [stored]);
  });
});

describe.concurrent('audience sanity', () => {
  it("warns before the exchange when the token's aud is not the Mondoo audience, showing both values", async ({
    onTestFinished,
  }) => {
    // A provider that lists the Azure DevOps audience among its allowed audiences accepts such a token.
    const scenario = await scenarioForTest(onTestFinished, { allowedAudiences: [AZURE_AUDIENCE] });
    const token = await scenario.tokenService.mint({ audience: AZURE_AUDIENCE });
    const run = await runAction({
      inputs: scenario.inputs({ token }),
      env: { NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile },
    });

    expectAuthenticated(run, scenario);
    const [warning] = warnings(run);
    expect(warning).toBe(
      `The token's \`aud\` is ${AZURE_AUDIENCE}, which is not \`audience\` (${SPACE_AUDIENCE}). Mondoo accepts it only if the provider lists that value under its allowed audiences: add it there in Mondoo, or mint the token with the audience ${SPACE_AUDIENCE} where the CI system allows it (GitHub's runner, GitLab's id_tokens, Buildkite's --audience, CircleCI's \`circleci run oidc get\`; Azure DevOps' tokens always carry api://AzureADTokenExchange).`,
    );
    const warningAt = run.stdout.indexOf('::warning::The token');
    expect(warningAt).toBeGreaterThan(-1);
    expect(warningAt).toBeLessThan(run.stdout.indexOf('Exchanging the token at'));
    expectNoLeaks(run, scenario.secrets());
  });

  it('names token-audience when it was set, and stays silent when aud matches it', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished, { allowedAudiences: ['mondoo-ci'] });
    const matching = await runAction({
      inputs: scenario.inputs({ 'token-audience': 'mondoo-ci' }),
      env: scenario.runnerEnv(),
    });
    expectAuthenticated(matching, scenario);
    expect(warnings(matching)).toEqual([]);

    const other = await scenario.tokenService.mint({ audience: 'elsewhere' });
    const run = await runAction({
      inputs: scenario.inputs({ token: other, 'token-audience': 'mondoo-ci' }),
      env: { NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile },
    });
    expectFailedCleanly(run, scenario, /Mondoo refused the token/);
    expect(warnings(run)[0]).toContain(
      `is elsewhere, which is neither \`audience\` (${SPACE_AUDIENCE}) nor \`token-audience\` (mondoo-ci)`,
    );
  });
});

describe.concurrent('advice that can be followed', () => {
  it('never tells a token at the 180 s floor to lower min-validity', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const token = await scenario.tokenService.mint({ audience: SPACE_AUDIENCE, lifetimeSeconds: 120 });
    const run = await runAction({
      inputs: scenario.inputs({ token }),
      env: { NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile },
    });
    expectFailedCleanly(run, scenario, /The `token` input has 1[12]\d s left; at least 180 s/);
    expect(run.stdout).not.toMatch(/lower `min-validity`/);
    expect(run.stdout).toContain('Mint the token right before use');
    expect(run.stdout).toContain("the runner's token: leave `token` unset");
    expect(scenario.sts.requests).toHaveLength(0);
  });
});
