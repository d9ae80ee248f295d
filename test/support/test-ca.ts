import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';

/** A throwaway certificate authority that exists only for one test run; nothing is ever written to the repo. */
export interface TestCa {
  caCertPem: string;
  /** The CA certificate on disk, for NODE_EXTRA_CA_CERTS in child processes. */
  caCertFile: string;
  /** The temporary directory holding caCertFile; whoever created the CA may remove it. */
  dir: string;
  issueServerCert(hosts?: string[]): { keyPem: string; certPem: string };
}

const HOUR_MS = 60 * 60 * 1000;

interface ForgeKeyPair {
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
}

// node:crypto generates RSA keys natively in milliseconds; forge's pure-JS generator takes seconds.
function generateRsaKeyPair(): ForgeKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privatePem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return {
    privateKey: forge.pki.privateKeyFromPem(privatePem),
    publicKey: forge.pki.publicKeyFromPem(publicPem),
  };
}

// DER INTEGERs are signed and minimally encoded: clearing the top bit keeps the serial positive, setting the next
// one keeps the first byte non-zero, so OpenSSL never sees a negative or padded serial.
function randomSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x40;
  return bytes.toString('hex');
}

function validity(cert: forge.pki.Certificate): void {
  const now = Date.now();
  cert.validity.notBefore = new Date(now - HOUR_MS);
  cert.validity.notAfter = new Date(now + 24 * HOUR_MS);
}

export async function createTestCa(): Promise<TestCa> {
  const { certPem, keyPem } = newCaCertificate();
  const dir = await mkdtemp(join(tmpdir(), 'mondoo-test-ca-'));
  const caCertFile = join(dir, 'ca.pem');
  await writeFile(caCertFile, certPem, { mode: 0o644 });
  return testCaFrom({ certPem, keyPem, certFile: caCertFile, dir });
}

/** A new self-signed CA certificate and its key, both PEM. */
export function newCaCertificate(): { certPem: string; keyPem: string } {
  const caKeys = generateRsaKeyPair();
  const caCert = forge.pki.createCertificate();
  caCert.publicKey = caKeys.publicKey;
  caCert.serialNumber = randomSerialNumber();
  validity(caCert);
  const caName = [
    { name: 'commonName', value: 'mondoo-keyless-auth test CA' },
    { name: 'organizationName', value: 'Test Only' },
  ];
  caCert.setSubject(caName);
  caCert.setIssuer(caName);
  caCert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  caCert.sign(caKeys.privateKey, forge.md.sha256.create());
  return {
    certPem: forge.pki.certificateToPem(caCert),
    keyPem: forge.pki.privateKeyToPem(caKeys.privateKey),
  };
}

/** A TestCa around an existing CA certificate and key (see session-ca.ts), already saved as `certFile`. */
export function testCaFrom(saved: {
  certPem: string;
  keyPem: string;
  certFile: string;
  dir: string;
}): TestCa {
  const caCert = forge.pki.certificateFromPem(saved.certPem);
  const caKeys = { privateKey: forge.pki.privateKeyFromPem(saved.keyPem) };
  const caCertPem = saved.certPem;
  const caCertFile = saved.certFile;
  const dir = saved.dir;
  const caKeyIdentifier = caCert.generateSubjectKeyIdentifier().getBytes();

  function issueServerCert(hosts: string[] = ['127.0.0.1', 'localhost', 'sts.test', 'tokens.test']): {
    keyPem: string;
    certPem: string;
  } {
    const keys = generateRsaKeyPair();
    const cert = forge.pki.createCertificate();
    cert.publicKey = keys.publicKey;
    cert.serialNumber = randomSerialNumber();
    validity(cert);
    cert.setSubject([{ name: 'commonName', value: hosts[0] ?? 'localhost' }]);
    cert.setIssuer(caCert.subject.attributes);
    cert.setExtensions([
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: hosts.map((host) => (isIP(host) ? { type: 7, ip: host } : { type: 2, value: host })),
      },
      { name: 'subjectKeyIdentifier' },
      { name: 'authorityKeyIdentifier', keyIdentifier: caKeyIdentifier },
    ]);
    cert.sign(caKeys.privateKey, forge.md.sha256.create());
    return {
      keyPem: forge.pki.privateKeyToPem(keys.privateKey),
      certPem: forge.pki.certificateToPem(cert),
    };
  }

  return { caCertPem, caCertFile, dir, issueServerCert };
}
