import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dropConnection, sendJson, sendText } from '../support/https-stub.ts';
import {
  discoveryWith,
  DISCOVERY_PATH,
  JWKS_PATH,
  type OidcProvider,
  providersFor,
  type Route,
} from '../support/oidc-provider.ts';
import { type ActionRun, expectNoLeaks, runAction, runnerView } from '../support/run-action.ts';
import { expectOnlyOwnCommands } from '../support/runner-log.ts';
import { NETWORK_RULES } from '../support/lint-network-rules.ts';
import { testCaForFile } from '../support/file-ca.ts';
import { startTokenService } from '../support/token-service.ts';
import { runFolder } from '../support/run-folder.ts';
import { failureMessage } from './expectations.ts';

const ca = testCaForFile();

/** The providers here listen on loopback, where lint connects only with the opt-in (DESIGN §4). */
const LOOPBACK = { 'allow-private-hosts': 'true' };

interface Finding {
  rule: string;
  severity: string;
  message: string;
  value?: string;
  location?: { file: string; line: number };
}
interface Report {
  findings: Finding[];
  fetches: { url: string; status?: number; contentType?: string; ms: number; error?: string }[];
  usable: Record<string, boolean>;
  counts: Record<string, number>;
}

async function lint(
  inputs: Record<string, string>,
  secrets: string[] = [],
  timeoutMs?: number,
): Promise<ActionRun & { report: Report }> {
  const run = await runAction({
    inputs: { mode: 'lint', ...LOOPBACK, ...inputs, report: 'lint-report.json' },
    env: { NODE_EXTRA_CA_CERTS: ca().caCertFile },
    timeoutMs,
  });
  expectNoLeaks(run, secrets);
  expectOnlyOwnCommands(run.stdout);
  const text = await readFile(join(run.runnerTemp, '..', 'workspace', 'lint-report.json'), 'utf8').catch(
    () => '',
  );
  expect(text, `no report written.\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`).not.toBe('');
  const report = JSON.parse(text) as Report;
  for (const finding of report.findings) firedRules.add(finding.rule);
  return { ...run, report };
}

/** Every rule any run of this file reported, to prove the network-only rules are all exercised here. */
const firedRules = new Set<string>();

function rules(report: Report, severity?: string): string[] {
  return report.findings
    .filter((finding) => !severity || finding.severity === severity)
    .map((finding) => finding.rule);
}

const redirectTo =
  (target: (p: OidcProvider) => string, status = 302): Route =>
  (_req, res, p) => {
    res.writeHead(status, { location: target(p), 'content-length': 0 });
    res.end();
  };

