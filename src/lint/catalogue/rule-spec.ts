/** The shape of one catalogue entry; the entries themselves are in this folder, one file per theme. */
import type { Profile } from '../profiles.js';

export type Severity = 'error' | 'warning' | 'info';

/** `off`: the rule does not apply under that profile. */
export type Level = Severity | 'off';

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

export const E = 'error';
export const W = 'warning';
export const I = 'info';
