import type { Send } from '../http.js';
import type { Deadline } from '../retry.js';
import { requestToken, type TokenRequestLog } from './token-endpoint.js';

export interface RunnerTokenEndpoint {
  requestUrl: string;
  requestToken: string;
}

/** GitHub's token service URL with our audience; the runner's URL already carries `api-version`. */
export function tokenRequestUrl(requestUrl: string, audience: string): string {
  const url = new URL(requestUrl);
  // Without an audience GitHub uses its default, the URL of the repository owner (the `claims` command).
  if (audience !== '') url.searchParams.set('audience', audience);
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
  log: TokenRequestLog,
): Promise<string> {
  return requestToken(
    send,
    {
      service: "The runner's token service",
      shortName: 'Token service',
      request: "the runner's token request",
      method: 'GET',
      url: tokenRequestUrl(endpoint.requestUrl, audience),
      bearer: endpoint.requestToken,
      answerField: 'value',
      setting: 'the runner (ACTIONS_ID_TOKEN_REQUEST_URL)',
      transientRefusal: /pending|delayed/i,
      fixes: {
        outage: 'This is usually a passing GitHub outage; re-run the job.',
        refusal:
          'Check that the job has `permissions: id-token: write` and that `token-audience` is a plain string.',
        redirect:
          'A proxy or gateway between the runner and GitHub is redirecting: exempt the token service URL (ACTIONS_ID_TOKEN_REQUEST_URL) with no_proxy.',
        emptyAnswer:
          'Re-run the job; if it persists on a self-hosted runner or GHES, check the runner version.',
      },
    },
    deadline,
    log,
  );
}
