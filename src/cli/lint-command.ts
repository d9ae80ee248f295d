import { statSync } from 'node:fs';
import { ActionError } from '../errors.js';
import type { Profile } from '../lint/profiles.js';
import { hasUrlScheme, readChoice, readTimeout, readWholeNumber } from '../input-values.js';
import { Deadline } from '../retry.js';
import { gatherEvidence } from '../lint/evidence.js';
import { readLintSettings } from '../lint/lint-settings.js';
import { textReport } from '../lint/render.js';
import { plural } from '../plural.js';
import { buildReport, failsStep, type LintReport } from '../lint/report.js';
import type { Log } from '../runner.js';
import { maskForms, maskFormsOfAll } from '../secrets/mask-forms.js';
import type { CliIo } from './cli-io.js';
import { mapInOrder } from './in-order.js';
import { sarifLog } from './sarif.js';
import { tokenRequestOf } from './token-options.js';
import { givenTokenSource } from './token-sources.js';
import { missingTarget } from '../lint/target-kind.js';
import { visible } from '../output/escape.js';
import { DEFAULT_CONCURRENCY, FORMATS, MAX_CONCURRENCY } from './lint-spec.js';
import { type ParsedCommand, stringOption, UsageError } from './usage.js';

interface Outcome {
  target: string;
  report?: LintReport;
  /** Why this provider could not be linted at all (an unreadable file). */
  error?: ActionError;
  secrets: string[];
}

export async function lintCommand(parsed: ParsedCommand, io: CliIo, log: Log): Promise<number> {
  const { values, positionals: targets } = parsed;
  const read = (name: string) => stringOption(values, name);
  if (targets.length === 0) {
    throw new UsageError(
      'No provider given.',
      'Name at least one issuer URL or discovery file, e.g. `mondoo-keyless lint https://token.actions.githubusercontent.com`.',
      'lint',
    );
  }
  const jwks = read('jwks');
  if (jwks && targets.length > 1) {
    throw new UsageError(
      `Option \`--jwks\` applies to one provider, and ${targets.length} were given.`,
      'Lint the provider that key set belongs to on its own, or leave out `--jwks`.',
      'lint',
    );
  }
  for (const target of targets) checkTarget(target);
  const issuer = read('issuer');
  checkExpectedIssuer(issuer, targets);
  const token = await readSampleToken(values, targets, io, log, read('timeout'));
  const format = readChoice('format', read('format'), FORMATS, 'text');
  const concurrency = readWholeNumber(
    'concurrency',
    read('concurrency'),
    DEFAULT_CONCURRENCY,
    1,
    MAX_CONCURRENCY,
    'providers at once',
  );
  // Read once for all targets, so a bad --profile is one usage error, not one per provider.
  const shared = {
    profile: read('profile'),
    'fail-on': read('fail-on'),
    timeout: read('timeout'),
    jwks,
    'allow-private-hosts': values['allow-private-hosts'] === true ? 'true' : '',
    offline: values.offline === true ? 'true' : '',
    token: token ?? '',
  };
  const first = readLintSettings((name) => settingFor(name, targets[0] ?? '', shared, issuer));

  const outcomes = await mapInOrder(targets, concurrency, (target) =>
    lintOne(target, (name) => settingFor(name, target, shared, issuer), io, log),
  );

  // Secrets found in the documents, in every form the report can show them (escaped inside JSON output too).
  for (const form of maskFormsOfAll(outcomes.flatMap((outcome) => outcome.secrets))) log.mask(form);
  const reports = outcomes.flatMap((outcome) => (outcome.report ? [outcome.report] : []));
  for (const outcome of outcomes) {
    // The core's message names the action's input (`discovery`); here the file is an argument.
    const problem = outcome.error?.message.replace(/^Input `[a-z-]+`: /, '');
    if (problem) log.info(`error: ${outcome.target} was not linted: ${problem}`);
    if (problem && outcome.error?.fix) log.info(`fix: ${outcome.error.fix}`);
  }
  // Through the log's masks: those secrets, and a token pasted into an argument, never reach the report.
  io.writeOut(log.redact(render(format, reports, first.profile)));

  if (outcomes.some((outcome) => outcome.error?.kind === 'settings')) return 2;
  const failing = reports.filter((report) => failsStep(report, first.failOn));
  if (failing.length > 0 || outcomes.some((outcome) => outcome.error)) {
    log.info(
      `${failing.length} of ${plural(targets.length, 'provider')} failed at \`--fail-on ${first.failOn}\`.`,
    );
    return 1;
  }
  return 0;
}

