import {
  cellCode,
  cellMessage,
  inertText,
  inlineCode,
  markdownTable,
  messageText,
} from '../output/markdown.js';
import { plural } from '../plural.js';
import { PROFILES } from './profiles.js';
import type { FetchRecord } from './fetch.js';
import type { Finding } from './findings.js';
import type { LintReport } from './report.js';

const MAX_SUMMARY_ROWS = 200;

export function subjectOf(report: LintReport): string {
  return report.target.issuer ?? report.target.discovery ?? 'the provider';
}

/**
 * Each profile's verdict sentence with the deciding rule's id, always Mondoo, then Mender, then OpenID
 * Connect, whichever profile was chosen: "not usable with Mender SSO: no `id_token` response type: …
 * (mender-no-id-token)".
 */
export function verdictLines(report: LintReport): string[] {
  return PROFILES.map((profile) => {
    const rule = report.decidedBy[profile];
    return rule ? `${report.verdicts[profile]} (${rule})` : report.verdicts[profile];
  });
}

/** The verdicts on one line, for a failure message. */
export function verdictLine(report: LintReport): string {
  return verdictLines(report).join('; ');
}

/**
 * The plain-text report: the CLI's output, and the action's log. In the action the first `annotated` findings
 * are left out: each is an annotation, which the log shows too, and a finding should be read once.
 */
export function textReport(report: LintReport, annotated = 0): string {
  const { counts } = report;
  const lines = [`Lint of ${subjectOf(report)} (profile ${report.profile})`];
  if (report.fetches.length > 0) {
    lines.push('Fetched:', ...report.fetches.map((record) => `  ${describeFetch(record)}`));
  }
  const shown = report.findings.slice(annotated);
  const where =
    annotated === 0 || report.findings.length === 0
      ? ''
      : shown.length === 0
        ? ' (each is shown below, as an annotation)'
        : ` (the first ${annotated} are annotations, shown after this report; the other ${shown.length} follow here)`;
  lines.push(
    `Findings: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info${where}`,
  );
  for (const finding of shown) {
    lines.push(`  ${finding.severity.padEnd(7)} ${finding.rule}: ${finding.message}`);
    if (finding.value !== undefined) lines.push(`          value: ${finding.value}`);
    if (finding.location) lines.push(`          at: ${finding.location.file}:${finding.location.line}`);
    lines.push(`          fix: ${finding.fix}`);
  }
  const token = sampleTokenVerdict(report);
  if (token) lines.push(`Sample token: ${token.verdict} (${token.detail}).`);
  lines.push('Verdict:', ...verdictLines(report).map((line) => `  ${line}`));
  return lines.join('\n');
}

/** How the sample token fared (no part of the token is shown), when one was checked. */
export function sampleTokenVerdict(report: LintReport): { verdict: string; detail: string } | undefined {
  const result = report.sampleToken;
  if (!result) return undefined;
  const rules = [...new Set(report.findings.filter((f) => f.rule.startsWith('token-')).map((f) => f.rule))];
  if (rules.length > 0) return { verdict: 'did not pass', detail: `see ${rules.join(', ')}` };
  if (result.passed) {
    return { verdict: 'passed', detail: 'issuer, key id, signature, algorithm and time left all check out' };
  }
  const missing = result.notChecked.map((check) =>
    check === 'signature'
      ? 'no key set to verify its signature with'
      : 'no advertised algorithms to check its algorithm against',
  );
  return { verdict: 'not fully checked', detail: `no findings, but ${missing.join(' and ')}` };
}

function describeFetch(record: FetchRecord): string {
  if (record.error !== undefined)
    return `GET ${record.url} → no answer after ${record.ms} ms: ${record.error}`;
  const type = record.contentType ?? 'no content type';
  return `GET ${record.url} → ${record.status ?? '?'}, ${type}, ${record.bytes ?? 0} bytes, ${record.ms} ms`;
}

/** The job summary: verdicts, a findings table, and what was fetched. */
export function summaryReport(report: LintReport): string {
  const lines = [
    `### Mondoo keyless auth: lint of ${inlineCode(subjectOf(report))} (profile ${report.profile})`,
    '',
  ];
  lines.push(
    ...PROFILES.map((profile) => {
      const rule = report.decidedBy[profile];
      return `- ${messageText(report.verdicts[profile])}${rule ? ` (${inlineCode(rule)})` : ''}`;
    }),
    '',
  );
  const token = sampleTokenVerdict(report);
  if (token) lines.push(`Sample token: **${token.verdict}** (${messageText(token.detail)}).`, '');
  if (report.findings.length === 0) {
    lines.push('No findings.', '');
  } else {
    // The job summary has a size limit (1 MiB per step); a key set can produce thousands of findings.
    const shownFindings = report.findings.slice(0, MAX_SUMMARY_ROWS);
    lines.push(
      markdownTable(['Rule', 'Severity', 'Finding', 'Value', 'Fix'], shownFindings.map(findingRow)),
      '',
    );
    const rest = report.findings.length - shownFindings.length;
    if (rest > 0) lines.push(`…and ${plural(rest, 'more finding')}: see the log or the JSON report.`, '');
  }
  if (report.fetches.length > 0) {
    lines.push(
      '#### Fetches',
      '',
      markdownTable(
        ['URL', 'Status', 'Content-Type', 'Bytes', 'Time'],
        report.fetches.map((record) => [
          cellCode(record.url),
          record.error !== undefined ? inertText(`no answer: ${record.error}`) : String(record.status),
          record.contentType ? cellCode(record.contentType) : '',
          record.bytes === undefined ? '' : String(record.bytes),
          `${record.ms} ms`,
        ]),
      ),
      '',
    );
  }
  return lines.join('\n');
}

function findingRow(finding: Finding): string[] {
  const where = finding.location ? ` (${finding.location.file}:${finding.location.line})` : '';
  return [
    cellCode(finding.rule),
    finding.severity,
    cellMessage(finding.message + where),
    finding.value === undefined ? '' : cellCode(finding.value),
    cellMessage(finding.fix),
  ];
}
