import { describe, expect, it } from 'vitest';
import { ActionError } from '../../src/errors.js';
import type { ServiceAccount } from '../../src/exchange/credential.js';
import { GITHUB_ISSUER } from '../../src/exchange/diagnosis.js';
import { failureSummary, successSummary } from '../../src/exchange/summary.js';
import { summaryReport } from '../../src/lint/render.js';
import { RAW_MARKUP, seeSummary, SUMMARY_ELEMENTS } from '../support/rendered-markdown.ts';
import { ACCOUNT_IDS } from './helpers.js';
import { providerKeys, reportOf, signedToken } from './lint-helpers.js';

/*
 * Each kind of job summary, rendered as GitHub-flavoured Markdown by an independent renderer (marked), and
 * judged by what a reader sees: tables with one header row and no empty header cell, every row as wide as its
 * header, no Markdown syntax showing as characters outside code, no element a value could have smuggled in.
 */

const NOW = 1_800_000_000;
/** A value from outside that tries every kind of markup a summary could let through. */
const HOSTILE = 'a|b `c` **d** _e_ <img src=x onerror=alert(1)> [f](https://evil.example) # g \\h';
/** The value as it appears in a summary: as it is, or inside a JSON string (a backslash doubled). */
const HOSTILE_FORMS = [HOSTILE, JSON.stringify(HOSTILE).slice(1, -1)];
const ACCOUNT: ServiceAccount = {
  ...ACCOUNT_IDS,
  private_key: '-----BEGIN PRIVATE KEY-----\nMIGHAgEAFAKE\n-----END PRIVATE KEY-----\n',
  certificate: '',
};

/**
 * The structure holds whatever the values are; `values` are the outside values in it, which must show as the
 * characters they are (markup in them included), and are the only place markup characters may show.
 */
function expectReadable(markdown: string, values: readonly string[] = []): ReturnType<typeof seeSummary> {
  const seen = seeSummary(markdown);
  expect(seen.tables.length, markdown).toBeGreaterThan(0);
  for (const table of seen.tables) {
    expect(table.headerRows, markdown).toBe(1);
    for (const cell of table.header) expect(cell.trim(), markdown).not.toBe('');
    for (const width of table.sourceCells) expect(width, markdown).toBe(table.header.length);
  }
  const prose = values.reduce((text, value) => text.split(value).join(' '), seen.prose);
  expect(prose, markdown).not.toMatch(RAW_MARKUP);
  const elements = new Set([...seen.html.matchAll(/<([a-z0-9]+)[\s>/]/g)].map((match) => match[1]));
  expect(
    [...elements].filter((element) => !SUMMARY_ELEMENTS.has(element ?? '')),
    markdown,
  ).toEqual([]);
  return seen;
}

describe('rendered job summaries', () => {
  it('exchange success: one identity table, values in code, the export said in prose', () => {
    const markdown = successSummary({
      account: ACCOUNT,
      subject: HOSTILE,
      issuer: GITHUB_ISSUER,
      exported: true,
    });
    const seen = expectReadable(markdown, HOSTILE_FORMS);
    expect(seen.tables).toHaveLength(1);
    expect(seen.tables[0]?.header).toEqual(['Identity', 'Value']);
    expect(seen.tables[0]?.rows.map((row) => row[0])).toEqual([
      'Service account',
      'Space',
      'API endpoint',
      'Subject',
      'Issuer',
    ]);
    // The hostile subject is shown as the characters it is, whole, in its own cell.
    expect(seen.tables[0]?.rows[3]?.[1]).toBe(HOSTILE);
    expect(seen.text).toContain('MONDOO_CONFIG_BASE64 is exported for the later steps of this job.');
    // Prose is not set in code font: only names and values are.
    expect(seen.html).not.toMatch(/<code>[^<]* [a-z]+ [a-z]+ [^<]*<\/code>/);
  });

  it('exchange failure: the quoted message, the fix, the claims table and the hints read as text', () => {
    const error = new ActionError(
      `Mondoo refused the token (PERMISSION_DENIED, HTTP 403): no binding matches subject "${HOSTILE}"\nsecond line`,
      {
        kind: 'sts-refused',
        fix: 'Compare `iss`, `aud` and `sub` with the provider in Mondoo (see the claims table).',
      },
    );
    const claims = {
      iss: GITHUB_ISSUER,
      sub: HOSTILE,
      aud: '//captain.api.mondoo.app/spaces/s',
      exp: NOW + 60,
    };
    const seen = expectReadable(failureSummary(error, claims, NOW), HOSTILE_FORMS);
    expect(seen.tables).toHaveLength(1);
    expect(seen.tables[0]?.header).toEqual(['Claim', 'Value']);
    expect(seen.tables[0]?.rows.find((row) => row[0] === 'sub')?.[1]).toBe(HOSTILE);
    expect(seen.text).toContain(`no binding matches subject "${HOSTILE}"\nsecond line`);
    expect(seen.text).toContain(
      'Fix: Compare iss, aud and sub with the provider in Mondoo (see the claims table).',
    );
    // The names the fix quotes are code, as in the log; the outside value inside the message is plain text.
    expect(seen.html).toContain('<code>iss</code>');
    expect(seen.text).toContain('What to check');
  });

  it('lint: the findings table and the fetches table, with a finding that quotes a hostile value', async () => {
    const { rsa } = await providerKeys();
    const token = await signedToken({ iss: 'https://other.example' });
    const report = await reportOf({
      discovery: { issuer: `https://id.example.com/${HOSTILE}` },
      jwks: { keys: [{ ...rsa.publicJwk, kid: HOSTILE }] },
      settings: { token },
    });
    const withFetches = {
      ...report,
      fetches: [
        {
          url: 'https://id.example.com/.well-known/openid-configuration',
          status: 200,
          contentType: 'application/json',
          bytes: 512,
          ms: 12,
        },
        { url: `https://id.example.com/keys?${HOSTILE}`, error: `refused ${HOSTILE}`, ms: 3 },
      ],
    };
    const seen = expectReadable(summaryReport(withFetches), HOSTILE_FORMS);
    expect(seen.tables.map((table) => table.header)).toEqual([
      ['Rule', 'Severity', 'Finding', 'Value', 'Fix'],
      ['URL', 'Status', 'Content-Type', 'Bytes', 'Time'],
    ]);
    expect(seen.tables[0]?.rows.length).toBe(report.findings.length);
    expect(seen.tables[1]?.rows[1]).toEqual([
      `https://id.example.com/keys?${HOSTILE}`,
      `no answer: refused ${HOSTILE}`,
      '',
      '',
      '3 ms',
    ]);
    expect(seen.text).toContain('Sample token: did not pass');
  });
});
