import { ActionError } from '../errors.js';
import type { Send } from '../http.js';
import type { Deadline } from '../retry.js';
import { type Log, readEventPayload } from '../runner.js';
import { maskForms } from '../secrets/mask-forms.js';
import { GITHUB_TOKEN_LIFETIME_SECONDS, type Settings } from '../settings.js';
import { requestRunnerToken } from './runner-token.js';
import { explainMissingTokenService } from './token-service-hint.js';

/** Where the OIDC token comes from, and whether a fresh one can be had when it runs short. */
export interface TokenSource {
  /** Names the token in messages: "The runner's OIDC token", "The `token` input". */
  label: string;
  canRemint: boolean;
  fetch(deadline: Deadline): Promise<string>;
}

/** The action's choice: the `token` input when given, else the GitHub runner's token service. */
export function chooseTokenSource(
  settings: Settings,
  log: Log,
  send: Send,
  env: NodeJS.ProcessEnv,
): TokenSource {
  if (settings.token !== undefined) return givenToken('The `token` input', settings.token);
  return githubRunnerToken(settings, log, send, env);
}

/** A token handed over whole: it cannot be renewed. */
export function givenToken(label: string, jwt: string): TokenSource {
  return { label, canRemint: false, fetch: async () => jwt };
}

/** The GitHub runner's token service; explains, in the user's terms, why it is missing when it is. */
export function githubRunnerToken(
  settings: Pick<Settings, 'tokenAudience' | 'minValiditySeconds'>,
  log: Log,
  send: Send,
  env: NodeJS.ProcessEnv,
): TokenSource {
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
  for (const form of maskForms(requestToken)) log.mask(form);
  if (settings.minValiditySeconds >= GITHUB_TOKEN_LIFETIME_SECONDS) {
    log.warning(
      `Input \`min-validity\` is ${settings.minValiditySeconds} s, but GitHub's runner tokens live about ${GITHUB_TOKEN_LIFETIME_SECONDS} s: unless this runner issues longer-lived tokens, the step will fail. The default (180) is what Mondoo needs.`,
    );
  }
  const audience = settings.tokenAudience;
  return {
    label: "The runner's OIDC token",
    canRemint: true,
    fetch: async (deadline) => {
      log.info(
        audience
          ? `Requesting an OIDC token from the runner for audience ${audience}.`
          : "Requesting an OIDC token from the runner with GitHub's default audience.",
      );
      return requestRunnerToken(send, { requestUrl, requestToken }, audience, deadline, log);
    },
  };
}
