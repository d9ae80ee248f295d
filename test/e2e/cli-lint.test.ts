import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  discoveryWith,
  DISCOVERY_PATH,
  JWKS_PATH,
  type OidcProvider,
  providersFor,
  type Route,
} from '../support/oidc-provider.ts';
import { expectNoCliLeaks, runCli } from '../support/run-cli.ts';
import { runFolder } from '../support/run-folder.ts';
import { sarifProblems } from '../support/sarif-shape.ts';
import { testCaForFile } from '../support/file-ca.ts';

const ca = testCaForFile();

interface Report {
  target: { issuer?: string; discovery?: string };
  findings: { rule: string; severity: string; message: string; location?: { file: string; line: number } }[];
  usable: Record<string, boolean>;
  counts: Record<string, number>;
}

/** A different defect for each provider, so that mixing up two providers' results cannot go unnoticed. */
const DEFECTS: ((p: OidcProvider) => Record<string, unknown>)[] = [
  () => ({}),
  () => ({ subject_types_supported: undefined }),
  (p) => ({ issuer: `${p.issuer}/` }),
  () => ({ id_token_signing_alg_values_supported: ['HS256'] }),
  () => ({ response_types_supported: undefined }),
];

// The providers here listen on loopback, where lint connects only with the opt-in (DESIGN §4).
const lintCli = (args: string[]) =>
  runCli(['lint', '--allow-private-hosts', '--profile', 'oidc', ...args], {
    env: { NODE_EXTRA_CA_CERTS: ca().caCertFile },
  });

describe('mondoo-keyless lint of many providers', () => {
  it('lints 20 issuers in one call with the same findings as 20 single calls, in input order', async ({
    onTestFinished,
  }) => {
    const provider = providersFor(ca(), onTestFinished);
    const providers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        provider({ issuerPath: `/tenant-${i}`, routes: routesFor(i, `/tenant-${i}`) }),
      ),
    );
    const issuers = providers.map((p) => p.issuer);

    const together = await lintCli([
      '--format',
      'json',
      '--fail-on',
      'never',
      '--concurrency',
      '8',
      ...issuers,
    ]);
    const alone = await Promise.all(
      issuers.map((issuer) => lintCli(['--format', 'json', '--fail-on', 'never', issuer])),
    );

    expect(together.code).toBe(0);
    const reports = JSON.parse(together.stdout) as Report[];
    expect(reports.map((report) => report.target.issuer)).toEqual(issuers);
    const singles = alone.map((run) => (JSON.parse(run.stdout) as Report[])[0]);
    expect(reports.map(comparable)).toEqual(singles.map(comparable));
    // The defects really differ (beyond each provider's own port), so a shuffled result would not match.
    const defectOf = (report: Report) =>
      JSON.stringify(report.findings.map((f) => f.message)).replace(/\d{4,5}|tenant-\d+/g, 'N');
    expect(new Set(reports.map(defectOf)).size).toBe(DEFECTS.length);
  });

  it('exits 1 when any provider has a finding at --fail-on, and says how many', async ({
    onTestFinished,
  }) => {
    const provider = providersFor(ca(), onTestFinished);
    const clean = await provider();
    const broken = await provider({ routes: routesFor(3) });
    const failing = await lintCli([clean.issuer, broken.issuer]);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain('1 of 2 providers failed at `--fail-on error`.');
    expect(failing.stdout).toMatch(/2 providers linted \(profile oidc\): 1 usable, 1 not\./);
    const lenient = await lintCli(['--fail-on', 'never', clean.issuer, broken.issuer]);
    expect(lenient.code).toBe(0);
    const cleanOnly = await lintCli([clean.issuer]);
    expect(cleanOnly.code).toBe(0);
    expect(cleanOnly.stdout).toMatch(
      /^Verdict:\n {2}.*Mondoo.*\n {2}.*Mender SSO.*\n {2}conforms to OpenID Connect Discovery 1\.0$/m,
    );
  });
});

describe('mondoo-keyless lint connections', () => {
  it("fetches a provider's discovery document and key set over one connection", async ({
    onTestFinished,
  }) => {
    const p = await providersFor(ca(), onTestFinished)();
    const run = await lintCli([p.issuer]);
    expect(run.code).toBe(0);
    expect(p.server.requests.map((request) => request.path)).toEqual([DISCOVERY_PATH, JWKS_PATH]);
    expect(p.server.connections()).toBe(1);
  });
});

