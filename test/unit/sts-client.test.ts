import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { classifyExchangeAnswer, exchangeRequestBody } from '../../src/exchange/sts-client.js';
import type { HttpResponse } from '../../src/http.js';
import type { Attempt } from '../../src/retry.js';
import { redactSecrets } from '../../src/runner.js';
import { NO_SECRETS_KNOWN } from '../../src/secrets/redacted-excerpt.js';

const STS_URL = 'https://us.api.mondoo.com/SecureTokenService/ExchangeExternalToken';

function answer(status: number, body: string, headers: IncomingHttpHeaders = {}): HttpResponse {
  return { status, headers, body };
}

function failure(result: Attempt<string>): Exclude<Attempt<string>, { ok: true }> {
  if (result.ok) throw new Error(`expected a failure, got ok with ${result.value}`);
  return result;
}

function ranger(code: number, message: string): string {
  return JSON.stringify({ code, message, details: [] });
}

describe('classifyExchangeAnswer: 200', () => {
  it('returns the base64 credential from {"base64_credential": ...}', () => {
    const result = classifyExchangeAnswer(
      answer(200, '{"base64_credential": "eyJtcm4iOiIvL3gifQ=="}', { 'content-type': 'application/json' }),
      STS_URL,
      NO_SECRETS_KNOWN,
    );
    expect(result).toEqual({ ok: true, value: 'eyJtcm4iOiIvL3gifQ==' });
  });

  it('trims whitespace around the credential', () => {
    expect(
      classifyExchangeAnswer(answer(200, '{"base64_credential": " abcd\\n"}'), STS_URL, NO_SECRETS_KNOWN),
    ).toEqual({
      ok: true,
      value: 'abcd',
    });
  });

  it('refuses an HTML page as a non-retryable bad answer that points at the console/API mix-up', () => {
    const { error, retryable } = failure(
      classifyExchangeAnswer(
        answer(200, '<!DOCTYPE html><html><head><title>Mondoo Console</title></head><body>app</body></html>'),
        STS_URL,
        NO_SECRETS_KNOWN,
      ),
    );
    expect(retryable).toBe(false);
    expect(error.kind).toBe('sts-bad-answer');
    expect(error.message).toContain('HTML page');
    expect(error.message).toContain('Mondoo Console');
    expect(error.fix).toContain('not the console');
  });

  it('refuses {} because it has no base64_credential', () => {
    const { error, retryable } = failure(
      classifyExchangeAnswer(answer(200, '{}'), STS_URL, NO_SECRETS_KNOWN),
    );
    expect(retryable).toBe(false);
    expect(error.kind).toBe('sts-bad-answer');
    expect(error.message).toContain('without a `base64_credential` string');
  });

  it.each([
    'null',
    '[]',
    '{"base64_credential": 42}',
    '{"base64_credential": "  "}',
    '{"base64Credential": "x"}',
  ])('refuses %s as lacking a base64_credential string', (body) => {
    const { error } = failure(classifyExchangeAnswer(answer(200, body), STS_URL, NO_SECRETS_KNOWN));
    expect(error.message).toContain('without a `base64_credential` string');
  });

  it('refuses a non-JSON body and names its content type', () => {
    const { error, retryable } = failure(
      classifyExchangeAnswer(answer(200, 'OK', { 'content-type': 'text/plain' }), STS_URL, NO_SECRETS_KNOWN),
    );
    expect(retryable).toBe(false);
    expect(error.message).toContain('not JSON (text/plain)');
  });
});

