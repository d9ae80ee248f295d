import type { Profile } from './profiles.js';

const RSA_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
const EC_ALGS_BY_CURVE: Record<string, string> = {
  'P-256': 'ES256',
  'P-384': 'ES384',
  'P-521': 'ES512',
  secp256k1: 'ES256K',
};
const EDDSA_CURVES = new Set(['Ed25519', 'Ed448']);

/** Mender's documented list for ID tokens and client authentication (RS256 is handled separately). */
export const MENDER_ALGS = ['ES256', 'ES256K', 'ES384', 'ES512', 'PS256', 'PS384', 'PS512', 'RS384', 'RS512'];

/**
 * What each target verifies. Mondoo does not publish its list: this is the asymmetric set every common
 * OIDC validator (go-oidc among them) handles. `oidc` is every registered asymmetric JWS algorithm.
 */
const ACCEPTED: Record<Profile, ReadonlySet<string>> = {
  mondoo: new Set([...RSA_ALGS, 'ES256', 'ES384', 'ES512']),
  mender: new Set([...MENDER_ALGS, 'RS256']),
  oidc: new Set([...RSA_ALGS, 'ES256', 'ES384', 'ES512', 'ES256K', 'EdDSA', 'Ed25519', 'Ed448']),
};

export function acceptedBy(profile: Profile, alg: string): boolean {
  return ACCEPTED[profile].has(alg);
}

export function isSymmetric(alg: string): boolean {
  return /^HS\d+$/.test(alg);
}

/** The signature algorithms a key of this type and curve can serve; empty for non-signing keys. */
export function algsForKeyType(kty: unknown, crv: unknown): string[] {
  if (kty === 'RSA') return RSA_ALGS;
  if (kty === 'EC' && typeof crv === 'string') {
    const alg = EC_ALGS_BY_CURVE[crv];
    return alg ? [alg] : [];
  }
  if (kty === 'OKP' && typeof crv === 'string' && EDDSA_CURVES.has(crv)) {
    // RFC 9864 names each curve's algorithm; `EdDSA` is the deprecated polymorphic name for both.
    return ['EdDSA', crv];
  }
  return [];
}

/** True for curves made for key agreement, never signatures. */
export function isKeyAgreementCurve(crv: unknown): boolean {
  return crv === 'X25519' || crv === 'X448';
}
