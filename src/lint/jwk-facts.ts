import { createPublicKey, type JsonWebKey, X509Certificate } from 'node:crypto';
import { importJWK, type JWK } from 'jose';
import { isKeyAgreementCurve } from './algorithms.js';
import type { Observation } from './findings.js';
import { shown } from './shown.js';
import { isObject } from '../json.js';
import { displayJson } from '../output/display.js';
import { MIN_MASK_LENGTH } from '../secrets/mask-forms.js';
import { plural } from '../plural.js';

// Facts about one JWK that the key-set rules build on: parsing, key sizes, certificates, secrets. No I/O.

/** Private JWK members (RFC 7518 §6.2.2, §6.3.2, §6.4.1): their values are the private key. */
export const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth'];

/** The values of a key's private members as they could appear in text, `oth` primes included. */
export function privateValues(key: unknown): string[] {
  if (!isObject(key)) return [];
  const values = PRIVATE_MEMBERS.filter((member) => key[member] !== undefined).flatMap((member) => {
    const value = key[member];
    const nested: unknown[] = Array.isArray(value)
      ? (value as unknown[]).flatMap((item) => (isObject(item) ? Object.values(item) : [item]))
      : [];
    return [value, ...nested].map((item) => (typeof item === 'string' ? item : safeJson(item)));
  });
  return values.filter((value) => value.length >= MIN_MASK_LENGTH);
}

/** What a value is, without quoting it: for values that may be key material. */
export function describedValue(value: unknown): string {
  if (typeof value === 'string') return `a string of ${plural(value.length, 'character')}`;
  if (Array.isArray(value)) return `an array of ${plural(value.length, 'item')}`;
  if (isObject(value)) return `an object with ${plural(Object.keys(value).length, 'member')}`;
  return value === null ? 'null' : `a ${typeof value}`;
}

/**
 * A value from a key set, shown only after the private-material check: one that holds a private value of
 * the set, or looks like a PEM private key, is described by its type and size instead.
 */
export function shownFromKeySet(value: unknown, privateOfSet: readonly string[]): string {
  const whole = typeof value === 'string' ? value : displayJson(value, { maxDepth: 8, maxChars: 1 << 20 });
  const isPrivate =
    /PRIVATE KEY/i.test(whole) || privateOfSet.some((secret) => secret.length > 0 && whole.includes(secret));
  return isPrivate ? `(${describedValue(value)} holding private key material: not shown)` : shown(value);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

/**
 * Why jose (or, for curves jose 6 does not implement such as secp256k1 and Ed448, Node's own JWK import)
 * refuses the key; undefined when it imports.
 */
export async function importProblem(key: Record<string, unknown>, alg: string): Promise<string | undefined> {
  try {
    await importJWK(key as JWK, alg);
    return undefined;
  } catch (error) {
    if (!joseCannotHandle(error)) return (error as Error).message;
    try {
      createPublicKey({ key: key as JsonWebKey, format: 'jwk' });
      return undefined;
    } catch (fallback) {
      return (fallback as Error).message;
    }
  }
}

/** Why a key is for encryption or key agreement, naming the member that says so; undefined for signing keys. */
export function nonSigningReason(key: Record<string, unknown>): string | undefined {
  if (key.use === 'enc') return 'use "enc"';
  if (Array.isArray(key.key_ops) && !key.key_ops.includes('verify'))
    return `key_ops ${shownFromKeySet(key.key_ops, [])}`;
  if (typeof key.alg === 'string' && isEncryptionAlg(key.alg)) return `alg ${shown(key.alg)}`;
  if (isKeyAgreementCurve(key.crv)) return `curve ${shown(key.crv)}`;
  return undefined;
}

/** jose 6 implements no secp256k1 or Ed448: it says "not supported" or that the curve and alg mismatch. */
export function joseCannotHandle(error: unknown): boolean {
  return (
    (error as { code?: string }).code === 'ERR_JOSE_NOT_SUPPORTED' ||
    /mismatch/.test((error as Error).message)
  );
}

/** JWE key-management algorithms: a key with one of these is for encryption, whatever `use` says. */
function isEncryptionAlg(alg: string): boolean {
  return /^(RSA-OAEP|RSA1_5|ECDH-ES|A\d+KW|A\d+GCMKW|dir$|PBES2)/.test(alg);
}

/** Bits in an RSA modulus, leading zero octets not counted. */
export function bitLength(bytes: Buffer): number {
  const start = bytes.findIndex((byte) => byte !== 0);
  if (start < 0) return 0;
  return (bytes.length - start - 1) * 8 + (bytes[start] ?? 0).toString(2).length;
}

/** What is wrong with a key's x5c certificate, if it has one: unparsable, expired, not yet valid, another key. */
export function checkCertificate(
  key: Record<string, unknown>,
  label: string,
  nowSeconds: number,
  note: (rule: Observation['rule'], message: string, value?: string) => void,
): void {
  const x5c = key.x5c;
  if (!Array.isArray(x5c) || x5c.length === 0) return;
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Buffer.from(String(x5c[0]), 'base64'));
  } catch {
    note('jwk-x5c-invalid', `${label}: x5c[0] is not a DER certificate in base64.`);
    return;
  }
  const day = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);
  const expiresAt = Date.parse(certificate.validTo) / 1000;
  const startsAt = Date.parse(certificate.validFrom) / 1000;
  if (expiresAt < nowSeconds) {
    note(
      'jwk-x5c-expired',
      `${label}: its x5c certificate expired on ${day(expiresAt)}.`,
      certificate.validTo,
    );
  } else if (startsAt > nowSeconds) {
    note(
      'jwk-x5c-invalid',
      `${label}: its x5c certificate is not valid before ${day(startsAt)}.`,
      certificate.validFrom,
    );
  }
  let certified: JsonWebKey | undefined;
  try {
    certified = certificate.publicKey.export({ format: 'jwk' });
  } catch {
    // RSA-PSS and DSA certificate keys have no JWK form: not a key a JWKS can carry.
  }
  if (!certified || !sameKey(certified, key)) {
    note('jwk-x5c-invalid', `${label}: the x5c certificate holds a different key than the JWK.`);
  }
}

/** Whether two public JWKs are the same key, comparing the numbers and ignoring encoding details. */
function sameKey(a: JsonWebKey, b: Record<string, unknown>): boolean {
  const number = (value: unknown) =>
    typeof value === 'string'
      ? Buffer.from(value, 'base64url')
          .toString('hex')
          .replace(/^(00)+/, '')
      : '';
  const members = a.kty === 'RSA' ? ['n', 'e'] : ['x', 'y'];
  return (
    a.kty === b.kty && members.every((member) => number(a[member as keyof JsonWebKey]) === number(b[member]))
  );
}
