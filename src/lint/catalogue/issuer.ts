import { E, W, I, type RuleSpec } from './rule-spec.js';

/** The issuer URL: its form, and whether the target can reach it. */
export const ISSUER_RULES = {
  'issuer-mismatch': {
    group: 'issuer',
    source: 'Discovery 1.0 §4.3 (MUST be identical to the issuer URL used)',
    levels: [E, E, E],
    checks: '`issuer` differs from the URL the document was fetched for (byte for byte).',
    fix: 'Make `issuer` exactly the URL the document is served under, or lint the issuer the document names.',
  },
  'issuer-trailing-slash': {
    group: 'issuer',
    source: 'Discovery 1.0 §4.3; Core §3.1.3.7 step 2, §16.15 (`iss` MUST exactly match)',
    levels: [E, E, E],
    checks: '`issuer` and the URL it was fetched for differ only by a trailing slash.',
    fix: 'Use the same form everywhere: tokens carry `iss` byte for byte, and Mondoo compares it exactly.',
  },
  'issuer-not-https': {
    group: 'issuer',
    source: 'Discovery 1.0 §3 (`issuer`: https scheme); Core §1.2 (Issuer Identifier)',
    levels: [E, E, E],
    checks: '`issuer` is not an https:// URL (including scheme-less values).',
    fix: 'Set `issuer` to the full https:// URL of the provider.',
  },
  'issuer-url-parts': {
    group: 'issuer',
    source: 'Discovery 1.0 §3 (no query or fragment); Core §1.2 (scheme, host, optional port and path only)',
    levels: [E, E, E],
    checks: '`issuer` has a query, a fragment or user information.',
    fix: 'Use a plain https://host[/path] issuer.',
  },
  'issuer-url-invalid': {
    group: 'issuer',
    levels: [E, E, E],
    source: 'Core §1.2 (Issuer Identifier); RFC 3986 §3.2 (host and port syntax)',
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
    source: 'Discovery 1.0 §5, Core §14 (strings compared without normalisation); RFC 3986 §6',
    levels: [W, W, W],
    checks: '`issuer` is not in the form URL parsers normalise it to (case, spaces, slashes, default port).',
    fix: 'Write the issuer in its normal form, e.g. https://login.example.com/tenant, and use it everywhere.',
  },
  'issuer-port': {
    group: 'issuer',
    source: 'Core §1.2 (Issuer Identifier: scheme, host, optionally port and path)',
    levels: [W, W, I],
    checks: '`issuer` names an explicit port (allowed by Core §2; some clients and proxies mishandle it).',
    fix: 'Serve the issuer on the default HTTPS port (443) unless every client is known to cope.',
  },
  'host-not-public': {
    group: 'issuer',
    source: "Discovery 1.0 §4 (the RP retrieves the document itself); Mondoo's custom OIDC documentation",
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
} as const satisfies Record<string, RuleSpec>;
