import { calculateJwkThumbprint, type JWK } from 'jose';
import { algsForKeyType } from './algorithms.js';
import {
  bitLength,
  describedValue,
  checkCertificate,
  importProblem,
  nonSigningReason,
  PRIVATE_MEMBERS,
  privateValues,
  shownFromKeySet,
} from './jwk-facts.js';
import { checkKeyNumbers, checkThumbprints, checkUseAndOps } from './jwk-numbers.js';
import { type Locate, type Location, type Observation } from './findings.js';
import { isObject } from '../json.js';
import { agree, listed } from '../plural.js';

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

const ENCODED_MEMBERS = ['n', 'e', 'x', 'y'];
const MIN_RSA_BITS = 2048;
const MAX_KEYS = 100;
/** Keys past this many are not inspected one by one: the set is already reported as too large. */
const MAX_INSPECTED_KEYS = 500;

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
      value:
        isObject(jwks) && !singleKey ? shownFromKeySet(Object.keys(jwks), privateValues(jwks)) : undefined,
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
  const candidates: SigningCandidate[] = [];
  for (const [index, key] of keys.entries()) {
    const context: KeyContext = {
      index,
      label: labelOf(key, index, secrets),
      location: locate(`/keys/${index}`),
      secrets,
    };
    const inspected = await inspectKey(key, context, nowSeconds, observations);
    if (!isObject(key)) continue;
    const kid = typeof key.kid === 'string' ? key.kid : undefined;
    if (kid !== undefined && !kids.has(kid)) kids.set(kid, index);
    if (typeof key.kty === 'string' && !nonSigningReason(key)) candidates.push({ key, context, kid });
    if (!inspected) continue;
    const earlier = thumbprints.get(inspected.thumbprint);
    if (earlier !== undefined) {
      observations.push(at(context, 'jwk-duplicate-key', `${context.label} is the same key as ${earlier}.`));
    } else {
      thumbprints.set(inspected.thumbprint, context.label);
    }
    if (inspected.signing) signingKeys.push({ kid, algs: inspected.algs, jwk: key });
  }
  observations.push(...checkKids(candidates, secrets));
  if (signingKeys.length === 0) {
    observations.push({
      rule: 'jwks-no-signing-key',
      message:
        keys.length === 0
          ? 'The key set has no keys, so nothing can verify a signature.'
          : keys.length === 1
            ? 'The one key in the set cannot verify a signature.'
            : `None of the ${keys.length} keys can verify a signature.`,
      location: locate('/keys'),
    });
  }
  return { observations, signingKeys, secrets, kids: [...kids.keys()] };
}

/** A key meant for signing (by its `use`, `key_ops`, `alg` and curve), whether or not it imports. */
interface SigningCandidate {
  key: Record<string, unknown>;
  context: KeyContext;
  kid: string | undefined;
}

/**
 * `kid` rules among signing keys only: RFC 7517 §4.5 lets keys of different types (or an encryption key)
 * share a kid, and makes kid optional; Core §10.1 requires it once a verifier has several keys to choose from.
 */
function checkKids(candidates: readonly SigningCandidate[], secrets: readonly string[]): Observation[] {
  const observations: Observation[] = [];
  const seen = new Map<string, number>();
  for (const { key, context, kid } of candidates) {
    if (kid === undefined) {
      observations.push(
        candidates.length > 1
          ? at(
              context,
              'jwk-kid-missing',
              `${context.label} has no \`kid\`, one of ${candidates.length} signing keys.`,
            )
          : at(context, 'jwk-kid-missing-single', `${context.label}, the only signing key, has no \`kid\`.`),
      );
      continue;
    }
    const sameKind = `${String(key.kty)}\u0000${kid}`;
    const earlier = seen.get(sameKind);
    if (earlier !== undefined) {
      observations.push(
        at(
          context,
          'jwk-kid-duplicate',
          `keys[${context.index}] repeats the kid of keys[${earlier}], another ${shownFromKeySet(key.kty, secrets)} signing key.`,
          shownFromKeySet(kid, secrets),
        ),
      );
    } else {
      seen.set(sameKind, context.index);
    }
  }
  return observations;
}

