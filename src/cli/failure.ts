import type { ActionError } from '../errors.js';

/** A failure plus advice drawn from what was learned before it (the token's claims), printed after it. */
export class FailureWithHints extends Error {
  readonly error: ActionError;
  readonly hints: string[];

  constructor(error: ActionError, hints: string[]) {
    super(error.message, { cause: error });
    this.error = error;
    this.hints = hints;
    this.name = 'FailureWithHints';
  }
}
