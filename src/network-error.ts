import type { Refusal } from './reach.js';

/** The request never reached an answer: what happened, in words, and whether trying again can help. */
export class NetworkError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  /** Set when the request was refused before connecting: the address was outside the request's reach. */
  readonly refusal: Refusal | undefined;

  constructor(message: string, code: string, retryable: boolean, refusal?: Refusal) {
    super(message);
    this.name = 'NetworkError';
    this.code = code;
    this.retryable = retryable;
    this.refusal = refusal;
  }
}
