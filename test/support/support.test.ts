import { actionRun } from './action-run-fixture.ts';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { httpsRequest } from './https-request.ts';
import { EXCHANGE_PATH, type ServiceAccount, startMondooSts } from './mondoo-sts.ts';
import { findLeaks, runAction, runnerView } from './run-action.ts';
import type { Scenario } from './scenario.ts';
import { SPACE_AUDIENCE, startScenario } from './scenario.ts';
import { runFolder } from './run-folder.ts';

let scenario: Scenario;
beforeAll(async () => {
  scenario = await startScenario();
});
afterAll(async () => {
  await scenario?.close();
});

function requestToken(audience: string | undefined, bearer = scenario.tokenService.requestToken) {
  const query = audience === undefined ? '' : `&audience=${encodeURIComponent(audience)}`;
  return httpsRequest(`${scenario.tokenService.url}${query}`, {
    headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
    ca: scenario.ca.caCertPem,
  });
}

async function exchange(
  body: Record<string, unknown>,
  contentType = 'application/json',
  url = scenario.sts.url,
) {
  const res = await httpsRequest(`${url}${EXCHANGE_PATH}`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: JSON.stringify(body),
    ca: scenario.ca.caCertPem,
  });
  return { status: res.status, json: JSON.parse(res.body) as Record<string, unknown> };
}

async function exchangeMinted(mintOpts: Parameters<Scenario['tokenService']['mint']>[0] = {}) {
  const jwt = await scenario.tokenService.mint({ audience: SPACE_AUDIENCE, ...mintOpts });
  return exchange({ audience: SPACE_AUDIENCE, issuer_uri: scenario.tokenService.issuer, jwt_token: jwt });
}

