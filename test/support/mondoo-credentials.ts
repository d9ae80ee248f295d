import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { issueEcCertificate } from './service-account-cert.ts';

// The service-account credentials the STS stand-in issues, in the shapes Mondoo's sources decode
// (mql providers-sdk/v1/upstream/sts.go), with the keys a real or a broken service might carry.

const SPACE = 'test-space-1234';
export const SPACE_MRN = `//captain.api.mondoo.app/spaces/${SPACE}`;

export interface ServiceAccount {
  mrn: string;
  scope_mrn?: string;
  parent_mrn?: string;
  space_mrn?: string;
  private_key?: string;
  certificate?: string;
  token?: string;
  api_endpoint: string;
}

/** The keys a Mondoo-like service might put in `private_key`; only `p384` is what Mondoo's clients sign with. */
export type KeyKind = 'p384' | 'p256' | 'rsa' | 'rsa-pkcs1' | 'sec1';

/** How the key-pair credential is made (see StsOptions). */
export interface KeyAccountOptions {
  spaceField?: 'scope_mrn' | 'space_mrn' | 'parent_mrn';
  keyKind?: KeyKind;
  certificate?: boolean;
}

function randomJwtLookingToken(mrn: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const header = part({ alg: 'ES384', typ: 'JWT' });
  const payload = part({
    sub: mrn,
    iss: 'mondoo/ams',
    iat: now,
    exp: now + 3600,
    jti: randomBytes(8).toString('hex'),
  });
  return `${header}.${payload}.${randomBytes(96).toString('base64url')}`;
}

function newMrn(): string {
  return `//agents.api.mondoo.app/spaces/${SPACE}/serviceaccounts/${randomBytes(14).toString('hex')}`;
}

/** The token form, as mql's sts.go decodes it: {mrn, space_mrn, token, api_endpoint}. */
export function createTokenAccount(): ServiceAccount {
  const mrn = newMrn();
  return {
    mrn,
    space_mrn: SPACE_MRN,
    token: randomJwtLookingToken(mrn),
    api_endpoint: 'https://us.api.mondoo.com',
  };
}

function keyPairOf(kind: KeyKind): { pem: string; publicKey: KeyObject } {
  if (kind === 'rsa' || kind === 'rsa-pkcs1') {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const type = kind === 'rsa' ? 'pkcs8' : 'pkcs1';
    return { pem: privateKey.export({ type, format: 'pem' }).toString(), publicKey };
  }
  const namedCurve = kind === 'p256' ? 'prime256v1' : 'secp384r1';
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve });
  const type = kind === 'sec1' ? 'sec1' : 'pkcs8';
  return { pem: privateKey.export({ type, format: 'pem' }).toString(), publicKey };
}

export function createKeyAccount(opts: KeyAccountOptions): ServiceAccount {
  const mrn = newMrn();
  const key = keyPairOf(opts.keyKind ?? 'p384');
  const issuer = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
  const certificate =
    opts.certificate === false
      ? {}
      : {
          certificate: issueEcCertificate({
            subjectKey: key.publicKey,
            subjectName: mrn,
            issuerKey: issuer.privateKey,
            issuerName: 'mondoo',
          }),
        };
  return {
    mrn,
    [opts.spaceField ?? 'space_mrn']: SPACE_MRN,
    private_key: key.pem,
    ...certificate,
    api_endpoint: 'https://us.api.mondoo.com',
  };
}

export const base64Of = (account: ServiceAccount) =>
  Buffer.from(JSON.stringify(account), 'utf8').toString('base64');