describe('classifyExchangeAnswer: ranger errors', () => {
  it('reports UNAUTHENTICATED with status name, HTTP status and Mondoo’s message, not retryable', () => {
    const { error, retryable } = failure(
      classifyExchangeAnswer(answer(401, '{"code":16,"message":"m"}'), STS_URL, NO_SECRETS_KNOWN),
    );
    expect(error.message).toBe('Mondoo refused the token (UNAUTHENTICATED, HTTP 401): m');
    expect(retryable).toBe(false);
    expect(error.kind).toBe('sts-refused');
    expect(error.grpcStatus).toBe('UNAUTHENTICATED');
    expect(error.fix).toContain('case included');
  });

  it('treats PERMISSION_DENIED (403, code 7) as a final refusal', () => {
    const { error, retryable } = failure(
      classifyExchangeAnswer(answer(403, ranger(7, 'no provider')), STS_URL, NO_SECRETS_KNOWN),
    );
    expect(retryable).toBe(false);
    expect(error.kind).toBe('sts-refused');
    expect(error.grpcStatus).toBe('PERMISSION_DENIED');
  });

  it('retries UNAVAILABLE (503, code 14) and does not call an outage a refusal', () => {
    const { error, retryable } = failure(
      classifyExchangeAnswer(answer(503, ranger(14, 'try later')), STS_URL, NO_SECRETS_KNOWN),
    );
    expect(retryable).toBe(true);
    expect(error.message).toBe(
      'Mondoo could not exchange the token right now (UNAVAILABLE, HTTP 503): try later',
    );
    expect(error.kind).toBe('sts-unavailable');
    expect(error.grpcStatus).toBe('UNAVAILABLE');
  });

  it('retries 429 and takes the wait from a Retry-After of seconds', () => {
    const result = failure(
      classifyExchangeAnswer(
        answer(429, ranger(8, 'slow down'), { 'retry-after': '2' }),
        STS_URL,
        NO_SECRETS_KNOWN,
      ),
    );
    expect(result.retryable).toBe(true);
    expect(result.retryAfterMs).toBe(2000);
    expect(result.error.grpcStatus).toBe('RESOURCE_EXHAUSTED');
    expect(result.error.fix).toContain('rate limiting');
  });

  it('leaves retryAfterMs unset without a Retry-After header', () => {
    expect(
      failure(classifyExchangeAnswer(answer(503, ranger(14, 'x')), STS_URL, NO_SECRETS_KNOWN)).retryAfterMs,
    ).toBeUndefined();
  });

  it('does not retry UNIMPLEMENTED (501)', () => {
    const { error, retryable } = failure(
      classifyExchangeAnswer(answer(501, ranger(12, 'no such method')), STS_URL, NO_SECRETS_KNOWN),
    );
    expect(retryable).toBe(false);
    expect(error.kind).toBe('sts-refused');
  });

  it('does not retry INVALID_ARGUMENT (400) and points at audience and issuer', () => {
    const { error, retryable } = failure(
      classifyExchangeAnswer(answer(400, ranger(3, 'bad request')), STS_URL, NO_SECRETS_KNOWN),
    );
    expect(retryable).toBe(false);
    expect(error.fix).toContain('`audience` and `issuer`');
  });

  it('points NOT_FOUND (404) at the space and the region', () => {
    const { error } = failure(
      classifyExchangeAnswer(answer(404, ranger(5, 'space not found')), STS_URL, NO_SECRETS_KNOWN),
    );
    expect(error.fix).toContain('`universe-domain`');
  });

  it.each([
    [2, 'UNKNOWN'],
    [13, 'INTERNAL'],
  ])(
    'retries code %i (%s) at most once, sharing one allowance of two attempts, with the message shown',
    (code, name) => {
      const result = failure(
        classifyExchangeAnswer(
          answer(500, ranger(code, 'no provider for this subject')),
          STS_URL,
          NO_SECRETS_KNOWN,
        ),
      );
      expect(result.retryable).toBe(true);
      expect(result.limit).toEqual({
        group: 'UNKNOWN or INTERNAL',
        attempts: 2,
        reason: expect.stringContaining(
          'Mondoo answered UNKNOWN or INTERNAL 2 times, so it was not tried again',
        ),
      });
      expect(result.error.message).toBe(
        `Mondoo's token exchange failed (${name}, HTTP 500): no provider for this subject`,
      );
      expect(result.error.grpcStatus).toBe(name);
      expect(result.error.fix).toContain("Read Mondoo's message");
    },
  );

  it('retries DEADLINE_EXCEEDED (code 4): a 504 with a status body is Mondoo, not a proxy', () => {
    const result = failure(
      classifyExchangeAnswer(answer(504, ranger(4, 'context deadline exceeded')), STS_URL, NO_SECRETS_KNOWN),
    );
    expect(result.retryable).toBe(true);
    expect(result.limit).toBeUndefined();
    expect(result.error.message).toBe(
      'Mondoo could not exchange the token right now (DEADLINE_EXCEEDED, HTTP 504): context deadline exceeded',
    );
    expect(result.error.message).not.toMatch(/proxy/);
  });

  it('decides on the code, not the HTTP status, for a status body', () => {
    const on = (status: number, code: number) =>
      failure(classifyExchangeAnswer(answer(status, ranger(code, 'm')), STS_URL, NO_SECRETS_KNOWN));
    expect(on(500, 15).retryable).toBe(false); // DATA_LOSS: not a passing state
    expect(on(412, 9).retryable).toBe(false); // FAILED_PRECONDITION
    expect(on(409, 10).retryable).toBe(false); // ABORTED
    expect(on(400, 14).retryable).toBe(true); // UNAVAILABLE, whatever the status
    expect(on(503, 7).retryable).toBe(false); // PERMISSION_DENIED, whatever the status
  });

  it('keeps the HTTP-status policy for bodies that are not a status', () => {
    const page = (status: number) =>
      failure(
        classifyExchangeAnswer(answer(status, '<html><title>Bad</title></html>'), STS_URL, NO_SECRETS_KNOWN),
      );
    for (const status of [500, 502, 503, 504, 429]) {
      expect(page(status).retryable).toBe(true);
      expect(page(status).limit).toBeUndefined();
    }
    expect(page(501).retryable).toBe(false);
    expect(page(403).retryable).toBe(false);
  });

  it('says "(no message)" when Mondoo sent none', () => {
    const { error } = failure(classifyExchangeAnswer(answer(401, '{"code":16}'), STS_URL, NO_SECRETS_KNOWN));
    expect(error.message).toBe('Mondoo refused the token (UNAUTHENTICATED, HTTP 401): (no message)');
  });
});

