import { E, W, I, type RuleSpec } from './rule-spec.js';

/** Reading a document: fetching a URL or a local file, and what came back. */
export const FETCH_RULES = {
  'fetch-not-https': {
    group: 'fetch',
    source: 'Discovery 1.0 §3 (`issuer` and `jwks_uri` MUST use https), §7.1 (TLS)',
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
    source: 'Discovery 1.0 §4.1 (retrieved with an HTTP GET request)',
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
    source: 'Discovery 1.0 §4.1 (retrieved by GET at the well-known path itself)',
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
    source: 'Discovery 1.0 §4, §4.2 (application/json); RFC 7517 §8.5 (application/jwk-set+json)',
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
    source:
      'Discovery 1.0 §4, §4.1 (issuer + /.well-known/openid-configuration); RFC 8414 §3.1 (inserted form), §5',
    levels: [E, E, E],
    checks: 'For an issuer with a path, only the RFC 8414 "inserted" well-known URL answers.',
    fix: 'Also serve the document at {issuer}/.well-known/openid-configuration, the form OpenID Connect uses.',
  },
} as const satisfies Record<string, RuleSpec>;