describe.concurrent('lint mode against local HTTPS issuers', () => {
  it('passes a good provider under oidc, records each fetch, and sets the counts', async ({
    onTestFinished,
  }) => {
    const provider = providersFor(ca(), onTestFinished);
    const p = await provider();
    const run = await lint({ issuer: p.issuer, profile: 'oidc' });
    expect(run.code, run.stdout).toBe(0);
    expect(rules(run.report, 'error')).toEqual([]);
    expect(run.outputs).toMatchObject({ errors: '0' });
    expect(run.report.fetches.map((f) => [f.url, f.status, f.contentType])).toEqual([
      [`${p.issuer}${DISCOVERY_PATH}`, 200, 'application/json'],
      [`${p.issuer}${JWKS_PATH}`, 200, 'application/json'],
    ]);
    expect(run.report.fetches.every((f) => Number.isInteger(f.ms) && f.ms >= 0)).toBe(true);
    // The summary's verdicts: Markdown-inert sentences, always Mondoo, Mender, then OpenID Connect.
    expect(run.summary).toMatch(
      /^- not usable with Mondoo\\: .*\n- not usable with Mender SSO\\: .*\n- conforms to OpenID Connect Discovery 1\\\.0\n/m,
    );
    expect(run.stdout).toContain(`GET ${p.issuer}${DISCOVERY_PATH} → 200, application/json`);
  });

  it('shows each finding once in the log as the runner shows it: as its annotation', async ({
    onTestFinished,
  }) => {
    const p = await providersFor(ca(), onTestFinished)();
    const run = await lint({ issuer: p.issuer, 'fail-on': 'never' });
    expect(run.report.findings.length).toBeGreaterThan(1);
    const log = runnerView(run.stdout);
    for (const finding of run.report.findings) {
      const expected = run.report.findings.filter((other) => other.message === finding.message).length;
      expect(log.split(finding.message).length - 1, `${finding.message} in\n${log}`).toBe(expected);
    }
    expect(log).toContain('(each is shown below, as an annotation)');
  });

  it('fails the same provider for Mondoo because its host is loopback, and for Mender because browsers would be sent there', async ({
    onTestFinished,
  }) => {
    const provider = providersFor(ca(), onTestFinished);
    const p = await provider();
    const run = await lint({ issuer: p.issuer });
    expect(run.code).toBe(1);
    expect(rules(run.report, 'error')).toEqual(['host-not-public', 'host-not-public']);
    expect(run.stdout).toMatch(
      /::error title=host-not-public \(error\)::`issuer` is on "127\.0\.0\.1", a loopback address/,
    );
    expect(run.stdout).toMatch(
      /::error::Lint found 2 errors \(fail-on: error\)\. Verdict: not usable with Mondoo: `issuer` is on "127\.0\.0\.1", a loopback address \(host-not-public\); not usable with Mender SSO: `authorization_endpoint` is on "127\.0\.0\.1", .* \(mender-authorization-endpoint\); conforms to OpenID Connect Discovery 1\.0\./,
    );
  });

  it('without allow-private-hosts, refuses the same provider before connecting to it', async ({
    onTestFinished,
  }) => {
    const p = await providersFor(ca(), onTestFinished)();
    const run = await lint({ issuer: p.issuer, profile: 'oidc', 'allow-private-hosts': 'false' });
    expect(run.code).toBe(1);
    expect(rules(run.report, 'error')).toEqual(['fetch-address-refused']);
    expect(run.report.fetches).toEqual([
      {
        url: `${p.issuer}${DISCOVERY_PATH}`,
        ms: expect.any(Number),
        error: '127.0.0.1 is a loopback address (127.0.0.0/8)',
      },
    ]);
    expect(p.server.connections()).toBe(0);
  });

  it('lints the runner token service the exchange tests use, and a token it minted, without printing the token', async ({
    onTestFinished,
  }) => {
    const service = await startTokenService(ca());
    onTestFinished(() => service.close());
    const token = await service.mint();
    const run = await lint({ issuer: service.issuer, token, profile: 'mondoo', 'fail-on': 'never' }, [token]);
    expect(run.code).toBe(0);
    expect(rules(run.report, 'error')).toEqual(['host-not-public', 'host-not-public']);
    expect(rules(run.report).filter((rule) => rule.startsWith('token-'))).toEqual([]);
    expect(run.masks).toContain(token);
  });

  it('reports a trailing-slash issuer mismatch with its own hint', async ({ onTestFinished }) => {
    const provider = providersFor(ca(), onTestFinished);
    const p = await provider({
      routes: discoveryWith((self) => ({ issuer: `${self.issuer}/` })),
    });
    const run = await lint({ issuer: p.issuer, profile: 'oidc' });
    expect(run.code).toBe(1);
    expect(rules(run.report, 'error')).toEqual(['issuer-trailing-slash']);
  });

  it('reports an http:// jwks_uri and does not fetch it', async ({ onTestFinished }) => {
    const provider = providersFor(ca(), onTestFinished);
    const p = await provider({
      routes: discoveryWith((self) => ({ jwks_uri: self.issuer.replace('https:', 'http:') + JWKS_PATH })),
    });
    const run = await lint({ issuer: p.issuer, profile: 'oidc' });
    expect(rules(run.report, 'error')).toEqual(['jwks-uri-not-https']);
    expect(p.server.requests.map((req) => req.path)).toEqual([DISCOVERY_PATH]);
  });

  it('reports a redirect with its chain instead of following it silently', async ({ onTestFinished }) => {
    const provider = providersFor(ca(), onTestFinished);
    const p = await provider({
      routes: { [DISCOVERY_PATH]: redirectTo((self) => `${self.issuer}/moved${DISCOVERY_PATH}`, 301) },
    });
    const moved = `${p.issuer}/moved${DISCOVERY_PATH}`;
    const run = await lint({ issuer: p.issuer, profile: 'oidc' });
    const redirect = run.report.findings.find((f) => f.rule === 'fetch-redirect');
    expect(redirect?.severity).toBe('error');
    expect(redirect?.value).toBe(`${p.issuer}${DISCOVERY_PATH} → ${moved}`);
    expect(run.report.fetches.map((f) => f.status)).toEqual([301, 404]);
  });

  it('stops after 3 redirects, and reports redirects to http:// and to a Location that is not a URL', async ({
    onTestFinished,
  }) => {
    const provider = providersFor(ca(), onTestFinished);
    const loop = await provider({
      routes: { [DISCOVERY_PATH]: redirectTo((self) => `${self.issuer}${DISCOVERY_PATH}`) },
    });
    const toHttp = await provider({
      routes: {
        [DISCOVERY_PATH]: redirectTo((self) => `${self.issuer.replace('https:', 'http:')}${DISCOVERY_PATH}`),
      },
    });
    const broken = await provider({ routes: { [DISCOVERY_PATH]: redirectTo(() => 'https://[not a host') } });
    const [looped, downgraded, unparsable] = (
      await Promise.all([loop, toHttp, broken].map((p) => lint({ issuer: p.issuer, profile: 'oidc' })))
    ).map((run) => run.report);
    expect(looped?.fetches).toHaveLength(4);
    expect(looped?.findings[0]?.message).toContain('more than 3 redirects');
    expect(downgraded?.findings.map((finding) => finding.rule)).toEqual([
      'fetch-redirect',
      'fetch-not-https',
    ]);
    expect(downgraded?.findings[0]?.value).toContain(' → http://127.0.0.1:');
    expect(unparsable?.findings[0]?.message).toContain('to a Location that is not a URL');
  });

  it('reports an HTML page served with status 200', async ({ onTestFinished }) => {
    const provider = providersFor(ca(), onTestFinished);
    const p = await provider({
      routes: {
        [DISCOVERY_PATH]: (_req, res) =>
          sendText(res, 200, '<!doctype html><title>Sign in</title><p>Login</p>', 'text/html'),
      },
    });
    const run = await lint({ issuer: p.issuer, profile: 'oidc' });
    expect(rules(run.report)).toEqual(['fetch-not-json', 'fetch-content-type']);
    expect(run.report.findings[0]?.message).toContain('an HTML page titled "Sign in"');
    expect(run.report.fetches[0]).toMatchObject({ status: 200, contentType: 'text/html' });
  });

  it('reports a JWKS that publishes a private key, and never prints the private member', async ({
    onTestFinished,
  }) => {
    const provider = providersFor(ca(), onTestFinished);
    const p = await provider();
    const leaked = 'cHJpdmF0ZS1leHBvbmVudC1vZi10aGUtc2lnbmluZy1rZXk';
    const key = p.jwks.keys[0];
    p.jwks.keys[0] = { ...key, d: leaked };
    const run = await lint({ issuer: p.issuer, profile: 'oidc' }, [leaked]);
    expect(rules(run.report, 'error')).toEqual(['jwk-private-member']);
    expect(run.masks).toContain(leaked);
  });

  it('reports an unreachable JWKS with the reason', async ({ onTestFinished }) => {
    const provider = providersFor(ca(), onTestFinished);
    const closed = await provider();
    const port = closed.server.port;
    await closed.close();
    const p = await provider({
      routes: discoveryWith(() => ({ jwks_uri: `https://127.0.0.1:${port}/keys` })),
    });
    const run = await lint({ issuer: p.issuer, profile: 'oidc' });
    const failed = run.report.findings.find((f) => f.rule === 'fetch-failed');
    expect(failed?.message).toBe(
      `The JWKS could not be fetched: 127.0.0.1:${port} refused the connection (ECONNREFUSED).`,
    );
    expect(run.report.fetches[1]).toMatchObject({
      url: `https://127.0.0.1:${port}/keys`,
      error: expect.stringContaining('ECONNREFUSED') as string,
    });
  });

  it('reports a TLS certificate this runner does not trust as a finding, with the fix for Mondoo', async ({
    onTestFinished,
  }) => {
    const p = await providersFor(ca(), onTestFinished)();
    // Without NODE_EXTRA_CA_CERTS the test CA is unknown, as a private CA is to Mondoo's cloud.
    const run = await runAction({ inputs: { mode: 'lint', ...LOOPBACK, issuer: p.issuer, profile: 'oidc' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error title=fetch-failed \(error\)::The discovery document could not be fetched: 127\.0\.0\.1:\d+ presented a TLS certificate this runner does not trust/,
    );
    expect(run.stdout).toContain('Fix: Use a certificate from a public CA');
  });

  it('refuses a document over the size cap without reading it all', async ({ onTestFinished }) => {
    const provider = providersFor(ca(), onTestFinished);
    const p = await provider({
      routes: discoveryWith(() => ({ padding: 'x'.repeat(1_100_000) })),
    });
    const run = await lint({ issuer: p.issuer, profile: 'oidc' });
    expect(rules(run.report)).toEqual(['fetch-too-large']);
  });

  it('gives up on a silent server when the timeout runs out, and says so', async ({ onTestFinished }) => {
    const provider = providersFor(ca(), onTestFinished);
    const p = await provider({ routes: { [DISCOVERY_PATH]: () => new Promise(() => undefined) } });
    const run = await lint({ issuer: p.issuer, profile: 'oidc', timeout: '2' }, [], 20_000);
    expect(run.timedOut).toBe(false);
    expect(run.durationMs).toBeLessThan(10_000);
    expect(run.report.findings[0]).toMatchObject({
      rule: 'fetch-failed',
      message: expect.stringContaining('did not answer within 2 s') as string,
    });
  });

  it('reports other statuses, non-object JSON and dropped connections', async ({ onTestFinished }) => {
    const provider = providersFor(ca(), onTestFinished);
    const p404 = await provider({
      routes: { [DISCOVERY_PATH]: (_req, res) => sendJson(res, 404, { error: 'nope' }) },
    });
    const pArray = await provider({
      routes: { [DISCOVERY_PATH]: (_req, res) => sendJson(res, 200, ['issuer']) },
    });
    const pDrop = await provider({ routes: { [DISCOVERY_PATH]: (_req, res) => dropConnection(res) } });
    const runs = await Promise.all(
      [p404, pArray, pDrop].map((p) => lint({ issuer: p.issuer, profile: 'oidc' })),
    );
    expect(runs.map((run) => rules(run.report))).toEqual([
      ['fetch-status'],
      ['fetch-not-object'],
      ['fetch-failed'],
    ]);
  });

  it('refuses to fetch an http:// issuer', async () => {
    const run = await lint({ issuer: 'http://127.0.0.1:9/tenant', profile: 'oidc' });
    expect(rules(run.report)).toEqual(['fetch-not-https']);
    expect(run.report.fetches).toEqual([]);
  });

  it.for(['https://exa mple.com', 'http://[::1', 'https://login.example.com:99999/tenant'])(
    'reports an issuer that does not parse (%s) as a finding, in the report and the log',
    async (issuer) => {
      const run = await lint({ issuer, profile: 'oidc' });
      expect(run.code).toBe(1);
      expect(rules(run.report)).toEqual(['fetch-url-invalid']);
      expect(run.report.fetches).toEqual([]);
      expect(failureMessage(run)).toMatch(/^Lint found 1 error \(fail-on: error\)/);
      expect(run.stdout).not.toMatch(/Invalid URL|Unexpected error/);
    },
  );

  it('finds a document only the RFC 8414 inserted form serves, for an issuer with a path', async ({
    onTestFinished,
  }) => {
    const provider = providersFor(ca(), onTestFinished);
    const p = await provider({
      issuerPath: '/tenant',
      routes: {
        [`/tenant${DISCOVERY_PATH}`]: (_req, res) => sendJson(res, 404, {}),
        [`${DISCOVERY_PATH}/tenant`]: (_req, res, self) => sendJson(res, 200, self.discovery()),
      },
    });
    const run = await lint({ issuer: p.issuer, profile: 'oidc' });
    expect(rules(run.report, 'error')).toEqual(['fetch-status', 'discovery-rfc8414-form']);
    expect(run.report.fetches.map((f) => f.status)).toEqual([404, 200, 200]);
  });

  it('gives the same findings in the same order when the same issuer is linted twice', async ({
    onTestFinished,
  }) => {
    const provider = providersFor(ca(), onTestFinished);
    const p = await provider({
      routes: discoveryWith((self) => ({
        issuer: `${self.issuer}/`,
        id_token_signing_alg_values_supported: ['HS256', 'none'],
      })),
    });
    const first = await lint({ issuer: p.issuer, 'fail-on': 'never' });
    const second = await lint({ issuer: p.issuer, 'fail-on': 'never' });
    expect(first.report.findings.length).toBeGreaterThan(3);
    expect(second.report.findings).toEqual(first.report.findings);
  });

  it('annotates findings on the lines of a local discovery file and fetches its jwks_uri', async ({
    onTestFinished,
  }) => {
    const provider = providersFor(ca(), onTestFinished);
    const p = await provider();
    const run = await runAction({
      inputs: { mode: 'lint', ...LOOPBACK, discovery: 'idp/discovery.json', profile: 'oidc' },
      env: { NODE_EXTRA_CA_CERTS: ca().caCertFile },
    });
    // The file is written into the run's workspace before the step reads it: the runner's cwd.
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('"idp/discovery.json" does not exist (no such file)');

    const local = await runWithFile(p, {
      ...p.discovery(),
      id_token_signing_alg_values_supported: ['ES256', 'none'],
      issuer: `${p.issuer}/`,
    });
    expect(local.code).toBe(1);
    expect(local.stdout).toMatch(
      /::error title=issuer-trailing-slash \(error\),file=idp\/discovery\.json,line=2::/,
    );
    expect(local.stdout).toMatch(/::warning title=alg-none \(warning\),file=idp\/discovery\.json,line=13::/);
    expect(p.server.requests.map((req) => req.path)).toEqual([JWKS_PATH]);
  });

  it('lints the provider a Mender provider file points at, and keeps its client_secret out of the log', async ({
    onTestFinished,
  }) => {
    const p = await providersFor(ca(), onTestFinished)();
    const secret = 'mender-client-secret-value-1234567890';
    const run = await runWithFile(
      p,
      {
        name: 'corp-sso',
        client_id: 'mender',
        client_secret: secret,
        well_known_url: `${p.issuer}${DISCOVERY_PATH}`,
      },
      { issuer: '', profile: 'mender', 'fail-on': 'never' },
    );
    expect(run.code).toBe(0);
    expectNoLeaks(run, [secret]);
    expect(run.masks).toContain(secret);
    expect(run.stdout).toMatch(
      /::warning title=mender-client-secret \(warning\),file=idp\/discovery\.json,line=4::/,
    );
    expect(p.server.requests.map((req) => req.path)).toEqual([DISCOVERY_PATH, JWKS_PATH]);
    // The test provider's authorization endpoint is on loopback: Mender would send users' browsers there
    // (issue 12), so the provider is read in full but judged unusable, and the verdict says why.
    expect(run.stdout).toMatch(
      /^ {2}not usable with Mender SSO: `authorization_endpoint` is on .* \(mender-authorization-endpoint\)$/m,
    );
    expect(run.stdout).toMatch(/::error title=mender-authorization-endpoint \(error\)::/);
  });
});

describe.concurrent('lint mode `report`', () => {
  it('is never written through a symbolic link: the step fails and names the input', async ({
    onTestFinished,
  }) => {
    const p = await providersFor(ca(), onTestFinished)();
    const folder = await runFolder();
    const elsewhere = join(folder, 'elsewhere.json');
    await writeFile(elsewhere, 'not yours\n');
    await symlink(elsewhere, join(folder, 'report.json'));
    const run = await runAction({
      inputs: { mode: 'lint', issuer: p.issuer, profile: 'oidc', report: join(folder, 'report.json') },
      env: { NODE_EXTRA_CA_CERTS: ca().caCertFile },
    });
    expect(run.code).toBe(1);
    expect(failureMessage(run)).toBe(
      `Input \`report\`: ${join(folder, 'report.json')} is a symbolic link, which is never followed.\nFix: Give a file path in the workspace or RUNNER_TEMP that only this job can write.`,
    );
    expect(await readFile(elsewhere, 'utf8')).toBe('not yours\n');
    expect((await readdir(folder)).sort()).toEqual(['elsewhere.json', 'report.json']);
  });

  it('is written in a folder it makes, with no scratch file left beside it', async ({ onTestFinished }) => {
    const p = await providersFor(ca(), onTestFinished)();
    const folder = join(await runFolder(), 'reports');
    const run = await runAction({
      inputs: {
        mode: 'lint',
        issuer: p.issuer,
        profile: 'oidc',
        report: join(folder, 'lint.json'),
        'allow-private-hosts': 'true',
      },
      env: { NODE_EXTRA_CA_CERTS: ca().caCertFile },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(await readdir(folder)).toEqual(['lint.json']);
    const report = JSON.parse(await readFile(join(folder, 'lint.json'), 'utf8')) as Report;
    expect(report.counts.error).toBe(0);
  });
});

describe('lint mode end to end, taken together', () => {
  it('has reported every rule that only a server can trigger', () => {
    expect(NETWORK_RULES.filter((rule) => !firedRules.has(rule))).toEqual([]);
  });
});

/** Runs lint mode on a discovery file placed in the workspace, as a checked-out repository would hold it. */
async function runWithFile(
  p: OidcProvider,
  document: object,
  inputs: Record<string, string> = {},
): Promise<ActionRun> {
  const dir = await runFolder('lint-file-');
  await mkdir(join(dir, 'idp'));
  await writeFile(join(dir, 'idp', 'discovery.json'), JSON.stringify(document, null, 2));
  return runAction({
    inputs: {
      mode: 'lint',
      ...LOOPBACK,
      issuer: p.issuer,
      discovery: join(dir, 'idp', 'discovery.json'),
      profile: 'oidc',
      ...inputs,
    },
    env: { NODE_EXTRA_CA_CERTS: ca().caCertFile, GITHUB_WORKSPACE: dir },
  });
}

describe.concurrent('lint mode: the sample token and missing files', () => {
  it('reports a passing sample token as passing in the log and the summary, never printing it', async ({
    onTestFinished,
  }) => {
    const p = await providersFor(ca(), onTestFinished)();
    const token = await p.mint();
    const run = await lint({ issuer: p.issuer, token, profile: 'oidc' }, [token]);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain(
      'Sample token: passed (issuer, key id, signature, algorithm and time left all check out).',
    );
    expect(run.summary).toContain('Sample token: **passed**');
    expect(run.masks).toContain(token);
  });

  it('says a discovery file that does not exist does not exist', async () => {
    const run = await runAction({ inputs: { mode: 'lint', discovery: './missing-file' } });
    expect(run.code).toBe(1);
    expect(failureMessage(run)).toBe(
      'Input `discovery`: "./missing-file" does not exist (no such file).\nFix: Give the path of the JSON file, relative to the workspace (check out the repository first).',
    );
    expectOnlyOwnCommands(run.stdout);
  });

  it('says an issuer that is a missing file path is one, with no https:// suggestion', async () => {
    const run = await runAction({ inputs: { mode: 'lint', issuer: './missing-file' } });
    expect(run.code).toBe(1);
    expect(failureMessage(run)).toContain(
      'Input `issuer`: "./missing-file" is a file path, not a URL, and there is no such file.',
    );
    expect(failureMessage(run)).toContain('`discovery`');
    expect(run.stdout).not.toContain('https://./missing-file');
    expectOnlyOwnCommands(run.stdout);
  });
});