describe('classifyExchangeAnswer: answers from something in front of Mondoo', () => {
  const proxyPage = `<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>${'The upstream server sent an invalid response. '.repeat(20)}</p><hr><center>nginx</center></body></html>`;

  it('retries an HTML 502, says it comes from a proxy and not Mondoo, and quotes only the title', () => {
    const { error, retryable } = failure(
      classifyExchangeAnswer(answer(502, proxyPage), STS_URL, NO_SECRETS_KNOWN),
    );
    expect(retryable).toBe(true);
    expect(error.kind).toBe('sts-unavailable');
    expect(error.message).toContain(`${STS_URL} answered HTTP 502`);
    expect(error.message).toContain('"502 Bad Gateway"');
    expect(error.message).toContain('not Mondoo');
    expect(error.message).toContain('proxy');
    expect(error.message).not.toContain('upstream server');
  });

  it('quotes at most about 160 characters of an HTML page without a title', () => {
    const page = `<html><body><p>${'The upstream server sent an invalid response. '.repeat(20)}</p></body></html>`;
    const { error } = failure(classifyExchangeAnswer(answer(502, page), STS_URL, NO_SECRETS_KNOWN));
    const quoted = /"([^"]*)"/.exec(error.message)?.[1] ?? '';
    expect(quoted.startsWith('The upstream server sent')).toBe(true);
    expect(quoted.length).toBeLessThanOrEqual(161);
    expect(error.message).not.toContain('<p>');
  });

  it('calls a plain-text 403 from a firewall a bad answer, not retryable', () => {
    const { error, retryable } = failure(
      classifyExchangeAnswer(answer(403, 'Access denied by policy'), STS_URL, NO_SECRETS_KNOWN),
    );
    expect(retryable).toBe(false);
    expect(error.kind).toBe('sts-bad-answer');
    expect(error.message).toContain('with a non-JSON body, "Access denied by policy"');
    expect(error.grpcStatus).toBeUndefined();
  });

  it('says JSON without a ranger code is not a Mondoo error, rather than calling it non-JSON', () => {
    const { error } = failure(
      classifyExchangeAnswer(answer(403, '{"error":"blocked by WAF"}'), STS_URL, NO_SECRETS_KNOWN),
    );
    expect(error.message).toContain('with JSON that is not a Mondoo error, "{"error":"blocked by WAF"}"');
    expect(error.message).not.toContain('non-JSON');
  });

  it('retries a plain 504 and honours an HTTP-date Retry-After', () => {
    const later = new Date(Date.now() + 120_000).toUTCString();
    const result = failure(
      classifyExchangeAnswer(answer(504, '', { 'retry-after': later }), STS_URL, NO_SECRETS_KNOWN),
    );
    expect(result.retryable).toBe(true);
    expect(result.error.message).toContain('(empty body)');
    expect(result.retryAfterMs).toBeGreaterThan(110_000);
    expect(result.retryAfterMs).toBeLessThanOrEqual(120_000);
  });

  it('does not treat JSON without an integer code as a ranger error', () => {
    const { error } = failure(
      classifyExchangeAnswer(answer(500, '{"error":"internal"}'), STS_URL, NO_SECRETS_KNOWN),
    );
    expect(error.grpcStatus).toBeUndefined();
    expect(error.message).toContain('not Mondoo');
  });
});

