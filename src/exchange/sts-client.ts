import { ActionError } from '../errors.js';
import { type HttpResponse, header, NetworkError, networkFix, type Send } from '../http.js';
import { type Attempt, type Deadline, parseRetryAfterMs } from '../retry.js';
import { exchangeUrl } from '../universe-domain.js';
import { excerpt, looksLikeHtml } from './answer-text.js';
import { isObject, parseJson } from '../json.js';
import { HEADER_EXCERPT_LENGTH, type Redact, redactedExcerpt } from '../secrets/redacted-excerpt.js';
import { redactSecrets } from '../runner.js';
import { type RangerError, rangerErrorFrom, retryForCode } from './grpc-status.js';
import type { CredentialType } from './credential.js';
import { asClause } from '../plural.js';

export interface ExchangeRequest {
  universeDomain: string;
  audience: string;
  issuer: string;
  jwt: string;
  /** `token` asks for a bearer-token credential; `certificate` (the default) sends nothing extra. */
  credentialType: CredentialType;
}

const PER_REQUEST_TIMEOUT_MS = 30_000;
/** How much of Mondoo's own `message` an error quotes: enough for a subject or an issuer, never a page. */
const MESSAGE_LENGTH = 300;
/** UNKNOWN and INTERNAL answers share one allowance: two requests in all. */
const ONCE_RETRIED_ATTEMPTS = 2;

/**
 * The JSON body. mql's sts.go sets `ResponseType = "TOKEN"` (feature ExchangeTokenForToken); ranger-rpc
 * decodes JSON with protojson, which takes the proto name `response_type` and ignores keys it does not know,
 * so an older server answers with a key pair as before. Without `token` the key is left out altogether.
 */
export function exchangeRequestBody(request: ExchangeRequest): string {
  return JSON.stringify({
    audience: request.audience,
    issuer_uri: request.issuer,
    jwt_token: request.jwt,
    ...(request.credentialType === 'token' ? { response_type: 'TOKEN' } : {}),
  });
}

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
      body: exchangeRequestBody(request),
      timeoutMs: deadline.requestBudgetMs(PER_REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return {
      ok: false,
      retryable: error.retryable,
      error: new ActionError(`Mondoo's token exchange at ${url} failed: ${asClause(error.message)}.`, {
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
  const retryAfterMs = parseRetryAfterMs(header(response, 'retry-after'));
  const ranger = rangerErrorFrom(json);
  if (ranger) return classifyRangerError(ranger, status, retryAfterMs, redact);
  // Not Mondoo's status body (a proxy's page): only the HTTP status can tell an outage.
  const retryable = status === 429 || (status >= 500 && status !== 501);
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

/** Mondoo's own error: the retry follows its code (see retryForCode), whatever the HTTP status says. */
function classifyRangerError(
  ranger: RangerError,
  status: number,
  retryAfterMs: number | undefined,
  redact: Redact,
): Attempt<string> {
  const said = `(${ranger.status}, HTTP ${status}): ${quotedMessage(ranger.message, redact)}`;
  const policy = retryForCode(ranger.code);
  if (policy === 'retry') {
    return {
      ok: false,
      retryable: true,
      retryAfterMs,
      error: new ActionError(`Mondoo could not exchange the token right now ${said}`, {
        kind: 'sts-unavailable',
        grpcStatus: ranger.status,
        fix: rangerFix(ranger.status),
      }),
    };
  }
  if (policy === 'once') {
    return {
      ok: false,
      retryable: true,
      retryAfterMs,
      limit: {
        group: 'UNKNOWN or INTERNAL',
        attempts: ONCE_RETRIED_ATTEMPTS,
        reason: `Mondoo answered UNKNOWN or INTERNAL ${ONCE_RETRIED_ATTEMPTS} times, so it was not tried again: Mondoo sends these codes for any failure of its backend, refusals that fail the same way every time included.`,
      },
      error: new ActionError(`Mondoo's token exchange failed ${said}`, {
        kind: 'sts-refused',
        grpcStatus: ranger.status,
        fix: "Read Mondoo's message: if it names the audience, issuer or subject, correct that (compare the claims with the provider in Mondoo). Otherwise re-run later; if it persists, contact Mondoo support with the time of the failure.",
      }),
    };
  }
  return {
    ok: false,
    retryable: false,
    error: new ActionError(`Mondoo refused the token ${said}`, {
      kind: 'sts-refused',
      grpcStatus: ranger.status,
      fix: rangerFix(ranger.status),
    }),
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
      return `If ${target.origin} is the right Mondoo API, set \`universe-domain\` to ${target.origin}.`;
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
      return "Compare the token's `iss`, `aud` and `sub` claims (listed with this error) with the workload identity provider in Mondoo; they must match exactly, case included.";
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
