import { E, W, I, type RuleSpec } from './rule-spec.js';

/** The discovery document's members: presence, types, values and endpoint URLs. */
export const DOCUMENT_RULES = {
  'document-oauth-metadata': {
    group: 'document',
    source: 'Discovery 1.0 §3 vs RFC 8414 §2',
    levels: [E, E, E],
    checks: 'The document is OAuth 2.0 server metadata (RFC 8414), not an OpenID Connect discovery document.',
    fix: "Point at the provider's /.well-known/openid-configuration (for Keycloak: the realm's OIDC URL).",
  },
  'member-missing': {
    group: 'document',
    source: "Discovery 1.0 §3 (REQUIRED members); Mondoo's custom OIDC documentation (the same five)",
    levels: [E, E, E],
    checks:
      'A required member is missing: issuer, jwks_uri, response_types_supported, subject_types_supported, id_token_signing_alg_values_supported (with "did you mean").',
    fix: 'Add the member to the discovery document (or correct its spelling).',
  },
  'member-type': {
    group: 'document',
    source: 'Discovery 1.0 §3 (member types), §4.2 (members with zero elements MUST be omitted)',
    levels: [E, E, E],
    checks: 'A required member has the wrong JSON type (a string, or an array of strings), or is empty.',
    fix: 'Give the member the type OpenID Connect Discovery 1.0 §3 defines.',
  },
  'endpoint-missing': {
    group: 'document',
    source: 'Discovery 1.0 §3 (`authorization_endpoint` REQUIRED); Core §3.1.2, §3.2.2',
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
      'OAuth 2.0 Multiple Response Type Encoding Practices §1.2 (space-delimited, any order), §3–5 (`id_token`, `none`, combinations)',
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
    source: 'Discovery 1.0 §3 (`jwks_uri` MUST use https)',
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
} as const satisfies Record<string, RuleSpec>;
