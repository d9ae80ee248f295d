// One output stream of a step as the GitHub runner processes it, line by line. Written from actions/runner
// src/Runner.Worker/Handlers/OutputManager.cs (OnDataReceived), src/Runner.Worker/ActionCommandManager.cs
// (TryProcessCommand and the command extensions) and src/Runner.Worker/ExecutionContext.cs (Write, AddIssue,
// Output, Debug). The command extensions themselves are in runner-step-commands.ts.
import { type ParsedCommand, readCommandLine, REGISTERED_COMMANDS, sameName } from './runner-command-line.ts';
import type { RunnerSecretMasker } from './runner-secret-masker.ts';
import { runCommandExtension } from './runner-step-commands.ts';

export type Stream = 'stdout' | 'stderr' | 'runner';

export interface StandInOptions {
  /** Values masked before the step starts (the workflow's secrets, GITHUB_TOKEN). */
  preRegistered?: string[];
  /** ACTIONS_STEP_DEBUG: commands are echoed and debug messages shown. */
  stepDebug?: boolean;
  /** The server's DistributedTask.EnhancedAnnotations (on at github.com): without it `notice` is plain text. */
  enhancedAnnotations?: boolean;
  /** ACTIONS_ALLOW_UNSECURE_COMMANDS: re-enables `set-env` and `add-path`. */
  allowUnsecureCommands?: boolean;
  /** ACTIONS_ALLOW_UNSECURE_STOPCOMMAND_TOKENS: accepts an empty or registered stop token. */
  allowUnsecureStopTokens?: boolean;
}

export interface Place {
  stream: Stream;
  /** 1-based line of that stream; 0 for what the runner writes after the step. */
  line: number;
}

/** A line of the job log as the runner writes it, already masked (tags such as `##[error]` included). */
export interface LogLine extends Place {
  text: string;
}

export interface SeenCommand extends ParsedCommand, Place {
  /** False when only ICU's ignoring of invisible characters could make the line this command. */
  certain: boolean;
  /** Written as @actions/core writes commands: `::` as the line's very first characters. */
  atLineStart: boolean;
}

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation extends Place {
  level: AnnotationLevel;
  /** Masked and cut to 4096 characters, as the annotation is stored. */
  message: string;
  properties: Record<string, string>;
}

export interface StopEvent extends Place {
  token: string;
  certain: boolean;
  resumedAt?: Place;
}

export type AnnotationCounts = Record<AnnotationLevel, number>;

export function newAnnotationCounts(): AnnotationCounts {
  return { error: 0, warning: 0, notice: 0 };
}

const TAGS: Record<AnnotationLevel, string> = {
  error: '##[error]',
  warning: '##[warning]',
  notice: '##[notice]',
};
// ExecutionContext._maxIssueMessageLength and _maxCountPerIssueType.
const MAX_ANNOTATION_LENGTH = 4096;
const MAX_ANNOTATIONS_PER_LEVEL = 10;

/** The state one step's command processing shares: masks, stop token, echo, what has been written. */
export class RunnerStepLog {
  readonly log: LogLine[] = [];
  readonly commands: SeenCommand[] = [];
  readonly annotations: Annotation[] = [];
  readonly stops: StopEvent[] = [];
  readonly addMaskValues: string[] = [];
  readonly outputs: Record<string, string> = {};
  readonly env: Record<string, string> = {};
  echo: boolean;
  failed = false;
  abortedAt: Place | undefined;
  private stopToken: string | undefined;
  private readonly pausedByOtherStream: boolean;
  private readonly registered: string[] = [...REGISTERED_COMMANDS];
  private readonly issueCounts: AnnotationCounts;

  readonly masker: RunnerSecretMasker;
  readonly options: StandInOptions;

  /**
   * pausedByOtherStream: the other stream stopped commands at an unknown moment; assume from the start.
   * issueCounts: shared by everything of one step (the limit is per step record).
   */
  constructor(
    masker: RunnerSecretMasker,
    options: StandInOptions,
    pausedByOtherStream = false,
    issueCounts: AnnotationCounts = newAnnotationCounts(),
  ) {
    this.masker = masker;
    this.options = options;
    this.issueCounts = issueCounts;
    // ExecutionContext.InitializeJob: echo follows step debug.
    this.echo = options.stepDebug ?? false;
    this.pausedByOtherStream = pausedByOtherStream;
  }

  /** Stopped by a command of this stream and not resumed (a pause assumed from the other stream is not counted). */
  get stopped(): boolean {
    return this.stopToken !== undefined;
  }

