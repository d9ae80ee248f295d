import { createPublicKey, type JsonWebKey, X509Certificate } from 'node:crypto';
import { calculateJwkThumbprint, importJWK, type JWK } from 'jose';
import { algsForKeyType, isKeyAgreementCurve } from './algorithms.js';
import { isObject, type Location, type Observation, shown } from './findings.js';

/** A key that can verify ID token signatures, and the algorithms it serves. */
export interface SigningKey {
  kid: string | undefined;
  algs: string[];
  jwk: JWK;
}

export interface JwksVerdict {
  observations: Observation[];
  signingKeys: SigningKey[];
  /** Values of private members found in the set, so the step can mask them before anything prints. */
  secrets: string[];
  /** Every kid in the set, usable or not, so a token check can say why its key was not found. */
  kids: string[];
}

export type Locate = (pointer: string) => Location | undefined;

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth'];
const ENCODED_MEMBERS = ['n', 'e', 'x', 'y'];
const MIN_RSA_BITS = 2048;
const MAX_KEYS = 100;
/** Keys past this many are not inspected one by one: the set is already reported as too large. */
const MAX_INSPECTED_KEYS = 500;
/** Shorter secrets are not masked: masking "1" would garble every log line. */
const MIN_MASKED_LENGTH = 8;

/** Checks a JWK Set key by key; keys go through jose's importJWK, never hand-written parsing. */
export async function inspectJwks(jwks: unknown, locate: Locate, nowSeconds: number): Promise<JwksVerdict> {
  const observations: Observation[] = [];
  const listed = isObject(jwks) ? jwks.keys : undefined;
  let keys: unknown[];
  if (Array.isArray(listed)) {
    keys = listed;
  } else {
    const singleKey = isObject(jwks) && typeof jwks.kty === 'string';
    observations.push({
      rule: 'jwks-not-set',
      message: singleKey
        ? 'The key set is a single JWK, not {"keys": [ ... ]}; it is checked as the only key.'
        : 'The key set has no `keys` array.',
      value: isObject(jwks) && !singleKey ? shown(Object.keys(jwks)) : undefined,
      location: locate(''),
    });
    if (!singleKey) return { observations, signingKeys: [], secrets: [], kids: [] };
    keys = [jwks];
  }
  if (keys.length > MAX_KEYS) {
    observations.push({
      rule: 'jwks-too-many-keys',
      message: `The key set has ${keys.length} keys${keys.length > MAX_INSPECTED_KEYS ? `; only the first ${MAX_INSPECTED_KEYS} were checked` : ''}.`,
      location: locate('/keys'),
    });
    keys = keys.slice(0, MAX_INSPECTED_KEYS);
  }
  const signingKeys: SigningKey[] = [];
  const secrets = keys.flatMap(privateValues);
  const kids = new Map<string, number>();
  const thumbprints = new Map<string, string>();
  for (const [index, key] of keys.entries()) {
    const context: KeyContext = { index, label: labelOf(key, index), location: locate(`/keys/${index}`) };
    const inspected = await inspectKey(key, context, nowSeconds, observations);
    if (!isObject(key)) continue;
    const kid = typeof key.kid === 'string' ? key.kid : undefined;
    if (kid === undefined) {
      observations.push(at(context, 'jwk-kid-missing', `${context.label} has no \`kid\`.`));
    } else if (kids.has(kid)) {
      observations.push(
        at(
          context,
          'jwk-kid-duplicate',
          `keys[${index}] repeats the kid of keys[${kids.get(kid)}].`,
          shown(kid),
        ),
      );
    } else {
      kids.set(kid, index);
    }
    if (!inspected) continue;
    const earlier = thumbprints.get(inspected.thumbprint);
    if (earlier !== undefined) {
      observations.push(at(context, 'jwk-duplicate-key', `${context.label} is the same key as ${earlier}.`));
    } else {
      thumbprints.set(inspected.thumbprint, context.label);
    }
    if (inspected.signing) signingKeys.push({ kid, algs: inspected.algs, jwk: key });
  }
  if (signingKeys.length === 0) {
    observations.push({
      rule: 'jwks-no-signing-key',
      message: `None of the ${keys.length} keys can verify a signature.`,
      location: locate('/keys'),
    });
  }
  return { observations, signingKeys, secrets, kids: [...kids.keys()] };
}

