import { ActionError } from '../errors.js';
import type { Send } from '../http.js';
import type { Deadline } from '../retry.js';
import { type Runner, readEventPayload } from '../runner.js';
import type { Settings } from '../settings.js';
import { requestRunnerToken } from './runner-token.js';
import { explainMissingTokenService } from './token-service-hint.js';

/** Where the OIDC token comes from, and whether a fresh one can be had when it runs short. */
export interface TokenSource {
  /** Names the token in messages: "The runner's OIDC token", "The `token` input". */
  label: string;
  canRemint: boolean;
  fetch(deadline: Deadline): Promise<string>;
}

export function chooseTokenSource(
  settings: Settings,
  runner: Runner,
  send: Send,
  env: NodeJS.ProcessEnv,
): TokenSource {
  if (settings.token !== undefined) {
    const token = settings.token;
    return { label: 'The `token` input', canRemint: false, fetch: async () => token };
  }
  const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!requestUrl || !requestToken) {
    const explanation = explainMissingTokenService({
      runningOnGitHub: env.GITHUB_ACTIONS === 'true',
      eventName: env.GITHUB_EVENT_NAME,
      actor: env.GITHUB_ACTOR,
      event: readEventPayload(env),
    });
    throw new ActionError(explanation.message, { kind: 'token-unavailable', fix: explanation.fix });
  }
  runner.mask(requestToken);
  return {
    label: "The runner's OIDC token",
    canRemint: true,
    fetch: async (deadline) => {
      runner.info(`Requesting an OIDC token from the runner for audience ${settings.tokenAudience}.`);
      return requestRunnerToken(
        send,
        { requestUrl, requestToken },
        settings.tokenAudience,
        deadline,
        (message) => runner.info(message),
      );
    },
  };
}
