import { describe, expect, it } from 'vitest';
import { ActionError } from '../../src/errors.js';
import {
  type Attempt,
  backoffDelayMs,
  DEFAULT_RETRY_POLICY,
  Deadline,
  parseRetryAfterMs,
  type RetryOptions,
  type RetryPolicy,
  retry,
  retryNotice,
} from '../../src/retry.js';
import { redactSecrets } from '../../src/runner.js';
import { rejectionOf } from './helpers.js';

const POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 };

/** A fake clock that only moves when the injected sleep is called. */
function fakeTime(startMs = 1_000_000) {
  const clock = { now: startMs, sleeps: [] as number[] };
  const sleep = async (ms: number) => {
    clock.sleeps.push(ms);
    clock.now += ms;
  };
  return { clock, sleep, now: () => clock.now };
}

function failing(message: string, retryable: boolean, retryAfterMs?: number): Attempt<never> {
  return {
    ok: false,
    retryable,
    retryAfterMs,
    error: new ActionError(message, { kind: 'sts-unavailable', fix: 'wait', grpcStatus: 'UNAVAILABLE' }),
  };
}

/** Attempts that play `script` in order; the last entry repeats. */
function scripted<T>(script: Attempt<T>[]) {
  const calls: number[] = [];
  const attempt = async (n: number): Promise<Attempt<T>> => {
    calls.push(n);
    const result = script[Math.min(n, script.length) - 1];
    if (!result) throw new Error('empty script');
    return result;
  };
  return { attempt, calls };
}

function options(time: ReturnType<typeof fakeTime>, overrides: Partial<RetryOptions> = {}): RetryOptions {
  return {
    what: 'the exchange',
    policy: POLICY,
    deadline: new Deadline(60_000, time.now),
    sleep: time.sleep,
    random: () => 0.5,
    ...overrides,
  };
}

describe('backoffDelayMs', () => {
  it('stays within [ceiling/2, ceiling] for the lowest and highest random values', () => {
    expect(backoffDelayMs(POLICY, 1, () => 0)).toBe(50);
    expect(backoffDelayMs(POLICY, 1, () => 1)).toBe(100);
    expect(backoffDelayMs(POLICY, 3, () => 0)).toBe(200);
    expect(backoffDelayMs(POLICY, 3, () => 1)).toBe(400);
  });

  it('doubles the ceiling with each retry', () => {
    const delays = [1, 2, 3, 4].map((n) => backoffDelayMs(POLICY, n, () => 1));
    expect(delays).toEqual([100, 200, 400, 800]);
  });

  it('is capped by maxDelayMs however many retries there were', () => {
    expect(backoffDelayMs(POLICY, 5, () => 1)).toBe(1000);
    expect(backoffDelayMs(POLICY, 30, () => 1)).toBe(1000);
    expect(backoffDelayMs(POLICY, 30, () => 0)).toBe(500);
  });

  it('spreads with Math.random by default and stays in range', () => {
    for (let i = 0; i < 50; i++) {
      const delay = backoffDelayMs(DEFAULT_RETRY_POLICY, 2);
      expect(delay).toBeGreaterThanOrEqual(500);
      expect(delay).toBeLessThanOrEqual(1000);
    }
  });
});

