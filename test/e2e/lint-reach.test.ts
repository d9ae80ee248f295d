import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConnectAttempt } from '../support/connect-guard.mjs';
import { testCaForFile } from '../support/file-ca.ts';
import {
  discoveryWith,
  DISCOVERY_PATH,
  JWKS_PATH,
  providersFor,
  type Route,
} from '../support/oidc-provider.ts';
import { REPO_ROOT, runAction } from '../support/run-action.ts';
import { runCli } from '../support/run-cli.ts';
import { runFolder } from '../support/run-folder.ts';

// The built action and CLI run with the connect guard preloaded: it records every address the process is
// about to connect to, resolves only the names a test gives, serves the addresses a test routes from
// loopback (standing in for a public host, or a team's private network), and stops everything else before
// a packet is sent. A refusal by the lint therefore shows as no attempt at all.

const ca = testCaForFile();
const PRELOAD = join(REPO_ROOT, 'test', 'support', 'connect-guard-preload.mjs');
/** A public address the guard serves from loopback: the provider plays a host on the internet. */
const PUBLIC = '8.8.8.8';

interface Finding {
  rule: string;
  severity: string;
  message: string;
  value?: string;
  fix: string;
}
interface Report {
  findings: Finding[];
  fetches: { url: string; status?: number; error?: string }[];
}

interface Guarded {
  nodeArgs: string[];
  env: Record<string, string>;
  attempts(): Promise<ConnectAttempt[]>;
}

