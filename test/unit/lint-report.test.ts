import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActionError } from '../../src/errors.js';
import { runLintStep } from '../../src/lint/lint-step.js';
import { summaryReport, textReport, verdictLine } from '../../src/lint/render.js';
import { verdictSentence, verdictsOf } from '../../src/lint/verdicts.js';
import { failsStep } from '../../src/lint/report.js';
import {
  cleanDiscovery,
  cleanJwks,
  DISCOVERY_FILE,
  findingsOf,
  ISSUER,
  JWKS_FILE,
  lintSettings,
  NOW,
  providerKeys,
  recordingRunner,
  reportOf,
  signedToken,
} from './lint-helpers.js';
import { runFolderSync } from '../support/run-folder.ts';
import { rejectionOf } from './helpers.js';

function brokenIssuer() {
  return {
    discovery: {
      ...cleanDiscovery(),
      issuer: `${ISSUER}/`,
      id_token_signing_alg_values_supported: ['RS256', 'HS256'],
    },
  };
}

describe('lint reports', () => {
  it('writes a text report with each finding, its value, file line and fix, then the verdicts', async () => {
    const text = textReport(await reportOf(brokenIssuer()));
    expect(text).toContain(`Lint of ${ISSUER} (profile mondoo)`);
    // HS256 next to RS256 is a fact, not a warning (issue 12): no client fails because of it.
    expect(text).toContain('Findings: 1 error, 0 warnings, 1 info');
    expect(text).toMatch(
      /error {3}issuer-trailing-slash: .*\n {10}value: "https:\/\/id\.example\.com\/"\n {10}at: provider\/discovery\.json:2\n {10}fix: /,
    );
    // Each verdict is a sentence that names the deciding finding, then its rule for the rule list.
    const slash =
      '`issuer` is "https://id.example.com/" but the document was fetched for "https://id.example.com": only a trailing slash differs (issuer-trailing-slash)';
    expect(text).toContain(
      [
        'Verdict:',
        `  not usable with Mondoo: ${slash}`,
        `  not usable with Mender SSO: ${slash}`,
        `  does not conform to OpenID Connect Discovery 1.0: ${slash}`,
      ].join('\n'),
    );
  });

  it.each(['mondoo', 'mender', 'oidc'] as const)(
    'gives the verdicts as Mondoo, Mender, OpenID Connect in every output under profile %s',
    async (profile) => {
      const report = await reportOf({
        discovery: { ...cleanDiscovery(), response_types_supported: ['code'] },
        settings: { profile },
      });
      const order = [
        'usable with Mondoo',
        'not usable with Mender SSO: no `id_token` response type',
        'conforms to OpenID Connect Discovery 1.0',
      ];
      const inOrder = (text: string) => order.map((verdict) => text.indexOf(verdict));
      const increasing = (positions: number[]) =>
        positions.every((at, i) => at >= 0 && (i === 0 || at > (positions[i - 1] ?? -1)));
      expect(increasing(inOrder(textReport(report)))).toBe(true);
      expect(increasing(inOrder(verdictLine(report)))).toBe(true);
      expect(Object.keys(report.verdicts)).toEqual(['mondoo', 'mender', 'oidc']);
      expect(Object.keys(report.usable)).toEqual(['mondoo', 'mender', 'oidc']);
      // The summary escapes its text for Markdown; its verdict bullets keep the same order.
      const bullets = summaryReport(report)
        .split('\n')
        .filter((line) => line.startsWith('- '));
      expect(bullets.map((line) => /Mondoo|Mender|OpenID/.exec(line)?.[0])).toEqual([
        'Mondoo',
        'Mender',
        'OpenID',
      ]);
    },
  );

  it('makes a summary table of rule, severity, finding, value and fix, with pipes escaped', async () => {
    const discovery = { ...cleanDiscovery(), issuer: 'https://a|b.example.com' };
    const summary = summaryReport(
      await reportOf({ discovery, settings: { issuer: 'https://a|b.example.com' } }),
    );
    expect(summary).toContain('| Rule | Severity | Finding | Value | Fix |');
    expect(summary).toContain('- not usable with Mondoo\\: `issuer` starts with https');
    // An https:// URL whose host does not parse is reported as such, not as "no https:// scheme".
    expect(summary).toMatch(
      /\| `issuer-url-invalid` \| error \| .* \| `"https:\/\/a\\\|b\.example\.com"` \|/,
    );
    expect(summary).toMatch(/^- not usable with Mondoo\\: .* \(`issuer-url-invalid`\)$/m);
  });

  it('has the documented JSON shape', async () => {
    const report = JSON.parse(JSON.stringify(await reportOf(brokenIssuer()))) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual([
      'schema',
      'tool',
      'profile',
      'target',
      'usable',
      'decidedBy',
      'verdicts',
      'counts',
      'findings',
      'fetches',
    ]);
    expect(report.schema).toBe('mondoo-keyless-auth/lint-report/v1');
    expect(report.counts).toEqual({ error: 1, warning: 0, info: 1 });
    expect(report.decidedBy).toEqual({
      mondoo: 'issuer-trailing-slash',
      mender: 'issuer-trailing-slash',
      oidc: 'issuer-trailing-slash',
    });
    expect(report.verdicts).toEqual({
      mondoo: expect.stringMatching(
        /^not usable with Mondoo: `issuer` is .*only a trailing slash differs$/,
      ) as string,
      mender: expect.stringMatching(/^not usable with Mender SSO: `issuer` is /) as string,
      oidc: expect.stringMatching(
        /^does not conform to OpenID Connect Discovery 1\.0: `issuer` is /,
      ) as string,
    });
    expect((report.findings as object[])[0]).toEqual({
      rule: 'issuer-trailing-slash',
      severity: 'error',
      message: expect.stringContaining('only a trailing slash differs') as string,
      value: '"https://id.example.com/"',
      fix: expect.stringContaining('exactly') as string,
      location: { file: DISCOVERY_FILE, line: 2 },
    });
  });

  it('fails at error by default, at warning when asked, and never when told never', async () => {
    const warningsOnly = await reportOf({
      discovery: { ...cleanDiscovery(), id_token_signing_alg_values_supported: ['RS256', 'none'] },
    });
    expect(warningsOnly.counts).toMatchObject({ error: 0, warning: 1 });
    expect(failsStep(warningsOnly, 'error')).toBe(false);
    expect(failsStep(warningsOnly, 'warning')).toBe(true);
    const broken = await reportOf(brokenIssuer());
    expect(failsStep(broken, 'error')).toBe(true);
    expect(failsStep(broken, 'never')).toBe(false);
  });

  it('gives the same findings in the same order when the same provider is linted twice', async () => {
    const jwks = await cleanJwks();
    jwks.keys.push({ ...jwks.keys[1], kid: 'dup' }, { kty: 'oct', kid: 'odd' });
    const lintCase = { ...brokenIssuer(), jwks };
    expect(await findingsOf(lintCase)).toEqual(await findingsOf(lintCase));
  });
});

