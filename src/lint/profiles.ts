/**
 * The lint profiles, apart from the rule catalogue: reading the `profile` input needs only these, and the
 * exchange half reads its inputs through the same settings module, so it must not pull in every rule.
 */
export type Profile = 'mondoo' | 'mender' | 'oidc';

/** The one order of profiles everywhere: verdicts, summaries, reports and docs. */
export const PROFILES: readonly Profile[] = ['mondoo', 'mender', 'oidc'];