describe('parseRetryAfterMs', () => {
  const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

  it('reads delay-seconds', () => {
    expect(parseRetryAfterMs('2', NOW)).toBe(2000);
    expect(parseRetryAfterMs(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfterMs('120', NOW)).toBe(120_000);
  });

  it('reads an HTTP date as the time until then', () => {
    expect(parseRetryAfterMs(new Date(NOW + 30_000).toUTCString(), NOW)).toBe(30_000);
  });

  it('reads an HTTP date in the past as no wait', () => {
    expect(parseRetryAfterMs(new Date(NOW - 30_000).toUTCString(), NOW)).toBe(0);
  });

  it.each([undefined, '', 'soon', '5 minutes', '120s'])('is undefined for %j', (value) => {
    expect(parseRetryAfterMs(value, NOW)).toBeUndefined();
  });

  it.each(['1.5', '-1'])('is undefined for the invalid delay %j instead of meaning "retry now"', (value) => {
    expect(parseRetryAfterMs(value, NOW)).toBeUndefined();
  });
});

describe('Deadline', () => {
  it('counts down with its clock and never below zero', () => {
    let now = 500;
    const deadline = new Deadline(1000, () => now);
    expect(deadline.remainingMs()).toBe(1000);
    now = 1200;
    expect(deadline.remainingMs()).toBe(300);
    now = 9999;
    expect(deadline.remainingMs()).toBe(0);
  });
});

describe('retry', () => {
  it('returns the first success without sleeping', async () => {
    const time = fakeTime();
    const { attempt, calls } = scripted<string>([{ ok: true, value: 'credential' }]);
    await expect(retry(attempt, options(time))).resolves.toBe('credential');
    expect(calls).toEqual([1]);
    expect(time.clock.sleeps).toEqual([]);
  });

  it('retries retryable failures with backoff and returns the later success', async () => {
    const time = fakeTime();
    const { attempt, calls } = scripted<string>([
      failing('503', true),
      failing('503', true),
      { ok: true, value: 'credential' },
    ]);
    await expect(retry(attempt, options(time))).resolves.toBe('credential');
    expect(calls).toEqual([1, 2, 3]);
    expect(time.clock.sleeps).toEqual([75, 150]);
  });

  it('stops at once on a non-retryable failure and throws that very error', async () => {
    const time = fakeTime();
    const refusal = new ActionError('Mondoo refused the token', { kind: 'sts-refused' });
    const { attempt, calls } = scripted<string>([{ ok: false, retryable: false, error: refusal }]);
    const error = await rejectionOf(retry(attempt, options(time)));
    expect(error).toBe(refusal);
    expect(calls).toEqual([1]);
    expect(time.clock.sleeps).toEqual([]);
  });

  it('waits what the server asked (retryAfterMs) instead of the backoff', async () => {
    const time = fakeTime();
    const { attempt } = scripted<string>([failing('429', true, 3000), { ok: true, value: 'x' }]);
    await retry(attempt, options(time));
    expect(time.clock.sleeps).toEqual([3000]);
  });

  it('honours a Retry-After of zero rather than backing off', async () => {
    const time = fakeTime();
    const { attempt } = scripted<string>([failing('429', true, 0), { ok: true, value: 'x' }]);
    await retry(attempt, options(time));
    expect(time.clock.sleeps).toEqual([0]);
  });

  it('stops after maxAttempts and says so, keeping the last error, its kind, fix and gRPC status', async () => {
    const time = fakeTime();
    const { attempt, calls } = scripted<string>([failing('first', true), failing('last 503', true)]);
    const error = await rejectionOf(retry(attempt, options(time)));
    expect(calls).toEqual([1, 2, 3, 4]);
    expect(time.clock.sleeps).toHaveLength(3);
    expect(error.message).toBe('last 503\nthe exchange failed 4 times in a row.');
    expect(error.kind).toBe('sts-unavailable');
    expect(error.fix).toBe('wait');
    expect(error.grpcStatus).toBe('UNAVAILABLE');
    expect(error.cause).toBeInstanceOf(ActionError);
  });

  it('suggests raising the timeout when the last error had no fix', async () => {
    const time = fakeTime();
    const bare: Attempt<string> = {
      ok: false,
      retryable: true,
      error: new ActionError('reset', { kind: 'network' }),
    };
    const error = await rejectionOf(retry(scripted([bare]).attempt, options(time)));
    expect(error.fix).toContain('`timeout`');
  });

  it('gives up with kind timeout, without sleeping, when the next wait would pass the deadline', async () => {
    const time = fakeTime();
    const calls: number[] = [];
    const slowFailure = async (n: number): Promise<Attempt<string>> => {
      calls.push(n);
      time.clock.now += 1950; // the request itself used most of the budget
      return failing('503', true);
    };
    const error = await rejectionOf(
      retry(slowFailure, options(time, { deadline: new Deadline(2000, time.now) })),
    );
    expect(calls).toEqual([1]);
    expect(time.clock.sleeps).toEqual([]);
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(
      '503\nGave up on the exchange after 1 attempt: the next try would pass the `timeout` of 2 s.',
    );
    expect(error.grpcStatus).toBe('UNAVAILABLE');
    expect(error.fix).toBe('wait');
  });

  it('gives up when a wait equal to the time left would use up the deadline', async () => {
    const time = fakeTime();
    const { attempt } = scripted<string>([failing('503', true, 5000)]);
    const error = await rejectionOf(
      retry(attempt, options(time, { deadline: new Deadline(5000, time.now) })),
    );
    expect(error.kind).toBe('timeout');
    expect(time.clock.sleeps).toEqual([]);
  });

  it('counts the time attempts took and says how long the server asked to wait', async () => {
    const time = fakeTime();
    const script = [failing('503', true), failing('429', true, 9000)];
    const calls: number[] = [];
    const secondLong = async (n: number): Promise<Attempt<string>> => {
      calls.push(n);
      time.clock.now += 1000;
      return script[n - 1] ?? failing('unexpected', false);
    };
    const error = await rejectionOf(
      retry(secondLong, options(time, { deadline: new Deadline(10_000, time.now), random: () => 0 })),
    );
    // 9000 ms would have fitted into the 10 s budget, but not after 2050 ms of attempts and waiting.
    expect(calls).toEqual([1, 2]);
    expect(time.clock.sleeps).toEqual([50]);
    expect(error.message).toBe(
      '429\nGave up on the exchange after 2 attempts: the next try (the server asked to wait 9 s) would pass the `timeout` of 10 s.',
    );
  });

  it('tells onRetry about each retry before it waits', async () => {
    const time = fakeTime();
    const seen: string[] = [];
    const { attempt } = scripted<string>([
      failing('a', true),
      failing('b', true, 700),
      { ok: true, value: 'x' },
    ]);
    await retry(
      attempt,
      options(time, {
        onRetry: ({ attempt: n, delayMs, error }) =>
          seen.push(`${n}:${delayMs}:${error.message}:${time.clock.now}`),
      }),
    );
    expect(seen).toEqual(['1:75:a:1000000', '2:700:b:1000075']);
  });

  it('calls beforeRetry after each wait and before the next attempt', async () => {
    const time = fakeTime();
    const events: string[] = [];
    const script: Attempt<string>[] = [failing('a', true), failing('b', true), { ok: true, value: 'x' }];
    await retry(
      async (n) => {
        events.push(`attempt ${n}`);
        return script[n - 1] ?? { ok: true, value: 'x' };
      },
      options(time, {
        sleep: async (ms) => {
          events.push(`sleep ${ms}`);
          await time.sleep(ms);
        },
        beforeRetry: async () => {
          events.push('beforeRetry');
        },
      }),
    );
    expect(events).toEqual([
      'attempt 1',
      'sleep 75',
      'beforeRetry',
      'attempt 2',
      'sleep 150',
      'beforeRetry',
      'attempt 3',
    ]);
  });

  it('asks beforeWait before sleeping, and an error from it stops retrying without any wait', async () => {
    const time = fakeTime();
    const { attempt, calls } = scripted<string>([failing('busy', true, 8000)]);
    const seen: number[] = [];
    const error = await rejectionOf(
      retry(
        attempt,
        options(time, {
          beforeWait: ({ delayMs, error: last }) => {
            seen.push(delayMs);
            throw new ActionError(`${last.message} / would expire`, { kind: last.kind });
          },
        }),
      ),
    );
    expect(seen).toEqual([8000]);
    expect(error.message).toBe('busy / would expire');
    expect(time.clock.sleeps).toEqual([]);
    expect(calls).toEqual([1]);
  });

  it('lets an error from beforeRetry escape and makes no further attempt', async () => {
    const time = fakeTime();
    const { attempt, calls } = scripted<string>([failing('a', true)]);
    const tooOld = new ActionError('token too old', { kind: 'token-validity' });
    const error = await rejectionOf(
      retry(
        attempt,
        options(time, {
          beforeRetry: async () => {
            throw tooOld;
          },
        }),
      ),
    );
    expect(error).toBe(tooOld);
    expect(calls).toEqual([1]);
  });

  it('never sleeps when maxAttempts is 1', async () => {
    const time = fakeTime();
    const { attempt, calls } = scripted<string>([failing('503', true)]);
    const error = await rejectionOf(retry(attempt, options(time, { policy: { ...POLICY, maxAttempts: 1 } })));
    expect(calls).toEqual([1]);
    expect(time.clock.sleeps).toEqual([]);
    expect(error.message).toMatch(/the exchange failed 1 time in a row/);
  });
});

describe('retryNotice', () => {
  const secret = 'bearer-value-0123456789abcdef';
  const redact = (text: string) => redactSecrets(text, [secret]);
  const info = (message: string) => ({
    attempt: 2,
    delayMs: 1500,
    error: new ActionError(message, { kind: 'sts-unavailable' }),
  });

  it('repeats a short failure whole', () => {
    expect(retryNotice('Exchange', info('Mondoo is busy'), redact)).toBe(
      'Exchange attempt 2 failed (Mondoo is busy); retrying in 1.5 s.',
    );
  });

  it('keeps a long, multi-line failure to one short line', () => {
    const notice = retryNotice('Exchange', info(`busy\n${'and more '.repeat(100)}`), redact);
    expect(notice).not.toContain('\n');
    expect(notice.length).toBeLessThan(260);
    expect(notice).toMatch(/^Exchange attempt 2 failed \(busy and more .*…\); retrying in 1\.5 s\.$/);
  });

  it('redacts before it cuts, so a secret across the cut leaves no prefix', () => {
    for (const at of [180, 190, 195, 199]) {
      const message = `${'x '.repeat(at / 2)}${secret} after`;
      const notice = retryNotice('Exchange', info(message), redact);
      expect(notice).not.toContain(secret.slice(0, 4));
    }
  });
});

describe('retry: failures worth fewer attempts than the policy', () => {
  const limited = (message: string, group = 'UNKNOWN or INTERNAL'): Attempt<never> => ({
    ok: false,
    retryable: true,
    error: new ActionError(message, { kind: 'sts-refused', fix: 'read it', grpcStatus: 'UNKNOWN' }),
    limit: { group, attempts: 2, reason: 'Tried twice: enough for this kind of answer.' },
  });

  it('stops after the limit with its reason, long before the policy would', async () => {
    const time = fakeTime();
    const { attempt, calls } = scripted<string>([limited('UNKNOWN: boom')]);
    const error = await rejectionOf(retry(attempt, options(time)));
    expect(calls).toEqual([1, 2]);
    expect(time.clock.sleeps).toHaveLength(1);
    expect(error.message).toBe('UNKNOWN: boom\nTried twice: enough for this kind of answer.');
    expect(error.grpcStatus).toBe('UNKNOWN');
    expect(error.kind).toBe('sts-refused');
  });

  it('succeeds when the one retry does', async () => {
    const time = fakeTime();
    const { attempt, calls } = scripted<string>([limited('INTERNAL'), { ok: true, value: 'credential' }]);
    expect(await retry(attempt, options(time))).toBe('credential');
    expect(calls).toEqual([1, 2]);
  });

  it('counts only the failures of its group: other retryable failures keep the full policy', async () => {
    const time = fakeTime();
    const { attempt, calls } = scripted<string>([
      failing('503', true),
      limited('UNKNOWN'),
      failing('503', true),
      limited('INTERNAL'),
    ]);
    const error = await rejectionOf(retry(attempt, options(time)));
    expect(calls).toEqual([1, 2, 3, 4]);
    expect(error.message).toBe('INTERNAL\nTried twice: enough for this kind of answer.');
  });
});
