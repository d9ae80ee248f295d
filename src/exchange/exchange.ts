import { ActionError } from '../errors.js';
import type { Send } from '../http.js';
import { DEFAULT_RETRY_POLICY, Deadline, retry } from '../retry.js';
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
  token: OidcToken;
  issuer: string;
}

/** What the exchange learned before it failed, for the failure summary. */
export interface Observed {
  token?: OidcToken;
}

/** The step: token → checks → exchange → validate → mask → export. */
export async function runExchange(
  settings: Settings,
  io: ExchangeIo,
  observed: Observed,
): Promise<ExchangeResult> {
  const deadline = new Deadline(settings.timeoutSeconds * 1000);
  const source = chooseTokenSource(settings, io.runner, io.send, io.env);
  const token = await obtainUsableToken(source, settings, io, deadline, observed);
  const issuer = resolveIssuer(settings.issuer, token, settings.issuerSource);
  const credential = await exchangeForCredential(source, token, issuer, settings, io, deadline, observed);
  publish(settings, io.runner, credential, token, issuer);
  return { credential, token, issuer };
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
  if (problem) throw validityError(problem, source.label, settings.minValiditySeconds);
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
): Promise<MondooCredential> {
  let token = firstToken;
  io.runner.info(`Exchanging the token at ${exchangeUrl(settings.universeDomain)} (issuer ${issuer}).`);
  const base64 = await retry(
    () =>
      postExchange(
        io.send,
        { universeDomain: settings.universeDomain, audience: settings.audience, issuer, jwt: token.jwt },
        deadline.remainingMs(),
      ),
    {
      what: "Mondoo's token exchange",
      policy: DEFAULT_RETRY_POLICY,
      deadline,
      onRetry: ({ attempt, delayMs, error }) =>
        io.runner.info(
          `Exchange attempt ${attempt} failed (${error.message}); retrying in ${(delayMs / 1000).toFixed(1)} s.`,
        ),
      beforeRetry: async () => {
        const left = secondsLeft(token, io.nowSeconds());
        if (left >= settings.minValiditySeconds) return;
        if (!source.canRemint) {
          throw new ActionError(
            `${source.label} has ${Math.max(0, left)} s left, below \`min-validity\` (${settings.minValiditySeconds} s), and cannot be renewed to retry the exchange.`,
            {
              kind: 'token-validity',
              fix: 'Mint the token immediately before this step, or let the action use the runner token.',
            },
          );
        }
        io.runner.info(`The token has ${left} s left; requesting a new one before retrying.`);
        token = await obtainUsableToken(source, settings, io, deadline, observed);
      },
    },
  );
  // Masked before it is even validated: an error path must not be able to print it.
  io.runner.mask(base64);
  const credential = decodeCredential(base64);
  for (const secret of secretsToMask(credential)) io.runner.mask(secret);
  return credential;
}

function publish(
  settings: Settings,
  runner: Runner,
  credential: MondooCredential,
  token: OidcToken,
  issuer: string,
): void {
  const { account } = credential;
  runner.info(`Mondoo issued service account ${account.mrn} in space ${account.space_mrn}.`);
  runner.setOutput('credential', credential.base64);
  runner.setOutput('service-account-mrn', account.mrn);
  runner.setOutput('space-mrn', account.space_mrn);
  runner.setOutput('api-endpoint', account.api_endpoint);
  runner.setOutput('subject', typeof token.claims.sub === 'string' ? token.claims.sub : '');
  runner.setOutput('issuer', issuer);
  if (!settings.exportEnv) {
    runner.info('`export-env` is false: MONDOO_CONFIG_BASE64 was not exported; use the `credential` output.');
    return;
  }
  runner.exportVariable('MONDOO_CONFIG_BASE64', credential.base64);
  runner.info('Exported MONDOO_CONFIG_BASE64 for the following steps of this job.');
}
