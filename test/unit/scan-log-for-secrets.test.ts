// scripts/scan-log-for-secrets.sh is what the e2e workflow runs on the real runners' job logs: it must fail on
// each form in which this action's secrets could leak, pass a masked log, and never print what it found.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { base64Of, createKeyAccount } from '../support/mondoo-credentials.ts';

const scratch = mkdtempSync(join(tmpdir(), 'scan-log-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function scan(log: string) {
  const file = join(scratch, `${Math.random().toString(36).slice(2)}.log`);
  writeFileSync(file, log);
  const run = spawnSync('bash', ['scripts/scan-log-for-secrets.sh', file], {
    cwd: new URL('../../', import.meta.url),
    encoding: 'utf8',
  });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

const clean = [
  '2026-11-30T19:00:00.0000000Z ##[group]Run ./',
  '2026-11-30T19:00:01.0000000Z Exported MONDOO_CONFIG_BASE64 for the following steps',
  '2026-11-30T19:00:02.0000000Z   MONDOO_CONFIG_BASE64: ***',
  '',
].join('\n');

describe('scan-log-for-secrets.sh', () => {
  it('passes a log whose secrets are masked', () => {
    expect(scan(clean)).toMatchObject({
      code: 0,
      output: expect.stringContaining('3 lines, nothing that looks'),
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
    for (const [form, secret] of Object.entries(leaks)) {
      expect(secret, form).not.toBe('');
      const { code, output } = scan(`${clean}2026-11-30T19:00:03.0000000Z value: ${secret}\n`);
      expect(code, form).toBe(1);
      expect(output, form).toMatch(/lines 4( \d+)* look like a secret/);
      expect(output, form).not.toContain(secret.slice(0, 16));
    }
  });
});