interface KeyContext {
  index: number;
  label: string;
  location: Location | undefined;
  /** The set's private values: nothing that holds one is shown. */
  secrets: readonly string[];
}

function at(context: KeyContext, rule: Observation['rule'], message: string, value?: string): Observation {
  return { rule, message, value, location: context.location };
}

function labelOf(key: unknown, index: number, secrets: readonly string[]): string {
  return isObject(key) && typeof key.kid === 'string'
    ? `keys[${index}] (kid ${shownFromKeySet(key.kid, secrets)})`
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
    // Never quoted: a string here is often a PEM key pasted by mistake.
    note('jwk-invalid', `${context.label} is not a JSON object but ${describedValue(key)}.`);
    return undefined;
  }
  // Names only: the values of these members are the private key.
  const secrets = PRIVATE_MEMBERS.filter((member) => member in key);
  if (secrets.length > 0) {
    note(
      'jwk-private-member',
      `${context.label} carries the private ${agree(secrets.length, 'member', 'members')} ${listed(secrets.map((member) => `\`${member}\``))}.`,
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
  checkUseAndOps(key, context.label, note);
  const notForSigning = nonSigningReason(key);
  if (notForSigning) {
    note('jwk-not-for-signing', `${context.label} is not a signing key (${notForSigning}).`);
    return { signing: false, algs: [], thumbprint: await thumbprintOf(key, context) };
  }
  let algs = algsForKeyType(key.kty, key.crv);
  if (algs.length === 0) {
    note(
      'jwk-invalid',
      `${context.label}: kty ${shownFromKeySet(key.kty, context.secrets)}, crv ${shownFromKeySet(key.crv, context.secrets)} cannot verify signatures.`,
    );
    return undefined;
  }
  if (key.alg !== undefined) {
    if (typeof key.alg !== 'string' || !algs.includes(key.alg)) {
      note(
        'jwk-alg-mismatch',
        `${context.label}: alg ${shownFromKeySet(key.alg, context.secrets)} does not fit ${describeType(key, context.secrets)}.`,
        shownFromKeySet(key.alg, context.secrets),
      );
      return undefined;
    }
    algs = [key.alg];
  }
  if (key.alg === 'EdDSA') {
    note(
      'alg-eddsa-deprecated',
      `${context.label}: alg "EdDSA" is deprecated (RFC 9864); name the curve.`,
      '"EdDSA"',
    );
  }
  const trustworthy = checkKeyNumbers(key, context.label, note);
  const importError = await importProblem(key, algs[0] ?? '');
  if (importError) {
    note('jwk-invalid', `${context.label} does not import: ${importError}`);
    return undefined;
  }
  let signing = trustworthy;
  if (key.kty === 'RSA' && typeof key.n === 'string') {
    const bits = bitLength(Buffer.from(key.n, 'base64url'));
    if (bits < MIN_RSA_BITS) {
      note('jwk-rsa-weak', `${context.label} is a ${bits}-bit RSA key.`, `${bits} bits`);
      signing = false;
    }
  }
  checkCertificate(key, context.label, nowSeconds, note);
  checkThumbprints(key, context.label, note);
  return { signing, algs, thumbprint: await thumbprintOf(key, context) };
}

function describeType(key: Record<string, unknown>, secrets: readonly string[]): string {
  const kty = shownFromKeySet(key.kty, secrets);
  return typeof key.crv === 'string' ? `a ${kty} ${shownFromKeySet(key.crv, secrets)} key` : `a ${kty} key`;
}

async function thumbprintOf(key: Record<string, unknown>, context: KeyContext): Promise<string> {
  try {
    return await calculateJwkThumbprint(key);
  } catch {
    return `unhashable ${context.index}`;
  }
}
