import { createHash } from 'node:crypto';
import type { Observation } from './findings.js';
import { plural } from '../plural.js';

// Checks on a public JWK's numbers and companion members that jose's import does not make. No I/O.

type Note = (rule: Observation['rule'], message: string, value?: string) => void;

/** RFC 7518 §6.2.1.2–3: `x` and `y` are the full coordinate size for the curve, in octets. */
const COORDINATE_OCTETS: Record<string, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66, secp256k1: 32 };
const SIGNING_OPS = ['sign', 'verify'];
const ENCRYPTION_OPS = ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey', 'deriveKey', 'deriveBits'];
const SMALLEST_SAFE_EXPONENT = 65537n;

/** RFC 7517 §4.3: when both are given, `use` and `key_ops` must agree. */
export function checkUseAndOps(key: Record<string, unknown>, label: string, note: Note): void {
  const ops = key.key_ops;
  if (typeof key.use !== 'string' || !Array.isArray(ops)) return;
  const signs = ops.some((op) => SIGNING_OPS.includes(op as string));
  const encrypts = ops.some((op) => ENCRYPTION_OPS.includes(op as string));
  const contradiction =
    (key.use === 'sig' && encrypts && !signs) || (key.use === 'enc' && signs && !encrypts);
  if (contradiction) {
    note(
      'jwk-use-key-ops',
      `${label}: \`use\` ${JSON.stringify(key.use)} contradicts \`key_ops\` ${JSON.stringify(ops.filter((op) => typeof op === 'string'))}.`,
    );
  }
}

/**
 * RSA exponent and encoding, EC coordinate sizes. Returns false when the key must not be trusted to verify
 * anything (e = 1: every signature verifies as its own message).
 */
export function checkKeyNumbers(key: Record<string, unknown>, label: string, note: Note): boolean {
  if (key.kty === 'RSA') return checkRsaNumbers(key, label, note);
  if (key.kty === 'EC' && typeof key.crv === 'string') {
    const size = COORDINATE_OCTETS[key.crv];
    const wrong = ['x', 'y'].filter(
      (member) =>
        size !== undefined &&
        typeof key[member] === 'string' &&
        Buffer.from(key[member], 'base64url').length !== size,
    );
    if (wrong.length > 0) {
      note(
        'jwk-ec-coordinate-length',
        `${label}: ${wrong.map((member) => `\`${member}\` is ${plural(Buffer.from(key[member] as string, 'base64url').length, 'octet')}`).join(', ')}; ${key.crv} needs ${size}.`,
        wrong.join(', '),
      );
    }
  }
  return true;
}

function checkRsaNumbers(key: Record<string, unknown>, label: string, note: Note): boolean {
  const zeroLed = ['n', 'e'].filter(
    (member) => typeof key[member] === 'string' && Buffer.from(key[member], 'base64url')[0] === 0,
  );
  if (zeroLed.length > 0) {
    note(
      'jwk-rsa-leading-zero',
      `${label}: ${zeroLed.map((member) => `\`${member}\``).join(' and ')} start${zeroLed.length === 1 ? 's' : ''} with a zero octet.`,
    );
  }
  if (typeof key.e !== 'string') return true;
  const hex = Buffer.from(key.e, 'base64url').toString('hex');
  if (hex === '') return true;
  const exponent = BigInt(`0x${hex}`);
  if (exponent === 1n) {
    note('jwk-rsa-exponent-one', `${label} has public exponent 1: any signature can be forged.`, 'e = 1');
    return false;
  }
  if (exponent % 2n === 0n || exponent < SMALLEST_SAFE_EXPONENT) {
    const why = exponent % 2n === 0n ? 'is even' : 'is below 65537';
    note('jwk-rsa-exponent-weak', `${label}: public exponent ${exponent} ${why}.`, `e = ${exponent}`);
  }
  return true;
}

/** RFC 7517 §4.8–4.9: `x5t` and `x5t#S256` are the SHA-1 and SHA-256 of x5c[0]'s DER bytes, base64url. */
export function checkThumbprints(key: Record<string, unknown>, label: string, note: Note): void {
  const x5c = key.x5c;
  if (!Array.isArray(x5c) || typeof x5c[0] !== 'string') return;
  const der = Buffer.from(x5c[0], 'base64');
  const members: [string, string][] = [
    ['x5t', 'sha1'],
    ['x5t#S256', 'sha256'],
  ];
  for (const [member, hash] of members) {
    const given = key[member];
    if (given === undefined) continue;
    const expected = createHash(hash).update(der).digest('base64url');
    if (given !== expected) {
      note(
        'jwk-x5t-mismatch',
        `${label}: \`${member}\` is not the ${hash.toUpperCase()} thumbprint of x5c[0].`,
        member,
      );
    }
  }
}
