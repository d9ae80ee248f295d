import { describe, expect, it } from 'vitest';
import { startHttpsServer } from '../support/https-stub.ts';
import { expectNoLeaks, runAction } from '../support/run-action.ts';
import { expectAuthenticated, expectFailedCleanly, failureMessage, scenarioForTest } from './expectations.ts';

const base64 = (text: string) => Buffer.from(text).toString('base64');

describe.concurrent("Mondoo's token exchange answers badly", () => {
  it('retries 503 twice, then succeeds', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    scenario.sts.script.push(
      { kind: 'ranger', code: 14, message: 'upstream unavailable' },
      { kind: 'status', status: 503, body: 'Service Unavailable', contentType: 'text/plain' },
    );
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectAuthenticated(run, scenario);
    expect(scenario.sts.exchanges).toHaveLength(3);
    expect(run.stdout).toMatch(/Exchange attempt 1 failed .*UNAVAILABLE.*retrying in/);
  });

  it('waits as long as Retry-After asks after a 429', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    scenario.sts.script.push({
      kind: 'ranger',
      code: 8,
      message: 'slow down',
      headers: { 'retry-after': '2' },
    });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectAuthenticated(run, scenario);
    const [first, second] = scenario.sts.requests;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(1900);
  });

  it.for([
    [16, /Mondoo refused the token \(UNAUTHENTICATED, HTTP 401\): signature does not match/],
    [7, /Mondoo refused the token \(PERMISSION_DENIED, HTTP 403\): signature does not match/],
  ] as const)(
    'shows the server message for ranger code %i and sends exactly one request',
    async ([code, message], { onTestFinished }) => {
      const scenario = await scenarioForTest(onTestFinished);
      scenario.sts.script.push({ kind: 'ranger', code, message: 'signature does not match' });
      const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

      expectFailedCleanly(run, scenario, message);
      expect(scenario.sts.requests).toHaveLength(1);
    },
  );

  it('names a proxy when a 502 comes back as HTML, and retries it', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const page = '<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>';
    for (let i = 0; i < 5; i++)
      scenario.sts.script.push({ kind: 'status', status: 502, body: page, contentType: 'text/html' });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectFailedCleanly(run, scenario, /HTTP 502 with an HTML page: "502 Bad Gateway".*proxy/s);
    expect(failureMessage(run)).toMatch(/failed 5 times in a row/);
    expect(scenario.sts.requests).toHaveLength(5);
  });

  it('refuses a 200 that carries HTML and points at the API host', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    scenario.sts.script.push({
      kind: 'status',
      status: 200,
      body: '<!doctype html><title>Mondoo Console</title>',
      contentType: 'text/html',
    });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectFailedCleanly(run, scenario, /answered 200 but with an HTML page.*universe-domain/s);
    expect(scenario.sts.requests).toHaveLength(1);
  });

  it('refuses a 200 with an empty JSON object', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    scenario.sts.script.push({ kind: 'status', status: 200, body: '{}', contentType: 'application/json' });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectFailedCleanly(run, scenario, /without a `base64_credential` string/);
  });

  it.for([
    ['is not base64', '!!not*base64!!', /not standard padded base64/],
    [
      'is URL-safe base64',
      base64('{"mrn":"~~~~~~~~>>>>>>"}').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
      /not standard padded base64/,
    ],
    ['decodes to text that is not JSON', base64('hello, not json'), /does not decode to JSON/],
    [
      'names no space',
      base64(JSON.stringify({ mrn: 'm', api_endpoint: 'https://us.api.mondoo.com', token: 't.t.t' })),
      /names no space \(`scope_mrn`, `space_mrn` or `parent_mrn`\)/,
    ],
  ] as const)(
    'exports nothing when the credential %s',
    async ([, credential, message], { onTestFinished }) => {
      const scenario = await scenarioForTest(onTestFinished);
      scenario.sts.script.push({ kind: 'credential', base64: credential });
      const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

      expectFailedCleanly(run, scenario, message);
      expect(run.masks).toContain(credential);
      expectNoLeaks(run, [credential]);
    },
  );

  it('names a member of the wrong type (a numeric token beside the key pair), after masking every secret', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const account = { ...scenario.sts.account, token: 12345678901234 };
    const credential = base64(JSON.stringify(account, null, 2));
    scenario.sts.script.push({ kind: 'credential', base64: credential });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectFailedCleanly(run, scenario, /unusable credential: `token` is a number, not a string\./);
    expect(failureMessage(run)).not.toMatch(/bug/i);
    const keyLines = (account.private_key ?? '')
      .split('\n')
      .filter((line) => line && !line.startsWith('-----'));
    for (const line of keyLines) expect(run.masks).toContain(line);
    expect(run.masks).toContain('12345678901234');
    expect(run.masks.filter((mask) => mask.trim().length < 8 || /[\r\n]/.test(mask))).toEqual([]);
    expectNoLeaks(run, [credential, ...keyLines]);
  });

  it('refuses a one-character token without masking that character', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const { private_key: _key, certificate: _certificate, ...identity } = scenario.sts.account;
    const credential = base64(JSON.stringify({ ...identity, token: 'e' }));
    scenario.sts.script.push({ kind: 'credential', base64: credential });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectFailedCleanly(run, scenario, /`token` is 1 character long: below 8, too short to be a credential/);
    expect(run.masks).not.toContain('e');
    expect(run.masks).toContain(credential);
  });

  it('gives up on a hanging exchange within the step timeout', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    scenario.sts.script.push({ kind: 'hang' });
    const run = await runAction({ inputs: scenario.inputs({ timeout: '4' }), env: scenario.runnerEnv() });

    expectFailedCleanly(run, scenario, /did not answer within \d+ s[\s\S]*`timeout` of 4 s/);
    // The message proves the step gave up on its own; the bound only proves it did not wait to be killed
    // (30 s). It is wide because a loaded machine delays start-up by seconds (timing belongs in benchmarks).
    expect(run.timedOut).toBe(false);
    expect(run.durationMs).toBeLessThan(20_000);
  });

  it('does not follow a redirect, so the token never reaches the other host', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const elsewhere = await startHttpsServer(scenario.ca, (_req, res) => {
      res.end('{}');
    });
    scenario.sts.script.push({
      kind: 'redirect',
      status: 307,
      location: `${elsewhere.url}/SecureTokenService/ExchangeExternalToken`,
    });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectFailedCleanly(run, scenario, /HTTP 307, a redirect to https:\/\/127\.0\.0\.1:\d+.*not sent there/s);
    expect(elsewhere.requests).toHaveLength(0);
    expect(scenario.sts.requests).toHaveLength(1);
  });

  it('mints a new runner token before a retry when the first would be too short', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    scenario.tokenService.script.push({ kind: 'token', lifetimeSeconds: 187 });
    scenario.sts.script.push({ kind: 'ranger', code: 14, message: 'busy', headers: { 'retry-after': '8' } });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectAuthenticated(run, scenario);
    const [first, second] = scenario.sts.exchanges;
    expect(second?.jwt_token).not.toBe(first?.jwt_token);
    expect(second?.jwt_token).toBe(scenario.tokenService.minted[1]);
  });

  it("fails at once, with Mondoo's answer, when a user-supplied token would be too short for the retry", async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const token = await scenario.tokenService.mint({
      audience: scenario.sts.provider.audience,
      lifetimeSeconds: 187,
    });
    scenario.sts.script.push({ kind: 'ranger', code: 14, message: 'busy', headers: { 'retry-after': '8' } });
    const run = await runAction({
      inputs: scenario.inputs({ token }),
      env: { NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile },
    });

    expectFailedCleanly(
      run,
      scenario,
      /UNAVAILABLE, HTTP 503\): busy\nNot retried: The `token` input would have \d+ s left when the retry is due/,
    );
    expect(run.durationMs).toBeLessThan(8000);
    expect(scenario.sts.exchanges).toHaveLength(1);
  });

  it('explains an untrusted TLS certificate and does not retry it', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const run = await runAction({
      inputs: scenario.inputs(),
      env: { ...scenario.runnerEnv(), NODE_EXTRA_CA_CERTS: undefined },
    });

    expectFailedCleanly(run, scenario, /TLS certificate this runner does not trust.*NODE_EXTRA_CA_CERTS/s);
    expect(run.stdout).not.toMatch(/retrying/);
  });
});

describe.concurrent('answers the client will not buffer', () => {
  it('refuses an answer over 1 MiB without retrying it', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const huge = JSON.stringify({ base64_credential: 'A'.repeat(2 * 1024 * 1024) });
    scenario.sts.script.push({ kind: 'status', status: 200, body: huge, contentType: 'application/json' });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectFailedCleanly(
      run,
      scenario,
      /sent an answer larger than 1048576 bytes[\s\S]*Fix: Check `universe-domain`/,
    );
    expect(scenario.sts.requests).toHaveLength(1);
  });
});
