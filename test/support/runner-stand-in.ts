/**
 * A stand-in for the GitHub Actions runner, for tests: given what a step printed and wrote to its file
 * commands, it tells what the runner would do with it and what a person would then see. Written from
 * actions/runner (ActionCommand.cs, ActionCommandManager.cs, OutputManager.cs, ExecutionContext.cs,
 * HostContext.cs, SecretMasker.cs, ValueEncoders.cs, FileCommandManager.cs, JobExtension.cs); the modules
 * named runner-*.ts each cite the file they follow.
 *
 * In short: stdout and stderr are read line by line (CR, LF or CRLF); a line is a workflow command when it is
 * `::name props::data` after leading white space (.NET's, which is not JavaScript's) or holds `##[name props]data`
 * anywhere, the name being one the runner registers, in any case. `stop-commands` pauses all commands until
 * the token comes back as a command. `add-mask` registers the value, each trimmed line of it and eleven encoded
 * forms of each, with no minimum length, for everything written afterwards. The step summary is masked with
 * every mask of the step and dropped whole above 1 MiB; job outputs that a mask would change are dropped.
 *
 * Two things cannot be known from captured output, so the stand-in assumes what is worse for secrecy:
 * - The runner matches `::` and `##[` with culture-sensitive .NET comparisons under ICU, which skip ignorable
 *   characters, so `#\u00AD#[` may count as `##[`. A line that is a command only once such characters are
 *   removed is a *possible* command: it is listed (certain: false), may stop command processing, but never
 *   masks, resumes or hides anything.
 * - stdout and stderr are two pipes with no order between them: each stream only counts on its own masks, and
 *   a stop on one stream pauses the other from its start.
 */
import {
  evaluateJobOutputs,
  type JobOutputs,
  processStepSummary,
  type SummaryOutcome,
} from './runner-file-commands.ts';
import { RunnerSecretMasker } from './runner-secret-masker.ts';
import {
  type Annotation,
  type LogLine,
  newAnnotationCounts,
  type Place,
  RunnerStepLog,
  type SeenCommand,
  type StandInOptions,
  type StopEvent,
  type Stream,
} from './runner-step-log.ts';
import { readLines } from './runner-text.ts';

export type { Annotation, LogLine, SeenCommand, StandInOptions, StopEvent } from './runner-step-log.ts';

export interface StepOutput {
  stdout: string;
  stderr?: string;
  /** The GITHUB_STEP_SUMMARY file's text. */
  summary?: string;
  /** GITHUB_OUTPUT, parsed. */
  outputs?: Record<string, string>;
  /** GITHUB_ENV, parsed. */
  env?: Record<string, string>;
}

export interface StepView {
  /** The job log's lines for this step, masked, with the runner's tags (`##[error]`, `##[group]`, ...). */
  log: LogLine[];
  /** Every line the runner treats (or, if not certain, may treat) as a command, in order per stream. */
  commands: SeenCommand[];
  /** The annotations the step's record keeps (at most 10 per level). */
  annotations: Annotation[];
  /** The data of every `add-mask` the runner accepted, in order. */
  addMaskValues: string[];
  /** Every string the runner replaces with `***` at the end of the step (values and encoded forms). */
  masked: string[];
  stops: StopEvent[];
  /** Command processing was still stopped when the step ended. */
  stoppedAtEnd: boolean;
  /** A command made the runner stop reading the step's output (an invalid stop token). */
  abortedAt: Place | undefined;
  /** A command failed (the runner marks the step failed). */
  commandFailed: boolean;
  summary: SummaryOutcome;
  /** Step outputs as stored: unmasked, `set-output` first, then GITHUB_OUTPUT. */
  outputs: Record<string, string>;
  /** What a workflow that maps every step output to a job output would get. */
  jobOutputs: JobOutputs;
  env: Record<string, string>;
}

function processStream(
  text: string,
  stream: Stream,
  options: StandInOptions,
  pausedByOtherStream: boolean,
  counts = newAnnotationCounts(),
): RunnerStepLog {
  const masker = new RunnerSecretMasker();
  for (const value of options.preRegistered ?? []) masker.addValue(value);
  const step = new RunnerStepLog(masker, options, pausedByOtherStream, counts);
  readLines(text).forEach((line, index) => step.processLine(line, { stream, line: index + 1 }));
  return step;
}

/** Runs one step's output through the stand-in. */
export function runStep(output: StepOutput, options: StandInOptions = {}): StepView {
  const stoppedAlone = (text: string, stream: Stream) =>
    processStream(text, stream, options, false).stops.length > 0;
  const stdoutStops = stoppedAlone(output.stdout, 'stdout');
  const stderrStops = stoppedAlone(output.stderr ?? '', 'stderr');
  const counts = newAnnotationCounts();
  const stdout = processStream(output.stdout, 'stdout', options, stderrStops, counts);
  const stderr = processStream(output.stderr ?? '', 'stderr', options, stdoutStops, counts);

  // After the step: file commands, with every mask either stream registered.
  const masker = new RunnerSecretMasker();
  for (const value of [...stdout.masker.values(), ...stderr.masker.values()]) masker.addValue(value);
  const after = new RunnerStepLog(masker, options, false, counts);
  const place: Place = { stream: 'runner', line: 0 };
  Object.assign(after.outputs, stdout.outputs, stderr.outputs);
  for (const [name, value] of Object.entries(output.env ?? {})) {
    if (name.toUpperCase() === 'NODE_OPTIONS') {
      after.annotate(
        'error',
        "Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command.",
        {},
        place,
      );
      continue;
    }
    after.env[name] = value;
    after.debug(`${name}='${value}'`, place);
  }
  const summary = processStepSummary(output.summary ?? '', masker);
  if (summary.kind === 'dropped') after.annotate('error', summary.error, {}, place);
  for (const [name, value] of Object.entries(output.outputs ?? {})) {
    after.outputs[name] = value;
    after.debug(`Set output ${name} = ${value}`, place);
  }

  const steps = [stdout, stderr, after];
  return {
    log: steps.flatMap((step) => step.log),
    commands: steps.flatMap((step) => step.commands),
    annotations: steps.flatMap((step) => step.annotations),
    addMaskValues: [...stdout.addMaskValues, ...stderr.addMaskValues],
    masked: masker.maskedStrings(),
    stops: [...stdout.stops, ...stderr.stops],
    stoppedAtEnd: stdout.stopped || stderr.stopped,
    abortedAt: stdout.abortedAt ?? stderr.abortedAt,
    commandFailed: steps.some((step) => step.failed),
    summary,
    outputs: { ...after.outputs },
    jobOutputs: evaluateJobOutputs(after.outputs, masker),
    env: { ...stdout.env, ...stderr.env, ...after.env },
  };
}

const LABELS: [tag: string, label: string][] = [
  ['##[error]', 'Error: '],
  ['##[warning]', 'Warning: '],
  ['##[notice]', 'Notice: '],
  ['##[debug]', 'Debug: '],
  ['##[group]', '> '],
  ['##[command]', ''],
  ['##[section]', ''],
];

/**
 * The log as the web view shows it: a line that starts with one of the runner's tags is rendered (annotations
 * as "Error: ...", a group as "> title", group ends hidden), whoever wrote the line. The labels approximate the
 * web view's styling; the text after them is exact.
 */
export function renderLog(log: LogLine[]): string[] {
  return log.flatMap(({ text }) => {
    if (text.startsWith('##[endgroup]')) return [];
    const label = LABELS.find(([tag]) => text.startsWith(tag));
    return [label ? `${label[1]}${text.slice(label[0].length)}` : text];
  });
}
