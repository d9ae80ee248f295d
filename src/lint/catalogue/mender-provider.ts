import { E, W, type RuleSpec } from './rule-spec.js';

/** A Mender provider JSON file (Mender's own wrapper around the discovery document). */
export const MENDER_PROVIDER_RULES = {
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
} as const satisfies Record<string, RuleSpec>;
