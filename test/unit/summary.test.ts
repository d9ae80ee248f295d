import { rendered } from '../support/rendered-markdown.ts';
import { describe, expect, it } from 'vitest';
import { ActionError } from '../../src/errors.js';
import type { ServiceAccount } from '../../src/exchange/credential.js';
import { GITHUB_ISSUER } from '../../src/exchange/diagnosis.js';
import { failureSummary, successSummary } from '../../src/exchange/summary.js';
import { ACCOUNT_IDS } from './helpers.js';

const NOW = 1_800_000_000;
const PRIVATE_KEY =
  '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgFAKEKEYFAKEKEY\n-----END PRIVATE KEY-----\n';
const PLATFORM_TOKEN = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJwbGF0Zm9ybSJ9.FAKEplatformSIGNATURE';
const ACCOUNT: ServiceAccount = {
  ...ACCOUNT_IDS,
  private_key: PRIVATE_KEY,
  certificate: '-----BEGIN CERTIFICATE-----\nMIIBCERTFAKE\n-----END CERTIFICATE-----\n',
  token: PLATFORM_TOKEN,
};
const SUBJECT = 'repo:octo-org/app:ref:refs/heads/main';

/** Splits a markdown table row into its cells, honouring `\|` escapes. */
function cells(row: string): string[] {
  return row
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

function rowFor(markdown: string, label: string): string {
  const row = markdown.split('\n').find((line) => line.startsWith(`| ${label} |`));
  if (!row) throw new Error(`no row for ${label} in:\n${markdown}`);
  return row;
}

describe('successSummary', () => {
  const markdown = successSummary({
    account: ACCOUNT,
    subject: SUBJECT,
    issuer: GITHUB_ISSUER,
    exported: true,
  });

  it('shows service account, space, endpoint, subject and issuer', () => {
    expect(markdown).toContain('authenticated');
    expect(cells(rowFor(markdown, 'Service account'))).toEqual(['Service account', `\`${ACCOUNT_IDS.mrn}\``]);
    expect(cells(rowFor(markdown, 'Space'))).toEqual(['Space', `\`${ACCOUNT_IDS.space_mrn}\``]);
    expect(cells(rowFor(markdown, 'API endpoint'))).toEqual([
      'API endpoint',
      `\`${ACCOUNT_IDS.api_endpoint}\``,
    ]);
    expect(cells(rowFor(markdown, 'Subject'))).toEqual(['Subject', `\`${SUBJECT}\``]);
    expect(cells(rowFor(markdown, 'Issuer'))).toEqual(['Issuer', `\`${GITHUB_ISSUER}\``]);
  });

  it('never shows the private key, certificate or token', () => {
    expect(markdown).not.toContain('FAKEKEY');
    expect(markdown).not.toContain('PRIVATE KEY');
    expect(markdown).not.toContain('CERTFAKE');
    expect(markdown).not.toContain(PLATFORM_TOKEN);
    expect(markdown).not.toContain('FAKEplatformSIGNATURE');
  });

  it('says whether MONDOO_CONFIG_BASE64 was exported', () => {
    expect(markdown).toContain('`MONDOO_CONFIG_BASE64` is exported for the later steps of this job.');
    const notExported = successSummary({
      account: ACCOUNT,
      subject: SUBJECT,
      issuer: GITHUB_ISSUER,
      exported: false,
    });
    expect(notExported).toContain('`MONDOO_CONFIG_BASE64` is not exported (`export-env: false`)');
  });
});

describe('failureSummary', () => {
  const error = new ActionError(
    'Mondoo refused the token (UNAUTHENTICATED, HTTP 401): no provider\nsecond line',
    {
      kind: 'sts-refused',
      fix: 'Compare issuer, audience and subject.',
    },
  );
  const claims = {
    iss: GITHUB_ISSUER,
    sub: SUBJECT,
    aud: '//captain.api.mondoo.app/spaces/s',
    exp: NOW + 100,
  };

  it('quotes every line of the message as inert text and shows the fix', () => {
    const markdown = failureSummary(error, claims, NOW);
    expect(markdown).toContain('failed');
    expect(rendered(markdown)).toContain(
      '> Mondoo refused the token (UNAUTHENTICATED, HTTP 401): no provider  \n> second line  ',
    );
    expect(rendered(markdown)).toContain('**Fix:** Compare issuer, audience and subject.');
  });

  it('shows the claims table with exp and seconds left', () => {
    const markdown = failureSummary(error, claims, NOW);
    expect(markdown).toContain('| Claim | Value |');
    expect(cells(rowFor(markdown, 'sub'))).toEqual(['sub', `\`${SUBJECT}\``]);
    expect(cells(rowFor(markdown, 'exp'))).toEqual(['exp', `\`${NOW + 100} (100 s left)\``]);
  });

  it('lists the hints for a refusal', () => {
    const markdown = failureSummary(error, claims, NOW);
    expect(markdown).toContain('#### What to check');
    expect(rendered(markdown)).toContain(
      `- The subject of the provider in Mondoo must match this token's \`sub\`: "${SUBJECT}"`,
    );
  });

  it('leaves out the claims table and hints when no token was seen', () => {
    const markdown = failureSummary(error, undefined, NOW);
    expect(markdown).not.toContain('| Claim |');
    expect(markdown).not.toContain('What to check');
  });

  it('leaves out the fix line when the error has none', () => {
    const markdown = failureSummary(new ActionError('boom', { kind: 'network' }), undefined, NOW);
    expect(markdown).not.toContain('**Fix:**');
    expect(markdown).toContain('> boom');
  });

  it('keeps a value containing `|` inside its table cell', () => {
    const markdown = failureSummary(error, { ...claims, sub: 'repo:o/r:ref:refs/heads/a|b' }, NOW);
    const row = rowFor(markdown, 'sub');
    expect(cells(row)).toHaveLength(2);
    expect(row).toContain('a\\|b');
  });

  it('keeps a value containing a newline on one row, the newline shown as \\n', () => {
    const markdown = failureSummary(error, { ...claims, ref: 'refs/heads/a\nb' }, NOW);
    expect(cells(rowFor(markdown, 'ref'))).toEqual(['ref', '`refs/heads/a\\nb`']);
  });

  it('fences a value containing backticks with a longer run of backticks', () => {
    const markdown = failureSummary(error, { ...claims, ref: 'refs/heads/a`b' }, NOW);
    expect(cells(rowFor(markdown, 'ref'))).toEqual(['ref', '``refs/heads/a`b``']);
    const two = failureSummary(error, { ...claims, ref: 'a``b' }, NOW);
    expect(cells(rowFor(two, 'ref'))).toEqual(['ref', '```a``b```']);
  });
});
