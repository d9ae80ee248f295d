// scripts/scan-log-for-secrets.sh is what the e2e workflow runs on the real runners' job logs: it must fail on
// each form in which this action's secrets could leak, pass a masked log, and never print what it found.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { base64Of, createKeyAccount } from '../support/mondoo-credentials.ts';
import { scanLog as scan } from '../support/scan-log.ts';

const clean = [
  '2026-11-30T19:00:00.0000000Z ##[group]Run ./',
  '2026-11-30T19:00:01.0000000Z Exported MONDOO_CONFIG_BASE64 for the following steps',
  '2026-11-30T19:00:02.0000000Z   MONDOO_CONFIG_BASE64: ***',
  '',
].join('\n');

// Masked secrets and text that only resembles a secret: what a healthy job log shows.
const ordinary = [
  '2026-11-30T19:00:03.0000000Z {"token": "***", "token_type": "Bearer", "expires_in": 3600}',
  '2026-11-30T19:00:04.0000000Z {\\"access_token\\": \\"***\\"}',
  '2026-11-30T19:00:05.0000000Z "issued_token_type": "urn:ietf:params:oauth:token-type:access_token"',
  '2026-11-30T19:00:06.0000000Z "token": "the runner gave this step no token"',
  '2026-11-30T19:00:07.0000000Z   EXPECTED_SHA256: 5f2b8c0e6f6a5b0c0f7b7a1d3e9e2c4a7c1d9b0e8f6a5b4c3d2e1f0a9b8c7d6e',
  '2026-11-30T19:00:08.0000000Z eyJ is how base64 JSON starts; ewog too; MIGHAgEAMBMG is cut short',
  '2026-11-30T19:00:09.0000000Z added 412 packages, and audited 413 packages in 9s',
  '',
].join('\n');

function firstBodyLine(pem: string) {
  return pem.split('\n').find((line) => line && !line.startsWith('-----')) ?? '';
}

function expectFlagged(leaks: Record<string, string>) {
  for (const [form, secret] of Object.entries(leaks)) {
    expect(secret, form).not.toBe('');
    const { code, output } = scan(`${clean}2026-11-30T19:00:03.0000000Z value: ${secret}\n`);
    expect(code, form).toBe(1);
    expect(output, form).toMatch(/lines 4( \d+)* look like a secret/);
    expect(output, form).not.toContain(secret.slice(0, 16));
  }
}

describe('scan-log-for-secrets.sh', () => {
  it('passes a log whose secrets are masked, and ordinary text that only resembles a secret', () => {
    expect(scan(clean)).toMatchObject({
      code: 0,
      output: expect.stringContaining('3 lines, nothing that looks'),
    });
    expect(scan(`${clean}${ordinary}`)).toMatchObject({
      code: 0,
      output: expect.stringContaining('10 lines, nothing that looks'),
    });
  });

  it('fails on a JWT, the base64 credential, a PEM key or one line of its body, naming only the line', async () => {
    const account = createKeyAccount({});
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwt = await new SignJWT({ sub: 'repo:octo-org/octo-repo:ref:refs/heads/main' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    const keyLines = (account.private_key ?? '')
      .split('\n')
      .filter((line) => line && !line.startsWith('-----'));
    const leaks = {
      jwt,
      credential: base64Of(account),
      pem: account.private_key ?? '',
      'first key line': keyLines[0] ?? '',
    };
    expectFlagged(leaks);
  });

  it('fails on the credential as pretty-printed JSON in base64, with LF, CRLF or tabs, and wrapped at 76', () => {
    const account = createKeyAccount({});
    const pretty = JSON.stringify(account, null, 2);
    const base64 = (text: string) => Buffer.from(text).toString('base64');
    expectFlagged({
      'two spaces': base64(pretty),
      'key first': base64(`{\n"mrn": ${JSON.stringify(account.mrn)}, "private_key": "x"}`),
      'space after the brace': base64(`{ "mrn": ${JSON.stringify(account.mrn)} }`),
      CRLF: base64(pretty.replaceAll('\n', '\r\n')),
      tabs: base64(JSON.stringify(account, null, '\t')),
      'wrapped at 76 (base64 without -w0)': base64(pretty).slice(0, 76),
    });
  });

  it('fails on the first line of an ECDSA P-256 or P-384 PKCS#8 key body', () => {
    const bodyOf = (namedCurve: string) =>
      firstBodyLine(
        generateKeyPairSync('ec', { namedCurve })
          .privateKey.export({ type: 'pkcs8', format: 'pem' })
          .toString(),
      );
    expectFlagged({ 'P-256': bodyOf('P-256'), 'P-384': bodyOf('P-384') });
  });

  it('fails on a JSON token field with a long value that is not masked, also inside a JSON string', () => {
    const value = randomBytes(24).toString('base64url');
    const leaks = {
      token: `{"token": "${value}"}`,
      'no space': `{"token":"${value}"}`,
      access_token: `{"access_token": "${value}", "token_type": "Bearer"}`,
      idToken: `{"idToken": "${value}"}`,
      'inside a JSON string': JSON.stringify(JSON.stringify({ token: value })),
    };
    for (const [form, leak] of Object.entries(leaks)) {
      const { code, output } = scan(`${clean}2026-11-30T19:00:03.0000000Z ${leak}\n`);
      expect(code, form).toBe(1);
      expect(output, form).toMatch(/lines 4 look like a secret/);
      expect(output, form).not.toContain(value.slice(0, 8));
    }
  });
});
