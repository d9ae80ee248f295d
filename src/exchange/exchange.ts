import { ActionError } from '../errors.js';
import type { Send } from '../http.js';
import { Deadline, DEFAULT_RETRY_POLICY, retry, retryNotice } from '../retry.js';
import type { Log } from '../runner.js';
import type { Settings } from '../settings.js';
import { exchangeUrl } from '../universe-domain.js';
import { maskForms } from '../secrets/mask-forms.js';
import { visible } from '../output/escape.js';
import {
  credentialMaskForms,
  credentialWarnings,
  decodeCredential,
  type MondooCredential,
  spaceOf,
} from './credential.js';
import { audienceWarning } from './audience-check.js';
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
import type { TokenSource } from './token-source.js';

/** What the exchange needs from wherever it runs: the action and the CLI each give their own. */
export interface ExchangeIo {
  log: Log;
  send: Send;
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

/**
 * Token -> checks -> exchange -> validate -> mask. Handing the credential on (the runner's outputs, the CLI's
 * stdout) is the caller's part.
 */
export async function runExchange(
  settings: Settings,
  source: TokenSource,
  io: ExchangeIo,
  observed: Observed,
): Promise<ExchangeResult> {
  const deadline = new Deadline(settings.timeoutSeconds * 1000);
  const token = await obtainUsableToken(source, settings, io, deadline, observed);
  const issuer = resolveIssuer(settings.issuer, token, settings.issuerSource);
  const mismatch = audienceWarning(token.claims, settings);
  if (mismatch) io.log.warning(mismatch);
  const { credential, token: accepted } = await exchangeForCredential(
    source,
    token,
    issuer,
    settings,
    io,
    deadline,
    observed,
  );
  const { account } = credential;
  io.log.info(`Mondoo issued service account ${visible(account.mrn)} in space ${visible(spaceOf(account))}.`);
  for (const warning of credentialWarnings(account, settings.credentialType)) io.log.warning(warning);
  return { credential, token: accepted, issuer };
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
  let token = await fetchToken(source, io.log, deadline);
  let problem = findValidityProblem(token, io.nowSeconds(), settings.minValiditySeconds);
  if (problem?.kind === 'too-short' && source.canRemint) {
    io.log.info(`${source.label} has only ${problem.secondsLeft} s left; requesting a new one.`);
    token = await fetchToken(source, io.log, deadline);
    problem = findValidityProblem(token, io.nowSeconds(), settings.minValiditySeconds);
  }
  observed.token = token;
  logClaims(io.log, token, io.nowSeconds());
  if (problem) throw validityError(problem, source.label, settings.minValiditySeconds, source.canRemint);
  return token;
}

/**
 * The token, trimmed (the form in which it is printed, sent and matched), masked before anything can print
 * it, then decoded. One too short to be masked is not registered (it would blank ordinary text) and cannot
 * be a JWT anyway: the decoding refuses it without quoting it.
 */
export async function fetchToken(source: TokenSource, log: Log, deadline: Deadline): Promise<OidcToken> {
  const jwt = (await source.fetch(deadline)).trim();
  for (const form of maskForms(jwt)) log.mask(form);
  return parseOidcToken(jwt, source.label);
}

function logClaims(log: Log, token: OidcToken, nowSeconds: number): void {
  log.group('OIDC token claims (not secret)', () => {
    for (const [name, value] of claimRows(token.claims, nowSeconds)) log.info(`${name}: ${value}`);
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
  io.log.info(`Exchanging the token at ${exchangeUrl(settings.universeDomain)} (issuer ${issuer}).`);
  const base64 = await retry(
    () =>
      postExchange(
        io.send,
        {
          universeDomain: settings.universeDomain,
          audience: settings.audience,
          issuer,
          jwt: token.jwt,
          credentialType: settings.credentialType,
        },
        deadline,
        (text) => io.log.redact(text),
      ),
    {
      what: "Mondoo's token exchange",
      policy: DEFAULT_RETRY_POLICY,
      deadline,
      onRetry: (info) => io.log.info(retryNotice('Exchange', info, (text) => io.log.redact(text))),
      beforeWait: ({ delayMs, error }) =>
        refuseRetryThatOutlivesToken(source, token, io.nowSeconds() + delayMs / 1000, settings, error),
      beforeRetry: async () => {
        const left = secondsLeft(token, io.nowSeconds());
        if (left >= settings.minValiditySeconds) return;
        io.log.info(`The token has ${left} s left; requesting a new one before retrying.`);
        token = await obtainUsableToken(source, settings, io, deadline, observed);
        resolveIssuer(issuer, token); // a fresh token must come from the issuer already sent
      },
    },
  );
  // Every form of it, and of the secrets inside, masked before it is even validated: no error path can print it.
  for (const form of credentialMaskForms(base64)) io.log.mask(form);
  const credential = decodeCredential(base64);
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
    `${lastError.message}\nNot retried: ${source.label} would have ${Math.max(0, leftAtRetry)} s left when the retry is due, below \`min-validity\` (${settings.minValiditySeconds} s), and a token handed in cannot be renewed.`,
    {
      kind: lastError.kind,
      grpcStatus: lastError.grpcStatus,
      fix: "Mint the token immediately before use so it can survive a retry, or have a fresh one requested for you (the runner's token: leave `token` unset).",
      cause: lastError,
    },
  );
}

export function subjectOf(token: OidcToken): string {
  return typeof token.claims.sub === 'string' ? token.claims.sub : '';
}
