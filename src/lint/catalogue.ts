/**
 * Every lint rule: its stable id, its severity under each profile, what it checks and the usual fix.
 * The entries live in catalogue/, one file per theme; this module joins them in the documented order.
 * The rule list in docs/lint.md is generated from this table (`npm run rules`) and a test keeps the two equal.
 */
import { ALGORITHM_RULES } from './catalogue/algorithms.js';
import { DOCUMENT_RULES } from './catalogue/document.js';
import { FETCH_RULES } from './catalogue/fetch.js';
import { ISSUER_RULES } from './catalogue/issuer.js';
import { KEY_RULES } from './catalogue/keys.js';
import { MENDER_FLOW_RULES } from './catalogue/mender-flow.js';
import { MENDER_PROVIDER_RULES } from './catalogue/mender-provider.js';
import type { Level, RuleSpec } from './catalogue/rule-spec.js';
import { type Profile, PROFILES } from './profiles.js';
import { TOKEN_RULES } from './catalogue/sample-token.js';

export type { RuleSpec, Severity } from './catalogue/rule-spec.js';

export const RULES = {
  ...FETCH_RULES,
  ...ISSUER_RULES,
  ...DOCUMENT_RULES,
  ...ALGORITHM_RULES,
  ...MENDER_FLOW_RULES,
  ...KEY_RULES,
  ...MENDER_PROVIDER_RULES,
  ...TOKEN_RULES,
} as const satisfies Record<string, RuleSpec>;

export type RuleId = keyof typeof RULES;

/** A rule's entry, as the general RuleSpec shape rather than its own literal type. */
export function ruleSpec(rule: RuleId): RuleSpec {
  return RULES[rule];
}

export function severityOf(rule: RuleId, profile: Profile): Level {
  return ruleSpec(rule).levels[PROFILES.indexOf(profile)] ?? 'off';
}
