import { type RuleId } from './catalogue.js';
import { type Profile, PROFILES } from './profiles.js';
import type { Finding } from './findings.js';

/** How each target is named in a verdict, affirmed and denied. */
const TARGETS: Record<Profile, { yes: string; no: string }> = {
  mondoo: { yes: 'usable with Mondoo', no: 'not usable with Mondoo' },
  mender: { yes: 'usable with Mender SSO', no: 'not usable with Mender SSO' },
  oidc: {
    yes: 'conforms to OpenID Connect Discovery 1.0',
    no: 'does not conform to OpenID Connect Discovery 1.0',
  },
};

/** One profile's verdict: whether the provider passes, and the finding that decides it when it does not. */
export interface Verdict {
  profile: Profile;
  usable: boolean;
  /** The first error under that profile (findings are sorted errors first). */
  decidedBy?: RuleId;
  /** That finding's message as a clause: what a person needs to read to see why. */
  reason?: string;
}

/** The verdicts in the one order used everywhere (log, summary, CLI, JSON, docs): Mondoo, Mender, OIDC. */
export function verdictsOf(findingsByProfile: Record<Profile, readonly Finding[]>): Verdict[] {
  return PROFILES.map((profile) => {
    const first = findingsByProfile[profile].find((finding) => finding.severity === 'error');
    if (!first) return { profile, usable: true };
    return { profile, usable: false, decidedBy: first.rule, reason: asClause(first.message) };
  });
}

/** "usable with Mondoo", or "not usable with Mender SSO: no `id_token` response type: …". */
export function verdictSentence(verdict: Pick<Verdict, 'profile' | 'usable' | 'reason'>): string {
  const target = TARGETS[verdict.profile];
  if (verdict.usable) return target.yes;
  return verdict.reason ? `${target.no}: ${verdict.reason}` : target.no;
}

/**
 * A finding's message made to follow a colon: without its closing full stop, and with a lower-case first
 * letter when it starts with an ordinary word ("The", "No", "Offline:"), never when it starts with a name,
 * a file or code (`issuer`, RS256, Idp/discovery.json).
 */
function asClause(message: string): string {
  const trimmed = message.trim().replace(/\.$/, '');
  const firstWord = trimmed.split(' ', 1)[0] ?? '';
  return /^[A-Z][a-z]*[:,]?$/.test(firstWord) ? trimmed.charAt(0).toLowerCase() + trimmed.slice(1) : trimmed;
}
