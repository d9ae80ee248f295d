import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testCaForFile } from '../support/file-ca.ts';
import { type OidcProvider, providersFor } from '../support/oidc-provider.ts';
import { expectNoCliLeaks, runCli } from '../support/run-cli.ts';
import { runFolder } from '../support/run-folder.ts';
import { sarifProblems } from '../support/sarif-shape.ts';
import { SPACE_AUDIENCE } from '../support/scenario.ts';
import { scenarioForTest } from './expectations.ts';

const ca = testCaForFile();

describe.concurrent("mondoo-keyless exchange warns about cnspec's own WIF", () => {
  it('names MONDOO_CONFIG_PATH and JWT_TOKEN on stderr, never the token, and still prints the credential', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const token = await scenario.tokenService.mint({ audience: SPACE_AUDIENCE });
    const stray = await scenario.tokenService.mint({ audience: 'cnspec' });
    const run = await runCli(
      [
        'exchange',
        '--universe-domain',
        scenario.sts.url,
        '--audience',
        SPACE_AUDIENCE,
        '--token-env',
        'ID_TOKEN',
      ],
      {
        env: {
          NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile,
          ID_TOKEN: token,
          JWT_TOKEN: stray,
          MONDOO_CONFIG_PATH: '/etc/mondoo/wif.json',
        },
      },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${scenario.sts.base64Credential}\n`);
    expect(run.stderr).toMatch(
      /warning: MONDOO_CONFIG_PATH is set in this environment\. cnspec reads MONDOO_CONFIG_BASE64 before/,
    );
    expect(run.stderr).toContain('warning: JWT_TOKEN is set (its value is masked).');
    expect(run.stderr).toContain('pass the token with `--token-env JWT_TOKEN`');
    expectNoCliLeaks(run, [...scenario.secrets(), stray], [scenario.sts.base64Credential]);
  });

  it('does not warn about JWT_TOKEN when it is the token exchanged', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const token = await scenario.tokenService.mint({ audience: SPACE_AUDIENCE });
    const run = await runCli(
      [
        'exchange',
        '--universe-domain',
        scenario.sts.url,
        '--audience',
        SPACE_AUDIENCE,
        '--token-env',
        'JWT_TOKEN',
      ],
      { env: { NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile, JWT_TOKEN: token } },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('warning:');
    expectNoCliLeaks(run, scenario.secrets(), [scenario.sts.base64Credential]);
  });

  it("warns about an aud Mondoo may not accept, in the command's own words", async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished, { allowedAudiences: ['circleci-org-id'] });
    const token = await scenario.tokenService.mint({ audience: 'circleci-org-id' });
    const run = await runCli(
      ['exchange', '--universe-domain', scenario.sts.url, '--audience', SPACE_AUDIENCE, '--token', '-'],
      { env: { NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile }, stdin: token },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      `warning: The token's \`aud\` is circleci-org-id, which is not \`--audience\` (${SPACE_AUDIENCE}).`,
    );
    expectNoCliLeaks(run, scenario.secrets(), [scenario.sts.base64Credential]);
  });

  it('never tells a piped token at the floor to lower --min-validity', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const token = await scenario.tokenService.mint({ audience: SPACE_AUDIENCE, lifetimeSeconds: 100 });
    const run = await runCli(
      ['exchange', '--universe-domain', scenario.sts.url, '--audience', SPACE_AUDIENCE, '--token', '-'],
      { env: { NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile }, stdin: token },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error: The token from stdin has \d+ s left/);
    expect(run.stderr).not.toMatch(/lower/i);
    expect(run.stderr).toContain(
      'leave out `--token-file`, `--token-env` and `--token -` so the command asks the CI system',
    );
    expectNoCliLeaks(run, scenario.secrets());
  });
});