describe('token service', () => {
  it('mints tokens that verify against its published JWKS and carry the requested audience', async () => {
    const res = await requestToken('//captain.api.mondoo.app/spaces/x y');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    const jwt = (JSON.parse(res.body) as { value: string }).value;
    expect(scenario.tokenService.minted).toContain(jwt);

    const discovery = await httpsRequest(`${scenario.tokenService.issuer}/.well-known/openid-configuration`, {
      ca: scenario.ca.caCertPem,
    });
    const { issuer, jwks_uri } = JSON.parse(discovery.body) as { issuer: string; jwks_uri: string };
    expect(issuer).toBe(scenario.tokenService.issuer);
    const jwks = JSON.parse(
      (await httpsRequest(jwks_uri, { ca: scenario.ca.caCertPem })).body,
    ) as JSONWebKeySet;

    const { payload, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(jwks), {
      issuer,
      audience: '//captain.api.mondoo.app/spaces/x y',
    });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
    expect(payload).toMatchObject({
      sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
      repository: 'octo-org/octo-repo',
      job_workflow_ref: 'octo-org/octo-repo/.github/workflows/ci.yml@refs/heads/main',
      runner_environment: 'github-hosted',
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(300);
  });

  it('defaults the audience to the owner URL and applies claim overrides and removals', async () => {
    const noAudience = JSON.parse((await requestToken(undefined)).body) as { value: string };
    const keys = createLocalJWKSet(scenario.tokenService.jwks);
    expect((await jwtVerify(noAudience.value, keys)).payload.aud).toBe('https://github.com/octo-org');

    const jwt = await scenario.tokenService.mint({
      claims: { sub: 'repo:octo-org/octo-repo:environment:prod', jti: undefined },
      lifetimeSeconds: 60,
      issuedAtOffsetSeconds: -30,
    });
    const { payload } = await jwtVerify(jwt, keys);
    expect(payload.sub).toBe('repo:octo-org/octo-repo:environment:prod');
    expect(payload).not.toHaveProperty('jti');
    expect((payload.iat ?? 0) - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(-29);
  });

  it('refuses a wrong bearer with 401 and then follows its script', async () => {
    scenario.tokenService.script.push(
      { kind: 'status', status: 500, body: '{"message":"boom"}' },
      { kind: 'drop' },
    );
    expect((await requestToken('a', 'not-the-token')).status).toBe(401);
    expect(scenario.tokenService.script).toHaveLength(2);
    expect((await requestToken('a')).status).toBe(500);
    await expect(requestToken('a')).rejects.toThrow();
    expect((await requestToken('a')).status).toBe(200);
  });
});

describe('Mondoo STS', () => {
  it('exchanges a correct token for the service account credential', async () => {
    const { status, json } = await exchangeMinted();
    expect(status).toBe(200);
    const account = JSON.parse(
      Buffer.from(String(json.base64_credential), 'base64').toString('utf8'),
    ) as Required<ServiceAccount>;
    expect(account).toEqual(scenario.sts.account);
    expect(account.mrn).toMatch(
      /^\/\/agents\.api\.mondoo\.app\/spaces\/test-space-1234\/serviceaccounts\/\w+$/,
    );
    expect(account.private_key).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(
      new X509Certificate(account.certificate).checkPrivateKey(createPrivateKey(account.private_key)),
    ).toBe(true);
    expect(scenario.sts.exchanges.at(-1)?.issuer_uri).toBe(scenario.tokenService.issuer);
    expect(scenario.sts.secrets()).toEqual(
      expect.arrayContaining([scenario.sts.base64Credential, account.private_key]),
    );
  });

  it('refuses a subject without binding with 403 and code 7', async () => {
    const subject = 'repo:octo-org/octo-repo:ref:refs/heads/feature';
    const { status, json } = await exchangeMinted({ claims: { sub: subject } });
    expect(status).toBe(403);
    expect(json).toEqual({ code: 7, message: `no workload identity binding matches subject "${subject}"` });
  });

  it('refuses tokens that expire too soon, wrong issuers, bad signatures and bad bodies', async () => {
    expect(await exchangeMinted({ lifetimeSeconds: 60 })).toEqual({
      status: 401,
      json: { code: 16, message: 'token expires too soon' },
    });
    const jwt = await scenario.tokenService.mint({ audience: SPACE_AUDIENCE });
    const wrongIssuer = await exchange({
      audience: SPACE_AUDIENCE,
      issuer_uri: 'https://elsewhere',
      jwt_token: jwt,
    });
    expect(wrongIssuer).toMatchObject({ status: 401, json: { code: 16 } });

    const tampered = `${jwt.slice(0, -4)}${jwt.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    const badSignature = await exchange({
      audience: SPACE_AUDIENCE,
      issuer_uri: scenario.tokenService.issuer,
      jwt_token: tampered,
    });
    expect(badSignature).toMatchObject({ status: 401, json: { code: 16 } });
    expect(String(badSignature.json.message)).not.toContain(tampered.slice(0, 20));

    const wrongType = await exchange(
      { audience: SPACE_AUDIENCE, issuer_uri: 'x', jwt_token: jwt },
      'text/plain',
    );
    expect(wrongType).toMatchObject({ status: 400, json: { code: 3 } });
    const wrongAudience = await exchange({
      audience: 'other',
      issuer_uri: scenario.tokenService.issuer,
      jwt_token: jwt,
    });
    expect(wrongAudience).toMatchObject({ status: 403, json: { code: 7 } });
  });

  it('answers other paths with a ranger 404 and does not count them as exchanges', async () => {
    const before = scenario.sts.exchanges.length;
    const res = await httpsRequest(`${scenario.sts.url}/SecureTokenService/Other`, {
      method: 'POST',
      body: '{}',
      ca: scenario.ca.caCertPem,
    });
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ code: 5 });
    expect(scenario.sts.exchanges).toHaveLength(before);
  });

  it('hands out a token credential when asked to and lists it as a secret', async () => {
    const sts = await startMondooSts(scenario.ca, scenario.sts.provider, { credentialForm: 'token' });
    try {
      expect(sts.account.private_key).toBeUndefined();
      expect(sts.account.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(sts.secrets()).toContain(sts.account.token);
    } finally {
      await sts.close();
    }
  });

  it('honours "response_type": "TOKEN" with the token credential, or ignores it like an older Mondoo', async () => {
    const decode = (json: Record<string, unknown>) =>
      JSON.parse(Buffer.from(String(json.base64_credential), 'base64').toString('utf8')) as ServiceAccount;
    const jwt = await scenario.tokenService.mint({ audience: SPACE_AUDIENCE });
    const body = { audience: SPACE_AUDIENCE, issuer_uri: scenario.tokenService.issuer, jwt_token: jwt };

    const newer = await exchange({ ...body, response_type: 'TOKEN' });
    expect(newer.status).toBe(200);
    expect(decode(newer.json)).toEqual(scenario.sts.tokenAccount);
    expect(Object.keys(scenario.sts.tokenAccount).sort()).toEqual([
      'api_endpoint',
      'mrn',
      'space_mrn',
      'token',
    ]);
    expect(scenario.sts.issued.at(-1)).toBe('token');
    expect(scenario.sts.secrets()).toEqual(
      expect.arrayContaining([scenario.sts.tokenBase64Credential, scenario.sts.tokenAccount.token]),
    );
    expect(await exchange({ ...body, response_type: 7 })).toMatchObject({ status: 500, json: { code: 2 } });

    const older = await startMondooSts(scenario.ca, scenario.sts.provider, { responseType: 'ignored' });
    try {
      const answer = await exchange({ ...body, response_type: 'TOKEN' }, 'application/json', older.url);
      expect(decode(answer.json)).toEqual(older.account);
      expect(older.account.private_key).toBeDefined();
      expect(older.issued).toEqual(['key']);
    } finally {
      await older.close();
    }
  });

  it('issues key pairs with the key, space member and certificate it is told to', async () => {
    const label = (pem = '') => /-----BEGIN ([A-Z ]+)-----/.exec(pem)?.[1];
    const stsWith = async (opts: Parameters<typeof startMondooSts>[2]) => {
      const sts = await startMondooSts(scenario.ca, scenario.sts.provider, opts);
      await sts.close();
      return sts.account;
    };
    const p384 = createPrivateKey(scenario.sts.account.private_key ?? '');
    expect(label(scenario.sts.account.private_key)).toBe('PRIVATE KEY');
    expect(p384.asymmetricKeyDetails?.namedCurve).toBe('secp384r1');

    const p256 = await stsWith({ keyKind: 'p256' });
    expect(label(p256.private_key)).toBe('PRIVATE KEY');
    expect(createPrivateKey(p256.private_key ?? '').asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    const rsa = await stsWith({ keyKind: 'rsa' });
    expect([label(rsa.private_key), createPrivateKey(rsa.private_key ?? '').asymmetricKeyType]).toEqual([
      'PRIVATE KEY',
      'rsa',
    ]);
    expect(label((await stsWith({ keyKind: 'rsa-pkcs1' })).private_key)).toBe('RSA PRIVATE KEY');
    expect(label((await stsWith({ keyKind: 'sec1' })).private_key)).toBe('EC PRIVATE KEY');

    const scoped = await stsWith({ spaceField: 'scope_mrn', certificate: false });
    expect(scoped.scope_mrn).toBe(scenario.sts.account.space_mrn);
    expect(scoped).not.toHaveProperty('space_mrn');
    expect(scoped).not.toHaveProperty('certificate');
  });

  it('closes promptly while a hanging request is still open', async () => {
    const sts = await startMondooSts(scenario.ca, scenario.sts.provider);
    sts.script.push({ kind: 'hang' });
    const pending = exchange({ audience: 'a', issuer_uri: 'b', jwt_token: 'c' }, 'application/json', sts.url);
    pending.catch(() => {});
    await vi.waitFor(() => expect(sts.requests).toHaveLength(1));
    const started = Date.now();
    await sts.close();
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(pending).rejects.toThrow();
  });
});

describe('leak detection', () => {
  const secret = 'sup3r-s3cret-value';
  const run = actionRun;

  it('finds a secret the runner shows on stdout: before its add-mask, or once commands are stopped', () => {
    expect(findLeaks(run({ stdout: `::add-mask::${secret}\nvalue is ${secret}\n` }), [secret])).toEqual([]);
    const early = findLeaks(run({ stdout: `value is ${secret}\n::add-mask::${secret}\n` }), [secret]);
    expect(early).toEqual([expect.stringContaining('stdout')]);
    expect(early[0]).not.toContain(secret);
    const stopped = findLeaks(run({ stdout: `::stop-commands::pause\n::add-mask::${secret}\n` }), [secret]);
    expect(stopped).toEqual([expect.stringContaining('stdout')]);
  });

  it('reads the log with step debug on, stderr with its own masks only, and the summary as the runner masks it', () => {
    expect(findLeaks(run({ stdout: `::debug::${secret}\n` }), [secret])).toEqual([
      expect.stringContaining('stdout'),
    ]);
    const stderr = findLeaks(run({ stdout: `::add-mask::${secret}\n`, stderr: `${secret}\n` }), [secret]);
    expect(stderr).toEqual([expect.stringContaining('stderr')]);
    expect(findLeaks(run({ stdout: `::add-mask::${secret}\n`, summary: `# ${secret}\n` }), [secret])).toEqual(
      [],
    );
    expect(findLeaks(run({ summary: `# ${secret}\n` }), [secret])).toEqual([
      expect.stringContaining('step summary'),
    ]);
  });

  it('finds a secret in an output other than credential and in GITHUB_ENV', () => {
    const outputs = { credential: secret, 'service-account-mrn': `x${secret}` };
    const env = { MONDOO_CONFIG_BASE64: secret, OTHER: secret };
    const leaks = findLeaks(run({ stdout: `::add-mask::${secret}\n`, outputs, env }), [secret, '']);
    expect(leaks).toEqual([
      expect.stringContaining('output "service-account-mrn"'),
      expect.stringContaining('GITHUB_ENV "OTHER"'),
    ]);
    // Unmasked, the credential itself shows: step debug prints every value written to the file commands.
    expect(findLeaks(run({ outputs, env }), [secret])).toEqual([
      expect.stringContaining('runner log'),
      expect.stringContaining('output "service-account-mrn"'),
      expect.stringContaining('GITHUB_ENV "OTHER"'),
    ]);
  });

  it('shows the log as the runner would, each line of a mask registered on its own', () => {
    const text = `token ${secret}\n::add-mask::${secret}\ntoken ${secret}!\n::add-mask::line1%0Aline2\nkey line1\n`;
    expect(runnerView(text)).toBe(`token ${secret}\ntoken ***!\nkey ***`);
    expect(runnerView(`token ${secret}\n`, [secret])).toBe('token ***');
  });
});

describe('runAction', () => {
  it('runs an entry in a clean runner-like environment and parses the file commands', async () => {
    const dir = await runFolder('run-action-test-');
    const entry = join(dir, 'entry.mjs');
    await writeFile(
      entry,
      `import { appendFileSync } from 'node:fs';
const e = process.env;
appendFileSync(e.GITHUB_OUTPUT, 'plain=a=b\\nmulti<<ghadelimiter_1\\nl1\\nl2\\nghadelimiter_1\\n');
appendFileSync(e.GITHUB_ENV, 'FOO=bar\\n');
appendFileSync(e.GITHUB_STEP_SUMMARY, '# done\\n');
console.log('::add-mask::a%25b%0Ac');
console.log(JSON.stringify({ input: e['INPUT_UNIVERSE-DOMAIN'], proxy: e.HTTPS_PROXY ?? null, actor: e.GITHUB_ACTOR ?? null }));
`,
    );
    vi.stubEnv('HTTPS_PROXY', 'http://127.0.0.1:9');
    try {
      const result = await runAction({
        entry,
        inputs: { 'universe-domain': 'https://127.0.0.1:1' },
        env: { GITHUB_ACTOR: undefined },
      });
      expect(result).toMatchObject({ code: 0, timedOut: false, summary: '# done\n', masks: ['a%b\nc'] });
      expect(result.outputs).toEqual({ plain: 'a=b', multi: 'l1\nl2' });
      expect(result.env).toEqual({ FOO: 'bar' });
      expect(JSON.parse(result.stdout.split('\n')[1] ?? '')).toEqual({
        input: 'https://127.0.0.1:1',
        proxy: null,
        actor: null,
      });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('kills an entry that outlives its timeout', async () => {
    const dir = await runFolder('run-action-test-');
    const entry = join(dir, 'forever.mjs');
    await writeFile(entry, 'setInterval(() => {}, 1000);\n');
    const result = await runAction({ entry, timeoutMs: 300 });
    expect(result).toMatchObject({ code: null, signal: 'SIGKILL', timedOut: true });
  });
});
