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
  /** The specification section (or documentation) the rule comes from. */
  source: string;
  checks: string;
  fix: string;
  /** A profile's own fix, where the general one would speak of another target. */
  fixes?: Partial<Record<Profile, string>>;
}

const E = 'error';
const W = 'warning';
const I = 'info';

export const RULES = {
  'fetch-not-https': {
    group: 'fetch',
    source: 'Discovery 1.0 §4; RFC 7517 §5 (TLS required to fetch keys)',
    levels: [E, E, E],
    checks: 'A URL to fetch is not https:// (it is not fetched).',
    fix: 'Serve the document over HTTPS and publish the https:// URL.',
  },
  'fetch-url-invalid': {
    group: 'fetch',
    source: 'RFC 3986 §3 (URI syntax)',
    levels: [E, E, E],
    checks:
      'A URL to fetch does not parse as a URL, e.g. a space, an unclosed [ or a port over 65535 (it is not fetched).',
    fix: 'Publish a well-formed https:// URL: a valid host name or [IPv6] address, no spaces, a port up to 65535.',
  },
  'fetch-failed': {
    group: 'fetch',
    source: 'Discovery 1.0 §4 (the document is retrieved by HTTP GET)',
    levels: [E, E, E],
    checks: 'The document could not be fetched: DNS, TLS, connection or time limit.',
    fix: 'Make the URL reachable from the internet over HTTPS with a certificate from a public CA.',
  },
  'fetch-address-refused': {
    group: 'fetch',
    source: "this tool's own policy (server-side request forgery guard)",
    levels: [E, E, E],
    checks:
      'A URL to fetch is, or resolves to, an address lint does not connect to: loopback or private (unless `allow-private-hosts`), link-local, cloud metadata or reserved. Judged on every address of every hop, before connecting.',
    fix: 'Serve the provider from a public address; for a provider on your own network, set `allow-private-hosts: true` (CLI: `--allow-private-hosts`; never needed, nor enough, for link-local or metadata addresses).',
  },
  'offline-not-fetched': {
    group: 'fetch',
    levels: [E, E, E],
    source: "this tool's own rule: offline runs fetch nothing",
    checks:
      "Offline (the CLI's `--offline`, or both `discovery` and `jwks` given), a document could only be had by fetching it: a Mender file with only `well_known_url`, or a key set not given.",
    fix: 'Give the document as a file: the discovery document in `discovery` (a Mender file with `settings`), the key set in `jwks` (CLI: the file as the argument, `--jwks`).',
  },
  'fetch-redirect': {
    group: 'fetch',
    source: 'Discovery 1.0 §4.1 (served at the well-known URL itself)',
    levels: [W, W, E],
    checks: 'The URL answered with a redirect (reported with its chain; followed at most 3 times).',
    fix: 'Serve the document at the URL itself: validators fetch it from exactly there.',
  },
  'fetch-status': {
    group: 'fetch',
    source: 'Discovery 1.0 §4.2 (a successful response uses 200 OK)',
    levels: [E, E, E],
    checks: 'The answer was not HTTP 200.',
    fix: 'Serve the document with status 200 at that URL.',
  },
  'fetch-content-type': {
    group: 'fetch',
    source: 'Discovery 1.0 §4.2 (application/json); RFC 7517 §8.5',
    levels: [W, W, W],
    checks: 'The Content-Type is not application/json.',
    fix: 'Serve the document with Content-Type: application/json.',
  },
  'fetch-not-json': {
    group: 'fetch',
    source: 'Discovery 1.0 §4.2 (a JSON object); RFC 8259',
    levels: [E, E, E],
    checks: 'The answer is not JSON (an HTML login or error page is the usual cause).',
    fix: 'Serve the JSON document itself, without a login page or proxy in front of it.',
  },
  'file-bom': {
    group: 'fetch',
    levels: [I, I, I],
    source: 'RFC 8259 §8.1 (parsers MAY ignore a byte order mark)',
    checks: 'A local file starts with a UTF-8 byte order mark: it is ignored and the file read as JSON.',
    fix: 'Nothing to do for lint; save the file as UTF-8 without a BOM if a server is to serve it (RFC 8259 §8.1 forbids it on the wire).',
  },
  'fetch-not-object': {
    group: 'fetch',
    source: 'Discovery 1.0 §4.2; RFC 7517 §5 (a JSON object)',
    levels: [E, E, E],
    checks: 'The JSON is not an object at the top level.',
    fix: 'Serve a JSON object ({ ... }).',
  },
  'fetch-too-large': {
    group: 'fetch',
    source: "this tool's own limit",
    levels: [E, E, E],
    checks: 'The answer is larger than the 1 MiB cap.',
    fix: 'Serve only the document; discovery documents and key sets are a few kilobytes.',
  },
  'discovery-rfc8414-form': {
    group: 'fetch',
    source: 'Discovery 1.0 §4 (issuer + /.well-known/openid-configuration); RFC 8414 §5',
    levels: [E, E, E],
    checks: 'For an issuer with a path, only the RFC 8414 "inserted" well-known URL answers.',
    fix: 'Also serve the document at {issuer}/.well-known/openid-configuration, the form OpenID Connect uses.',
  },
  'issuer-mismatch': {
    group: 'issuer',
    source: 'Discovery 1.0 §4.3 (MUST be identical to the issuer URL used)',
    levels: [E, E, E],
    checks: '`issuer` differs from the URL the document was fetched for (byte for byte).',
    fix: 'Make `issuer` exactly the URL the document is served under, or lint the issuer the document names.',
  },
  'issuer-trailing-slash': {
    group: 'issuer',
    source: 'Discovery 1.0 §4.3; Core §2 (`iss` compared exactly)',
    levels: [E, E, E],
    checks: '`issuer` and the URL it was fetched for differ only by a trailing slash.',
    fix: 'Use the same form everywhere: tokens carry `iss` byte for byte, and Mondoo compares it exactly.',
  },
  'issuer-not-https': {
    group: 'issuer',
    source: 'Discovery 1.0 §3 (`issuer`: https scheme); Core §2',
    levels: [E, E, E],
    checks: '`issuer` is not an https:// URL (including scheme-less values).',
    fix: 'Set `issuer` to the full https:// URL of the provider.',
  },
  'issuer-url-parts': {
    group: 'issuer',
    source: 'Discovery 1.0 §3 (no query or fragment); Core §2',
    levels: [E, E, E],
    checks: '`issuer` has a query, a fragment or user information.',
    fix: 'Use a plain https://host[/path] issuer.',
  },
  'issuer-url-invalid': {
    group: 'issuer',
    levels: [E, E, E],
    source: 'Core §2; RFC 3986 §3.2 (host and port syntax)',
    checks: '`issuer` starts with https:// but its host or port does not parse.',
    fix: 'Write the issuer as https:// followed by a valid host name (and a port up to 65535), e.g. https://login.example.com.',
  },
  'issuer-template': {
    group: 'issuer',
    source: 'Core §2 (`iss` is one case-sensitive URL)',
    levels: [E, E, E],
    checks: '`issuer` contains a template such as {tenantid}: no token can carry it.',
    fix: 'Lint (and register) the tenant-specific issuer, with the template filled in.',
  },
  'issuer-not-canonical': {
    group: 'issuer',
    source: 'Core §2 (`iss` compared as a string); RFC 3986 §6',
    levels: [W, W, W],
    checks: '`issuer` is not in the form URL parsers normalise it to (case, spaces, slashes, default port).',
    fix: 'Write the issuer in its normal form, e.g. https://login.example.com/tenant, and use it everywhere.',
  },
  'issuer-port': {
    group: 'issuer',
    source: 'Core §2 (scheme, host, optionally port and path: allowed)',
    levels: [W, W, I],
    checks: '`issuer` names an explicit port (allowed by Core §2; some clients and proxies mishandle it).',
    fix: 'Serve the issuer on the default HTTPS port (443) unless every client is known to cope.',
  },
  'host-not-public': {
    group: 'issuer',
    source: 'Discovery 1.0 §4 (clients fetch the document themselves)',
    levels: [E, W, I],
    checks:
      '`issuer` or `jwks_uri` is a loopback, private-range, link-local, cloud metadata or cluster-local host (judged from the URL alone).',
    fix: "Publish the issuer and its keys on a public host: Mondoo's cloud fetches them from the internet.",
    fixes: {
      mender:
        "Publish the issuer and its keys on a host Mender's servers can reach: they read the discovery document and keys themselves.",
      oidc: 'Nothing to do if every client runs inside that network; otherwise publish the issuer and its keys on a public host.',
    },
  },
  'document-oauth-metadata': {
    group: 'document',
    source: 'Discovery 1.0 §3 vs RFC 8414 §2',
    levels: [E, E, E],
    checks: 'The document is OAuth 2.0 server metadata (RFC 8414), not an OpenID Connect discovery document.',
    fix: "Point at the provider's /.well-known/openid-configuration (for Keycloak: the realm's OIDC URL).",
  },
  'member-missing': {
    group: 'document',
    source: 'Discovery 1.0 §3 (REQUIRED members)',
    levels: [E, E, E],
    checks:
      'A required member is missing: issuer, jwks_uri, response_types_supported, subject_types_supported, id_token_signing_alg_values_supported (with "did you mean").',
    fix: 'Add the member to the discovery document (or correct its spelling).',
  },
  'member-type': {
    group: 'document',
    source: 'Discovery 1.0 §3 (member types)',
    levels: [E, E, E],
    checks: 'A required member has the wrong JSON type (a string, or an array of strings), or is empty.',
    fix: 'Give the member the type OpenID Connect Discovery 1.0 §3 defines.',
  },
  'endpoint-missing': {
    group: 'document',
    source: 'Discovery 1.0 §3 (`authorization_endpoint` REQUIRED); Core §3',
    levels: [I, E, E],
    checks:
      '`authorization_endpoint` is missing (CI issuers have none); `token_endpoint` only where a flow needs it (see `document-token-endpoint-missing`).',
    fix: 'Add the endpoint; SSO needs it, workload identity does not.',
  },
  'document-token-endpoint-missing': {
    group: 'document',
    levels: [I, 'off', E],
    source:
      'Discovery 1.0 §3 (`token_endpoint` REQUIRED unless only the Implicit Flow is used); Mender SSO documentation (Implicit Flow only)',
    checks:
      '`token_endpoint` is missing although `response_types_supported` offers a value with `code` (under mondoo: also without one). Never needed by Mender.',
    fix: 'Publish the token endpoint, or stop advertising response types with `code`.',
    fixes: { mondoo: 'Nothing to do for workload identity: Mondoo never calls the token endpoint.' },
  },
  'optional-member-type': {
    group: 'document',
    levels: [W, W, W],
    source: 'Discovery 1.0 §3; RFC 8414 §2; RFC 9126 §5 (member types)',
    checks:
      'An optional member has the wrong JSON type (e.g. null or a string where a JSON array or a boolean is defined).',
    fix: 'Give the member its defined type, or leave it out.',
  },
  'response-type-invalid': {
    group: 'document',
    levels: [W, W, W],
    source:
      'OAuth 2.0 Multiple Response Type Encoding Practices §2.2 (space-delimited), §3–5 (`id_token`, `none`, combinations)',
    checks:
      'A `response_types_supported` value is not a space-separated combination of `code`, `id_token`, `token` (or `none` alone), e.g. `codeid_token`.',
    fix: 'Separate the parts with single spaces, e.g. "code id_token".',
  },
  'subject-type-unknown': {
    group: 'document',
    levels: [W, W, W],
    source: 'Core §8; Discovery 1.0 §3 (`public`, `pairwise`)',
    checks: 'A `subject_types_supported` value is neither `public` nor `pairwise`.',
    fix: 'Advertise `public` or `pairwise`: clients know no other subject type.',
  },
  'scopes-no-openid': {
    group: 'document',
    levels: [I, W, W],
    source: 'Discovery 1.0 §3 (`scopes_supported`: the server MUST support `openid`)',
    checks: '`scopes_supported` is given but lacks `openid`.',
    fix: 'Add `openid` to `scopes_supported`.',
  },
  'jwks-uri-not-https': {
    group: 'document',
    source: 'Discovery 1.0 §3 (`jwks_uri`); RFC 7517 §5',
    levels: [E, E, E],
    checks: '`jwks_uri` is not an https:// URL.',
    fix: 'Serve the key set over HTTPS and put its https:// URL in `jwks_uri`.',
  },
  'endpoint-not-https': {
    group: 'document',
    source: 'Discovery 1.0 §3 (endpoint URLs MUST use https)',
    levels: [W, W, E],
    checks: 'An endpoint URL other than `jwks_uri` is not https://.',
    fix: 'Serve every endpoint over HTTPS.',
  },
  'jwks-uri-other-host': {
    group: 'document',
    source: 'Discovery 1.0 §3 (no same-host requirement)',
    levels: [I, I, I],
    checks: '`jwks_uri` is on another host than the issuer.',
    fix: 'Nothing to do if that host is yours; make sure it is as reachable as the issuer.',
  },
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
    source: 'Core §2, §16.14 (`none` only when no tokens are returned from the authorization endpoint)',
    levels: [W, W, W],
    checks: '`none` is advertised for ID tokens: unsigned tokens.',
    fix: 'Remove `none`: keyless auth needs signed tokens.',
  },
  'alg-symmetric': {
    group: 'algorithms',
    source: 'Core §10.1 (symmetric keys come from the client secret, not the JWKS)',
    levels: [I, I, I],
    checks:
      'HS256/HS384/HS512 are advertised: a fact; such tokens are verified with the client secret, not the JWKS.',
    fix: 'Nothing to do while the tokens for this client are signed with an asymmetric algorithm (the provider chooses per client).',
  },
  'alg-unusable': {
    group: 'algorithms',
    source: "Core §10.1; the target's accepted algorithms",
    levels: [E, E, E],
    checks: 'No advertised algorithm is both accepted by the target and served by a usable JWKS key.',
    fix: 'Advertise an algorithm the target accepts and publish a signing key for it.',
  },
  'alg-without-key': {
    group: 'algorithms',
    source: 'Core §10.1 (the verifier needs a key for the alg)',
    levels: [I, I, W],
    checks: 'An advertised algorithm has no key in the JWKS to serve it (another one does).',
    fix: 'Publish a key for every advertised algorithm, or stop advertising the ones you do not sign with.',
  },
  'alg-mender-rs256': {
    group: 'algorithms',
    source: 'Mender SSO documentation (documented algorithm list and example)',
    levels: ['off', W, 'off'],
    checks:
      "RS256 is the only usable algorithm: outside Mender's documented list, although Mender's own example uses it.",
    fix: 'It probably works: verify with a test login, or also enable ES256, PS256 or RS384.',
  },
  'mender-auth-alg': {
    group: 'algorithms',
    source: 'Discovery 1.0 §3; Mender SSO documentation (Implicit Flow only)',
    levels: ['off', I, 'off'],
    checks:
      "`token_endpoint_auth_signing_alg_values_supported` lists none of Mender's algorithms (a fact: Mender's Implicit Flow never authenticates at the token endpoint).",
    fix: 'Nothing to do for Mender; other clients that sign client assertions need one of these algorithms.',
  },
  'alg-eddsa-deprecated': {
    group: 'algorithms',
    levels: [I, I, I],
    source: 'RFC 9864 §2, §4.1 (`Ed25519`, `Ed448` fully specified; `EdDSA` deprecated)',
    checks:
      '`EdDSA` is advertised or set on a key: deprecated in favour of the fully-specified `Ed25519` and `Ed448`.',
    fix: 'Also advertise the fully-specified name (`Ed25519` or `Ed448`) as verifiers move to it.',
  },
  'mender-no-id-token': {
    group: 'mender',
    levels: ['off', E, 'off'],
    source: 'Mender SSO documentation (Implicit Flow only, ID tokens required); Core §3.2',
    checks:
      '`response_types_supported` offers no Implicit Flow response type with `id_token` (e.g. a code-only provider).',
    fix: 'Enable the Implicit Flow with ID tokens for the Mender application and advertise `id_token`.',
  },
  'mender-response-mode': {
    group: 'mender',
    levels: ['off', W, 'off'],
    source:
      'OAuth 2.0 Multiple Response Type Encoding Practices §3 (`id_token`: default mode `fragment`, never `query`); Discovery 1.0 §3',
    checks:
      "`response_modes_supported` is given without `fragment`, the Implicit Flow's default mode (Mender's docs name no mode).",
    fix: 'Support the `fragment` response mode (and list it), or confirm with a test login that Mender gets its tokens.',
  },
  'mender-email-claim': {
    group: 'mender',
    levels: ['off', W, 'off'],
    source:
      'Mender SSO documentation (ID tokens without `email` are rejected); Discovery 1.0 §3 (`claims_supported`)',
    checks:
      '`claims_supported` is given without `email`: Mender looks users up by the `email` claim and rejects tokens without it.',
    fix: 'Make the provider put `email` in ID tokens for the Mender application (and list it in `claims_supported`).',
  },
  'mender-authorization-endpoint': {
    group: 'mender',
    levels: ['off', E, 'off'],
    source: 'Discovery 1.0 §3 (`authorization_endpoint`, https); Core §3.2.2.1',
    checks:
      '`authorization_endpoint` is empty, not https://, or on a single-label, local or private host: Mender sends browsers there.',
    fix: "Publish the authorization endpoint at an https:// URL on a host your users' browsers can reach.",
  },
  'mender-par-required': {
    group: 'mender',
    levels: ['off', E, I],
    source: 'RFC 9126 §5 (`require_pushed_authorization_requests`); Mender SSO documentation',
    checks:
      '`require_pushed_authorization_requests` is true: the provider refuses plain authorization requests, the only kind Mender sends.',
    fix: 'Turn off the PAR requirement for the Mender application.',
  },
  'jwks-not-set': {
    group: 'jwks',
    source: 'RFC 7517 §5 (`keys` REQUIRED)',
    levels: [E, E, E],
    checks: 'The key set has no `keys` array.',
    fix: 'Serve a JWK Set: {"keys": [ ... ]}.',
  },
  'jwks-no-signing-key': {
    group: 'jwks',
    source: 'Core §10.1',
    levels: [E, E, E],
    checks: 'No key in the set can verify a signature (after the key checks below).',
    fix: 'Publish the public key that signs the ID tokens.',
  },
  'jwks-too-many-keys': {
    group: 'jwks',
    source: "this tool's own limit (AWS IAM refuses larger sets)",
    levels: [W, W, W],
    checks: 'More than 100 keys: AWS, for one, refuses such a set.',
    fix: 'Publish only current and next signing keys.',
  },
  'jwk-invalid': {
    group: 'jwks',
    source: 'RFC 7517 §4; RFC 7518 §6',
    levels: [E, E, E],
    checks: 'A key does not parse as a public JWK (jose `importJWK`).',
    fix: 'Fix or remove the key.',
  },
  'jwk-private-member': {
    group: 'jwks',
    source: 'RFC 7518 §6.2.2, §6.3.2, §6.4 (private members)',
    levels: [E, E, E],
    checks: 'A key carries private members (d, p, q, dp, dq, qi, k): the private key is public.',
    fix: 'Remove the key, rotate it at once (it is compromised), and publish public keys only.',
  },
  'jwk-rsa-weak': {
    group: 'jwks',
    source: 'RFC 7518 §3.3 (2048 bits or larger MUST be used)',
    levels: [E, E, E],
    checks: 'An RSA key is shorter than 2048 bits.',
    fix: 'Rotate to an RSA key of 2048 bits or more (or an EC key).',
  },
  'jwk-alg-mismatch': {
    group: 'jwks',
    source: 'RFC 7517 §4.4; RFC 7518 §3.1',
    levels: [E, E, E],
    checks: "A key's `alg` does not fit its type or curve (e.g. ES384 on a P-256 key).",
    fix: 'Set `alg` to the algorithm the key is made for, or drop `alg`.',
  },
  'jwk-not-for-signing': {
    group: 'jwks',
    source: 'RFC 7517 §4.2, §4.3',
    levels: [I, I, I],
    checks: 'A key is for encryption or key agreement (`use`, `key_ops`, X25519/X448): it is ignored.',
    fix: 'Nothing to do unless it was meant to sign tokens.',
  },
  'jwk-kid-missing': {
    group: 'jwks',
    source: 'Core §10.1 (several keys: `kid` MUST be used)',
    levels: [W, W, W],
    checks: 'One of several signing keys has no `kid`: a verifier cannot choose the key.',
    fix: 'Give every key a `kid` and put it in the token header.',
  },
  'jwk-kid-missing-single': {
    group: 'jwks',
    levels: [I, I, I],
    source: 'RFC 7517 §4.5 (`kid` OPTIONAL); Core §10.1',
    checks: 'The only signing key has no `kid`: allowed, and verifiers use the single key.',
    fix: 'Give the key a `kid` before adding a second one (then it is required).',
  },
  'jwk-kid-duplicate': {
    group: 'jwks',
    source: 'RFC 7517 §4.5; Core §10.1',
    levels: [E, E, E],
    checks:
      'Two signing keys of the same `kty` share a `kid` (keys of different types or uses may, RFC 7517 §4.5).',
    fix: 'Give every signing key of a type its own `kid`.',
  },
  'jwk-duplicate-key': {
    group: 'jwks',
    source: 'RFC 7517 §4.5',
    levels: [W, W, W],
    checks: 'The same key is published under two `kid`s.',
    fix: 'Publish each key once.',
  },
  'jwk-x5c-expired': {
    group: 'jwks',
    source: 'RFC 7517 §4.7',
    levels: [W, W, W],
    checks: 'A certificate in `x5c` has expired.',
    fix: 'Publish a current certificate, or drop `x5c` if nothing uses it.',
  },
  'jwk-x5c-invalid': {
    group: 'jwks',
    source: 'RFC 7517 §4.7 (the first certificate MUST hold the key)',
    levels: [W, W, W],
    checks: "A key's `x5c` does not parse, is not valid yet, or certifies a different key.",
    fix: 'Publish the certificate of this very key, or drop `x5c` if nothing uses it.',
  },
  'jwk-not-base64url': {
    group: 'jwks',
    source: 'RFC 7518 §2 (Base64urlUInt); RFC 7515 §2',
    levels: [W, W, W],
    checks: 'A key member uses standard base64 (+, /, =) where JWK requires base64url.',
    fix: 'Encode key members as base64url without padding (RFC 7515 §2).',
  },
  'jwk-rsa-leading-zero': {
    group: 'jwks',
    source: 'RFC 7518 §2 (Base64urlUInt: minimal octets), §6.3.1.1',
    levels: [W, W, W],
    checks: 'An RSA `n` or `e` has a leading zero octet: not the minimal Base64urlUInt encoding.',
    fix: 'Strip leading zero octets before encoding `n` and `e`.',
  },
  'jwk-rsa-exponent-one': {
    group: 'jwks',
    levels: [E, E, E],
    source: 'RFC 8017 §3.1 (3 <= e <= n-1); RFC 7518 §6.3.1.2',
    checks: 'An RSA key has public exponent e = 1: anyone can forge its signatures.',
    fix: 'Remove the key at once and publish a properly generated RSA key (e = 65537).',
  },
  'jwk-rsa-exponent-weak': {
    group: 'jwks',
    levels: [W, W, W],
    source: 'RFC 8017 §3.1 (e odd); RFC 7518 §6.3.1.2',
    checks: 'An RSA public exponent is even or below 65537: a risk with lax PKCS#1 v1.5 verifiers.',
    fix: 'Rotate to a key with e = 65537.',
  },
  'jwk-ec-coordinate-length': {
    group: 'jwks',
    levels: [E, E, E],
    source: 'RFC 7518 §6.2.1.2, §6.2.1.3 (full coordinate size for the curve)',
    checks:
      "An EC key's `x` or `y` is not exactly the curve's coordinate size (32 octets for P-256, 48 for P-384, 66 for P-521).",
    fix: 'Encode the coordinates with leading zero octets to the full size.',
  },
  'jwk-use-key-ops': {
    group: 'jwks',
    levels: [W, W, W],
    source: 'RFC 7517 §4.3 (`use` and `key_ops` MUST be consistent)',
    checks:
      'A key has `use` and `key_ops` that contradict each other (e.g. `sig` with only encryption operations).',
    fix: 'Drop `key_ops` (RFC 7517 says not to use both) or make it agree with `use`.',
  },
  'jwk-x5t-mismatch': {
    group: 'jwks',
    levels: [W, W, W],
    source: 'RFC 7517 §4.8, §4.9 (thumbprint of the DER certificate)',
    checks: '`x5t` or `x5t#S256` is not the SHA-1 / SHA-256 thumbprint of `x5c[0]`.',
    fix: 'Compute the thumbprint from the DER bytes of x5c[0] (base64url), or drop it.',
  },
  'mender-provider-invalid': {
    group: 'mender',
    source: 'Mender SSO documentation (provider document)',
    levels: [E, E, E],
    checks: 'A Mender provider JSON lacks `name`, or both `well_known_url` and `settings`.',
    fix: 'Give the provider a `name` and either `well_known_url` or `settings`.',
  },
  'mender-client-secret': {
    group: 'mender',
    source: 'Mender SSO documentation (client_secret optional)',
    levels: [W, W, W],
    checks: 'A Mender provider file holds a `client_secret`.',
    fix: 'Keep the secret out of the repository: inject it when the provider is created.',
  },
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
    source: "Core §3.1.3.7 step 9; Mondoo's 3-minute minimum",
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
