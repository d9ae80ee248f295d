import { generateKeyPairSync } from 'node:crypto';
import { type JWTPayload, UnsecuredJWT } from 'jose';
import forge from 'node-forge';
import { ActionError } from '../../src/errors.js';
import type { OidcToken } from '../../src/exchange/oidc-token.js';

/** Runs `fn` and returns the ActionError it throws; fails the test when it throws nothing or something else. */
export function thrownBy(fn: () => unknown): ActionError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ActionError) return error;
    throw error;
  }
  throw new Error('expected an ActionError, but nothing was thrown');
}

/** Same as thrownBy, for promises. */
export async function rejectionOf(promise: Promise<unknown>): Promise<ActionError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ActionError) return error;
    throw error;
  }
  throw new Error('expected an ActionError, but the promise resolved');
}

/** An unsigned JWT carrying `claims`: the action decodes without verifying, so no signature is needed. */
export function jwtWith(claims: JWTPayload): string {
  return new UnsecuredJWT(claims).encode();
}

/** An OidcToken as parseOidcToken would produce, without going through a JWT. */
export function oidcToken(claims: JWTPayload & { exp: number; iss: string }): OidcToken {
  return { jwt: 'header.payload.signature', claims, expiresAt: claims.exp, issuer: claims.iss };
}

/** An ECDSA P-384 private key in PKCS#8 PEM: the one kind Mondoo's clients sign with (ES384). */
export function ecPrivateKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

let cachedCertificate: string | undefined;

/** A small self-signed PEM certificate (the action only checks that it parses). */
export function selfSignedCertificatePem(): string {
  if (cachedCertificate) return cachedCertificate;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const forgePrivate = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
  const forgePublic = forge.pki.publicKeyFromPem(
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  const cert = forge.pki.createCertificate();
  cert.publicKey = forgePublic;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 3_600_000);
  const attrs = [{ name: 'commonName', value: 'unit-test service account' }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(forgePrivate, forge.md.sha256.create());
  cachedCertificate = forge.pki.certificateToPem(cert);
  return cachedCertificate;
}

export const ACCOUNT_IDS = {
  mrn: '//agents.api.mondoo.app/spaces/keen-space-123/serviceaccounts/2abcDEF',
  space_mrn: '//captain.api.mondoo.app/spaces/keen-space-123',
  api_endpoint: 'https://us.api.mondoo.com',
};

/** Standard padded base64 of the JSON text, as Mondoo returns `base64_credential`. */
export function toBase64(json: string): string {
  return Buffer.from(json, 'utf8').toString('base64');
}
