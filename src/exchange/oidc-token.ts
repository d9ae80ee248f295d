import { decodeJwt, decodeProtectedHeader, type JWTPayload } from 'jose';
import { ActionError } from '../errors.js';
import { jsonTypeName } from '../json.js';
import { plural } from '../plural.js';
import { ISSUER_FROM_INPUT, ISSUER_FROM_WIF_CONFIG, MIN_VALIDITY_FLOOR_SECONDS } from '../settings.js';

/** Clocks may disagree by this much before we call one of them wrong. */
const CLOCK_TOLERANCE_SECONDS = 60;

export interface OidcToken {
  jwt: string;
  claims: JWTPayload;
  expiresAt: number;
  issuer: string;
}

/** Decodes without verifying (Mondoo verifies); refuses anything that cannot be a usable ID token. */
export function parseOidcToken(jwt: string, from: string): OidcToken {
  let claims: JWTPayload;
  try {
    decodeProtectedHeader(jwt); // the header must decode too, though nothing here reads it
    claims = decodeJwt(jwt);
  } catch {
    throw new ActionError(`${from} is not a JWT (${describeShape(jwt)}).`, {
      kind: 'token-invalid',
      fix: 'Pass the OIDC ID token itself: three base64url parts joined by dots, as the CI system issued it.',
    });
  }
  if (typeof claims.exp !== 'number') {
    throw new ActionError(`${from} has no numeric \`exp\` claim, so its lifetime cannot be checked.`, {
      kind: 'token-invalid',
      fix: 'Use an OIDC ID token from your CI system; Mondoo requires `exp`.',
    });
  }
  if (claims.iss !== undefined && typeof claims.iss !== 'string') {
    throw new ActionError(`${from} has an \`iss\` claim that is ${jsonTypeName(claims.iss)}, not a string.`, {
      kind: 'token-invalid',
      fix: 'Use an OIDC ID token from your CI system: its `iss` is the issuer URL, a string.',
    });
  }
  if (typeof claims.iss !== 'string' || claims.iss === '') {
    throw new ActionError(`${from} has no \`iss\` claim.`, {
      kind: 'token-invalid',
      fix: 'Use an OIDC ID token from your CI system; Mondoo matches providers by `iss`.',
    });
  }
  return { jwt, claims, expiresAt: claims.exp, issuer: claims.iss };
}

/** Says what is wrong with a non-JWT without showing any of it. */
function describeShape(value: string): string {
  const parts = value.split('.').length;
  if (parts !== 3) return `it has ${plural(parts, 'dot-separated part')}, a JWT has 3`;
  return 'its parts do not decode to a JWT header and claims';
}

export function secondsLeft(token: OidcToken, nowSeconds: number): number {
  return Math.floor(token.expiresAt - nowSeconds);
}

export type ValidityProblem =
  | { kind: 'issued-in-future'; seconds: number }
  | { kind: 'expired-long-ago'; seconds: number }
  | { kind: 'too-short'; secondsLeft: number };

/** Pure check; the caller decides whether to ask for a new token or fail. */
export function findValidityProblem(
  token: OidcToken,
  nowSeconds: number,
  minValiditySeconds: number,
): ValidityProblem | undefined {
  const iat = token.claims.iat;
  if (typeof iat === 'number' && iat - nowSeconds > CLOCK_TOLERANCE_SECONDS) {
    return { kind: 'issued-in-future', seconds: Math.round(iat - nowSeconds) };
  }
  const left = secondsLeft(token, nowSeconds);
  if (left < -CLOCK_TOLERANCE_SECONDS) return { kind: 'expired-long-ago', seconds: -left };
  if (left < minValiditySeconds) return { kind: 'too-short', secondsLeft: left };
  return undefined;
}

export function validityError(
  problem: ValidityProblem,
  from: string,
  minValiditySeconds: number,
  renewable: boolean,
): ActionError {
  switch (problem.kind) {
    case 'issued-in-future':
      return new ActionError(
        `${from} was issued ${problem.seconds} s in the future by this machine's clock: this machine's clock looks wrong.`,
        {
          kind: 'clock-skew',
          fix: "Sync this machine's clock (NTP), as on a self-hosted runner; the token is otherwise fine.",
        },
      );
    case 'expired-long-ago':
      return new ActionError(
        `${from} expired ${problem.seconds} s ago by this machine's clock. If it was just issued, this machine's clock looks wrong.`,
        {
          kind: 'clock-skew',
          fix: "Mint the token right before use; if it was, check this machine's clock (NTP), as on a self-hosted runner.",
        },
      );
    case 'too-short':
      return new ActionError(
        `${from} has ${Math.max(0, problem.secondsLeft)} s left; at least ${minValiditySeconds} s (\`min-validity\`) are needed.`,
        {
          kind: 'token-validity',
          // A runner token is fresh when it arrives: short twice means a clock running ahead or min-validity too high.
          fix: renewable
            ? "The runner issued a token this short twice: check the runner's clock (NTP), and keep `min-validity` below the token's lifetime (about 300 s on GitHub; the default 180 is what Mondoo needs)."
            : tooShortFix(minValiditySeconds),
        },
      );
  }
}

/**
 * What a token handed in whole can do about too little time left. `min-validity` can only be lowered while
 * it is above its floor: at the floor, that advice could not be followed.
 */
export function tooShortFix(minValiditySeconds: number): string {
  const fresh =
    "Mint the token right before use, or have a fresh one requested for you (the runner's token: leave `token` unset)";
  return minValiditySeconds > MIN_VALIDITY_FLOOR_SECONDS
    ? `${fresh}, or lower \`min-validity\` (now ${minValiditySeconds} s; never below ${MIN_VALIDITY_FLOOR_SECONDS}).`
    : `${fresh}. Mondoo needs at least ${MIN_VALIDITY_FLOOR_SECONDS} s left, the floor \`min-validity\` already has.`;
}

/**
 * The issuer_uri must equal the token's `iss` byte for byte: Mondoo looks providers up by it.
 * Undefined `configured` means "use the token's own".
 */
export function resolveIssuer(
  configured: string | undefined,
  token: OidcToken,
  source: string = ISSUER_FROM_INPUT,
): string {
  if (configured === undefined || configured === token.issuer) return token.issuer;
  const onlySlash = configured.replace(/\/+$/, '') === token.issuer.replace(/\/+$/, '');
  const fix =
    source === ISSUER_FROM_WIF_CONFIG
      ? `This WIF config belongs to a provider for "${configured}", but the job's tokens come from "${token.issuer}": register "${token.issuer}" as the provider's issuer in Mondoo and use that provider's WIF config.`
      : `Set \`issuer\` to "${token.issuer}" (and register exactly that in Mondoo), or leave \`issuer\` unset to use the token's own.`;
  throw new ActionError(
    `${source} is "${configured}" but the token's \`iss\` is "${token.issuer}".${onlySlash ? ' They differ only by a trailing slash, which still counts: issuers are compared byte for byte.' : ''}`,
    { kind: 'issuer-mismatch', fix },
  );
}
