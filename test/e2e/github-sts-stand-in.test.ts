// The STS stand-in .github/workflows/e2e.yml starts on a real runner, run here the same way against the test
// token service instead of GitHub's (its JWK Set handed in, nothing fetched), so a broken stand-in fails here
// and not only on GitHub.
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { githubSubjects, startGithubStsStandIn } from '../support/github-sts-stand-in.ts';
import { httpsRequest } from '../support/https-request.ts';
import { EXCHANGE_PATH } from '../support/mondoo-sts.ts';
import { expectNoLeaks, runAction, runnerView } from '../support/run-action.ts';
import { runFolder } from '../support/run-folder.ts';
import { scanLog } from '../support/scan-log.ts';
import { SPACE_AUDIENCE } from '../support/scenario.ts';
import { createTestCa } from '../support/test-ca.ts';
import { startTokenService } from '../support/token-service.ts';

const JOB = {
  GITHUB_REPOSITORY: 'octo-org/octo-repo',
  GITHUB_REPOSITORY_OWNER_ID: '4242',
  GITHUB_REPOSITORY_ID: '777',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_REF: 'refs/heads/main',
};

async function standInForTest(onTestFinished: (cleanup: () => Promise<void>) => void, sub: string) {
  const ca = await createTestCa();
  const tokenService = await startTokenService(ca, { claims: { sub } });
  const dir = await runFolder('sts-stand-in-');
  const standIn = await startGithubStsStandIn({
    issuer: tokenService.issuer,
    jwks: tokenService.jwks,
    audience: SPACE_AUDIENCE,
    subjects: githubSubjects(JOB),
    dir,
  });
  // One file trusting both CAs: the token service's (the runner's, on GitHub) and the stand-in's own.
  const caFile = join(dir, 'both-cas.pem');
  await writeFile(caFile, `${ca.caCertPem}\n${await readFile(standIn.ready.caFile, 'utf8')}`);
  onTestFinished(async () => {
    await Promise.all([standIn.close(), tokenService.close()]);
    await rm(ca.dir, { recursive: true, force: true });
  });
  return { tokenService, standIn, dir, caFile };
}

describe.concurrent('the STS stand-in of the e2e workflow', () => {
  it('names both subject forms GitHub uses, by name and with immutable ids', () => {
    expect(githubSubjects(JOB)).toEqual([
      'repo:octo-org/octo-repo:ref:refs/heads/main',
      'repo:octo-org@4242/octo-repo@777:ref:refs/heads/main',
    ]);
    expect(
      githubSubjects({ ...JOB, GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/1/merge' })[0],
    ).toBe('repo:octo-org/octo-repo:pull_request');
  });

  it('issues its credential to the action, which exports it as ready.json describes, with no secret shown', async ({
    onTestFinished,
    expect,
  }) => {
    const { tokenService, standIn, dir, caFile } = await standInForTest(
      onTestFinished,
      'repo:octo-org@4242/octo-repo@777:ref:refs/heads/main',
    );
    const ready = JSON.parse(await readFile(join(dir, 'ready.json'), 'utf8')) as typeof standIn.ready;
    const run = await runAction({
      inputs: { 'universe-domain': ready.url, audience: ready.audience },
      env: {
        ACTIONS_ID_TOKEN_REQUEST_URL: tokenService.url,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: tokenService.requestToken,
        NODE_EXTRA_CA_CERTS: caFile,
      },
    });

    expect(run.code).toBe(0);
    const exported = run.env.MONDOO_CONFIG_BASE64 ?? '';
    expect(createHash('sha256').update(exported).digest('hex')).toBe(ready.credentialSha256);
    expect(run.outputs['service-account-mrn']).toBe(ready.serviceAccountMrn);
    expect(JSON.stringify(ready)).not.toContain(exported);
    await expect
      .poll(async () => JSON.parse(await readFile(join(dir, 'status.json'), 'utf8')) as unknown)
      .toEqual({
        exchanges: 1,
        issued: 1,
      });
    expectNoLeaks(run, [tokenService.requestToken, ...tokenService.minted, ...standIn.sts.secrets()]);
    // The workflow's log scan passes what a healthy run shows: the action's log as the runner shows it, and
    // e2e.yml itself (the runner echoes each step's script into the log).
    const workflow = await readFile(new URL('../../.github/workflows/e2e.yml', import.meta.url), 'utf8');
    const shown = `${workflow}\n${runnerView(run.stdout)}\n${run.stderr}`;
    expect(scanLog(shown)).toMatchObject({ code: 0 });
    // ... and fails the same log once the credential shows unmasked.
    expect(scanLog(`${shown}\n${exported}\n`)).toMatchObject({ code: 1 });
  });

  it('refuses a token older than ten minutes, a foreign subject and a foreign audience', async ({
    onTestFinished,
  }) => {
    const subject = 'repo:octo-org/octo-repo:ref:refs/heads/main';
    const { tokenService, standIn, caFile } = await standInForTest(onTestFinished, subject);
    const exchange = async (jwt: string) => {
      const res = await httpsRequest(`${standIn.ready.url}${EXCHANGE_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ audience: SPACE_AUDIENCE, issuer_uri: tokenService.issuer, jwt_token: jwt }),
        ca: await readFile(caFile, 'utf8'),
      });
      return { status: res.status, json: JSON.parse(res.body) as unknown };
    };

    expect((await exchange(await tokenService.mint({ audience: SPACE_AUDIENCE }))).status).toBe(200);
    const old = await tokenService.mint({
      audience: SPACE_AUDIENCE,
      issuedAtOffsetSeconds: -700,
      lifetimeSeconds: 1200,
    });
    expect(await exchange(old)).toEqual({
      status: 401,
      json: { code: 16, message: 'invalid external token: token is expired' },
    });
    const other = await tokenService.mint({
      audience: SPACE_AUDIENCE,
      claims: { sub: 'repo:octo-org/other:ref:refs/heads/main' },
    });
    expect((await exchange(other)).status).toBe(403);
    const foreign = await tokenService.mint({ audience: 'https://github.com/octo-org' });
    expect(await exchange(foreign)).toMatchObject({ status: 401, json: { code: 16 } });
  });
});
