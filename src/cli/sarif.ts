import { RULES, type RuleId, ruleSpec, type Severity, severityOf } from '../lint/catalogue.js';
import type { Profile } from '../lint/profiles.js';
import type { Finding } from '../lint/findings.js';
import type { LintReport } from '../lint/report.js';
import { isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hasUrlScheme } from '../input-values.js';
import { ACTION_NAME, VERSION } from '../version.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};
const RULE_IDS = Object.keys(RULES) as RuleId[];
const RULE_INDEX = new Map(RULE_IDS.map((id, index) => [id, index]));

/**
 * One SARIF 2.1.0 log for every provider linted: GitHub code scanning reads each result's rule, level,
 * message and first location. Findings in local files point at their line; findings on fetched documents
 * point at the document's URL.
 */
export function sarifLog(reports: readonly LintReport[], profile: Profile): object {
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: ACTION_NAME,
            semanticVersion: VERSION,
            rules: RULE_IDS.map((id) => sarifRule(id, profile)),
          },
        },
        results: reports.flatMap((report) => report.findings.map((finding) => sarifResult(finding, report))),
      },
    ],
  };
}

function sarifRule(id: RuleId, profile: Profile): object {
  const rule = ruleSpec(id);
  const level = severityOf(id, profile);
  return {
    id,
    shortDescription: { text: rule.checks },
    fullDescription: { text: rule.checks },
    help: { text: `Fix: ${rule.fix}`, markdown: `**Fix:** ${rule.fix}` },
    defaultConfiguration: level === 'off' ? { enabled: false, level: 'none' } : { level: LEVEL[level] },
    properties: { tags: ['oidc', rule.group] },
  };
}

function sarifResult(finding: Finding, report: LintReport): object {
  const where = finding.location ?? { file: documentOf(finding, report), line: 1 };
  const value = finding.value === undefined ? '' : ` Value: ${finding.value}.`;
  return {
    ruleId: finding.rule,
    ruleIndex: RULE_INDEX.get(finding.rule),
    level: LEVEL[finding.severity],
    message: { text: `${finding.message}${value} Fix: ${finding.fix}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uriOf(where.file) },
          region: { startLine: Math.max(1, where.line) },
        },
      },
    ],
    properties: {
      provider: report.target.issuer ?? report.target.discovery ?? '',
      ...(hasUrlScheme(where.file) ? { document: where.file } : {}),
    },
  };
}

/** The document a finding without a line is about: the key set for key rules, else the discovery document. */
function documentOf(finding: Finding, report: LintReport): string {
  const group = ruleSpec(finding.rule).group;
  const jwks = group === 'jwks' ? report.target.jwks : undefined;
  return jwks ?? report.target.discovery ?? report.target.issuer ?? 'unknown';
}

/**
 * SARIF wants URI references, and GitHub code scanning takes only paths relative to the repository (other
 * schemes fail the upload). A local file keeps its relative path; a fetched document becomes the relative
 * path of its host and path, e.g. `login.example.com/.well-known/openid-configuration`, with the URL itself
 * in the result's properties.
 */
function uriOf(place: string): string {
  // A target that only looks like a URL (`https://exa mple.com`) is reported as a finding; it must not cost
  // the whole log, so it is kept as an escaped relative path instead.
  if (hasUrlScheme(place) && !URL.canParse(place)) {
    return place
      .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
      .split('/')
      .map(encodeURIComponent)
      .join('/');
  }
  if (hasUrlScheme(place)) {
    const url = new URL(place);
    // Segments are decoded first so that an escape already in the URL is not escaped twice.
    const segments = [url.host, ...url.pathname.split('/').filter(Boolean).map(decodeSegment)];
    const path = segments.map(encodeURIComponent).join('/');
    return url.search ? `${path}${encodeURIComponent(url.search)}` : path;
  }
  if (isAbsolute(place)) return pathToFileURL(place).href;
  return encodeURI(place.split(sep).join('/'));
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
