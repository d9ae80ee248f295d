import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../support/run-action.ts';
import type { Scenario } from '../support/scenario.ts';
import { expectAuthenticated, expectFailedCleanly, scenarioForTest } from './expectations.ts';

const authorizedTokenRequests = (scenario: Scenario) =>
  scenario.tokenService.requests.filter((request) => request.path.startsWith('/token'));

describe.concurrent("the runner's token service", () => {
  it('is retried after a 500', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    scenario.tokenService.script.push({ kind: 'status', status: 500, body: 'internal error' });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectAuthenticated(run, scenario);
    expect(authorizedTokenRequests(scenario)).toHaveLength(2);
    expect(run.stdout).toMatch(/Token service attempt 1 failed \(.*HTTP 500/);
  });

  it("is retried after its transient 403 for a job in 'Pending' state", async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    scenario.tokenService.script.push({
      kind: 'status',
      status: 403,
      body: JSON.stringify({ message: "Can't issue ID_TOKEN for job in 'Pending' state" }),
      contentType: 'application/json',
    });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectAuthenticated(run, scenario);
    expect(authorizedTokenRequests(scenario)).toHaveLength(2);
  });

  it('is retried after a dropped connection, with a readable message', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    scenario.tokenService.script.push({ kind: 'drop' });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectAuthenticated(run, scenario);
    expect(run.stdout).toMatch(/closed the connection before answering/);
    expect(run.stdout + run.stderr).not.toMatch(/Cannot read properties/);
  });

  it('is not retried after a 401, and says what to check', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const run = await runAction({
      inputs: scenario.inputs(),
      env: { ...scenario.runnerEnv(), ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'not-the-right-request-token' },
    });

    expectFailedCleanly(run, scenario, /token service answered HTTP 401.*id-token: write/s);
    expect(scenario.tokenService.requests).toHaveLength(1);
    expect(scenario.sts.requests).toHaveLength(0);
  });

  it('is asked once more when its token has too little time left', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    scenario.tokenService.script.push({ kind: 'token', lifetimeSeconds: 120 });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectAuthenticated(run, scenario);
    expect(run.stdout).toMatch(/has only 1[12]\d s left; requesting a new one/);
    expect(scenario.sts.exchanges[0]?.jwt_token).toBe(scenario.tokenService.minted[1]);
  });

  it('fails naming the seconds left when the second token is short too', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    scenario.tokenService.script.push(
      { kind: 'token', lifetimeSeconds: 120 },
      { kind: 'token', lifetimeSeconds: 150 },
    );
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectFailedCleanly(run, scenario, /has 1[45]\d s left; at least 180 s \(`min-validity`\) are needed/);
    expect(authorizedTokenRequests(scenario)).toHaveLength(2);
    expect(scenario.sts.requests).toHaveLength(0);
  });
});

describe.concurrent('no token service in the job', () => {
  const withoutTokenService = (scenario: Scenario) => ({
    ...scenario.runnerEnv(),
    ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined,
  });

  it('asks for `id-token: write` when the permission is missing', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const run = await runAction({ inputs: scenario.inputs(), env: withoutTokenService(scenario) });

    expectFailedCleanly(
      run,
      scenario,
      /lacks the `id-token: write` permission[\s\S]*permissions: \{ id-token: write/,
    );
  });

  it('says that GitHub gives fork pull requests no token at all', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const eventPath = join(scenario.ca.dir, 'event.json');
    await writeFile(
      eventPath,
      JSON.stringify({
        pull_request: {
          head: { repo: { full_name: 'contributor/octo-repo', fork: true } },
          base: { repo: { full_name: 'octo-org/octo-repo', fork: false } },
        },
      }),
    );
    const run = await runAction({
      inputs: scenario.inputs(),
      env: {
        ...withoutTokenService(scenario),
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
      },
    });

    expectFailedCleanly(
      run,
      scenario,
      /pull request from a fork.*no OIDC token.*whatever the permissions say/s,
    );
  });

  it('says that Dependabot runs get no token', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const run = await runAction({
      inputs: scenario.inputs(),
      env: { ...withoutTokenService(scenario), GITHUB_ACTOR: 'dependabot[bot]' },
    });

    expectFailedCleanly(run, scenario, /no OIDC token to runs triggered by Dependabot/);
  });
});

describe.concurrent('a token service answering {"value": "<jwt>\\n"}', () => {
  it('has its token trimmed before it is masked and sent, so an STS echoing it shows nothing', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    scenario.tokenService.script.push({ kind: 'token', after: '\n' });
    scenario.sts.script.push({ kind: 'echo-token' });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectFailedCleanly(
      run,
      scenario,
      /Mondoo refused the token \(UNAUTHENTICATED, HTTP 401\): invalid external token/,
    );
    const [jwt] = scenario.tokenService.minted;
    expect(scenario.sts.exchanges[0]?.jwt_token).toBe(jwt);
    expect(run.masks).toContain(jwt);
    expect(run.masks.filter((mask) => /\s$/.test(mask))).toEqual([]);
    expect(run.summary).toContain('invalid external token');
  });

  it('keeps the token out of the retry notice when the STS echoes it in a passing refusal', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    scenario.tokenService.script.push({ kind: 'token', after: '\r\n' });
    scenario.sts.script.push({ kind: 'echo-token', code: 14 });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectAuthenticated(run, scenario);
    expect(run.stdout).toMatch(/Exchange attempt 1 failed \(.*UNAVAILABLE.*invalid external token/);
    expect(scenario.sts.exchanges.map((exchange) => exchange.jwt_token)).toEqual([
      scenario.tokenService.minted[0],
      scenario.tokenService.minted[0],
    ]);
  });
});
