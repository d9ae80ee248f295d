import { ActionError } from './errors.js';
import { asClause, plural } from './plural.js';
import { type Redact, redactedExcerpt } from './secrets/redacted-excerpt.js';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 8000 };

/** The step's overall time budget; every wait and request asks it what is left. */
export class Deadline {
  readonly totalMs: number;
  private readonly endsAt: number;
  private readonly now: () => number;

  constructor(totalMs: number, now: () => number = Date.now) {
    this.totalMs = totalMs;
    this.now = now;
    this.endsAt = now() + totalMs;
  }

  remainingMs(): number {
    return Math.max(0, this.endsAt - this.now());
  }

  /** Time for one request: what is left of the step, but never more than `capMs` (and never 0, which means "no limit"). */
  requestBudgetMs(capMs: number): number {
    return Math.min(capMs, Math.max(1, this.remainingMs()));
  }
}

/** Exponential backoff with "equal jitter": half fixed, half random, so retries from many jobs spread out. */
export function backoffDelayMs(
  policy: RetryPolicy,
  retryNumber: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retryNumber - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Retry-After as seconds or an HTTP date (RFC 9110 section 10.2.3); undefined when absent or unreadable. */
export function parseRetryAfterMs(value: string | undefined, nowMs: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date names its day and month; without letters, Date.parse would read "1.5" or "-1" as a year.
  if (!/[A-Za-z]{3}/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** How much of the failure a retry notice repeats: the step's final error gives the whole of it. */
const NOTICE_REASON_LENGTH = 200;

/**
 * The log line announcing a retry, the same for every service: one line, the failure redacted and then cut
 * short, so a long or multi-line answer is not repeated on every attempt.
 */
export function retryNotice(
  label: string,
  info: { attempt: number; delayMs: number; error: ActionError },
  redact: Redact,
): string {
  const reason = asClause(redactedExcerpt(info.error.message, redact, NOTICE_REASON_LENGTH));
  return `${label} attempt ${info.attempt} failed (${reason}); retrying in ${(info.delayMs / 1000).toFixed(1)} s.`;
}

/**
 * A failure worth fewer attempts than the policy allows: once `attempts` answers of the same `group` have
 * failed, retrying stops with `reason`, whatever attempts the policy has left.
 */
export interface AttemptLimit {
  group: string;
  attempts: number;
  reason: string;
}

export type Attempt<T> =
  | { ok: true; value: T }
  | { ok: false; error: ActionError; retryable: boolean; retryAfterMs?: number; limit?: AttemptLimit };

export interface RetryOptions {
  what: string;
  policy: RetryPolicy;
  deadline: Deadline;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told about each retry before the wait, e.g. to log it. */
  onRetry?: (info: { attempt: number; delayMs: number; error: ActionError }) => void;
  /** Runs before the wait and may throw to stop retrying: the place to refuse a retry that cannot succeed. */
  beforeWait?: (info: { delayMs: number; error: ActionError }) => void;
  /** Runs after the wait, before the next attempt: the place to refresh a token that got too old. */
  beforeRetry?: () => Promise<void>;
}

/**
 * Runs `attempt` until it succeeds, fails for good, runs out of attempts, or the next wait would overrun the
 * step's deadline; the error thrown is always the last real failure, with why retrying stopped.
 */
export async function retry<T>(
  attempt: (n: number) => Promise<Attempt<T>>,
  options: RetryOptions,
): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const failuresByGroup = new Map<string, number>();
  for (let n = 1; ; n++) {
    const result = await attempt(n);
    if (result.ok) return result.value;
    if (!result.retryable) throw result.error;
    if (result.limit) {
      const failures = (failuresByGroup.get(result.limit.group) ?? 0) + 1;
      failuresByGroup.set(result.limit.group, failures);
      if (failures >= result.limit.attempts) throw withReason(result.error, result.limit.reason);
    }
    if (n >= options.policy.maxAttempts) {
      throw withReason(result.error, `${options.what} failed ${plural(n, 'time')} in a row.`);
    }
    const delayMs = result.retryAfterMs ?? backoffDelayMs(options.policy, n, options.random);
    const remainingMs = options.deadline.remainingMs();
    if (delayMs >= remainingMs) {
      const asked =
        result.retryAfterMs !== undefined ? ` (the server asked to wait ${Math.ceil(delayMs / 1000)} s)` : '';
      throw withReason(
        result.error,
        `Gave up on ${options.what} after ${plural(n, 'attempt')}: the next try${asked} would pass the \`timeout\` of ${Math.round(options.deadline.totalMs / 1000)} s.`,
        'timeout',
      );
    }
    options.beforeWait?.({ delayMs, error: result.error });
    options.onRetry?.({ attempt: n, delayMs, error: result.error });
    await sleep(delayMs);
    await options.beforeRetry?.();
  }
}

function withReason(error: ActionError, reason: string, kind = error.kind): ActionError {
  return new ActionError(`${error.message}\n${reason}`, {
    kind,
    fix: error.fix ?? 'Raise `timeout` if the service is slow to recover.',
    grpcStatus: error.grpcStatus,
    cause: error,
  });
}
