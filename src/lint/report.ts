import { ACTION_NAME, VERSION } from '../version.js';
import { advertisedAlgs, checkAlgorithms } from './algorithm-rules.js';
import { type RuleId } from './catalogue.js';
import { type Profile, PROFILES } from './profiles.js';
import { checkDiscovery } from './discovery-rules.js';
import { checkFlow } from './flow-rules.js';
import type { Evidence } from './evidence.js';
import type { FetchRecord } from './fetch.js';
import { type Counts, countOf, type Finding, judge, type Observation } from './findings.js';
import type { FailOn, LintSettings } from './lint-settings.js';
import { checkTokenAlg } from './token-rules.js';
import { verdictSentence, verdictsOf } from './verdicts.js';

export const REPORT_SCHEMA = 'mondoo-keyless-auth/lint-report/v1';

/** The JSON report (input `report`): its shape is documented in the README and only grows. */
export interface LintReport {
  schema: typeof REPORT_SCHEMA;
  tool: { name: string; version: string };
  profile: Profile;
  target: { issuer?: string; discovery?: string; jwks?: string; token: boolean };
  /** Whether the provider is usable under each profile: no finding at error there. */
  usable: Record<Profile, boolean>;
  /** Under each profile where it is not usable: the rule of its first error, the finding that decides. */
  decidedBy: Partial<Record<Profile, RuleId>>;
  /** Each profile's verdict as a sentence, naming the deciding finding: "not usable with Mender SSO: …". */
  verdicts: Record<Profile, string>;
  counts: Counts;
  findings: Finding[];
  fetches: FetchRecord[];
  /** Present when a sample token was checked: whether it passed under `profile`, and what could not be checked. */
  sampleToken?: SampleTokenResult;
}

export interface SampleTokenResult {
  /** No finding on the token under the chosen profile, and every check could run. */
  passed: boolean;
  /** Checks that could not run: `signature` (no key set was read), `algorithm` (no advertised algorithms). */
  notChecked: string[];
}

/** What every profile sees alike: observed once, then judged under each profile. */
interface SharedObservations {
  /** Made while reading, and the discovery document's own checks. */
  document: Observation[];
  /** The key set's and the sample token's checks. */
  keysAndToken: Observation[];
  advertised: string[] | undefined;
}

function observeShared(evidence: Evidence): SharedObservations {
  const { discovery, jwks, token } = evidence;
  const expected = { issuer: evidence.expectedIssuer, discoveryUrl: evidence.expectedDiscoveryUrl };
  // concat, not push(...): a key set can hold enough keys to overflow the call stack with spread arguments.
  return {
    document: evidence.observations.concat(discovery ? checkDiscovery(discovery, expected) : []),
    keysAndToken: (jwks?.observations ?? []).concat(token?.observations ?? []),
    advertised: discovery ? advertisedAlgs(discovery) : undefined,
  };
}

/** The findings under one profile: pure, so the same evidence always gives the same list in the same order. */
export function evaluate(
  evidence: Evidence,
  profile: Profile,
  shared: SharedObservations = observeShared(evidence),
): Finding[] {
  const { discovery, jwks, token } = evidence;
  const observations: Observation[] = shared.document.concat(
    discovery ? checkFlow(discovery, profile) : [],
    discovery ? checkAlgorithms(discovery, jwks?.signingKeys, profile) : [],
    shared.keysAndToken,
    token && shared.advertised ? checkTokenAlg(token.alg, shared.advertised, profile) : [],
  );
  return judge(observations, profile);
}

export function buildReport(settings: LintSettings, evidence: Evidence): LintReport {
  const shared = observeShared(evidence);
  const byProfile = Object.fromEntries(
    PROFILES.map((profile) => [profile, evaluate(evidence, profile, shared)]),
  ) as Record<Profile, Finding[]>;
  const findings = byProfile[settings.profile];
  const verdicts = verdictsOf(byProfile);
  const usable = Object.fromEntries(verdicts.map((v) => [v.profile, v.usable])) as Record<Profile, boolean>;
  const decidedBy: Partial<Record<Profile, RuleId>> = {};
  for (const verdict of verdicts) if (verdict.decidedBy) decidedBy[verdict.profile] = verdict.decidedBy;
  return {
    schema: REPORT_SCHEMA,
    tool: { name: ACTION_NAME, version: VERSION },
    profile: settings.profile,
    target: {
      issuer: settings.issuer,
      discovery: settings.discovery ?? evidence.discovery?.where,
      jwks:
        settings.jwks ??
        (typeof evidence.discovery?.value.jwks_uri === 'string'
          ? evidence.discovery.value.jwks_uri
          : undefined),
      token: settings.token !== undefined,
    },
    usable,
    decidedBy,
    verdicts: Object.fromEntries(verdicts.map((v) => [v.profile, verdictSentence(v)])) as Record<
      Profile,
      string
    >,
    counts: countOf(findings),
    findings,
    fetches: evidence.fetches,
    ...(evidence.token ? { sampleToken: sampleTokenResult(evidence, findings, shared.advertised) } : {}),
  };
}

function sampleTokenResult(
  evidence: Evidence,
  findings: Finding[],
  advertised: string[] | undefined,
): SampleTokenResult {
  const notChecked = [
    ...(evidence.token?.signatureChecked ? [] : ['signature']),
    ...(advertised ? [] : ['algorithm']),
  ];
  const clean = !findings.some((finding) => finding.rule.startsWith('token-'));
  return { passed: clean && notChecked.length === 0, notChecked };
}

export function failsStep(report: LintReport, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return failOn === 'warning' ? report.counts.error + report.counts.warning > 0 : report.counts.error > 0;
}
