import { E, type RuleSpec } from './rule-spec.js';

/** A sample ID token checked against the provider. */
export const TOKEN_RULES = {
  'token-malformed': {
    group: 'token',
    source: 'Core §2; RFC 7515 §7.1',
    levels: [E, E, E],
    checks: 'The sample token is not a signed JWT.',
    fix: 'Pass a compact JWS ID token from the provider.',
  },
  'token-issuer-mismatch': {
    group: 'token',
    source: 'Core §3.1.3.7 step 2',
    levels: [E, E, E],
    checks: "The sample token's `iss` is not byte-equal to the issuer.",
    fix: 'Make the provider put exactly the issuer URL in `iss`.',
  },
  'token-kid-unknown': {
    group: 'token',
    source: 'Core §10.1',
    levels: [E, E, E],
    checks: "The sample token's header `kid` is missing or not in the JWKS.",
    fix: 'Publish the signing key in the JWKS, with the `kid` the tokens carry.',
  },
  'token-alg-rejected': {
    group: 'token',
    source: 'Core §3.1.3.7 step 7',
    levels: [E, E, E],
    checks: "The sample token's `alg` is not advertised, or not accepted by the target.",
    fix: 'Sign with an algorithm that is both advertised and accepted.',
  },
  'token-signature-invalid': {
    group: 'token',
    source: 'Core §3.1.3.7 step 6',
    levels: [E, E, E],
    checks: "The sample token's signature does not verify with its JWKS key.",
    fix: 'Publish the key that really signs the tokens.',
  },
  'token-expiring': {
    group: 'token',
    source: "Core §3.1.3.7 step 9 (`exp`); this tool's 180 s margin (the exchange's `min-validity` floor)",
    levels: [E, E, E],
    checks: 'The sample token has less than 180 seconds left (or no `exp`).',
    fix: 'Lint a fresh token: lint wants 180 seconds left, the margin the exchange step keeps by default (`min-validity`).',
  },
} as const satisfies Record<string, RuleSpec>;
