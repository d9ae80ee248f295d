import { ActionError } from '../errors.js';
import { parseJson } from '../json.js';
import { header, NetworkError, networkFix, type Send } from '../http.js';
import {
  type Attempt,
  DEFAULT_RETRY_POLICY,
  type Deadline,
  parseRetryAfterMs,
  retry,
  retryNotice,
} from '../retry.js';
import { type Log, redactSecrets } from '../runner.js';
import { HEADER_EXCERPT_LENGTH, type Redact, redactedExcerpt } from '../secrets/redacted-excerpt.js';
import { excerpt } from './answer-text.js';
import { asClause } from '../plural.js';

/** What a token request tells: retries through `info`; every quoted answer passes `redact` first. */
export type TokenRequestLog = Pick<Log, 'info' | 'redact'>;

/** A CI system's HTTP service that hands a job its OIDC token in exchange for a bearer secret. */
export interface TokenEndpoint {
  /** Names the service in messages, e.g. "The runner's token service". */
  service: string;
  /** Names it in retry notices, e.g. "Token service". */
  shortName: string;
  /** Names the request in give-up messages, e.g. "the runner's token request". */
  request: string;
  method: 'GET' | 'POST';
  url: string;
  /** The job's secret for this service (masked by the caller). */
  bearer: string;
  /** Headers the service wants besides the bearer secret. */
  headers?: Record<string, string>;
  /** The JSON member of a 200 answer that holds the token. */
  answerField: string;
  /** Where the URL comes from, for network fixes, e.g. "the runner (ACTIONS_ID_TOKEN_REQUEST_URL)". */
  setting: string;
  /** A refusal this service sends while a job is starting, which goes away by itself. */
  transientRefusal?: RegExp;
  fixes: {
    /** For answers a retry could cure (5xx, 429): retries ran out. */
    outage: string;
    /** For refusals no retry cures (401, 403, 404...). */
    refusal: string;
    /** For a redirect, which is never followed: the bearer secret would go with it. */
    redirect: string;
    /** For a 200 without a token. */
    emptyAnswer: string;
  };
}

const PER_REQUEST_TIMEOUT_MS = 15_000;

/**
 * Asks for a token, retrying what is transient: network errors, 5xx, 429 and the service's own hiccups.
 * The token is trimmed: a service answering `{"value": "<jwt>\n"}` must not make the mask end in a newline
 * that no printed line has.
 */
export async function requestToken(
  send: Send,
  endpoint: TokenEndpoint,
  deadline: Deadline,
  log: TokenRequestLog,
): Promise<string> {
  // The bearer secret is masked by the caller; redacting it here too keeps an echo of it out of any message.
  const redact = (text: string) => log.redact(redactSecrets(text, [endpoint.bearer]));
  return retry((n) => attemptTokenRequest(send, endpoint, deadline, n, redact), {
    what: endpoint.request,
    policy: DEFAULT_RETRY_POLICY,
    deadline,
    onRetry: (info) => log.info(retryNotice(endpoint.shortName, info, redact)),
  });
}

async function attemptTokenRequest(
  send: Send,
  endpoint: TokenEndpoint,
  deadline: Deadline,
  attempt: number,
  redact: Redact,
): Promise<Attempt<string>> {
  let response: Awaited<ReturnType<Send>>;
  try {
    response = await send({
      method: endpoint.method,
      url: endpoint.url,
      headers: {
        authorization: `Bearer ${endpoint.bearer}`,
        accept: 'application/json',
        ...endpoint.headers,
      },
      timeoutMs: deadline.requestBudgetMs(PER_REQUEST_TIMEOUT_MS),
      maxBytes: 64 * 1024,
    });
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return {
      ok: false,
      // The CI system chose this host, so "no such host" is a DNS hiccup on the machine, not a typo: try again.
      retryable: error.retryable || error.code === 'ENOTFOUND',
      error: new ActionError(`${endpoint.service} failed to answer: ${asClause(error.message)}.`, {
        kind: 'network',
        fix: networkFix(error, endpoint.setting),
        cause: error,
      }),
    };
  }
  if (response.status === 200) return { ok: true, value: tokenFromAnswer(response.body, endpoint) };
  if (response.status >= 300 && response.status < 400) {
    const found = header(response, 'location');
    const location = found === undefined ? undefined : redactedExcerpt(found, redact, HEADER_EXCERPT_LENGTH);
    return {
      ok: false,
      retryable: false,
      error: new ActionError(
        `${endpoint.service} answered HTTP ${response.status}, a redirect${location ? ` to ${location}` : ''}; it was not followed, so the request token stayed here.`,
        { kind: 'token-service', fix: endpoint.fixes.redirect },
      ),
    };
  }
  const transient = endpoint.transientRefusal?.test(response.body) === true && response.status === 403;
  const retryable = response.status >= 500 || response.status === 429 || transient;
  return {
    ok: false,
    retryable,
    retryAfterMs: parseRetryAfterMs(header(response, 'retry-after')),
    error: new ActionError(
      `${endpoint.service} answered HTTP ${response.status} on attempt ${attempt}: ${excerpt(response.body, redact)}`,
      { kind: 'token-service', fix: retryable ? endpoint.fixes.outage : endpoint.fixes.refusal },
    ),
  };
}

function tokenFromAnswer(body: string, endpoint: TokenEndpoint): string {
  const value = (parseJson(body) as Record<string, unknown> | null | undefined)?.[endpoint.answerField];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ActionError(
      `${endpoint.service} answered 200 without a token in {"${endpoint.answerField}": ...}.`,
      { kind: 'token-service', fix: endpoint.fixes.emptyAnswer },
    );
  }
  return value.trim();
}