/** The values of a key's private members as they could appear in text, `oth` primes included. */
function privateValues(key: unknown): string[] {
  if (!isObject(key)) return [];
  const values = PRIVATE_MEMBERS.filter((member) => key[member] !== undefined).flatMap((member) => {
    const value = key[member];
    const nested: unknown[] = Array.isArray(value)
      ? (value as unknown[]).flatMap((item) => (isObject(item) ? Object.values(item) : [item]))
      : [];
    return [value, ...nested].map((item) => (typeof item === 'string' ? item : safeJson(item)));
  });
  return values.filter((value) => value.length >= MIN_MASKED_LENGTH);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

interface KeyContext {
  index: number;
  label: string;
  location: Location | undefined;
}

function at(context: KeyContext, rule: Observation['rule'], message: string, value?: string): Observation {
  return { rule, message, value, location: context.location };
}

function labelOf(key: unknown, index: number): string {
  return isObject(key) && typeof key.kid === 'string'
    ? `keys[${index}] (kid ${shown(key.kid)})`
    : `keys[${index}]`;
}

/** Undefined when the key cannot be imported at all; otherwise whether it can sign, and its thumbprint. */
async function inspectKey(
  key: unknown,
  context: KeyContext,
  nowSeconds: number,
  observations: Observation[],
): Promise<{ signing: boolean; algs: string[]; thumbprint: string } | undefined> {
  const note = (rule: Observation['rule'], message: string, value?: string) =>
    observations.push(at(context, rule, message, value));
  if (!isObject(key)) {
    note('jwk-invalid', `${context.label} is not a JSON object.`, shown(key));
    return undefined;
  }
  // Names only: the values of these members are the private key.
  const secrets = PRIVATE_MEMBERS.filter((member) => member in key);
  if (secrets.length > 0) {
    note(
      'jwk-private-member',
      `${context.label} carries private member(s) ${secrets.join(', ')}.`,
      secrets.join(', '),
    );
    return undefined;
  }
  if (typeof key.kty !== 'string') {
    note('jwk-invalid', `${context.label} has no \`kty\`.`);
    return undefined;
  }
  const encoded = ENCODED_MEMBERS.filter(
    (member) => typeof key[member] === 'string' && /[+/=]/.test(key[member]),
  );
  if (encoded.length > 0) {
    note(
      'jwk-not-base64url',
      `${context.label}: ${encoded.join(', ')} in standard base64.`,
      encoded.join(', '),
    );
  }
  const notForSigning = nonSigningReason(key);
  if (notForSigning) {
    note('jwk-not-for-signing', `${context.label} is not a signing key (${notForSigning}).`);
    return { signing: false, algs: [], thumbprint: await thumbprintOf(key, context) };
  }
  let algs = algsForKeyType(key.kty, key.crv);
  if (algs.length === 0) {
    note(
      'jwk-invalid',
      `${context.label}: kty ${shown(key.kty)}, crv ${shown(key.crv)} cannot verify signatures.`,
    );
    return undefined;
  }
  if (key.alg !== undefined) {
    if (typeof key.alg !== 'string' || !algs.includes(key.alg)) {
      note(
        'jwk-alg-mismatch',
        `${context.label}: alg ${shown(key.alg)} does not fit ${describeType(key)}.`,
        shown(key.alg),
      );
      return undefined;
    }
    algs = [key.alg];
  }
  const importError = await importProblem(key, algs[0] ?? '');
  if (importError) {
    note('jwk-invalid', `${context.label} does not import: ${importError}`);
    return undefined;
  }
  let signing = true;
  if (key.kty === 'RSA' && typeof key.n === 'string') {
    const modulus = Buffer.from(key.n, 'base64url');
    const bits = bitLength(modulus);
    if (modulus[0] === 0) note('jwk-rsa-leading-zero', `${context.label}: \`n\` starts with a zero octet.`);
    if (bits < MIN_RSA_BITS) {
      note('jwk-rsa-weak', `${context.label} is a ${bits}-bit RSA key.`, `${bits} bits`);
      signing = false;
    }
  }
  checkCertificate(key, context, nowSeconds, note);
  return { signing, algs, thumbprint: await thumbprintOf(key, context) };
}

/**
 * Why jose (or, for curves jose 6 does not implement such as secp256k1 and Ed448, Node's own JWK import)
 * refuses the key; undefined when it imports.
 */
async function importProblem(key: Record<string, unknown>, alg: string): Promise<string | undefined> {
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
function nonSigningReason(key: Record<string, unknown>): string | undefined {
  if (key.use === 'enc') return 'use "enc"';
  if (Array.isArray(key.key_ops) && !key.key_ops.includes('verify')) return `key_ops ${shown(key.key_ops)}`;
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

function describeType(key: Record<string, unknown>): string {
  return typeof key.crv === 'string' ? `a ${key.kty as string} ${key.crv} key` : `a ${key.kty as string} key`;
}

async function thumbprintOf(key: Record<string, unknown>, context: KeyContext): Promise<string> {
  try {
    return await calculateJwkThumbprint(key);
  } catch {
    return `unhashable ${context.index}`;
  }
}

function bitLength(bytes: Buffer): number {
  const start = bytes.findIndex((byte) => byte !== 0);
  if (start < 0) return 0;
  return (bytes.length - start - 1) * 8 + (bytes[start] ?? 0).toString(2).length;
}

function checkCertificate(
  key: Record<string, unknown>,
  context: KeyContext,
  nowSeconds: number,
  note: (rule: Observation['rule'], message: string, value?: string) => void,
): void {
  const x5c = key.x5c;
  if (!Array.isArray(x5c) || x5c.length === 0) return;
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Buffer.from(String(x5c[0]), 'base64'));
  } catch {
    note('jwk-x5c-invalid', `${context.label}: x5c[0] is not a DER certificate in base64.`);
    return;
  }
  const day = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);
  const expiresAt = Date.parse(certificate.validTo) / 1000;
  const startsAt = Date.parse(certificate.validFrom) / 1000;
  if (expiresAt < nowSeconds) {
    note(
      'jwk-x5c-expired',
      `${context.label}: its x5c certificate expired on ${day(expiresAt)}.`,
      certificate.validTo,
    );
  } else if (startsAt > nowSeconds) {
    note(
      'jwk-x5c-invalid',
      `${context.label}: its x5c certificate is not valid before ${day(startsAt)}.`,
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
    note('jwk-x5c-invalid', `${context.label}: the x5c certificate holds a different key than the JWK.`);
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