  /** ExecutionContext.Write: the tag and message are masked together, then written as log lines. */
  write(tag: string, message: string, place: Place): void {
    for (const text of this.masker.mask(`${tag}${message}`).split(/\r\n|\r|\n/)) {
      this.log.push({ text, ...place });
    }
  }

  output(message: string, place: Place): void {
    this.write('', message, place);
  }

  /** Debug messages show only with step debug, one `##[debug]` line per line of the message. */
  debug(message: string, place: Place): void {
    if (!this.options.stepDebug) return;
    for (const line of message.replaceAll('\r\n', '\n').split('\n')) this.write('##[debug]', line, place);
  }

  /** ExecutionContext.AddIssue: masked, cut, kept (10 per level per step) and written to the log. */
  annotate(level: AnnotationLevel, message: string, properties: Record<string, string>, place: Place): void {
    const masked = this.masker.mask(message).slice(0, MAX_ANNOTATION_LENGTH);
    if (this.issueCounts[level] < MAX_ANNOTATIONS_PER_LEVEL) {
      this.issueCounts[level]++;
      this.annotations.push({ level, message: masked, properties, ...place });
    }
    if (masked !== '') this.write(TAGS[level], masked, place);
  }

  /** OutputManager.OnDataReceived for one line read from the step's stdout or stderr. */
  processLine(text: string, place: Place): void {
    if (this.abortedAt) return;
    const reading = readCommandLine(text, this.registered);
    const handled = reading.exact !== undefined && this.tryCommand(reading.exact, text, place, true);
    if (reading.possible) this.tryCommand(reading.possible, text, place, false);
    if (handled) return;
    // The runner defuses its own step markers in plain output.
    this.output(
      text.replaceAll('##[start-action', '##[\\start-action').replaceAll('##[end-action', '##[\\end-action'),
      place,
    );
  }

  /**
   * ActionCommandManager.TryProcessCommand; true when the line was consumed. A possible (uncertain) command
   * only ever makes things worse for secrecy: it can stop command processing but never resumes it, masks
   * nothing and consumes nothing, so its line is also shown as plain text.
   */
  private tryCommand(command: ParsedCommand, input: string, place: Place, certain: boolean): boolean {
    if (!(this.options.enhancedAnnotations ?? true) && sameName(command.name, 'notice')) return false;
    if (this.pausedByOtherStream) return false;
    if (this.stopToken !== undefined) {
      // An empty token (only with ACTIONS_ALLOW_UNSECURE_STOPCOMMAND_TOKENS) never resumes.
      if (certain && this.stopToken !== '' && sameName(command.name, this.stopToken)) {
        this.record(command, input, place, certain);
        this.output(input, place);
        this.debug('Resume processing commands', place);
        this.registered.splice(
          this.registered.findIndex((name) => sameName(name, this.stopToken ?? '')),
          1,
        );
        this.stopToken = undefined;
        const stop = this.stops.at(-1);
        if (stop) stop.resumedAt = { ...place };
        return true;
      }
      this.debug(
        `Process commands has been stopped and waiting for '##[${this.stopToken}]' to resume.`,
        place,
      );
      return false;
    }
    this.record(command, input, place, certain);
    if (sameName(command.name, 'stop-commands')) return this.stop(command.data, input, place, certain);
    if (!certain) return false;
    runCommandExtension(this, command, input, place);
    return true;
  }

  private record(command: ParsedCommand, input: string, place: Place, certain: boolean): void {
    const atLineStart = command.form === '::' && input.startsWith('::');
    this.commands.push({ ...command, ...place, certain, atLineStart });
  }

  private stop(token: string, input: string, place: Place, certain: boolean): boolean {
    const invalid =
      token === '' ||
      this.registered.some((name) => sameName(name, token)) ||
      sameName(token, 'pause-logging');
    if (invalid && !this.options.allowUnsecureStopTokens) {
      if (!certain) return false;
      // ValidateStopToken throws outside the extension's try: the step fails and its output is no longer read.
      this.annotate(
        'error',
        "You cannot use a endToken that is an empty string, the string 'pause-logging', or another workflow command.",
        {},
        place,
      );
      this.failed = true;
      this.abortedAt = { ...place };
      return true;
    }
    this.stopToken = token;
    this.registered.push(token);
    this.stops.push({ token, certain, ...place });
    if (!certain) return false;
    if (token.length > 6) this.masker.addValue(token);
    this.output(input, place);
    this.debug(
      'Paused processing commands until the token you called ::stopCommands:: with is received',
      place,
    );
    return true;
  }
}
