import { describe, expect, it } from 'vitest';
import { requestRunnerToken, tokenRequestUrl } from '../../src/exchange/runner-token.js';
import { type HttpRequest, type HttpResponse, NetworkError, type Send } from '../../src/http.js';
import { Deadline } from '../../src/retry.js';
import { redactSecrets } from '../../src/runner.js';
import type { TokenRequestLog } from '../../src/exchange/token-endpoint.js';
import { rejectionOf } from './helpers.js';

const ENDPOINT = {
  requestUrl: 'https://runner.invalid/token?api-version=2.0',
  requestToken: 'request-token-value',
};

/** A Send that plays answers in order (a thrown NetworkError stands for a failed connection). */
function playing(...answers: (HttpResponse | NetworkError)[]): { send: Send; requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  const send: Send = async (request) => {
    requests.push(request);
    const next = answers.shift();
    if (!next) throw new Error('no answer left');
    if (next instanceof NetworkError) throw next;
    return next;
  };
  return { send, requests };
}

const ok = (value: string): HttpResponse => ({ status: 200, headers: {}, body: JSON.stringify({ value }) });

/** A log that keeps what it is told and redacts the secrets it is given. */
function logInto(lines: string[], secrets: string[] = []): TokenRequestLog {
  return { info: (message) => lines.push(message), redact: (text) => redactSecrets(text, secrets) };
}

describe('tokenRequestUrl', () => {
  it("adds the audience to the runner's URL, keeping api-version and encoding the value", () => {
    const url = new URL(tokenRequestUrl(ENDPOINT.requestUrl, '//captain.api.mondoo.app/spaces/a b'));
    expect(url.searchParams.get('api-version')).toBe('2.0');
    expect(url.searchParams.get('audience')).toBe('//captain.api.mondoo.app/spaces/a b');
  });
});

describe('requestRunnerToken', () => {
  it('retries "no such host": the runner named this host, so it is a DNS hiccup, not a typo', async () => {
    const { send, requests } = playing(
      new NetworkError('runner.invalid does not resolve', 'ENOTFOUND', false),
      ok('t.o.k'),
    );
    const retries: string[] = [];
    const token = await requestRunnerToken(send, ENDPOINT, 'aud', new Deadline(10_000), logInto(retries));
    expect(token).toBe('t.o.k');
    expect(requests).toHaveLength(2);
    expect(retries[0]).toMatch(/attempt 1 failed .*does not resolve/);
  });

  it('retries 429, waiting as Retry-After asks', async () => {
    const { send, requests } = playing(
      { status: 429, headers: { 'retry-after': '1' }, body: 'slow down' },
      ok('t.o.k'),
    );
    const retries: string[] = [];
    const token = await requestRunnerToken(send, ENDPOINT, 'aud', new Deadline(10_000), logInto(retries));
    expect(token).toBe('t.o.k');
    expect(requests).toHaveLength(2);
    expect(retries[0]).toMatch(/retrying in 1\.0 s/);
  });

  it('does not retry a 403 that is not the transient Pending/Delayed answer', async () => {
    const { send, requests } = playing({ status: 403, headers: {}, body: '{"message":"Forbidden"}' });
    const error = await rejectionOf(
      requestRunnerToken(send, ENDPOINT, 'aud', new Deadline(10_000), logInto([])),
    );
    expect(requests).toHaveLength(1);
    expect(error.message).toContain('answered HTTP 403 on attempt 1');
  });

  it("retries GitHub's 403 for a job still in 'Delayed' state", async () => {
    const { send, requests } = playing(
      { status: 403, headers: {}, body: "Can't issue ID_TOKEN for job in 'Delayed' state" },
      ok('t.o.k'),
    );
    await requestRunnerToken(send, ENDPOINT, 'aud', new Deadline(10_000), logInto([]));
    expect(requests).toHaveLength(2);
  });

  it('sends the request token as a bearer token', async () => {
    const { send, requests } = playing(ok('t.o.k'));
    await requestRunnerToken(send, ENDPOINT, 'aud', new Deadline(10_000), logInto([]));
    expect(requests[0]?.headers?.authorization).toBe('Bearer request-token-value');
  });

  it('does not follow or retry a redirect, and says a proxy is redirecting', async () => {
    const { send, requests } = playing({
      status: 302,
      headers: { location: 'https://elsewhere.invalid/' },
      body: '',
    });
    const error = await rejectionOf(
      requestRunnerToken(send, ENDPOINT, 'aud', new Deadline(10_000), logInto([])),
    );
    expect(requests).toHaveLength(1);
    expect(error.message).toContain('HTTP 302, a redirect to https://elsewhere.invalid/');
    expect(error.fix).toContain('no_proxy');
    expect(error.fix).not.toContain('id-token');
  });

  it('refuses a 200 without a token, without echoing the body', async () => {
    const { send } = playing({ status: 200, headers: {}, body: '{"token":"not-where-expected"}' });
    const error = await rejectionOf(
      requestRunnerToken(send, ENDPOINT, 'aud', new Deadline(10_000), logInto([])),
    );
    expect(error.message).toContain('without a token');
    expect(error.describe()).not.toContain('not-where-expected');
  });

  it('trims the token of an answer such as {"value": "<jwt>\\n"}', async () => {
    const { send } = playing(ok(' header.payload.signature\n'));
    const token = await requestRunnerToken(send, ENDPOINT, 'aud', new Deadline(10_000), logInto([]));
    expect(token).toBe('header.payload.signature');
  });

  it('refuses an answer whose token is only whitespace', async () => {
    const { send } = playing(ok(' \n'));
    const error = await rejectionOf(
      requestRunnerToken(send, ENDPOINT, 'aud', new Deadline(10_000), logInto([])),
    );
    expect(error.message).toContain('without a token');
  });

  it('redacts the request token and every secret of the log from a quoted answer, before cutting it', async () => {
    const other = 'another-secret-the-log-knows-0123456789';
    const body = `${'denied '.repeat(20)}for ${ENDPOINT.requestToken} and ${other}`;
    const { send } = playing({ status: 403, headers: {}, body });
    const error = await rejectionOf(
      requestRunnerToken(send, ENDPOINT, 'aud', new Deadline(10_000), logInto([], [other])),
    );
    expect(error.message).not.toContain(ENDPOINT.requestToken.slice(0, 8));
    expect(error.message).not.toContain(other.slice(0, 8));
  });

  it('repeats only a short, one-line excerpt of the failure in a retry notice', async () => {
    const body = `${'upstream trouble\n'.repeat(100)}`;
    const { send } = playing({ status: 502, headers: { 'retry-after': '0' }, body }, ok('t.o.k'));
    const retries: string[] = [];
    await requestRunnerToken(send, ENDPOINT, 'aud', new Deadline(10_000), logInto(retries));
    expect(retries).toHaveLength(1);
    expect(retries[0]).not.toContain('\n');
    expect(retries[0]?.length).toBeLessThan(300);
    expect(retries[0]).toMatch(/^Token service attempt 1 failed \(.*HTTP 502.*…\); retrying in 0\.0 s\.$/);
  });
});
