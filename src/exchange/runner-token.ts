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
import { excerpt } from './answer-text.js';

export interface RunnerTokenEndpoint {
  requestUrl: string;
  requestToken: string;
}

const PER_REQUEST_TIMEOUT_MS = 15_000;

/** GitHub's token service URL with our audience; the runner's URL already carries `api-version`. */
export function tokenRequestUrl(requestUrl: string, audience: string): string {
  const url = new URL(requestUrl);
  url.searchParams.set('audience', audience);
  return url.toString();
}

/**
 * Asks the runner's token service for an ID token, retrying what GitHub documents as transient:
 * network errors, 5xx, 429, and the 403 it answers while the job is still "Pending" or "Delayed".
 */
export async function requestRunnerToken(
  send: Send,
  endpoint: RunnerTokenEndpoint,
  audience: string,
  deadline: Deadline,
  onRetry: (message: string) => void,
): Promise<string> {
  const url = tokenRequestUrl(endpoint.requestUrl, audience);
  return retry((n) => attemptTokenRequest(send, url, endpoint.requestToken, deadline, n), {
    what: "the runner's token request",
    policy: DEFAULT_RETRY_POLICY,
    deadline,
    onRetry: (info) => onRetry(retryNotice('Token service', info)),
  });
}

async function attemptTokenRequest(
  send: Send,
  url: string,
  requestToken: string,
  deadline: Deadline,
  attempt: number,
): Promise<Attempt<string>> {
  let response: Awaited<ReturnType<Send>>;
  try {
    response = await send({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json' },
      timeoutMs: deadline.requestBudgetMs(PER_REQUEST_TIMEOUT_MS),
      maxBytes: 64 * 1024,
    });
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return {
      ok: false,
      // The runner chose this host, so "no such host" is a DNS hiccup on the runner, not a typo: try again.
      retryable: error.retryable || error.code === 'ENOTFOUND',
      error: new ActionError(`The runner's token service failed to answer: ${error.message}.`, {
        kind: 'network',
        fix: networkFix(error, 'the runner (ACTIONS_ID_TOKEN_REQUEST_URL)'),
        cause: error,
      }),
    };
  }
  if (response.status === 200) return { ok: true, value: tokenFromAnswer(response.body) };
  if (response.status >= 300 && response.status < 400) {
    const location = header(response, 'location');
    return {
      ok: false,
      retryable: false,
      error: new ActionError(
        `The runner's token service answered HTTP ${response.status}, a redirect${location ? ` to ${location}` : ''}; it was not followed, so the request token stayed here.`,
        {
          kind: 'token-service',
          fix: 'A proxy or gateway between the runner and GitHub is redirecting: exempt the token service URL (ACTIONS_ID_TOKEN_REQUEST_URL) with no_proxy.',
        },
      ),
    };
  }
  const transientForbidden = response.status === 403 && /pending|delayed/i.test(response.body);
  const retryable = response.status >= 500 || response.status === 429 || transientForbidden;
  return {
    ok: false,
    retryable,
    retryAfterMs: parseRetryAfterMs(header(response, 'retry-after')),
    error: new ActionError(
      `The runner's token service answered HTTP ${response.status} on attempt ${attempt}: ${excerpt(response.body)}`,
      {
        kind: 'token-service',
        fix: retryable
          ? 'This is usually a passing GitHub outage; re-run the job.'
          : 'Check that the job has `permissions: id-token: write` and that `token-audience` is a plain string.',
      },
    ),
  };
}

function tokenFromAnswer(body: string): string {
  const value = (parseJson(body) as { value?: unknown } | null | undefined)?.value;
  if (typeof value !== 'string' || value === '') {
    throw new ActionError('The runner\'s token service answered 200 without a token in {"value": ...}.', {
      kind: 'token-service',
      fix: 'Re-run the job; if it persists on a self-hosted runner or GHES, check the runner version.',
    });
  }
  return value;
}
