import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newCaCertificate, type TestCa, testCaFrom } from './test-ca.ts';

/*
 * One test CA for the whole test session, trusted by every vitest worker from its start.
 *
 * Node reads NODE_EXTRA_CA_CERTS once, when the process starts, and Node 20 has no API to add a trusted CA
 * later, so code under test that makes its own connections (the real `send` in src/http.ts) can only reach
 * a loopback HTTPS server in-process if the worker was started trusting that server's CA. global-setup.ts
 * makes this CA before any worker is forked and puts it in NODE_EXTRA_CA_CERTS, which vitest hands to the
 * workers it forks. Tests that need a CA nobody trusts keep making their own with createTestCa().
 */

const DIR_VARIABLE = 'SESSION_CA_DIR';

/** Called by global-setup.ts: makes the CA under `sessionDir` and sets the variables workers inherit. */
export function createSessionCa(sessionDir: string): void {
  const dir = join(sessionDir, 'session-ca');
  mkdirSync(dir, { mode: 0o700 });
  const { certPem, keyPem } = newCaCertificate();
  writeFileSync(join(dir, 'ca.pem'), certPem, { mode: 0o644 });
  writeFileSync(join(dir, 'ca-key.pem'), keyPem, { mode: 0o600 });
  process.env[DIR_VARIABLE] = dir;
  process.env.NODE_EXTRA_CA_CERTS = join(dir, 'ca.pem');
}

let cached: TestCa | undefined;

/** The session CA, whose server certificates this worker's own TLS connections trust. */
export function sessionCa(): TestCa {
  if (cached) return cached;
  const dir = process.env[DIR_VARIABLE];
  const certFile = dir && join(dir, 'ca.pem');
  if (!dir || !certFile || process.env.NODE_EXTRA_CA_CERTS !== certFile) {
    throw new Error(
      'the session CA exists only in workers started by vitest with test/support/global-setup.ts',
    );
  }
  cached = testCaFrom({
    certPem: readFileSync(certFile, 'utf8'),
    keyPem: readFileSync(join(dir, 'ca-key.pem'), 'utf8'),
    certFile,
    dir,
  });
  return cached;
}
