import { describeAddressClass } from '../address-class.js';
import { htmlTitle, looksLikeHtml } from '../exchange/answer-text.js';
import { header, type HttpResponse, isTlsTrustFailure, NetworkError, type Send } from '../http.js';
import { isObject, parseJson } from '../json.js';
import { visible } from '../output/escape.js';
import { asClause, plural } from '../plural.js';
import { type Reach, type Refusal, refusedForGood } from '../reach.js';
import { NO_SECRETS_KNOWN, redactedExcerpt } from '../secrets/redacted-excerpt.js';
import type { Deadline } from '../retry.js';
import type { Locate, Observation } from './findings.js';
import { shown } from './shown.js';

/** One request the lint made, as the report shows it. */
export interface FetchRecord {
  url: string;
  status?: number;
  contentType?: string;
  bytes?: number;
  ms: number;
  /** Why no answer came, when none did. */
  error?: string;
}

/** A JSON object read from a URL or a local file. */
export interface LoadedDocument {
  /** The URL it was finally read from, or the file's path. */
  where: string;
  value: Record<string, unknown>;
  /** Lines in a local file; undefined for fetched documents. */
  locate: Locate;
}

export interface FetchContext {
  send: Send;
  deadline: Deadline;
  records: FetchRecord[];
  /** Which addresses a fetch may connect to (`allow-private-hosts` widens it to private ones). */
  reach: Reach;
}

export const MAX_DOCUMENT_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 3;
const PER_FETCH_CAP_MS = 15_000;
const nowhere = () => undefined;

/**
 * GETs a JSON document, turning every way it can go wrong into an observation: a lint reports problems,
 * it does not stop at the first. Redirects are followed (at most 3, https only) and always reported, also
 * when a later hop fails. Every hop connects only within the context's reach.
 */
export async function fetchJson(
  url: string,
  what: string,
  context: FetchContext,
  observations: Observation[],
): Promise<LoadedDocument | undefined> {
  const chain = [url];
  let current = url;
  for (;;) {
    // Before anything else: a URL that does not parse is the document's (or the input's) fault, never a bug.
    if (!URL.canParse(current)) {
      observations.push({
        rule: 'fetch-url-invalid',
        message: `The ${what} URL does not parse as a URL, so it was not fetched.`,
        value: shown(current),
      });
      return undefined;
    }
    if (!current.startsWith('https://')) {
      if (chain.length > 1) observations.push(redirected(what, chain, 'to a URL that is not https://'));
      observations.push({
        rule: 'fetch-not-https',
        message: `The ${what} URL is not https://, so it was not fetched.`,
        value: shown(current),
      });
      return undefined;
    }
    if (context.deadline.remainingMs() <= 0) {
      observations.push({
        rule: 'fetch-failed',
        message: `The ${what} was not fetched: the \`timeout\` ran out before it.`,
        value: shown(current),
        fix: 'Raise `timeout`, or make the earlier requests answer faster.',
      });
      return undefined;
    }
    const answer = await get(current, what, context, observations);
    if (!answer) {
      if (chain.length > 1) observations.push(redirected(what, chain, 'the last URL was not fetched'));
      return undefined;
    }
    const location = header(answer, 'location');
    if (answer.status >= 300 && answer.status < 400 && location !== undefined) {
      const next = resolveLocation(location, current);
      if (next === undefined) {
        observations.push(redirected(what, [...chain, location], 'to a Location that is not a URL'));
        return undefined;
      }
      current = next;
      chain.push(current);
      if (chain.length - 1 > MAX_REDIRECTS) {
        observations.push(
          redirected(what, chain, `more than ${MAX_REDIRECTS} redirects; not followed further`),
        );
        return undefined;
      }
      continue;
    }
    if (chain.length > 1) observations.push(redirected(what, chain, `answered ${answer.status} at the end`));
    return readAnswer(answer, current, what, observations);
  }
}

function resolveLocation(location: string, base: string): string | undefined {
  try {
    return new URL(location, base).toString();
  } catch {
    return undefined;
  }
}

function redirected(what: string, chain: string[], outcome: string): Observation {
  return {
    rule: 'fetch-redirect',
    message: `The ${what} URL redirects (${plural(chain.length - 1, 'hop')}, ${outcome}).`,
    value: chain.join(' → '),
  };
}