describe('runLintStep', () => {
  async function step(
    jwks: unknown,
    settings: { failOn?: 'error' | 'warning' | 'never'; report?: string } = {},
  ) {
    const { runner, recorded } = recordingRunner();
    const files: Record<string, string> = {
      [DISCOVERY_FILE]: JSON.stringify(cleanDiscovery(), null, 2),
      [JWKS_FILE]: JSON.stringify(jwks, null, 2),
    };
    const run = runLintStep(lintSettings(settings), {
      runner,
      send: () => Promise.reject(new Error('no network here')),
      readFile: (path) => files[path] ?? '',
      nowSeconds: () => NOW,
    });
    return { run, recorded };
  }

  it('annotates each finding on its file and line, sets the counts, and fails at an error', async () => {
    const { rsa } = await providerKeys();
    const { run, recorded } = await step({
      keys: [{ ...rsa.publicJwk, d: 'bGVha2VkLXByaXZhdGUtZXhwb25lbnQ' }],
    });
    const error = await run.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).kind).toBe('lint-findings');
    expect(recorded.outputs).toEqual({ errors: '3', warnings: '0' });
    expect(
      recorded.annotations.find(([, , where]) => where?.title?.startsWith('jwk-private-member')),
    ).toEqual([
      'error',
      expect.stringContaining('the private member `d`') as string,
      { title: 'jwk-private-member (error)', file: JWKS_FILE, line: 3 },
    ]);
    // The leaked private exponent is masked before anything prints.
    expect(recorded.masked).toContain('bGVha2VkLXByaXZhdGUtZXhwb25lbnQ');
    expect(recorded.logs.join('\n') + recorded.summary.join('\n')).not.toContain(
      'bGVha2VkLXByaXZhdGUtZXhwb25lbnQ',
    );
  });

  it('shows each finding once in the log: the annotation carries it, the text report only counts it', async () => {
    const { rsa } = await providerKeys();
    const { run, recorded } = await step({ keys: [{ ...rsa.publicJwk, use: 'enc' }] }, { failOn: 'never' });
    const report = await run;
    expect(report.findings.length).toBeGreaterThan(0);
    const log = recorded.logs.join('\n');
    const annotations = recorded.annotations.map(([, message]) => message).join('\n');
    for (const finding of report.findings) {
      // The verdict may quote the deciding finding's message; the finding's own entry is not repeated.
      expect(log).not.toContain(`${finding.rule}: ${finding.message}`);
      expect(log).not.toContain(`fix: ${finding.fix}`);
      const times = annotations.split(finding.message).length - 1;
      expect(times).toBe(report.findings.filter((other) => other.message === finding.message).length);
    }
    expect(log).toMatch(/^Findings: .* \(each is shown below, as an annotation\)$/m);
    expect(log).toMatch(/^Verdict:$/m);
  });

  it('survives a key set of 150,000 entries, and caps the annotations and summary rows it floods', async () => {
    const { run, recorded } = await step({ keys: new Array<number>(150_000).fill(0) }, { failOn: 'never' });
    const report = await run;
    expect(report.findings.filter((finding) => finding.rule === 'jwk-invalid')).toHaveLength(500);
    expect(report.findings.find((finding) => finding.rule === 'jwks-too-many-keys')?.message).toContain(
      'only the first 500 were checked',
    );
    expect(recorded.annotations).toHaveLength(51);
    expect(recorded.annotations[50]?.[1]).toMatch(/^\d+ more findings not annotated/);
    // Past the annotated ones, the log lists the rest itself, so every finding is still in it once.
    const log = recorded.logs.join('\n');
    expect(log).toMatch(/the first 50 are annotations, shown after this report; the other \d+ follow here/);
    const listed = log.split('\n').filter((line) => /^ {2}(error|warning|info) +\S+: /.test(line));
    expect(listed).toHaveLength(report.findings.length - 50);
    expect(recorded.summary.join('')).toMatch(/…and \d+ more findings: see the log or the JSON report\./);
  });

  it('passes on a clean provider and writes the JSON report where asked', async () => {
    const path = join(runFolderSync('lint-report-'), 'nested', 'report.json');
    const { run, recorded } = await step(await cleanJwks(), { report: path });
    const report = await run;
    expect(recorded.outputs).toEqual({ errors: '0', warnings: '0' });
    expect(recorded.annotations).toEqual([]);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('refuses a report path it cannot write, naming the input', async () => {
    const notADirectory = join(runFolderSync('lint-report-'), 'file');
    writeFileSync(notADirectory, '');
    const { run } = await step(await cleanJwks(), { report: join(notADirectory, 'report.json') });
    await expect(run).rejects.toThrow(
      `Input \`report\`: the folder ${notADirectory} for ${join(notADirectory, 'report.json')} cannot be made (E`,
    );
  });

  it('never writes the report through a symbolic link, not even a dangling one', async () => {
    const folder = runFolderSync('lint-report-');
    const elsewhere = join(folder, 'elsewhere.json');
    writeFileSync(elsewhere, 'not yours\n');
    symlinkSync(elsewhere, join(folder, 'report.json'));
    symlinkSync(join(folder, 'missing.json'), join(folder, 'dangling.json'));
    for (const name of ['report.json', 'dangling.json']) {
      const { run } = await step(await cleanJwks(), { report: join(folder, name) });
      const error = await rejectionOf(run);
      expect(error.message).toBe(
        `Input \`report\`: ${join(folder, name)} is a symbolic link, which is never followed.`,
      );
      expect(error.fix).toMatch(/only this job can write/);
    }
    expect(readFileSync(elsewhere, 'utf8')).toBe('not yours\n');
    expect(readdirSync(folder).sort()).toEqual(['dangling.json', 'elsewhere.json', 'report.json']);
  });

  it('replaces an existing report whole, through a scratch file that does not stay', async () => {
    const folder = runFolderSync('lint-report-');
    const path = join(folder, 'report.json');
    writeFileSync(path, 'an older report\n');
    const { run } = await step(await cleanJwks(), { report: path });
    const report = await run;
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(JSON.parse(JSON.stringify(report)));
    expect(readdirSync(folder)).toEqual(['report.json']);
  });
});

