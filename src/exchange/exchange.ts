import { ActionError } from '../errors.js';
import type { Send } from '../http.js';
import { Deadline, DEFAULT_RETRY_POLICY, retry, retryNotice } from '../retry.js';
import type { Runner } from '../runner.js';
import type { Settings } from '../settings.js';
import { exchangeUrl } from '../universe-domain.js';
import { decodeCredential, type MondooCredential, secretsToMask } from './credential.js';
import { claimRows } from './diagnosis.js';
import {
  findValidityProblem,
  type OidcToken,
  parseOidcToken,
  resolveIssuer,
  secondsLeft,
  validityError,
} from './oidc-token.js';
import { postExchange } from './sts-client.js';
import { chooseTokenSource, type TokenSource } from './token-source.js';

export interface ExchangeIo {
  runner: Runner;
  send: Send;
  env: NodeJS.ProcessEnv;
  nowSeconds: () => number;
}

export interface ExchangeResult {
  credential: MondooCredential;
  /** The token Mondoo accepted (a later one than the first, when a retry needed a fresh token). */
  token: OidcToken;
  issuer: string;
}

/** What the exchange learned before it failed, for the failure summary. */
export interface Observed {
  token?: OidcToken;
}

/** The step: can publish → token → checks → exchange → validate → mask → export. */
export async function runExchange(
  settings: Settings,
  io: ExchangeIo,
  observed: Observed,
): Promise<ExchangeResult> {
  const deadline = new Deadline(settings.timeoutSeconds * 1000);
  io.runner.checkCanPublish(settings.exportEnv);
  const source = chooseTokenSource(settings, io.runner, io.send, io.env);
  const token = await obtainUsableToken(source, settings, io, deadline, observed);
  const issuer = resolveIssuer(settings.issuer, token, settings.issuerSource);
  const exchanged = await exchangeForCredential(source, token, issuer, settings, io, deadline, observed);
  publish(settings, io.runner, exchanged.credential, exchanged.token, issuer);
  return { ...exchanged, issuer };
}

/**
 * A token with at least `min-validity` left; a runner token that is too short is requested once more.
 * Its claims are logged and kept for the failure summary whether or not it passes: a token that fails its
 * checks is exactly when people need to see them.
 */
async function obtainUsableToken(
  source: TokenSource,
  settings: Settings,
  io: ExchangeIo,
  deadline: Deadline,
  observed: Observed,
): Promise<OidcToken> {
  let token = await fetchToken(source, io.runner, deadline);
  let problem = findValidityProblem(token, io.nowSeconds(), settings.minValiditySeconds);
  if (problem?.kind === 'too-short' && source.canRemint) {
    io.runner.info(`${source.label} has only ${problem.secondsLeft} s left; requesting a new one.`);
    token = await fetchToken(source, io.runner, deadline);
    problem = findValidityProblem(token, io.nowSeconds(), settings.minValiditySeconds);
  }
  observed.token = token;
  logClaims(io.runner, token, io.nowSeconds());
  if (problem) throw validityError(problem, source.label, settings.minValiditySeconds, source.canRemint);
  return token;
}

async function fetchToken(source: TokenSource, runner: Runner, deadline: Deadline): Promise<OidcToken> {
  const jwt = await source.fetch(deadline);
  runner.mask(jwt);
  return parseOidcToken(jwt, source.label);
}

function logClaims(runner: Runner, token: OidcToken, nowSeconds: number): void {
  runner.group('OIDC token claims (not secret)', () => {
    for (const [name, value] of claimRows(token.claims, nowSeconds)) runner.info(`${name}: ${value}`);
  });
}

async function exchangeForCredential(
  source: TokenSource,
  firstToken: OidcToken,
  issuer: string,
  settings: Settings,
  io: ExchangeIo,
  deadline: Deadline,
  observed: Observed,
): Promise<{ credential: MondooCredential; token: OidcToken }> {
  let token = firstToken;
  io.runner.info(`Exchanging the token at ${exchangeUrl(settings.universeDomain)} (issuer ${issuer}).`);
  const base64 = await retry(
    () =>
      postExchange(
        io.send,
        { universeDomain: settings.universeDomain, audience: settings.audience, issuer, jwt: token.jwt },
        deadline,
      ),
    {
      what: "Mondoo's token exchange",
      policy: DEFAULT_RETRY_POLICY,
      deadline,
      onRetry: (info) => io.runner.info(retryNotice('Exchange', info)),
      beforeWait: ({ delayMs, error }) =>
        refuseRetryThatOutlivesToken(source, token, io.nowSeconds() + delayMs / 1000, settings, error),
      beforeRetry: async () => {
        const left = secondsLeft(token, io.nowSeconds());
        if (left >= settings.minValiditySeconds) return;
        io.runner.info(`The token has ${left} s left; requesting a new one before retrying.`);
        token = await obtainUsableToken(source, settings, io, deadline, observed);
        resolveIssuer(issuer, token); // a fresh token must come from the issuer already sent
      },
    },
  );
  // Masked before it is even validated: an error path must not be able to print it.
  io.runner.mask(base64);
  const credential = decodeCredential(base64);
  for (const secret of secretsToMask(credential)) io.runner.mask(secret);
  return { credential, token };
}

/**
 * A token that cannot be renewed and would be below `min-validity` when the retry is due makes the retry
 * pointless: stop before waiting, and keep Mondoo's answer as the cause.
 */
function refuseRetryThatOutlivesToken(
  source: TokenSource,
  token: OidcToken,
  retryAtSeconds: number,
  settings: Settings,
  lastError: ActionError,
): void {
  if (source.canRemint) return;
  const leftAtRetry = secondsLeft(token, retryAtSeconds);
  if (leftAtRetry >= settings.minValiditySeconds) return;
  throw new ActionError(
    `${lastError.message}\nNot retried: ${source.label} would have ${Math.max(0, leftAtRetry)} s left when the retry is due, below \`min-validity\` (${settings.minValiditySeconds} s), and this step cannot renew it.`,
    {
      kind: lastError.kind,
      grpcStatus: lastError.grpcStatus,
      fix: 'Mint the token immediately before this step so it can survive a retry, or let the action use the runner token.',
      cause: lastError,
    },
  );
}

/** Exports first: it is what later steps need; the outputs follow. */
function publish(
  settings: Settings,
  runner: Runner,
  credential: MondooCredential,
  token: OidcToken,
  issuer: string,
): void {
  const { account } = credential;
  runner.info(`Mondoo issued service account ${account.mrn} in space ${account.space_mrn}.`);
  try {
    if (settings.exportEnv) runner.exportVariable('MONDOO_CONFIG_BASE64', credential.base64);
    runner.setOutput('credential', credential.base64);
    runner.setOutput('service-account-mrn', account.mrn);
    runner.setOutput('space-mrn', account.space_mrn);
    runner.setOutput('api-endpoint', account.api_endpoint);
    runner.setOutput('subject', subjectOf(token));
    runner.setOutput('issuer', issuer);
  } catch (error) {
    throw new ActionError(`The runner would not take the credential: ${(error as Error).message}.`, {
      kind: 'runner',
      fix: "Check the runner's GITHUB_ENV and GITHUB_OUTPUT files; re-run the job.",
      cause: error,
    });
  }
  runner.info(
    settings.exportEnv
      ? 'Exported MONDOO_CONFIG_BASE64 for the following steps of this job.'
      : '`export-env` is false: MONDOO_CONFIG_BASE64 was not exported; use the `credential` output.',
  );
}

export function subjectOf(token: OidcToken): string {
  return typeof token.claims.sub === 'string' ? token.claims.sub : '';
}
