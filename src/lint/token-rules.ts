import {
  compactVerify,
  decodeJwt,
  decodeProtectedHeader,
  importJWK,
  type JWK,
  type JWTPayload,
  type ProtectedHeaderParameters,
} from 'jose';
import { createPublicKey, type JsonWebKey, verify } from 'node:crypto';
import { MIN_VALIDITY_FLOOR_SECONDS } from '../settings.js';
import { acceptedBy } from './algorithms.js';
import type { Profile } from './profiles.js';
import type { Observation } from './findings.js';
import { shown } from './shown.js';
import { joseCannotHandle } from './jwk-facts.js';
import type { JwksVerdict } from './jwks-rules.js';
import { asClause } from '../plural.js';

export interface TokenVerdict {
  observations: Observation[];
  /** The header's alg, for the profile-dependent check. */
  alg: string | undefined;
  /** Whether a key set was there to check the signature with: a token is only called passing when it was. */
  signatureChecked: boolean;
}

/**
 * Checks a sample ID token against the provider: issuer, key, signature, time left. The token is a secret:
 * no message quotes it, and only non-secret claims (iss) and header fields are shown.
 */
export async function inspectToken(
  token: string,
  expectedIssuer: string | undefined,
  jwks: JwksVerdict | undefined,
  nowSeconds: number,
): Promise<TokenVerdict> {
  const observations: Observation[] = [];
  let header: ProtectedHeaderParameters;
  let claims: JWTPayload;
  try {
    header = decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch {
    observations.push({
      rule: 'token-malformed',
      message: 'The sample `token` is not a JWT (header.payload.signature).',
    });
    return { observations, alg: undefined, signatureChecked: false };
  }
  const alg = typeof header.alg === 'string' && header.alg !== 'none' ? header.alg : undefined;
  if (!alg) {
    observations.push({
      rule: 'token-malformed',
      message: 'The sample `token` is unsigned (no alg, or alg "none").',
      value: shown(header.alg),
    });
  }
  if (expectedIssuer !== undefined && claims.iss !== expectedIssuer) {
    observations.push({
      rule: 'token-issuer-mismatch',
      message: `The sample token's \`iss\` is ${shown(claims.iss)}, the issuer is ${shown(expectedIssuer)}.`,
      value: shown(claims.iss),
    });
  }
  const secondsLeft = typeof claims.exp === 'number' ? Math.floor(claims.exp - nowSeconds) : undefined;
  if (secondsLeft === undefined || secondsLeft < MIN_VALIDITY_FLOOR_SECONDS) {
    observations.push({
      rule: 'token-expiring',
      message:
        secondsLeft === undefined
          ? 'The sample token has no `exp`.'
          : `The sample token has ${secondsLeft} s left.`,
      value: secondsLeft === undefined ? undefined : `${secondsLeft} s`,
    });
  }
  if (jwks && alg) observations.push(...(await checkSignature(token, header, alg, jwks)));
  return { observations, alg, signatureChecked: jwks !== undefined && alg !== undefined };
}

async function checkSignature(
  token: string,
  header: ProtectedHeaderParameters,
  alg: string,
  jwks: JwksVerdict,
): Promise<Observation[]> {
  const key = jwks.signingKeys.find(
    (candidate) => candidate.kid !== undefined && candidate.kid === header.kid,
  );
  if (!key) {
    const rejected = typeof header.kid === 'string' && jwks.kids.includes(header.kid);
    const message =
      header.kid === undefined
        ? 'The sample token has no `kid` in its header.'
        : rejected
          ? `The JWKS key with kid ${shown(header.kid)} cannot verify it: see that key's findings.`
          : `No key in the JWKS has kid ${shown(header.kid)}.`;
    return [{ rule: 'token-kid-unknown', message, value: shown(header.kid) }];
  }
  try {
    await verifySignature(token, key.jwk, alg);
    return [];
  } catch (error) {
    return [
      {
        rule: 'token-signature-invalid',
        message: `The sample token does not verify with kid ${shown(header.kid)} (${alg}): ${asClause((error as Error).message)}.`,
      },
    ];
  }
}

/** The alg must be advertised by the provider and accepted by the target. */
export function checkTokenAlg(
  alg: string | undefined,
  advertised: readonly string[],
  profile: Profile,
): Observation[] {
  if (alg === undefined) return [];
  if (!advertised.includes(alg)) {
    return [
      {
        rule: 'token-alg-rejected',
        message: `The sample token uses ${alg}, which the provider does not advertise.`,
        value: shown(alg),
      },
    ];
  }
  if (!acceptedBy(profile, alg)) {
    return [
      {
        rule: 'token-alg-rejected',
        message: `The sample token uses ${alg}, which ${profile} does not accept.`,
        value: shown(alg),
      },
    ];
  }
  return [];
}

/** jose for every algorithm it implements; Node's crypto for the two it does not (ES256K, Ed448). */
async function verifySignature(token: string, jwk: JWK, alg: string): Promise<void> {
  let key: Awaited<ReturnType<typeof importJWK>>;
  try {
    key = await importJWK(jwk, alg);
  } catch (error) {
    if (!joseCannotHandle(error)) throw error;
    verifyWithNodeCrypto(token, jwk, alg);
    return;
  }
  await compactVerify(token, key);
}

function verifyWithNodeCrypto(token: string, jwk: JWK, alg: string): void {
  const [header = '', payload = '', signature = ''] = token.split('.');
  const key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
  const data = Buffer.from(`${header}.${payload}`);
  const bytes = Buffer.from(signature, 'base64url');
  let valid: boolean;
  if (alg === 'ES256K') valid = verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, bytes);
  else if (alg === 'EdDSA' || alg === 'Ed448') valid = verify(null, data, key, bytes);
  else throw new Error(`${alg} with this key cannot be checked`);
  if (!valid) throw new Error('signature verification failed');
}
