import { ActionError } from '../errors.js';
import { type HttpResponse, header, NetworkError, networkFix, type Send } from '../http.js';
import { type Attempt, type Deadline, parseRetryAfterMs } from '../retry.js';
import { exchangeUrl } from '../universe-domain.js';
import { excerpt, looksLikeHtml } from './answer-text.js';
import { isObject, parseJson } from '../json.js';
import { HEADER_EXCERPT_LENGTH, type Redact, redactedExcerpt } from '../secrets/redacted-excerpt.js';
import { redactSecrets } from '../runner.js';
import { rangerErrorFrom } from './grpc-status.js';

export interface ExchangeRequest {
  universeDomain: string;
  audience: string;
  issuer: string;
  jwt: string;
}

const PER_REQUEST_TIMEOUT_MS = 30_000;
/** How much of Mondoo's own `message` an error quotes: enough for a subject or an issuer, never a page. */
const MESSAGE_LENGTH = 300;

/**
 * One POST to Mondoo's SecureTokenService; the answer classified for the retry loop. `redact` is the log's:
 * whatever the answer quotes passes through it (and the token sent is always redacted) before it is cut.
 */
export async function postExchange(
  send: Send,
  request: ExchangeRequest,
  deadline: Deadline,
  redact: Redact,
): Promise<Attempt<string>> {
  const url = exchangeUrl(request.universeDomain);
  let response: HttpResponse;
  try {
    response = await send({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        audience: request.audience,
        issuer_uri: request.issuer,
        jwt_token: request.jwt,
      }),
      timeoutMs: deadline.requestBudgetMs(PER_REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return {
      ok: false,
      retryable: error.retryable,
      error: new ActionError(`Mondoo's token exchange at ${url} failed: ${error.message}.`, {
        kind: 'network',
        fix: networkFix(
          error,
          '`universe-domain` (e.g. https://us.api.mondoo.com or https://eu.api.mondoo.com)',
        ),
        cause: error,
      }),
    };
  }
  return classifyExchangeAnswer(response, url, (text) => redact(redactSecrets(text, [request.jwt])));
}

/**
 * Pure: what an STS answer means. Success carries the raw base64 credential, not yet validated. Every text
 * quoted from the answer is redacted with `redact`, then cut short.
 */
export function classifyExchangeAnswer(response: HttpResponse, url: string, redact: Redact): Attempt<string> {
  const { status, body } = response;
  if (status >= 300 && status < 400) {
    const location = quotedHeader(response, 'location', redact);
    return {
      ok: false,
      retryable: false,
      error: new ActionError(
        `Mondoo's token exchange answered HTTP ${status}, a redirect${location ? ` to ${location}` : ''}. The token was not sent there: a redirect must never carry it.`,
        { kind: 'sts-redirect', fix: redirectFix(location) },
      ),
    };
  }
  const json = parseJson(body);
  if (status === 200) return readCredentialAnswer(body, json, response, redact);
  const retryable = status === 429 || (status >= 500 && status !== 501);
  const retryAfterMs = parseRetryAfterMs(header(response, 'retry-after'));
  const ranger = rangerErrorFrom(json);
  if (ranger) {
    return {
      ok: false,
      retryable,
      retryAfterMs,
      error: new ActionError(
        `${retryable ? 'Mondoo could not exchange the token right now' : 'Mondoo refused the token'} (${ranger.status}, HTTP ${status}): ${quotedMessage(ranger.message, redact)}`,
        {
          kind: retryable ? 'sts-unavailable' : 'sts-refused',
          grpcStatus: ranger.status,
          fix: rangerFix(ranger.status),
        },
      ),
    };
  }
  const kindOfBody = looksLikeHtml(body)
    ? 'with'
    : json !== undefined
      ? 'with JSON that is not a Mondoo error,'
      : 'with a non-JSON body,';
  return {
    ok: false,
    retryable,
    retryAfterMs,
    error: new ActionError(
      `${url} answered HTTP ${status} ${kindOfBody} ${excerpt(body, redact)}. That is not Mondoo's API speaking but something in front of it (a proxy, load balancer or firewall).`,
      {
        kind: retryable ? 'sts-unavailable' : 'sts-bad-answer',
        fix: retryable
          ? 'Usually passing: re-run the job. If it persists, check the proxy between the runner and Mondoo.'
          : 'Check `universe-domain` and any proxy between the runner and Mondoo.',
      },
    ),
  };
}

function readCredentialAnswer(
  body: string,
  json: unknown,
  response: HttpResponse,
  redact: Redact,
): Attempt<string> {
  const notJson = (what: string) =>
    ({
      ok: false,
      retryable: false,
      error: new ActionError(`Mondoo's token exchange answered 200 but ${what}.`, {
        kind: 'sts-bad-answer',
        fix: 'Check that `universe-domain` is the API host (e.g. https://us.api.mondoo.com), not the console.',
      }),
    }) as const;
  if (looksLikeHtml(body)) return notJson(`with ${excerpt(body, redact)} instead of JSON`);
  if (json === undefined) {
    const type = quotedHeader(response, 'content-type', redact) ?? 'no content type';
    return notJson(`its body is not JSON (${type})`);
  }
  const credential = isObject(json) ? json.base64_credential : undefined;
  if (typeof credential !== 'string' || credential.trim() === '') {
    return notJson('without a `base64_credential` string in its JSON');
  }
  return { ok: true, value: credential.trim() };
}

/** Mondoo's `{code, message}` message, redacted and cut: a server may echo the token or send a whole page. */
function quotedMessage(message: string, redact: Redact): string {
  const quoted = redactedExcerpt(message, redact, MESSAGE_LENGTH);
  return quoted === '' ? '(no message)' : quoted;
}

function quotedHeader(response: HttpResponse, name: string, redact: Redact): string | undefined {
  const value = header(response, name);
  return value === undefined ? undefined : redactedExcerpt(value, redact, HEADER_EXCERPT_LENGTH);
}

function redirectFix(location: string | undefined): string {
  if (location) {
    try {
      const target = new URL(location);
      return `If ${target.origin} is the right Mondoo API, set \`universe-domain: ${target.origin}\`.`;
    } catch {
      // An unparseable Location falls through to the general advice.
    }
  }
  return 'Set `universe-domain` to the API base Mondoo shows (e.g. https://us.api.mondoo.com).';
}

function rangerFix(status: string): string {
  switch (status) {
    case 'UNAUTHENTICATED':
    case 'PERMISSION_DENIED':
      return "Compare the token's issuer, audience and subject (see the claims table) with the workload identity provider in Mondoo; they must match exactly, case included.";
    case 'INVALID_ARGUMENT':
      return 'Check `audience` and `issuer`: Mondoo could not read the request.';
    case 'NOT_FOUND':
      return 'Check `audience`: the space it names may not exist in this region (`universe-domain`).';
    case 'RESOURCE_EXHAUSTED':
      return 'Mondoo is rate limiting; spread jobs out or re-run later.';
    default:
      return 'Re-run the job; if it persists, contact Mondoo support with the time of the failure.';
  }
}