async function get(url: string, what: string, context: FetchContext, observations: Observation[]) {
  const started = performance.now();
  try {
    const answer = await context.send({
      method: 'GET',
      url,
      headers: { accept: 'application/json' },
      timeoutMs: context.deadline.requestBudgetMs(PER_FETCH_CAP_MS),
      maxBytes: MAX_DOCUMENT_BYTES,
      reuseConnection: true,
      reach: context.reach,
    });
    context.records.push({
      url,
      status: answer.status,
      contentType: header(answer, 'content-type'),
      bytes: Buffer.byteLength(answer.body),
      ms: Math.round(performance.now() - started),
    });
    return answer;
  } catch (error) {
    const failure = error instanceof NetworkError ? error : new NetworkError(String(error), 'UNKNOWN', false);
    context.records.push({ url, ms: Math.round(performance.now() - started), error: failure.message });
    if (failure.refusal) {
      observations.push(refused(url, what, failure.refusal));
      return undefined;
    }
    const tooLarge = failure.code === 'TOO_LARGE';
    observations.push({
      rule: tooLarge ? 'fetch-too-large' : 'fetch-failed',
      message: `The ${what} could not be fetched: ${asClause(failure.message)}.`,
      value: shown(url),
      fix: tooLarge ? undefined : fetchFix(failure.code),
    });
    return undefined;
  }
}

/** A fetch refused before connecting: which address, which range, and what the way forward is. */
function refused(url: string, what: string, refusal: Refusal): Observation {
  const { host, address, literal } = refusal;
  const where = literal ? `${shown(host)} is` : `${shown(host)} resolves to ${address},`;
  const kind = describeAddressClass(refusal.found);
  if (refusedForGood(refusal)) {
    return {
      rule: 'fetch-address-refused',
      message: `The ${what} was not fetched: ${where} ${kind}, which lint never connects to.`,
      value: shown(url),
      fix: "Serve the provider from a public address. Link-local, cloud metadata and reserved addresses stay refused with `allow-private-hosts`: a document that points there may be after the runner's own cloud credentials.",
    };
  }
  return {
    rule: 'fetch-address-refused',
    message: `The ${what} was not fetched: ${where} ${kind}, and lint connects only to public addresses.`,
    value: shown(url),
    fix: "If the provider is on your own network, set `allow-private-hosts: true` (CLI: `--allow-private-hosts`) to lint it from there; whatever validates its tokens (Mondoo's cloud, Mender) must still reach it.",
  };
}

function fetchFix(code: string): string | undefined {
  if (code === 'ENOTFOUND') return 'Check the host name: it does not resolve.';
  if (code === 'TIMEOUT')
    return 'Make the server answer within seconds; validators give up sooner than this lint.';
  if (code === 'CERT_HAS_EXPIRED') return 'Renew the server certificate.';
  if (code === 'CERT_NOT_YET_VALID')
    return "Check the server certificate's start date, and this machine's clock.";
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return 'Use a certificate issued for this host name.';
  if (isTlsTrustFailure(code)) {
    return "Use a certificate from a public CA: Mondoo's cloud will not trust a private one (NODE_EXTRA_CA_CERTS lets this lint trust it).";
  }
  return undefined;
}

function readAnswer(
  answer: HttpResponse,
  url: string,
  what: string,
  observations: Observation[],
): LoadedDocument | undefined {
  if (answer.status !== 200) {
    observations.push({
      rule: 'fetch-status',
      message: `The ${what} URL answered HTTP ${answer.status}.`,
      value: shown(url),
    });
    return undefined;
  }
  const contentType = header(answer, 'content-type') ?? '';
  if (!/^application\/([\w.-]+\+)?json\b/i.test(contentType)) {
    observations.push({
      rule: 'fetch-content-type',
      message: `The ${what} is served as ${contentType ? shown(contentType) : 'no Content-Type'}.`,
      value: shown(contentType),
    });
  }
  const value = parseJson(answer.body);
  if (value === undefined) {
    observations.push({
      rule: 'fetch-not-json',
      message: `The ${what} is not JSON: ${describeBody(answer.body)}.`,
      value: shown(url),
    });
    return undefined;
  }
  if (!isObject(value)) {
    observations.push({
      rule: 'fetch-not-object',
      // Only the type: the content of a mis-shaped key set may be key material.
      message: `The ${what} is JSON but not an object: it is ${Array.isArray(value) ? 'an array' : typeof value === 'string' ? 'a string' : String(typeof value)}.`,
      value: shown(url),
    });
    return undefined;
  }
  return { where: url, value, locate: nowhere };
}

/**
 * What a non-JSON body is, without quoting it: it may be a private key served by mistake. An HTML page is
 * named by its title, which is what a person recognises (a login or error page).
 */
function describeBody(body: string): string {
  if (looksLikeHtml(body)) {
    const title = htmlTitle(body);
    // Long opaque runs (a token the page echoes) go before the cut, so none leaves a visible prefix.
    return title
      ? `an HTML page titled "${visible(redactedExcerpt(title, NO_SECRETS_KNOWN, 60))}"`
      : 'an HTML page';
  }
  const first = body.trimStart()[0];
  return body.trim() === ''
    ? 'an empty body'
    : `${plural(Buffer.byteLength(body), 'byte')} starting with ${JSON.stringify(first)}`;
}
