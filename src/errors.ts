/**
 * What went wrong, in words a workflow author can act on. Every failure the action reports is one of these;
 * anything else reaching the top-level catch is a bug and is reported as such.
 */
export type FailureKind =
  | 'settings'
  | 'token-unavailable'
  | 'token-service'
  | 'token-invalid'
  | 'token-validity'
  | 'clock-skew'
  | 'issuer-mismatch'
  | 'sts-refused'
  | 'sts-unavailable'
  | 'sts-redirect'
  | 'sts-bad-answer'
  | 'credential-invalid'
  | 'timeout'
  | 'network'
  /** Lint mode found problems at or above `fail-on`. */
  | 'lint-findings'
  /** The runner cannot take the credential (its file commands are missing or unwritable). */
  | 'runner'
  /** A file the user named (the CLI's --output-file, lint's `report`) could not be written. */
  | 'output'
  /** A bug: something this code did not expect. */
  | 'internal';

export interface ActionErrorOptions {
  kind: FailureKind;
  /** One line telling the user what to change. */
  fix?: string;
  /** gRPC status name Mondoo answered with, when it did. */
  grpcStatus?: string;
  cause?: unknown;
}

export class ActionError extends Error {
  readonly kind: FailureKind;
  readonly fix: string | undefined;
  readonly grpcStatus: string | undefined;

  constructor(message: string, options: ActionErrorOptions) {
    super(message, { cause: options.cause });
    this.name = 'ActionError';
    this.kind = options.kind;
    this.fix = options.fix;
    this.grpcStatus = options.grpcStatus;
  }

  /** The message with its fix, as shown in the log, the annotation and the summary. */
  describe(): string {
    return this.fix ? `${this.message}\nFix: ${this.fix}` : this.message;
  }
}

/** "Input `audience` is required ...", "Input `timeout`: "x" is not a whole number ...". */
export function settingsError(input: string, problem: string, fix: string): ActionError {
  const joint = /^(is|must) /.test(problem) ? ' ' : ': ';
  return new ActionError(`Input \`${input}\`${joint}${problem}`, { kind: 'settings', fix });
}

/** Anything that reaches a top-level catch without being an ActionError is a bug, and is reported as one. */
export function asActionError(caught: unknown, whereToReport: string): ActionError {
  if (caught instanceof ActionError) return caught;
  const detail = caught instanceof Error ? caught.message : String(caught);
  return new ActionError(`Unexpected error: ${detail}`, {
    kind: 'internal',
    fix: `This is a bug in mondoo-keyless-auth: please report it with ${whereToReport}.`,
    cause: caught,
  });
}