describe.concurrent('mondoo-keyless lint: missing files', () => {
  it.for(['./missing-file', 'missing-file', 'idp/discovery.json'])(
    '%s: says the file does not exist, and suggests no made-up URL',
    async (target) => {
      const run = await runCli(['lint', target]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`"${target}" does not exist (no such file).`);
      // No made-up URL such as https://./missing-file.
      expect(run.stderr).not.toContain(`https://${target.replace(/^\.\//, '.')}`);
      expect(run.stderr).not.toMatch(/https:\/\/[^\s.]*\.?\/?missing|https:\/\/idp\//);
    },
  );

  it('still offers https:// for a host name', async () => {
    const run = await runCli(['lint', 'login.example.com']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('e.g. https://login.example.com');
  });
});

/** A local copy of the provider's discovery document, as a team would lint it before publishing. */
async function localDiscovery(provider: OidcProvider): Promise<string> {
  const folder = await runFolder();
  await writeFile(join(folder, 'discovery.json'), `${JSON.stringify(provider.discovery(), null, 2)}\n`);
  return folder;
}

const lintCli = (
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; stdin?: string } = {},
) =>
  runCli(['lint', '--allow-private-hosts', '--profile', 'oidc', ...args], {
    ...options,
    env: { NODE_EXTRA_CA_CERTS: ca().caCertFile, ...options.env },
  });

describe.concurrent('mondoo-keyless lint --issuer', () => {
  it('checks a local discovery file against the issuer it must name', async ({ onTestFinished }) => {
    const provider = await providersFor(ca(), onTestFinished)();
    const cwd = await localDiscovery(provider);
    const good = await lintCli(['--format', 'json', '--issuer', provider.issuer, 'discovery.json'], { cwd });
    expect(good.code, good.stderr).toBe(0);
    const [report] = JSON.parse(good.stdout) as { target: { issuer: string; discovery: string } }[];
    expect(report?.target).toMatchObject({ issuer: provider.issuer, discovery: 'discovery.json' });

    const other = await lintCli(['--issuer', `${provider.issuer}/`, 'discovery.json'], { cwd });
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('issuer-trailing-slash');
  });

  it('is refused with a URL argument or several providers', async () => {
    const withUrl = await runCli(['lint', '--issuer', 'https://a.example', 'https://a.example']);
    expect(withUrl.code).toBe(2);
    expect(withUrl.stderr).toContain('Option `--issuer` is for a local discovery file');
  });
});

describe.concurrent('mondoo-keyless lint with a sample token', () => {
  const SOURCES: Record<
    string,
    (token: string) => { args: string[]; env?: Record<string, string>; stdin?: string; file?: string }
  > = {
    '--token-file': (token) => ({ args: ['--token-file', 'id-token.jwt'], file: token }),
    '--token-env': (token) => ({ args: ['--token-env', 'ID_TOKEN'], env: { ID_TOKEN: token } }),
    '--token -': (token) => ({ args: ['--token', '-'], stdin: token }),
  };

  it.for(Object.keys(SOURCES))(
    '%s: a passing token is called passing in the text output, never printed',
    async (source, { onTestFinished }) => {
      const provider = await providersFor(ca(), onTestFinished)();
      const token = await provider.mint();
      const given = SOURCES[source]?.(token) ?? { args: [] };
      const cwd = await runFolder();
      if (given.file) await writeFile(join(cwd, 'id-token.jwt'), given.file);
      const run = await lintCli([...given.args, provider.issuer], {
        cwd,
        env: given.env,
        stdin: given.stdin,
      });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(
        'Sample token: passed (issuer, key id, signature, algorithm and time left all check out).',
      );
      expectNoCliLeaks(run, [token]);
    },
  );

  it('--format json: the report says the sample token passed, or which checks it failed', async ({
    onTestFinished,
  }) => {
    const provider = await providersFor(ca(), onTestFinished)();
    const token = await provider.mint();
    const passing = await lintCli(['--format', 'json', '--token-env', 'ID_TOKEN', provider.issuer], {
      env: { ID_TOKEN: token },
    });
    const [report] = JSON.parse(passing.stdout) as { target: { token: boolean }; sampleToken: unknown }[];
    expect(report?.target.token).toBe(true);
    expect(report?.sampleToken).toEqual({ passed: true, notChecked: [] });

    const stale = await provider.mint({ exp: Math.floor(Date.now() / 1000) + 60 });
    const failing = await lintCli(['--format', 'json', '--token-env', 'ID_TOKEN', provider.issuer], {
      env: { ID_TOKEN: stale },
    });
    expect(failing.code).toBe(1);
    const [bad] = JSON.parse(failing.stdout) as {
      sampleToken: { passed: boolean };
      findings: { rule: string }[];
    }[];
    expect(bad?.sampleToken.passed).toBe(false);
    expect(bad?.findings.map((finding) => finding.rule)).toContain('token-expiring');
    expectNoCliLeaks(passing, [token]);
    expectNoCliLeaks(failing, [stale]);
  });

  it('--format sarif: a failing token is a result, a passing one is none', async ({ onTestFinished }) => {
    const provider = await providersFor(ca(), onTestFinished)();
    const other = await providersFor(ca(), onTestFinished)();
    const foreign = await other.mint({ iss: provider.issuer });
    const run = await lintCli(['--format', 'sarif', '--token-env', 'ID_TOKEN', provider.issuer], {
      env: { ID_TOKEN: foreign },
    });
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarifProblems(log)).toEqual([]);
    const tokenRules = (log.runs[0]?.results ?? [])
      .map((r) => r.ruleId)
      .filter((id) => id.startsWith('token-'));
    expect(tokenRules.length).toBeGreaterThan(0);

    const good = await provider.mint();
    const passing = await lintCli(['--format', 'sarif', '--token-env', 'ID_TOKEN', provider.issuer], {
      env: { ID_TOKEN: good },
    });
    expect(passing.code).toBe(0);
    const clean = JSON.parse(passing.stdout) as { runs: { results: { ruleId: string }[] }[] };
    expect(clean.runs[0]?.results.filter((r) => r.ruleId.startsWith('token-'))).toEqual([]);
    expectNoCliLeaks(run, [foreign]);
    expectNoCliLeaks(passing, [good]);
  });

  it('is refused with several providers, and a missing token variable is a usage error', async () => {
    const several = await runCli(['lint', '--token', '-', 'https://a.example', 'https://b.example'], {
      stdin: 'x.y.z',
    });
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('A sample token belongs to one provider');
    const missing = await runCli(['lint', '--token-env', 'NOPE', 'https://a.example']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('the variable NOPE is not set or empty');
  });
});
