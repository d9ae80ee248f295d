import type { CommandSpec } from './usage.js';

// The lint command's options live apart from its code so that the CLI can list and parse every command while
// loading the lint half only when `lint` runs: the exchange pays nothing at start-up for code it never uses.

export const FORMATS = ['text', 'json', 'sarif'] as const;
export const DEFAULT_CONCURRENCY = 8;
export const MAX_CONCURRENCY = 64;
export const LINT_COMMAND: CommandSpec = {
  name: 'lint',
  summary:
    "Lints OpenID Connect providers against Mondoo's, Mender's or OpenID Connect Discovery 1.0's requirements. Each argument is an issuer URL (its /.well-known/openid-configuration and jwks_uri are fetched) or a local discovery document or Mender provider JSON. Providers are linted concurrently; results come in argument order.",
  positionals: 'ISSUER_OR_FILE...',
  options: {
    profile: { type: 'string', value: 'P', help: 'mondoo (default), mender or oidc.' },
    format: {
      type: 'string',
      value: 'F',
      help: 'text (default), json (an array of lint reports) or sarif (SARIF 2.1.0).',
    },
    'fail-on': {
      type: 'string',
      value: 'L',
      help: 'Exit 1 on findings at this level: error (default), warning or never.',
    },
    concurrency: {
      type: 'string',
      value: 'N',
      help: `Providers linted at once (default ${DEFAULT_CONCURRENCY}, at most ${MAX_CONCURRENCY}).`,
    },
    jwks: {
      type: 'string',
      value: 'FILE',
      help: 'A local JWK Set instead of fetching jwks_uri (one provider only).',
    },
    timeout: { type: 'string', value: 'S', help: 'Seconds per provider, all fetches included (default 60).' },
    'allow-private-hosts': {
      type: 'boolean',
      help: 'Also fetch from loopback and private addresses (your own network); never link-local or metadata ones.',
    },
    offline: {
      type: 'boolean',
      help: 'Fetch nothing: every document must be a local file (--jwks for the key set); what could only be fetched is an error finding.',
    },
    issuer: {
      type: 'string',
      value: 'URL',
      help: 'The issuer a local discovery file must name, compared byte for byte with its `issuer` (one file only).',
    },
    'token-file': {
      type: 'string',
      value: 'FILE',
      help: 'A sample ID token from the provider, read from FILE, checked against it: iss, kid, signature, alg, time left (one provider only).',
    },
    'token-env': { type: 'string', value: 'VAR', help: 'The sample ID token, read from the variable VAR.' },
    token: {
      type: 'string',
      value: '-',
      help: 'With -, read the sample ID token from stdin (never as an argument).',
    },
  },
  footer: [
    'Examples:',
    '  mondoo-keyless lint https://token.actions.githubusercontent.com https://gitlab.example.com',
    '  mondoo-keyless lint --format sarif providers/*.json > lint.sarif',
    '  mondoo-keyless lint --issuer https://idp.corp.example.com --token-env MONDOO_ID_TOKEN idp/discovery.json',
  ],
};