describe('the sample token in the reports', () => {
  it('a token that passes is called passing in the text, the summary and the JSON, never shown', async () => {
    const token = await signedToken({});
    const report = await reportOf({ settings: { token } });
    expect(report.sampleToken).toEqual({ passed: true, notChecked: [] });
    expect(textReport(report)).toContain(
      'Sample token: passed (issuer, key id, signature, algorithm and time left all check out).',
    );
    expect(summaryReport(report)).toContain('Sample token: **passed**');
    for (const text of [textReport(report), summaryReport(report), JSON.stringify(report)]) {
      expect(text).not.toContain(token);
    }
  });

  it('a token with findings did not pass, and the line names its rules', async () => {
    const report = await reportOf({
      settings: { token: await signedToken({ iss: 'https://other.example' }) },
    });
    expect(report.sampleToken?.passed).toBe(false);
    expect(textReport(report)).toContain('Sample token: did not pass (see token-issuer-mismatch).');
    expect(summaryReport(report)).toContain('Sample token: **did not pass**');
  });

  it('a token whose signature could not be checked is not called passing', async () => {
    const report = await reportOf({ jwks: null, settings: { token: await signedToken({}) } });
    expect(report.sampleToken).toEqual({ passed: false, notChecked: ['signature'] });
    expect(textReport(report)).toContain('Sample token: not fully checked (no findings, but no key set');
  });

  it('without a sample token there is no line and no member', async () => {
    const report = await reportOf({});
    expect(report).not.toHaveProperty('sampleToken');
    expect(textReport(report)).not.toContain('Sample token');
  });
});

describe('verdict sentences', () => {
  const error = (message: string) => ({
    rule: 'fetch-status' as const,
    severity: 'error' as const,
    message,
    fix: 'f',
  });
  const sentences = (message: string) =>
    verdictsOf({ mondoo: [error(message)], mender: [], oidc: [error(message)] }).map(verdictSentence);

  it('reads as a sentence: the deciding message as a clause, its first word in lower case', () => {
    expect(sentences('The discovery document URL answered HTTP 404.')).toEqual([
      'not usable with Mondoo: the discovery document URL answered HTTP 404',
      'usable with Mender SSO',
      'does not conform to OpenID Connect Discovery 1.0: the discovery document URL answered HTTP 404',
    ]);
  });

  it('leaves names, files and code as they are written', () => {
    for (const message of [
      '`issuer` is empty.',
      'RS256 is missing.',
      'Idp/discovery.json is not valid JSON.',
    ]) {
      expect(sentences(message)[0]).toBe(`not usable with Mondoo: ${message.slice(0, -1)}`);
    }
  });
});
