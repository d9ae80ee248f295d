import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ActionError, settingsError } from '../errors.js';
import type { AnnotationLevel, Runner } from '../runner.js';
import { maskFormsOfAll } from '../secrets/mask-forms.js';
import type { Severity } from './catalogue.js';
import { gatherEvidence, type LintIo } from './evidence.js';
import type { LintSettings } from './lint-settings.js';
import { plural } from '../plural.js';
import { type FileSetting, writePrivateFile } from '../private-file.js';
import { summaryReport, textReport, verdictLine } from './render.js';
import { buildReport, failsStep, type LintReport } from './report.js';

export interface LintStepIo extends LintIo {
  runner: Runner;
}

const ANNOTATION_LEVEL: Record<Severity, AnnotationLevel> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
};

const MAX_ANNOTATIONS = 50;

/** Lints the provider, reports in every form the runner offers, and fails at `fail-on`. */
export async function runLintStep(settings: LintSettings, io: LintStepIo): Promise<LintReport> {
  const { runner } = io;
  const evidence = await gatherEvidence(settings, io);
  // A leaked private key or client secret must not leak a second time through this step's output.
  for (const form of maskFormsOfAll(evidence.secrets)) runner.mask(form);
  const report = buildReport(settings, evidence);

  // Annotations also appear in the log: the text report leaves out the findings they carry.
  runner.info(textReport(report, Math.min(report.findings.length, MAX_ANNOTATIONS)));
  annotate(runner, report);
  await runner.appendSummary(summaryReport(report));
  runner.setOutput('errors', String(report.counts.error));
  runner.setOutput('warnings', String(report.counts.warning));
  if (settings.report) writeReport(settings.report, report);

  if (failsStep(report, settings.failOn)) {
    const { error, warning } = report.counts;
    const found =
      settings.failOn === 'warning'
        ? `${plural(error, 'error')} and ${plural(warning, 'warning')}`
        : plural(error, 'error');
    throw new ActionError(
      `Lint found ${found} (fail-on: ${settings.failOn}). Verdict: ${verdictLine(report)}.`,
      {
        kind: 'lint-findings',
        fix: 'Fix the findings listed above, or lint under another `profile`; `fail-on: never` only reports.',
      },
    );
  }
  return report;
}

/** One annotation per finding, up to a limit: past it they only bury the ones that matter. */
function annotate(runner: Runner, report: LintReport): void {
  for (const finding of report.findings.slice(0, MAX_ANNOTATIONS)) {
    // The value is the one part of the text report's entry a message may not already quote.
    const value =
      finding.value === undefined || finding.message.includes(finding.value)
        ? ''
        : `\nValue: ${finding.value}`;
    runner.annotate(ANNOTATION_LEVEL[finding.severity], `${finding.message}${value}\nFix: ${finding.fix}`, {
      title: `${finding.rule} (${finding.severity})`,
      file: finding.location?.file,
      line: finding.location?.line,
    });
  }
  const rest = report.findings.length - MAX_ANNOTATIONS;
  if (rest > 0) {
    runner.annotate(
      'notice',
      `${plural(rest, 'more finding')} not annotated: see the log, the summary or the JSON report.`,
    );
  }
}

const REPORT_FILE: FileSetting = {
  label: 'Input `report`',
  fix: 'Give a file path in the workspace or RUNNER_TEMP that only this job can write.',
  // Findings never quote a secret: the report is made as any file the job writes, the umask decides.
  mode: 0o666,
};

/** Written as the CLI writes a credential: never through a symbolic link, whole or not at all. */
function writeReport(path: string, report: LintReport): void {
  const folder = dirname(path);
  try {
    // A folder the workflow names but has not made yet (e.g. `reports/lint.json`) is made here.
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw settingsError(
      'report',
      `the folder ${folder} for ${path} cannot be made (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      REPORT_FILE.fix,
    );
  }
  writePrivateFile(path, `${JSON.stringify(report, null, 2)}\n`, REPORT_FILE);
}