async function connectGuard(
  names: Record<string, string[]> = {},
  routes: Record<string, string> = {},
): Promise<Guarded> {
  const log = join(await runFolder('connect-guard-'), 'attempts.jsonl');
  await writeFile(log, '');
  return {
    nodeArgs: ['--import', PRELOAD],
    env: { CONNECT_GUARD: JSON.stringify({ names, routes, log }), NODE_EXTRA_CA_CERTS: ca().caCertFile },
    attempts: async () =>
      (await readFile(log, 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as ConnectAttempt),
  };
}

async function lint(inputs: Record<string, string>, guard: Guarded) {
  const run = await runAction({
    inputs: { mode: 'lint', profile: 'oidc', ...inputs, report: 'lint-report.json' },
    env: guard.env,
    nodeArgs: guard.nodeArgs,
  });
  const text = await readFile(join(run.runnerTemp, '..', 'workspace', 'lint-report.json'), 'utf8').catch(
    () => '',
  );
  expect(text, `no report written.\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`).not.toBe('');
  return { run, report: JSON.parse(text) as Report, attempts: await guard.attempts() };
}

/** Errors only: the issuer's explicit port (a warning) and the like are not what these tests are about. */
const rules = (report: Report) =>
  report.findings.filter((found) => found.severity === 'error').map((found) => found.rule);
const finding = (report: Report, rule: string) => report.findings.find((found) => found.rule === rule);
const outcomes = (attempts: ConnectAttempt[]) =>
  [...new Set(attempts.map(({ address, outcome }) => `${address} ${outcome}`))].sort();

const redirectTo =
  (location: string): Route =>
  (_req, res) => {
    res.writeHead(302, { location, 'content-length': 0 });
    res.end();
  };

describe.concurrent('lint connects only where a provider can live', () => {
  it('refuses a loopback provider by default without connecting, and lints it with allow-private-hosts', async ({
    onTestFinished,
  }) => {
    const p = await providersFor(ca(), onTestFinished)();
    const guard = await connectGuard();
    const refused = await lint({ issuer: p.issuer }, guard);
    expect(refused.run.code).toBe(1);
    expect(rules(refused.report)).toEqual(['fetch-address-refused']);
    expect(refused.run.stdout).toContain(
      '::error title=fetch-address-refused (error)::The discovery document was not fetched: "127.0.0.1" is a loopback address (127.0.0.0/8), and lint connects only to public addresses.',
    );
    expect(finding(refused.report, 'fetch-address-refused')?.fix).toContain('`allow-private-hosts: true`');
    expect(refused.attempts).toEqual([]);
    expect(p.server.connections()).toBe(0);

    const admitted = await lint({ issuer: p.issuer, 'allow-private-hosts': 'true' }, guard);
    expect(admitted.run.code).toBe(0);
    expect(admitted.report.fetches.map((fetch) => fetch.status)).toEqual([200, 200]);
    expect(outcomes(admitted.attempts)).toEqual(['127.0.0.1 loopback']);
  });

  it('judges each hop on the address its name resolves to: a public issuer whose jwks_uri is private', async ({
    onTestFinished,
  }) => {
    const p = await providersFor(
      ca(),
      onTestFinished,
    )({
      host: 'idp.example.test',
      routes: discoveryWith((self) => ({
        jwks_uri: `https://keys.example.test:${self.server.port}${JWKS_PATH}`,
      })),
    });
    const guard = await connectGuard(
      { 'idp.example.test': [PUBLIC], 'keys.example.test': ['10.0.0.5'] },
      { [PUBLIC]: '127.0.0.1' },
    );
    const { report, attempts } = await lint({ issuer: p.issuer }, guard);
    expect(report.fetches[0]).toMatchObject({ url: `${p.issuer}${DISCOVERY_PATH}`, status: 200 });
    expect(rules(report)).toEqual(['fetch-address-refused']);
    expect(report.findings[0]?.message).toBe(
      'The JWKS was not fetched: "keys.example.test" resolves to 10.0.0.5, a private-range address (10.0.0.0/8), and lint connects only to public addresses.',
    );
    expect(outcomes(attempts)).toEqual([`${PUBLIC} routed`]);
    expect(p.server.requests.map((req) => req.path)).toEqual([DISCOVERY_PATH]);
  });

  it('reports a redirect to a metadata address with its chain and never connects there', async ({
    onTestFinished,
  }) => {
    const provider = providersFor(ca(), onTestFinished);
    const metadataUrl = 'https://169.254.169.254/latest/meta-data/iam/security-credentials/';
    const toLiteral = await provider({
      host: 'idp.example.test',
      routes: { [DISCOVERY_PATH]: redirectTo(metadataUrl) },
    });
    const toName = await provider({
      host: 'idp.example.test',
      routes: { [JWKS_PATH]: redirectTo('https://instance-data.example.test/latest/api/token') },
    });
    const guard = await connectGuard(
      { 'idp.example.test': [PUBLIC], 'instance-data.example.test': ['fd00:ec2::254'] },
      { [PUBLIC]: '127.0.0.1' },
    );
    const [literal, named] = await Promise.all([
      lint({ issuer: toLiteral.issuer, 'allow-private-hosts': 'true' }, guard),
      lint({ issuer: toName.issuer }, guard),
    ]);

    expect(rules(literal.report)).toEqual(['fetch-address-refused', 'fetch-redirect']);
    expect(finding(literal.report, 'fetch-redirect')?.value).toBe(
      `${toLiteral.issuer}${DISCOVERY_PATH} → ${metadataUrl}`,
    );
    expect(finding(literal.report, 'fetch-address-refused')?.message).toContain(
      '"169.254.169.254" is a cloud metadata address (169.254.169.254, instance metadata of AWS, Azure, Google Cloud, Oracle Cloud and others), which lint never connects to.',
    );
    expect(literal.report.fetches.map((fetch) => [fetch.url, fetch.status])).toEqual([
      [`${toLiteral.issuer}${DISCOVERY_PATH}`, 302],
      [metadataUrl, undefined],
    ]);

    expect(rules(named.report)).toEqual(['fetch-address-refused', 'fetch-redirect']);
    expect(finding(named.report, 'fetch-address-refused')?.message).toContain(
      'The JWKS was not fetched: "instance-data.example.test" resolves to fd00:ec2::254, a cloud metadata address',
    );
    // Both runs shared the guard's log: only the stand-in public host was ever connected to.
    expect(outcomes(await guard.attempts())).toEqual([`${PUBLIC} routed`]);
  });

  it('with allow-private-hosts, lints a Mender provider on a private network but never fetches a link-local jwks_uri', async ({
    onTestFinished,
  }) => {
    const p = await providersFor(
      ca(),
      onTestFinished,
    )({
      host: 'sso.corp.example.test',
      routes: discoveryWith(() => ({ jwks_uri: 'https://[fe80::1]/keys' })),
    });
    const dir = await runFolder('lint-reach-');
    const file = join(dir, 'mender-provider.json');
    await writeFile(
      file,
      JSON.stringify({
        name: 'corp-sso',
        client_id: 'mender',
        well_known_url: `${p.issuer}${DISCOVERY_PATH}`,
      }),
    );
    // The team's private network, played by loopback.
    const guard = await connectGuard(
      { 'sso.corp.example.test': ['10.20.30.40'] },
      { '10.20.30.40': '127.0.0.1' },
    );

    const byDefault = await lint({ discovery: file, profile: 'mender', 'fail-on': 'never' }, guard);
    expect(finding(byDefault.report, 'fetch-address-refused')?.message).toBe(
      'The discovery document was not fetched: "sso.corp.example.test" resolves to 10.20.30.40, a private-range address (10.0.0.0/8), and lint connects only to public addresses.',
    );
    expect(byDefault.attempts).toEqual([]);

    const optedIn = await lint(
      { discovery: file, profile: 'mender', 'fail-on': 'never', 'allow-private-hosts': 'true' },
      guard,
    );
    expect(optedIn.report.fetches[0]).toMatchObject({ url: `${p.issuer}${DISCOVERY_PATH}`, status: 200 });
    const refused = finding(optedIn.report, 'fetch-address-refused');
    expect(refused?.message).toBe(
      'The JWKS was not fetched: "[fe80::1]" is a link-local address (fe80::/10), which lint never connects to.',
    );
    expect(refused?.fix).toContain('stay refused with `allow-private-hosts`');
    expect(outcomes(optedIn.attempts)).toEqual(['10.20.30.40 routed']);
  });

  it('mondoo-keyless lint refuses the same way, and admits loopback with --allow-private-hosts', async ({
    onTestFinished,
  }) => {
    const p = await providersFor(ca(), onTestFinished)();
    const guard = await connectGuard();
    const cli = async (flags: string[]) => {
      const run = await runCli(['lint', ...flags, '--profile', 'oidc', '--format', 'json', p.issuer], {
        env: guard.env,
        nodeArgs: guard.nodeArgs,
      });
      const [report] = JSON.parse(run.stdout) as Report[];
      return { code: run.code, report };
    };
    const refused = await cli([]);
    expect(refused.code).toBe(1);
    expect(refused.report?.findings.map((found) => found.rule)).toEqual(['fetch-address-refused']);
    expect(await guard.attempts()).toEqual([]);

    const admitted = await cli(['--allow-private-hosts']);
    expect(admitted.code).toBe(0);
    expect(admitted.report?.fetches.map((fetch) => fetch.status)).toEqual([200, 200]);
    expect(outcomes(await guard.attempts())).toEqual(['127.0.0.1 loopback']);
  });
});