/** An issuer is a URL; anything else must be a regular file, so a typo is caught before any fetch. */
function checkTarget(target: string): void {
  if (hasUrlScheme(target)) return;
  let isFile: boolean;
  try {
    isFile = statSync(target).isFile();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENAMETOOLONG')
      throw new UsageError(...missingTarget(target), 'lint');
    throw new UsageError(
      `${JSON.stringify(visible(target))} cannot be read (${code}).`,
      'Check that the file exists and that this user may read it.',
      'lint',
    );
  }
  if (!isFile) {
    throw new UsageError(
      `${JSON.stringify(visible(target))} is not a regular file.`,
      'Give the path of a discovery document (a JSON file), or an issuer URL starting with https://.',
      'lint',
    );
  }
}

/** `--issuer` names what one local file must say; a URL argument is the issuer already. */
function checkExpectedIssuer(issuer: string, targets: string[]): void {
  if (!issuer) return;
  if (targets.length > 1) {
    throw new UsageError(
      `Option \`--issuer\` applies to one discovery file, and ${targets.length} providers were given.`,
      'Lint that file on its own with `--issuer`, or leave out `--issuer`.',
      'lint',
    );
  }
  if (hasUrlScheme(targets[0] ?? '')) {
    throw new UsageError(
      'Option `--issuer` is for a local discovery file, and the argument is a URL: the issuer itself.',
      'Leave out `--issuer`.',
      'lint',
    );
  }
}

/**
 * The sample token, read as `exchange` reads its token (a file, a variable or stdin; never an argument) and
 * masked at once. It belongs to one provider: its `iss` is compared with that provider's issuer.
 */
async function readSampleToken(
  values: ParsedCommand['values'],
  targets: string[],
  io: CliIo,
  log: Log,
  timeout: string,
): Promise<string | undefined> {
  const request = tokenRequestOf(values, 'lint');
  const source = givenTokenSource(request, io, 'lint');
  if (!source) return undefined;
  if (targets.length > 1) {
    throw new UsageError(
      `A sample token belongs to one provider, and ${targets.length} were given.`,
      'Lint the provider that issued the token on its own, or leave out the token.',
      'lint',
    );
  }
  const token = await source.fetch(new Deadline(readTimeout(timeout) * 1000));
  for (const form of maskForms(token)) log.mask(form);
  return token;
}

function settingFor(name: string, target: string, shared: Record<string, string>, issuer: string): string {
  if (name === 'issuer') return hasUrlScheme(target) ? target : issuer;
  if (name === 'discovery') return hasUrlScheme(target) ? '' : target;
  return shared[name] ?? '';
}

async function lintOne(
  target: string,
  read: (name: string) => string,
  io: CliIo,
  log: Log,
): Promise<Outcome> {
  try {
    const settings = readLintSettings(read);
    for (const warning of settings.warnings) log.warning(`${target}: ${warning}`);
    const evidence = await gatherEvidence(settings, io);
    return { target, report: buildReport(settings, evidence), secrets: evidence.secrets };
  } catch (error) {
    if (error instanceof ActionError) return { target, error, secrets: [] };
    throw error;
  }
}

function render(format: (typeof FORMATS)[number], reports: LintReport[], profile: Profile): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(reports, null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(sarifLog(reports, profile), null, 2)}\n`;
    case 'text': {
      const tally = reports.length > 1 ? [overallLine(reports, profile)] : [];
      return `${[...reports.map((report) => textReport(report)), ...tally].join('\n\n')}\n`;
    }
  }
}

function overallLine(reports: LintReport[], profile: Profile): string {
  const usable = reports.filter((report) => report.usable[profile]).length;
  return `${plural(reports.length, 'provider')} linted (profile ${profile}): ${usable} usable, ${reports.length - usable} not.`;
}
