import { ActionError } from '../errors.js';
import type { Send } from '../http.js';
import type { Deadline } from '../retry.js';
import { requestToken, type TokenEndpoint, type TokenRequestLog } from '../exchange/token-endpoint.js';

/**
 * Azure DevOps' REST version for the job OIDC token; its answer is `{"oidcToken": "..."}`. The endpoint is a
 * preview API: its REST reference (distributedtask/oidctoken/create) says api-version must be `7.1-preview.1`,
 * and Azure DevOps refuses a preview API asked for without the -preview suffix.
 */
const API_VERSION = '7.1-preview.1';

export interface AzureDevOpsVariables {
  requestUri: string;
  accessToken: string;
}

/** SYSTEM_OIDCREQUESTURI and SYSTEM_ACCESSTOKEN, or an error saying which is missing and how to get it. */
export function azureDevOpsVariables(env: NodeJS.ProcessEnv): AzureDevOpsVariables {
  const requestUri = env.SYSTEM_OIDCREQUESTURI;
  if (!requestUri) {
    throw new ActionError('SYSTEM_OIDCREQUESTURI is not set, so Azure Pipelines offers no OIDC token here.', {
      kind: 'token-unavailable',
      fix: 'Run this in an Azure Pipelines job on an agent recent enough to set System.OidcRequestUri.',
    });
  }
  const accessToken = env.SYSTEM_ACCESSTOKEN;
  if (!accessToken) {
    throw new ActionError(
      'SYSTEM_ACCESSTOKEN is not set: Azure Pipelines does not give scripts the job access token unless asked.',
      {
        kind: 'token-unavailable',
        fix: 'Map it into the step: `env: { SYSTEM_ACCESSTOKEN: $(System.AccessToken) }`.',
      },
    );
  }
  return { requestUri, accessToken };
}

export function azureDevOpsEndpoint(variables: AzureDevOpsVariables): TokenEndpoint {
  const url = new URL(variables.requestUri);
  url.searchParams.set('api-version', API_VERSION);
  return {
    service: "Azure DevOps' OIDC token service",
    shortName: 'Azure DevOps',
    request: 'the Azure DevOps OIDC token request',
    method: 'POST',
    url: url.toString(),
    bearer: variables.accessToken,
    // Without it, Azure DevOps may answer an unauthenticated call with a redirect to its sign-in page.
    headers: { 'content-type': 'application/json', 'x-tfs-fedauthredirect': 'Suppress' },
    answerField: 'oidcToken',
    setting: 'Azure Pipelines (SYSTEM_OIDCREQUESTURI)',
    fixes: {
      outage: 'This is usually a passing Azure DevOps outage; re-run the job.',
      refusal:
        "Check that SYSTEM_ACCESSTOKEN is this job's $(System.AccessToken) and that the pipeline's build service may use OIDC.",
      redirect:
        'Azure DevOps redirects unauthenticated calls to sign-in: check SYSTEM_ACCESSTOKEN is mapped from $(System.AccessToken).',
      emptyAnswer: 'Re-run the job; if it persists, check the agent version.',
    },
  };
}

export function requestAzureDevOpsToken(
  send: Send,
  variables: AzureDevOpsVariables,
  deadline: Deadline,
  log: TokenRequestLog,
): Promise<string> {
  return requestToken(send, azureDevOpsEndpoint(variables), deadline, log);
}
