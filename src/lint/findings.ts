import { type RuleId, ruleSpec, type Severity, severityOf } from './catalogue.js';
import type { Profile } from './profiles.js';

/** A place in a local file, so a finding can show as an annotation on it. */
export interface Location {
  file: string;
  line: number;
}

/** Where a JSON Pointer into a document is, when the document is a local file. */
export type Locate = (pointer: string) => Location | undefined;

/** What a rule saw, before a profile says how much it matters. */
export interface Observation {
  rule: RuleId;
  message: string;
  /** The offending value, already shortened; never a secret. */
  value?: string;
  /** Replaces the catalogue's fix when the case at hand has a more precise one. */
  fix?: string;
  location?: Location;
}

export interface Finding extends Observation {
  severity: Severity;
  fix: string;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Gives each observation its profile's severity, drops rules that do not apply, errors first. */
export function judge(observations: readonly Observation[], profile: Profile): Finding[] {
  const findings: Finding[] = [];
  for (const observation of observations) {
    const severity = severityOf(observation.rule, profile);
    if (severity === 'off') continue;
    const { rule, message, value, location } = observation;
    const spec = ruleSpec(rule);
    const fix = observation.fix ?? spec.fixes?.[profile] ?? spec.fix;
    // Built member by member so the JSON report's field order is the documented one.
    findings.push({ rule, severity, message, value, fix, location });
  }
  // Array.prototype.sort is stable, so findings of one severity keep the order the rules produced them in.
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export function countOf(findings: readonly Finding[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