describe('classifyExchangeAnswer: redirects', () => {
  it.each([301, 302, 307, 308])(
    'refuses HTTP %i without retrying, names the Location and suggests its origin',
    (status) => {
      const { error, retryable } = failure(
        classifyExchangeAnswer(
          answer(status, '', {
            location: 'https://eu.api.mondoo.com/SecureTokenService/ExchangeExternalToken',
          }),
          STS_URL,
          NO_SECRETS_KNOWN,
        ),
      );
      expect(retryable).toBe(false);
      expect(error.kind).toBe('sts-redirect');
      expect(error.message).toContain(
        `HTTP ${status}, a redirect to https://eu.api.mondoo.com/SecureTokenService/ExchangeExternalToken`,
      );
      expect(error.message).toContain('The token was not sent there');
      expect(error.fix).toBe(
        'If https://eu.api.mondoo.com is the right Mondoo API, set `universe-domain` to https://eu.api.mondoo.com.',
      );
    },
  );

  it('gives general advice when the Location is missing or relative', () => {
    for (const headers of [{}, { location: '/login' }]) {
      const { error } = failure(classifyExchangeAnswer(answer(302, '', headers), STS_URL, NO_SECRETS_KNOWN));
      expect(error.kind).toBe('sts-redirect');
      expect(error.fix).toContain('https://us.api.mondoo.com');
    }
  });
});

describe('classifyExchangeAnswer: what it quotes is redacted, then cut', () => {
  // Under 80 characters: the long-run rule would not catch it, only redaction can.
  const TOKEN = 'opaque-bearer-9f8e7d6c5b4a39281706f5e4d3c2b1a0';
  const redact = (text: string) => redactSecrets(text, [TOKEN]);

  it("hides a secret Mondoo's message echoes, wherever the cut falls", () => {
    // The secret starts at 6, 276, 291 and 297; the cut is at 300.
    for (const words of [0, 90, 95, 97]) {
      const message = `${'no '.repeat(words)}token ${TOKEN} is not trusted`;
      const { error } = failure(classifyExchangeAnswer(answer(401, ranger(16, message)), STS_URL, redact));
      for (const length of [6, 12, 40]) expect(error.message).not.toContain(TOKEN.slice(0, length));
      // Without redaction the same message would show it: the redaction is what hides it.
      const unredacted = failure(
        classifyExchangeAnswer(answer(401, ranger(16, message)), STS_URL, NO_SECRETS_KNOWN),
      );
      expect(unredacted.error.message).toContain(TOKEN.slice(0, 3));
    }
  });

  it('cuts a long message to a short excerpt on one line', () => {
    const message = `first line\n::stop-commands::x\n${'detail '.repeat(200)}`;
    const { error } = failure(classifyExchangeAnswer(answer(503, ranger(14, message)), STS_URL, redact));
    const quoted = error.message.slice(error.message.indexOf('): ') + 3);
    expect(quoted.startsWith('first line ::stop-commands::x detail')).toBe(true);
    expect(quoted.length).toBeLessThanOrEqual(301);
    expect(quoted.endsWith('…')).toBe(true);
    expect(error.message).not.toContain('\n');
  });

  it('says "(no message)" for a message of only whitespace', () => {
    const { error } = failure(classifyExchangeAnswer(answer(401, ranger(16, ' \n ')), STS_URL, redact));
    expect(error.message).toMatch(/HTTP 401\): \(no message\)$/);
  });

  it('redacts and cuts the Location of a redirect', () => {
    const location = `https://login.example/?next=${TOKEN}&pad=${'p'.repeat(400)}`;
    const { error } = failure(classifyExchangeAnswer(answer(302, '', { location }), STS_URL, redact));
    expect(error.message).not.toContain(TOKEN.slice(0, 12));
    expect(error.message).toContain('https://login.example/?next=***');
    expect(error.message.length).toBeLessThan(500);
  });
});

describe('exchangeRequestBody', () => {
  const request = {
    universeDomain: 'https://us.api.mondoo.com',
    audience: '//captain.api.mondoo.app/spaces/s',
    issuer: 'https://token.actions.githubusercontent.com',
    jwt: 'h.p.s',
  };

  it('sends no response_type for the default credential type', () => {
    expect(JSON.parse(exchangeRequestBody({ ...request, credentialType: 'certificate' }))).toEqual({
      audience: request.audience,
      issuer_uri: request.issuer,
      jwt_token: request.jwt,
    });
  });

  it('asks for a token credential with "response_type": "TOKEN"', () => {
    expect(JSON.parse(exchangeRequestBody({ ...request, credentialType: 'token' }))).toEqual({
      audience: request.audience,
      issuer_uri: request.issuer,
      jwt_token: request.jwt,
      response_type: 'TOKEN',
    });
  });
});
