import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoLeaks, runAction, runnerView } from '../support/run-action.ts';
import { DEFAULT_SUBJECT, SPACE_AUDIENCE } from '../support/scenario.ts';
import { expectAuthenticated, expectFailedCleanly, scenarioForTest } from './expectations.ts';

describe.concurrent('exchange succeeds', () => {
  it('exports MONDOO_CONFIG_BASE64 from the runner token, with every secret masked', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectAuthenticated(run, scenario);
    const [exchange] = scenario.sts.exchanges;
    expect(exchange).toEqual({
      audience: SPACE_AUDIENCE,
      issuer_uri: scenario.tokenService.issuer,
      jwt_token: scenario.tokenService.minted[0],
    });
    const tokenRequest = scenario.tokenService.requests[0];
    expect(new URL(tokenRequest?.path ?? '', 'https://x').searchParams.get('audience')).toBe(SPACE_AUDIENCE);
    expect(scenario.sts.requests[0]?.headers['user-agent']).toMatch(/^mondoo-keyless-auth\/\d+\.\d+\.\d+/);
    expect(run.outputs.subject).toBe(DEFAULT_SUBJECT);
    expect(run.outputs.issuer).toBe(scenario.tokenService.issuer);
    // Each line of the private key is its own mask, but never the PEM armour lines.
    const keyLines = (scenario.sts.account.private_key ?? '')
      .split('\n')
      .filter((line: string) => line && !line.startsWith('-----'));
    for (const line of keyLines) expect(run.masks).toContain(line);
    expect(run.masks.filter((mask) => /^-----(BEGIN|END) [A-Z ]+-----$/.test(mask))).toEqual([]);
    expect(run.masks).toContain(scenario.tokenService.requestToken);
  });

  it('logs the non-secret claims and writes the identity to the job summary', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectAuthenticated(run, scenario);
    const log = runnerView(run.stdout);
    expect(log).toContain('> OIDC token claims');
    expect(log).toContain(`sub: ${DEFAULT_SUBJECT}`);
    expect(log).toMatch(/exp: \d+ \(\d+ s left\)/);
    expect(log).toContain('Exported MONDOO_CONFIG_BASE64');
    expect(run.summary).toContain(scenario.sts.account.mrn);
    expect(run.summary).toContain(scenario.sts.account.space_mrn);
    expect(run.summary).toContain(DEFAULT_SUBJECT);
  });

  it('accepts the token form of the credential and masks its token', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished, { credentialForm: 'token' });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectAuthenticated(run, scenario);
    expect(run.masks).toContain(scenario.sts.account.token);
  });

  it('sets the outputs but exports nothing when export-env is false', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const run = await runAction({
      inputs: scenario.inputs({ 'export-env': 'false' }),
      env: scenario.runnerEnv(),
    });

    expect(run.code).toBe(0);
    expect(run.env).not.toHaveProperty('MONDOO_CONFIG_BASE64');
    expect(run.outputs.credential).toBe(scenario.sts.base64Credential);
    expect(run.masks).toContain(scenario.sts.base64Credential);
    expectNoLeaks(run, scenario.secrets());
  });

  it('exchanges a token passed in the `token` input without asking the runner', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const token = await scenario.tokenService.mint({ audience: SPACE_AUDIENCE });
    const run = await runAction({
      inputs: scenario.inputs({ token }),
      env: { NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile },
    });

    expectAuthenticated(run, scenario);
    expect(run.masks[0]).toBe(token);
    expect(scenario.tokenService.requests).toHaveLength(0);
    expect(scenario.sts.exchanges[0]?.jwt_token).toBe(token);
  });

  it('takes universe-domain, audience and issuer from wif-config given as JSON text', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const wifConfig = JSON.stringify({
      universeDomain: scenario.sts.url,
      audience: SPACE_AUDIENCE,
      issuerUri: scenario.tokenService.issuer,
      type: 'external_account',
      subjectTokenType: 'urn:ietf:params:oauth:token-type:jwt',
      scopes: [],
    });
    const run = await runAction({ inputs: { 'wif-config': wifConfig }, env: scenario.runnerEnv() });

    expectAuthenticated(run, scenario);
    expect(scenario.sts.exchanges[0]?.audience).toBe(SPACE_AUDIENCE);
  });

  it('reads wif-config from a file path, and explicit inputs win over it', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const path = join(scenario.ca.dir, 'wif.json');
    const wrongAudience = '//captain.api.mondoo.app/spaces/some-other-space';
    await writeFile(
      path,
      JSON.stringify({
        universeDomain: 'https://eu.api.mondoo.com',
        audience: wrongAudience,
        type: 'external_account',
      }),
    );
    const run = await runAction({
      inputs: { 'wif-config': path, 'universe-domain': scenario.sts.url, audience: SPACE_AUDIENCE },
      env: scenario.runnerEnv(),
    });

    expectAuthenticated(run, scenario);
  });

  it('refuses a wif-config that is not an external_account config, before requesting a token', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const run = await runAction({
      inputs: { 'wif-config': JSON.stringify({ type: 'service_account', audience: SPACE_AUDIENCE }) },
      env: scenario.runnerEnv(),
    });

    expectFailedCleanly(run, scenario, /wif-config.*"service_account", not "external_account"/);
    expect(scenario.tokenService.requests).toHaveLength(0);
  });
});
