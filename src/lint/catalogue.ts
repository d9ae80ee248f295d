/**
 * Every lint rule: its stable id, its severity under each profile, what it checks and the usual fix.
 * The README's rule list is generated from this table (`npm run rules`) and a test keeps the two equal.
 */
export type Severity = 'error' | 'warning' | 'info';
export type Profile = 'mondoo' | 'mender' | 'oidc';
export const PROFILES: readonly Profile[] = ['mondoo', 'mender', 'oidc'];

/** `off`: the rule does not apply under that profile. */
type Level = Severity | 'off';

export interface RuleSpec {
  group: 'fetch' | 'issuer' | 'document' | 'algorithms' | 'jwks' | 'mender' | 'token';
  /** Severity under mondoo / mender / oidc. */
  levels: [Level, Level, Level];
  checks: string;
  fix: string;
}

const E = 'error';
const W = 'warning';
const I = 'info';

export const RULES = {
  'fetch-not-https': {
    group: 'fetch',
    levels: [E, E, E],
    checks: 'A URL to fetch is not https:// (it is not fetched).',
    fix: 'Serve the document over HTTPS and publish the https:// URL.',
  },
  'fetch-url-invalid': {
    group: 'fetch',
    levels: [E, E, E],
    checks:
      'A URL to fetch does not parse as a URL, e.g. a space, an unclosed [ or a port over 65535 (it is not fetched).',
    fix: 'Publish a well-formed https:// URL: a valid host name or [IPv6] address, no spaces, a port up to 65535.',
  },
  'fetch-failed': {
    group: 'fetch',
    levels: [E, E, E],
    checks: 'The document could not be fetched: DNS, TLS, connection or time limit.',
    fix: 'Make the URL reachable from the internet over HTTPS with a certificate from a public CA.',
  },
  'fetch-address-refused': {
    group: 'fetch',
    levels: [E, E, E],
    checks:
      'A URL to fetch is, or resolves to, an address lint does not connect to: loopback or private (unless `allow-private-hosts`), link-local, cloud metadata or reserved. Judged on every address of every hop, before connecting.',
    fix: 'Serve the provider from a public address; for a provider on your own network, set `allow-private-hosts: true` (never needed, nor enough, for link-local or metadata addresses).',
  },
  'fetch-redirect': {
    group: 'fetch',
    levels: [W, W, E],
    checks: 'The URL answered with a redirect (reported with its chain; followed at most 3 times).',
    fix: 'Serve the document at the URL itself: validators fetch it from exactly there.',
  },
  'fetch-status': {
    group: 'fetch',
    levels: [E, E, E],
    checks: 'The answer was not HTTP 200.',
    fix: 'Serve the document with status 200 at that URL.',
  },
  'fetch-content-type': {
    group: 'fetch',
    levels: [W, W, W],
    checks: 'The Content-Type is not application/json.',
    fix: 'Serve the document with Content-Type: application/json.',
  },
  'fetch-not-json': {
    group: 'fetch',
    levels: [E, E, E],
    checks: 'The answer is not JSON (an HTML login or error page is the usual cause).',
    fix: 'Serve the JSON document itself, without a login page or proxy in front of it.',
  },
  'fetch-not-object': {
    group: 'fetch',
    levels: [E, E, E],
    checks: 'The JSON is not an object at the top level.',
    fix: 'Serve a JSON object ({ ... }).',
  },
  'fetch-too-large': {
    group: 'fetch',
    levels: [E, E, E],
    checks: 'The answer is larger than the 1 MiB cap.',
    fix: 'Serve only the document; discovery documents and key sets are a few kilobytes.',
  },
  'discovery-rfc8414-form': {
    group: 'fetch',
    levels: [E, E, E],
    checks: 'For an issuer with a path, only the RFC 8414 "inserted" well-known URL answers.',
    fix: 'Also serve the document at {issuer}/.well-known/openid-configuration, the form OpenID Connect uses.',
  },
  'issuer-mismatch': {
    group: 'issuer',
    levels: [E, E, E],
    checks: '`issuer` differs from the URL the document was fetched for (byte for byte).',
    fix: 'Make `issuer` exactly the URL the document is served under, or lint the issuer the document names.',
  },
  'issuer-trailing-slash': {
    group: 'issuer',
    levels: [E, E, E],
    checks: '`issuer` and the URL it was fetched for differ only by a trailing slash.',
    fix: 'Use the same form everywhere: tokens carry `iss` byte for byte, and Mondoo compares it exactly.',
  },
  'issuer-not-https': {
    group: 'issuer',
    levels: [E, E, E],
    checks: '`issuer` is not an https:// URL (including scheme-less values).',
    fix: 'Set `issuer` to the full https:// URL of the provider.',
  },
  'issuer-url-parts': {
    group: 'issuer',
    levels: [E, E, E],
    checks: '`issuer` has a query, a fragment or user information.',
    fix: 'Use a plain https://host[/path] issuer.',
  },
  'issuer-template': {
    group: 'issuer',
    levels: [E, E, E],
    checks: '`issuer` contains a template such as {tenantid}: no token can carry it.',
    fix: 'Lint (and register) the tenant-specific issuer, with the template filled in.',
  },
  'issuer-not-canonical': {
    group: 'issuer',
    levels: [W, W, W],
    checks: '`issuer` is not in the form URL parsers normalise it to (case, spaces, slashes, default port).',
    fix: 'Write the issuer in its normal form, e.g. https://login.example.com/tenant, and use it everywhere.',
  },
  'issuer-port': {
    group: 'issuer',
    levels: [W, W, W],
    checks: '`issuer` names an explicit port.',
    fix: 'Serve the issuer on the default HTTPS port (443) unless every client is known to cope.',
  },
  'host-not-public': {
    group: 'issuer',
    levels: [E, W, I],
    checks:
      '`issuer` or `jwks_uri` is a loopback, private-range, link-local, cloud metadata or cluster-local host (judged from the URL alone).',
    fix: "Publish the issuer and its keys on a public host: Mondoo's cloud fetches them from the internet.",
  },
  'document-oauth-metadata': {
    group: 'document',
    levels: [E, E, E],
    checks: 'The document is OAuth 2.0 server metadata (RFC 8414), not an OpenID Connect discovery document.',
    fix: "Point at the provider's /.well-known/openid-configuration (for Keycloak: the realm's OIDC URL).",
  },
  'member-missing': {
    group: 'document',
    levels: [E, E, E],
    checks:
      'A required member is missing: issuer, jwks_uri, response_types_supported, subject_types_supported, id_token_signing_alg_values_supported (with "did you mean").',
    fix: 'Add the member to the discovery document (or correct its spelling).',
  },
  'member-type': {
    group: 'document',
    levels: [E, E, E],
    checks: 'A required member has the wrong JSON type (a string, or an array of strings).',
    fix: 'Give the member the type OpenID Connect Discovery 1.0 §3 defines.',
  },
  'endpoint-missing': {
    group: 'document',
    levels: [I, E, E],
    checks: '`authorization_endpoint` or `token_endpoint` is missing (CI issuers have none).',
    fix: 'Add the endpoint; SSO needs it, workload identity does not.',
  },
  'jwks-uri-not-https': {
    group: 'document',
    levels: [E, E, E],
    checks: '`jwks_uri` is not an https:// URL.',
    fix: 'Serve the key set over HTTPS and put its https:// URL in `jwks_uri`.',
  },
  'endpoint-not-https': {
    group: 'document',
    levels: [W, W, E],
    checks: 'An endpoint URL other than `jwks_uri` is not https://.',
    fix: 'Serve every endpoint over HTTPS.',
  },
  'jwks-uri-other-host': {
    group: 'document',
    levels: [I, I, I],
    checks: '`jwks_uri` is on another host than the issuer.',
    fix: 'Nothing to do if that host is yours; make sure it is as reachable as the issuer.',
  },
  'alg-rs256-missing': {
    group: 'algorithms',
    levels: [I, I, E],
    checks: '`id_token_signing_alg_values_supported` does not include RS256.',
    fix: 'Advertise RS256 (OpenID Connect Discovery requires it) and keep an RSA signing key in the JWKS.',
  },
  'alg-none': {
    group: 'algorithms',
    levels: [W, W, W],
    checks: '`none` is advertised for ID tokens: unsigned tokens.',
    fix: 'Remove `none`: keyless auth needs signed tokens.',
  },
  'alg-symmetric': {
    group: 'algorithms',
    levels: [W, W, W],
    checks: 'HS256/HS384/HS512 are advertised: tokens a JWKS cannot verify.',
    fix: 'Sign ID tokens with an asymmetric algorithm (RS256, ES256, ...).',
  },
  'alg-unusable': {
    group: 'algorithms',
    levels: [E, E, E],
    checks: 'No advertised algorithm is both accepted by the target and served by a usable JWKS key.',
    fix: 'Advertise an algorithm the target accepts and publish a signing key for it.',
  },
  'alg-without-key': {
    group: 'algorithms',
    levels: [I, I, W],
    checks: 'An advertised algorithm has no key in the JWKS to serve it (another one does).',
    fix: 'Publish a key for every advertised algorithm, or stop advertising the ones you do not sign with.',
  },
  'alg-mender-rs256': {
    group: 'algorithms',
    levels: ['off', I, 'off'],
    checks:
      "RS256 is the only usable algorithm: not on Mender's documented list, but its own example uses it.",
    fix: 'Nothing to do if Mender accepts it for you; ES256 or PS256 are on its documented list.',
  },
  'mender-auth-alg': {
    group: 'algorithms',
    levels: ['off', W, 'off'],
    checks: "`token_endpoint_auth_signing_alg_values_supported` lists none of Mender's algorithms.",
    fix: 'Support one of ES256, ES256K, ES384, ES512, PS256, PS384, PS512, RS384, RS512 for client authentication.',
  },
  'jwks-not-set': {
    group: 'jwks',
    levels: [E, E, E],
    checks: 'The key set has no `keys` array.',
    fix: 'Serve a JWK Set: {"keys": [ ... ]}.',
  },
  'jwks-no-signing-key': {
    group: 'jwks',
    levels: [E, E, E],
    checks: 'No key in the set can verify a signature (after the key checks below).',
    fix: 'Publish the public key that signs the ID tokens.',
  },
  'jwks-too-many-keys': {
    group: 'jwks',
    levels: [W, W, W],
    checks: 'More than 100 keys: AWS, for one, refuses such a set.',
    fix: 'Publish only current and next signing keys.',
  },
  'jwk-invalid': {
    group: 'jwks',
    levels: [E, E, E],
    checks: 'A key does not parse as a public JWK (jose `importJWK`).',
    fix: 'Fix or remove the key.',
  },
  'jwk-private-member': {
    group: 'jwks',
    levels: [E, E, E],
    checks: 'A key carries private members (d, p, q, dp, dq, qi, k): the private key is public.',
    fix: 'Remove the key, rotate it at once (it is compromised), and publish public keys only.',
  },
  'jwk-rsa-weak': {
    group: 'jwks',
    levels: [E, E, E],
    checks: 'An RSA key is shorter than 2048 bits.',
    fix: 'Rotate to an RSA key of 2048 bits or more (or an EC key).',
  },
  'jwk-alg-mismatch': {
    group: 'jwks',
    levels: [E, E, E],
    checks: "A key's `alg` does not fit its type or curve (e.g. ES384 on a P-256 key).",
    fix: 'Set `alg` to the algorithm the key is made for, or drop `alg`.',
  },
  'jwk-not-for-signing': {
    group: 'jwks',
    levels: [I, I, I],
    checks: 'A key is for encryption or key agreement (`use`, `key_ops`, X25519/X448): it is ignored.',
    fix: 'Nothing to do unless it was meant to sign tokens.',
  },
  'jwk-kid-missing': {
    group: 'jwks',
    levels: [W, W, W],
    checks: 'A key has no `kid`.',
    fix: 'Give every key a `kid` and put it in the token header.',
  },
  'jwk-kid-duplicate': {
    group: 'jwks',
    levels: [E, E, E],
    checks: 'Two keys share a `kid`.',
    fix: 'Give every key its own `kid`.',
  },
  'jwk-duplicate-key': {
    group: 'jwks',
    levels: [W, W, W],
    checks: 'The same key is published under two `kid`s.',
    fix: 'Publish each key once.',
  },
  'jwk-x5c-expired': {
    group: 'jwks',
    levels: [W, W, W],
    checks: 'A certificate in `x5c` has expired.',
    fix: 'Publish a current certificate, or drop `x5c` if nothing uses it.',
  },
  'jwk-x5c-invalid': {
    group: 'jwks',
    levels: [W, W, W],
    checks: "A key's `x5c` does not parse, is not valid yet, or certifies a different key.",
    fix: 'Publish the certificate of this very key, or drop `x5c` if nothing uses it.',
  },
  'jwk-not-base64url': {
    group: 'jwks',
    levels: [W, W, W],
    checks: 'A key member uses standard base64 (+, /, =) where JWK requires base64url.',
    fix: 'Encode key members as base64url without padding (RFC 7515 §2).',
  },
  'jwk-rsa-leading-zero': {
    group: 'jwks',
    levels: [W, W, W],
    checks: 'An RSA modulus has a leading zero octet (RFC 7518 §6.3.1.1 forbids it).',
    fix: 'Strip the leading zero octet before encoding `n`.',
  },
  'mender-provider-invalid': {
    group: 'mender',
    levels: [E, E, E],
    checks: 'A Mender provider JSON lacks `name`, or both `well_known_url` and `settings`.',
    fix: 'Give the provider a `name` and either `well_known_url` or `settings`.',
  },
  'mender-client-secret': {
    group: 'mender',
    levels: [W, W, W],
    checks: 'A Mender provider file holds a `client_secret`.',
    fix: 'Keep the secret out of the repository: inject it when the provider is created.',
  },
  'token-malformed': {
    group: 'token',
    levels: [E, E, E],
    checks: 'The sample token is not a signed JWT.',
    fix: 'Pass a compact JWS ID token from the provider.',
  },
  'token-issuer-mismatch': {
    group: 'token',
    levels: [E, E, E],
    checks: "The sample token's `iss` is not byte-equal to the issuer.",
    fix: 'Make the provider put exactly the issuer URL in `iss`.',
  },
  'token-kid-unknown': {
    group: 'token',
    levels: [E, E, E],
    checks: "The sample token's header `kid` is missing or not in the JWKS.",
    fix: 'Publish the signing key in the JWKS, with the `kid` the tokens carry.',
  },
  'token-alg-rejected': {
    group: 'token',
    levels: [E, E, E],
    checks: "The sample token's `alg` is not advertised, or not accepted by the target.",
    fix: 'Sign with an algorithm that is both advertised and accepted.',
  },
  'token-signature-invalid': {
    group: 'token',
    levels: [E, E, E],
    checks: "The sample token's signature does not verify with its JWKS key.",
    fix: 'Publish the key that really signs the tokens.',
  },
  'token-expiring': {
    group: 'token',
    levels: [E, E, E],
    checks: 'The sample token has less than 180 seconds left (or no `exp`).',
    fix: 'Lint a fresh token: Mondoo refuses tokens with under 3 minutes left.',
  },
} as const satisfies Record<string, RuleSpec>;

export type RuleId = keyof typeof RULES;

/** A rule's entry, as the general RuleSpec shape rather than its own literal type. */
export function ruleSpec(rule: RuleId): RuleSpec {
  return RULES[rule];
}

export function severityOf(rule: RuleId, profile: Profile): Level {
  return ruleSpec(rule).levels[PROFILES.indexOf(profile)] ?? 'off';
}
