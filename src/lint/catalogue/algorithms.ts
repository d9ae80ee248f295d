import { E, W, I, type RuleSpec } from './rule-spec.js';

/** Advertised signature algorithms, against the target and the key set. */
export const ALGORITHM_RULES = {
  'alg-rs256-missing': {
    group: 'algorithms',
    source: 'Discovery 1.0 §3 (RS256 MUST be included); Core §15.1',
    levels: [I, 'off', E],
    checks:
      '`id_token_signing_alg_values_supported` does not include RS256 (under mender see `alg-mender-rs256` instead: Mender does not document RS256).',
    fix: 'Advertise RS256 (OpenID Connect Discovery requires it) and keep an RSA signing key in the JWKS.',
  },
  'alg-none': {
    group: 'algorithms',
    source: 'Discovery 1.0 §3, Core §2 (`none` only when no ID Token comes from the authorization endpoint)',
    levels: [W, W, W],
    checks: '`none` is advertised for ID tokens: unsigned tokens.',
    fix: 'Remove `none`: keyless auth needs signed tokens.',
  },
  'alg-symmetric': {
    group: 'algorithms',
    source: 'Core §10.1, §3.1.3.7 step 8 (the MAC key is the client secret, not a JWKS key)',
    levels: [I, I, I],
    checks:
      'HS256/HS384/HS512 are advertised: a fact; such tokens are verified with the client secret, not the JWKS.',
    fix: 'Nothing to do while the tokens for this client are signed with an asymmetric algorithm (the provider chooses per client).',
  },
  'alg-unusable': {
    group: 'algorithms',
    source:
      "Core §10.1 (sign with an algorithm the recipient supports, and a key in the JWK Set); the target's accepted algorithms",
    levels: [E, E, E],
    checks: 'No advertised algorithm is both accepted by the target and served by a usable JWKS key.',
    fix: 'Advertise an algorithm the target accepts and publish a signing key for it.',
  },
  'alg-without-key': {
    group: 'algorithms',
    source: 'Core §10.1 (the signing key MUST have its public key in the JWK Set)',
    levels: [I, I, W],
    checks: 'An advertised algorithm has no key in the JWKS to serve it (another one does).',
    fix: 'Publish a key for every advertised algorithm, or stop advertising the ones you do not sign with.',
  },
  'alg-mender-rs256': {
    group: 'algorithms',
    source: 'Mender SSO documentation ("Supported algorithms" list; its provider example lists RS256)',
    levels: ['off', W, 'off'],
    checks:
      "RS256 is the only usable algorithm: outside Mender's documented list, although Mender's own example uses it.",
    fix: 'It probably works: verify with a test login, or also enable ES256, PS256 or RS384.',
  },
  'mender-auth-alg': {
    group: 'algorithms',
    source: 'Discovery 1.0 §3; Mender SSO documentation ("Supported algorithms"; Implicit Flow only)',
    levels: ['off', I, 'off'],
    checks:
      "`token_endpoint_auth_signing_alg_values_supported` lists none of Mender's algorithms (a fact: Mender's Implicit Flow never authenticates at the token endpoint).",
    fix: 'Nothing to do for Mender; other clients that sign client assertions need one of these algorithms.',
  },
  'alg-eddsa-deprecated': {
    group: 'algorithms',
    levels: [I, I, I],
    source: 'RFC 9864 §2.2 (`Ed25519`, `Ed448` fully specified), §4.1.2 (`EdDSA` deprecated)',
    checks:
      '`EdDSA` is advertised or set on a key: deprecated in favour of the fully-specified `Ed25519` and `Ed448`.',
    fix: 'Also advertise the fully-specified name (`Ed25519` or `Ed448`) as verifiers move to it.',
  },
} as const satisfies Record<string, RuleSpec>;
