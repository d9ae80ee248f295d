import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ActionRun, expectNoLeaks, runAction } from '../support/run-action.ts';
import { expectInertSummary } from '../support/inert-summary.ts';
import { expectOwnCommandsOnly } from '../support/runner-commands.ts';
import { testCaForFile } from '../support/file-ca.ts';
import { discoveryWith, providersFor } from '../support/oidc-provider.ts';
import { runFolder } from '../support/run-folder.ts';
import { SPACE_AUDIENCE } from '../support/scenario.ts';
import { expectAuthenticated, expectFailedCleanly, scenarioForTest } from './expectations.ts';

const STOP = '##[stop-commands]x';
const ca = testCaForFile();

describe.concurrent('text from outside cannot steer the runner (exchange)', () => {
  it('a proxy page titled with ##[stop-commands] before a success leaves every mask working', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const page = `<html><head><title>Bad gateway ${STOP}</title></head><body>nginx</body></html>`;
    scenario.sts.script.push({ kind: 'status', status: 502, body: page, contentType: 'text/html' });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectAuthenticated(run, scenario);
    expectOwnCommandsOnly(run);
    expect(run.stdout).toContain('Bad gateway \\u0023#[stop-commands]x');
  });

  it('a Mondoo error message holding a line break and ::stop-commands:: starts no command', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    scenario.sts.script.push({ kind: 'ranger', code: 14, message: 'busy\n::stop-commands::x' });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectAuthenticated(run, scenario);
    expectOwnCommandsOnly(run);
  });

  it('a claim carrying ##[stop-commands] is shown escaped in the log and the summary', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished, {
      subject: 'repo:someone/else:ref:refs/heads/main',
      claims: { environment: `prod ${STOP}`, ref: 'refs/heads/``</code><img src=x>' },
    });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectFailedCleanly(run, scenario, /refused/);
    expectOwnCommandsOnly(run);
    expectInertSummary(run.summary);
    expect(run.summary).toContain('`prod \\u0023#[stop-commands]x`');
    expect(run.summary).toContain('```refs/heads/``</code><img src=x>```');
  });

  it("Mondoo's refusal with HTML and links renders as text in the summary", async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    scenario.sts.script.push({
      kind: 'ranger',
      code: 16,
      message: 'no <img src=https://e.x/p.png> see [docs](https://e.x) ``',
    });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectFailedCleanly(run, scenario, /refused/);
    expectInertSummary(run.summary);
    expect(run.summary).toContain('\\<img src\\=https\\:\\/\\/e\\.x\\/p\\.png\\>');
  });

  it('a claim nested thousands deep is shown cut short, and the step still fails with a report', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const now = Math.floor(Date.now() / 1000);
    // Built as text: serialising such a value with JSON.stringify would itself overflow the stack.
    const payload = `{"iss":"${scenario.tokenService.issuer}","sub":"repo:o/r:ref:refs/heads/main","aud":"${SPACE_AUDIENCE}","iat":${now},"exp":${now + 300},"environment":${'['.repeat(5_000)}${']'.repeat(5_000)}}`;
    const header = Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url');
    const token = `${header}.${Buffer.from(payload).toString('base64url')}.${'A'.repeat(342)}`;
    const run = await runAction({ inputs: scenario.inputs({ token }), env: scenario.runnerEnv() });

    expect(run.code, run.stdout).toBe(1);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/RangeError|Maximum call stack|This is a bug/);
    expect(run.summary).toContain('### Mondoo keyless auth: failed');
    expect(run.summary).toMatch(/\| environment \| `\[\[\[\[\[\[\[…\]\]\]\]\]\]\]` \|/);
    expectNoLeaks(run, [token]);
  });
});

describe.concurrent('nothing is half-exported', () => {
  it('refuses a GITHUB_OUTPUT that is a folder before any token is requested', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const folder = await runFolder();
    const run = await runAction({
      inputs: scenario.inputs(),
      env: { ...scenario.runnerEnv(), GITHUB_OUTPUT: folder },
    });

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/GITHUB_OUTPUT points at .* which is not a regular file/);
    expect(scenario.tokenService.minted).toHaveLength(0);
    expect(run.env).not.toHaveProperty('MONDOO_CONFIG_BASE64');
    expectNoLeaks(run, scenario.secrets());
  });
});

const PEM_LINES = [
  '-----BEGIN PRIVATE KEY-----',
  'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgPastedByMistake01',
  'hRANCAAT7p5aXoCfCq3ZLgSs8BzhQ5t6JvWnKqH8fMxY2dYpW0aLrUeSb9Nc4Vv',
  '-----END PRIVATE KEY-----',
];

async function lintFiles(discovery: unknown, jwks: unknown): Promise<ActionRun & { report: string }> {
  const folder = await runFolder();
  const paths = {
    discovery: join(folder, 'discovery.json'),
    jwks: join(folder, 'jwks.json'),
    report: join(folder, 'report.json'),
  };
  await writeFile(paths.discovery, JSON.stringify(discovery, null, 2));
  await writeFile(paths.jwks, JSON.stringify(jwks, null, 2));
  const run = await runAction({ inputs: { mode: 'lint', 'fail-on': 'never', ...paths } });
  return { ...run, report: await readFile(paths.report, 'utf8') };
}

const DISCOVERY = {
  issuer: 'https://issuer.example.com',
  jwks_uri: 'https://issuer.example.com/keys',
  response_types_supported: ['id_token'],
  subject_types_supported: ['public'],
  id_token_signing_alg_values_supported: ['RS256'],
};

describe.concurrent('text from outside cannot steer the runner (lint)', () => {
  it('a jwks_uri holding a line break and ::stop-commands:: starts no command', async ({
    onTestFinished,
  }) => {
    const provider = providersFor(ca(), onTestFinished);
    const p = await provider({
      routes: discoveryWith((self) => ({ jwks_uri: `${self.issuer}/keys\n::stop-commands::x` })),
    });
    const run = await runAction({
      inputs: {
        mode: 'lint',
        issuer: p.issuer,
        profile: 'oidc',
        'fail-on': 'never',
        'allow-private-hosts': 'true',
      },
      env: { NODE_EXTRA_CA_CERTS: ca().caCertFile },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('\\n::stop-commands::x');
    expectOwnCommandsOnly(run);
    expectInertSummary(run.summary);
  });

  it('a key-set entry that is a pasted PEM private key is described, never quoted', async () => {
    const run = await lintFiles(DISCOVERY, { keys: [PEM_LINES.join('\n')] });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/keys\[0\] is not a JSON object but a string of \d+ characters/);
    for (const place of [run.stdout, run.summary, run.report]) {
      for (const line of PEM_LINES.slice(1, 3)) expect(place).not.toContain(line);
    }
    expectOwnCommandsOnly(run);
  });
});