describe('mondoo-keyless lint --format sarif', () => {
  it('is a SARIF 2.1.0 log GitHub accepts; findings in local files point at their line', async ({
    onTestFinished,
  }) => {
    const remote = await providersFor(ca(), onTestFinished)({ routes: routesFor(3) });
    const folder = await runFolder();
    const local = {
      issuer: 'https://login.example.com',
      jwks_uri: 'http://login.example.com/keys',
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
    };
    await writeFile(join(folder, 'provider.json'), `${JSON.stringify(local, null, 2)}\n`);

    const run = await runCli(
      ['lint', '--allow-private-hosts', '--format', 'sarif', 'provider.json', remote.issuer],
      {
        cwd: folder,
        env: { NODE_EXTRA_CA_CERTS: ca().caCertFile },
      },
    );
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout) as {
      runs: {
        results: {
          ruleId: string;
          level: string;
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
          }[];
        }[];
      }[];
    };
    expect(sarifProblems(log)).toEqual([]);
    // The URL itself travels in the result's properties.
    expect(JSON.stringify(log)).toContain(`"document":"${remote.issuer}/.well-known/openid-configuration"`);
    const places = log.runs[0]?.results.map((result) => [
      result.ruleId,
      result.locations[0]?.physicalLocation,
    ]);
    // jwks_uri is on line 3 of the file as written above.
    expect(places).toContainEqual([
      'jwks-uri-not-https',
      { artifactLocation: { uri: 'provider.json' }, region: { startLine: 3 } },
    ]);
    expect(places).toContainEqual([
      'alg-symmetric',
      {
        artifactLocation: {
          uri: `${new URL(remote.issuer).host.replace(':', '%3A')}/.well-known/openid-configuration`,
        },
        region: { startLine: 1 },
      },
    ]);
  });
});

describe('mondoo-keyless lint of URLs that do not parse', () => {
  const BAD_ISSUERS = ['https://exa mple.com', 'http://[::1', 'https://login.example.com:99999'];

  it.for(['json', 'sarif', 'text'])(
    '--format %s: each bad URL is a finding for its own target, the rest are linted',
    async (format, { onTestFinished }) => {
      const provider = providersFor(ca(), onTestFinished);
      const good = await provider();
      // A document whose jwks_uri does not parse: the bad URL comes from a server, not the command line.
      const badKeys = await provider({
        routes: discoveryWith(() => ({ jwks_uri: 'https://keys .example/jwks' })),
      });
      const targets = [good.issuer, ...BAD_ISSUERS, badKeys.issuer];

      const run = await lintCli(['--format', format, ...targets]);

      expect(run.stderr).not.toMatch(/Unexpected error|Invalid URL|This is a bug/);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`4 of ${targets.length} providers failed at \`--fail-on error\`.`);
      if (format === 'json') {
        const reports = JSON.parse(run.stdout) as Report[];
        expect(reports.map((report) => report.target.issuer)).toEqual(targets);
        const rulesOf = (report: Report | undefined) => report?.findings.map((finding) => finding.rule);
        expect(reports.map((report) => report.usable.oidc)).toEqual([true, false, false, false, false]);
        expect(rulesOf(reports[0])).not.toContain('fetch-url-invalid');
        for (const report of reports.slice(1)) {
          expect(rulesOf(report)).toContain('fetch-url-invalid');
          expect(JSON.stringify(report)).not.toContain('Invalid URL');
        }
        expect(reports[4]?.findings.find((f) => f.rule === 'fetch-url-invalid')?.message).toContain('JWKS');
      } else if (format === 'sarif') {
        const log = JSON.parse(run.stdout) as {
          runs: { results: { ruleId: string; properties: { provider: string } }[] }[];
        };
        expect(sarifProblems(log)).toEqual([]);
        const flagged = log.runs[0]?.results
          .filter((result) => result.ruleId === 'fetch-url-invalid')
          .map((result) => result.properties.provider);
        expect(flagged).toEqual(targets.slice(1));
      } else {
        for (const target of targets.slice(1))
          expect(run.stdout).toContain(`Lint of ${target} (profile oidc)`);
        expect(run.stdout.match(/error {3}fetch-url-invalid: /g)).toHaveLength(4);
        expect(run.stdout).toContain('5 providers linted (profile oidc): 1 usable, 4 not.');
      }
    },
  );
});

describe('mondoo-keyless lint keeps secrets it finds out of its output', () => {
  it.for(['text', 'json', 'sarif'])('--format %s', async (format, { onTestFinished }) => {
    const p = await providersFor(ca(), onTestFinished)();
    const leaked = 'cHJpdmF0ZS1leHBvbmVudC1vZi10aGUtc2lnbmluZy1rZXk';
    p.jwks.keys[0] = { ...p.jwks.keys[0], d: leaked };
    const run = await lintCli(['--format', format, p.issuer]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('jwk-private-member');
    expectNoCliLeaks(run, [leaked]);
  });
});

/** The provider's discovery document with defect number `index` (mod their count). */
function routesFor(index: number, issuerPath = ''): Record<string, Route> {
  const defect = DEFECTS[index % DEFECTS.length] ?? (() => ({}));
  const [route] = Object.values(discoveryWith(defect));
  return route ? { [`${issuerPath}${DISCOVERY_PATH}`]: route } : {};
}

/** What must not depend on how many were linted at once: everything but fetch timings. */
function comparable(report: Report | undefined) {
  return (
    report && {
      target: report.target,
      findings: report.findings,
      usable: report.usable,
      counts: report.counts,
    }
  );
}
