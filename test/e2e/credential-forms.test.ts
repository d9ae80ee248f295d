import { describe, expect, it } from 'vitest';
import { type KeyKind, SPACE_MRN } from '../support/mondoo-sts.ts';
import { type ActionRun, runAction, viewOfRun } from '../support/run-action.ts';
import { expectNoCliLeaks, runCli } from '../support/run-cli.ts';
import { SPACE_AUDIENCE } from '../support/scenario.ts';
import { expectAuthenticated, expectFailedCleanly, failureMessage, scenarioForTest } from './expectations.ts';

/** The warning annotations of a run, as the runner stores them (masked). */
function warnings(run: ActionRun): string[] {
  return viewOfRun(run)
    .annotations.filter((annotation) => annotation.level === 'warning')
    .map((annotation) => annotation.message);
}

describe.concurrent('credential-type', () => {
  it('token: asks with "response_type": "TOKEN" and exports the token credential a newer Mondoo issues', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const run = await runAction({
      inputs: scenario.inputs({ 'credential-type': 'token' }),
      env: scenario.runnerEnv(),
    });

    const { sts } = scenario;
    expectAuthenticated(run, scenario, { account: sts.tokenAccount, base64: sts.tokenBase64Credential });
    expect(sts.exchanges[0]?.response_type).toBe('TOKEN');
    expect(sts.issued).toEqual(['token']);
    expect(run.masks).toContain(sts.tokenAccount.token);
    expect(warnings(run)).toEqual([]);
  });

  it('token: accepts the key pair of a Mondoo that ignores response_type, and says it ignored it', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished, { sts: { responseType: 'ignored' } });
    const run = await runAction({
      inputs: scenario.inputs({ 'credential-type': 'token' }),
      env: scenario.runnerEnv(),
    });

    expectAuthenticated(run, scenario);
    expect(scenario.sts.exchanges[0]?.response_type).toBe('TOKEN');
    expect(scenario.sts.issued).toEqual(['key']);
    const [warning, ...others] = warnings(run);
    expect(others).toEqual([]);
    expect(warning).toMatch(
      /`credential-type` is `token`, but Mondoo answered with a key pair: this Mondoo service ignored the request/,
    );
  });

  it('certificate (the default): sends no response_type, so even a newer Mondoo issues the key pair', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const run = await runAction({
      inputs: scenario.inputs({ 'credential-type': 'certificate' }),
      env: scenario.runnerEnv(),
    });

    expectAuthenticated(run, scenario);
    expect(scenario.sts.exchanges[0]).not.toHaveProperty('response_type');
    expect(scenario.sts.issued).toEqual(['key']);
    expect(warnings(run)).toEqual([]);
  });

  it('refuses an unknown credential-type before requesting any token', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const run = await runAction({
      inputs: scenario.inputs({ 'credential-type': 'bearer' }),
      env: scenario.runnerEnv(),
    });

    expectFailedCleanly(
      run,
      scenario,
      /Input `credential-type`: "bearer" is not one of certificate, token\./,
    );
    expect(scenario.tokenService.requests).toHaveLength(0);
  });

  it('the CLI takes --credential-type token and prints the token credential', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const token = await scenario.tokenService.mint({ audience: SPACE_AUDIENCE });
    const args = ['exchange', '--universe-domain', scenario.sts.url, '--audience', SPACE_AUDIENCE];
    const run = await runCli([...args, '--credential-type', 'token', '--token-env', 'MONDOO_ID_TOKEN'], {
      env: { NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile, MONDOO_ID_TOKEN: token },
    });

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${scenario.sts.tokenBase64Credential}\n`);
    expect(scenario.sts.exchanges[0]?.response_type).toBe('TOKEN');
    expectNoCliLeaks(run, [...scenario.secrets(), token], [scenario.sts.tokenBase64Credential]);

    const wrong = await runCli([...args, '--credential-type', 'bearer', '--token-env', 'MONDOO_ID_TOKEN'], {
      env: { NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile, MONDOO_ID_TOKEN: token },
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Option `--credential-type`: "bearer" is not one of certificate, token.');
    expectNoCliLeaks(wrong, [...scenario.secrets(), token]);
  });
});

describe.concurrent('the credential as consumers read it', () => {
  it.for(['scope_mrn', 'space_mrn', 'parent_mrn'] as const)(
    'takes the space from %s alone and sets the space-mrn output from it',
    async (spaceField, { onTestFinished }) => {
      const scenario = await scenarioForTest(onTestFinished, { sts: { spaceField } });
      const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

      expectAuthenticated(run, scenario);
      expect(Object.keys(scenario.sts.account)).toContain(spaceField);
      expect(run.outputs['space-mrn']).toBe(SPACE_MRN);
      expect(run.summary).toContain(SPACE_MRN);
    },
  );

  it.for([
    ['rsa', /`private_key` is an RSA key; .*ECDSA P-384 key in PKCS#8 PEM/],
    ['rsa-pkcs1', /`private_key` is in PKCS#1 PEM \(`RSA PRIVATE KEY`\), an RSA key;/],
    ['sec1', /`private_key` is in SEC1 PEM \(`EC PRIVATE KEY`\) on curve P-384;/],
    ['p256', /`private_key` is an ECDSA key on curve P-256, not P-384: .*ES384/],
  ] as [KeyKind, RegExp][])(
    'refuses a %s key, naming what it is, and exports nothing',
    async ([keyKind, message], { onTestFinished }) => {
      const scenario = await scenarioForTest(onTestFinished, { sts: { keyKind } });
      const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

      expectFailedCleanly(run, scenario, message);
      expect(failureMessage(run)).toMatch(/^Mondoo's token exchange returned an unusable credential: /);
      expect(run.outputs).toEqual({});
      expect(run.masks).toContain(scenario.sts.base64Credential);
    },
  );

  it('accepts a key pair without certificate, with a warning', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished, { sts: { certificate: false } });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectAuthenticated(run, scenario);
    expect(scenario.sts.account.certificate).toBeUndefined();
    expect(warnings(run)).toEqual([expect.stringMatching(/has a `private_key` but no `certificate`/)]);
  });
});

describe.concurrent("retries by Mondoo's error code", () => {
  it.for([
    [2, 'UNKNOWN'],
    [13, 'INTERNAL'],
  ] as const)(
    'code %i (%s) answered every time: exactly two requests, with the message shown',
    async ([code, name], { onTestFinished }) => {
      const scenario = await scenarioForTest(onTestFinished);
      for (let i = 0; i < 5; i++) {
        scenario.sts.script.push({ kind: 'ranger', code, message: 'no binding for this token' });
      }
      const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

      expectFailedCleanly(
        run,
        scenario,
        new RegExp(
          `Mondoo's token exchange failed \\(${name}, HTTP 500\\): no binding for this token\\nMondoo answered UNKNOWN or INTERNAL 2 times, so it was not tried again`,
        ),
      );
      expect(scenario.sts.requests).toHaveLength(2);
      expect(run.stdout).toMatch(/Exchange attempt 1 failed .*no binding for this token.*retrying in/);
    },
  );

  it('code 14 (UNAVAILABLE) then success: authenticated', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    scenario.sts.script.push({ kind: 'ranger', code: 14, message: 'upstream unavailable' });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectAuthenticated(run, scenario);
    expect(scenario.sts.requests).toHaveLength(2);
  });

  it('code 4 (DEADLINE_EXCEEDED) comes with 504 and is retried as Mondoo speaking, not a proxy', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    scenario.sts.script.push({ kind: 'ranger', code: 4, message: 'context deadline exceeded' });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectAuthenticated(run, scenario);
    expect(run.stdout).toMatch(
      /Exchange attempt 1 failed \(Mondoo could not exchange the token right now \(DEADLINE_EXCEEDED, HTTP 504\)/,
    );
  });
});
