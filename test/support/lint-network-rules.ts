/**
 * Lint rules that only a server can trigger: the unit tests leave them to the end-to-end lint tests, which
 * check that each of them fired in at least one run.
 */
export const NETWORK_RULES = [
  'fetch-not-https',
  'fetch-failed',
  'fetch-address-refused',
  'fetch-redirect',
  'fetch-status',
  'fetch-content-type',
  'fetch-not-json',
  'fetch-not-object',
  'fetch-too-large',
  'discovery-rfc8414-form',
] as const;
