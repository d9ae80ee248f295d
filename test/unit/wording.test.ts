import { describe, expect, it } from 'vitest';
import { ActionError } from '../../src/errors.js';
import { otherModeInputsWarning } from '../../src/input-values.js';
import { agree, asClause, listed, plural } from '../../src/plural.js';
import { cliWording } from '../../src/cli/wording.js';
import { Deadline, retry, retryNotice } from '../../src/retry.js';
import { rejectionOf } from './helpers.js';
import { describedValue } from '../../src/lint/jwk-facts.js';
import { findingsOf, providerKeys } from './lint-helpers.js';

/** Numbers that agree with their nouns, and sentences set inside others without doubled punctuation. */

describe('plural, agree, listed', () => {
  it('says one thing in the singular and every other count in the plural', () => {
    expect(plural(1, 'key')).toBe('1 key');
    expect([0, 2].map((n) => plural(n, 'key'))).toEqual(['0 keys', '2 keys']);
    expect(plural(2, 'body', 'bodies')).toBe('2 bodies');
    expect([1, 2].map((n) => agree(n, 'it is', 'they are'))).toEqual(['it is', 'they are']);
    expect([['a'], ['a', 'b'], ['a', 'b', 'c']].map((items) => listed(items))).toEqual([
      'a',
      'a and b',
      'a, b and c',
    ]);
  });

  it('drops the full stop of a sentence set in parentheses, and keeps an ellipsis', () => {
    expect(asClause('refused the connection (ECONNREFUSED).')).toBe('refused the connection (ECONNREFUSED)');
    expect(asClause('cut short...')).toBe('cut short...');
  });
});

describe('messages that count', () => {
  it('names one ignored input in the singular, several in the plural', () => {
    const set = (names: string[]) => (name: string) => (names.includes(name) ? 'x' : '');
    expect(otherModeInputsWarning(set(['audience']), ['audience', 'issuer'], 'Lint', 'exchange')).toEqual([
      'Lint mode ignores `audience`: it is for mode `exchange`.',
    ]);
    expect(
      otherModeInputsWarning(set(['audience', 'issuer']), ['audience', 'issuer'], 'Lint', 'exchange'),
    ).toEqual(['Lint mode ignores `audience` and `issuer`: they are for mode `exchange`.']);
  });

  it('says "the one key", not "none of the 1 keys", when a single key cannot verify', async () => {
    const { rsa } = await providerKeys();
    const one = await findingsOf({ jwks: { keys: [{ ...rsa.publicJwk, use: 'enc' }] } });
    expect(one.find((finding) => finding.rule === 'jwks-no-signing-key')?.message).toBe(
      'The one key in the set cannot verify a signature.',
    );
    const none = await findingsOf({ jwks: { keys: [] } });
    expect(none.find((finding) => finding.rule === 'jwks-no-signing-key')?.message).toBe(
      'The key set has no keys, so nothing can verify a signature.',
    );
  });

  it('describes a value of one character, item or member in the singular', () => {
    expect([describedValue('x'), describedValue(['x']), describedValue({ x: 1 })]).toEqual([
      'a string of 1 character',
      'an array of 1 item',
      'an object with 1 member',
    ]);
  });
});

describe('retry notices', () => {
  it('set the failure in parentheses without its full stop', () => {
    const error = new ActionError(
      "Mondoo's token exchange at https://us.api.mondoo.com failed: us.api.mondoo.com refused the connection (ECONNREFUSED).",
      { kind: 'network' },
    );
    const notice = retryNotice('Exchange', { attempt: 1, delayMs: 400, error }, (text) => text);
    expect(notice).toBe(
      "Exchange attempt 1 failed (Mondoo's token exchange at https://us.api.mondoo.com failed: us.api.mondoo.com refused the connection (ECONNREFUSED)); retrying in 0.4 s.",
    );
    expect(notice).not.toMatch(/\.\)/);
  });
});

describe('messages the action and the CLI share', () => {
  it('name the timeout as the input in the action and as the option in the CLI, and speak of no step', async () => {
    const error = await rejectionOf(
      retry(
        () =>
          Promise.resolve({
            ok: false as const,
            error: new ActionError('Mondoo is busy', { kind: 'sts-unavailable' }),
            retryable: true,
          }),
        {
          what: "Mondoo's token exchange",
          policy: { maxAttempts: 4, baseDelayMs: 4000, maxDelayMs: 8000 },
          deadline: new Deadline(1000),
          sleep: () => Promise.resolve(),
        },
      ),
    );
    const action = error.describe();
    expect(action).toContain('would pass the `timeout` of 1 s');
    expect(action).toContain('Fix: Raise `timeout` if the service is slow to recover.');
    const cli = cliWording(action);
    expect(cli).toContain('would pass the `--timeout` of 1 s');
    expect(cli).toContain('Raise `--timeout`');
    expect(cli).not.toMatch(/\bstep\b|\binput\b/);
  });
});
