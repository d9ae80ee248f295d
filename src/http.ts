import type { IncomingHttpHeaders, RequestOptions } from 'node:http';
import { Agent } from 'node:https';
import type { LookupFunction } from 'node:net';
import { HttpClient } from '@actions/http-client';
import { NetworkError } from './network-error.js';
import { guardedLookup, type Reach, refuseLiteralHost, refusedError } from './reach.js';
import { USER_AGENT } from './version.js';
import { asClause } from './plural.js';

export { NetworkError };

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Whole-request budget: connect, send, and read the answer. */
  timeoutMs: number;
  /** Answers larger than this are refused rather than buffered. */
  maxBytes?: number;
  /**
   * Keep the connection for the next request to the same host. Lint fetches a provider's discovery document
   * and then its key set, usually from one host: one TLS handshake instead of two. Off for the exchange.
   */
  reuseConnection?: boolean;
  /**
   * The addresses the request may connect to, judged on the address connected to after name resolution:
   * `public`, or `private` for public, loopback and private ranges (never link-local or cloud metadata).
   * Lint sets it, as it fetches URLs third parties name. Unset (the exchange, which talks to the services
   * the user configured): any address. Through a proxy only an IP-address host can be judged: the proxy
   * resolves names itself, and the proxy is the user's own choice.
   */
  reach?: Reach;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Send = (request: HttpRequest) => Promise<HttpResponse>;

const DEFAULT_MAX_BYTES = 1024 * 1024;

const LOOKUPS: Record<Reach, LookupFunction> = {
  public: guardedLookup('public'),
  private: guardedLookup('private'),
};
// One keep-alive agent per reach, so a connection admitted under one reach is never reused under another.
const keepAliveAgents = new Map<Reach | 'any', Agent>();

function connectingFor(request: HttpRequest): Connecting {
  let keepAliveAgent: Agent | undefined;
  if (request.reuseConnection) {
    const key = request.reach ?? 'any';
    keepAliveAgent = keepAliveAgents.get(key) ?? new Agent({ keepAlive: true });
    keepAliveAgents.set(key, keepAliveAgent);
  }
  return { keepAliveAgent, lookup: request.reach && LOOKUPS[request.reach] };
}

/**
 * One request through @actions/http-client (so runner proxy settings apply), never following redirects:
 * a redirect would carry the token to wherever the Location header points.
 */
export const send: Send = async (request) => {
  if (!request.reuseConnection) return sendOnce(request);
  const started = Date.now();
  try {
    return await sendOnce(request);
  } catch (error) {
    // A kept connection that the server closes just as it is reused fails at once with a reset. That says
    // nothing about the server, so the request goes once more, over a new connection, in the time left.
    const reset = error instanceof NetworkError && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
    const left = request.timeoutMs - (Date.now() - started);
    if (!reset || left <= 0) throw error;
    return sendOnce({ ...request, reuseConnection: false, timeoutMs: left });
  }
};

async function sendOnce(request: HttpRequest): Promise<HttpResponse> {
  const url = new URL(request.url);
  const host = url.host;
  // Node connects to an IP address without a lookup, and a proxy gets the host as written: judged here.
  const refusal = request.reach && refuseLiteralHost(url.hostname, request.reach);
  if (refusal) throw refusedError(refusal);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), request.timeoutMs);
  // The signal cannot reach a request still waiting for a proxy's CONNECT answer (no socket exists yet),
  // so the deadline is also raced here: `timeout` must end the step whatever the network does.
  const deadline = new Promise<never>((_, reject) =>
    abort.signal.addEventListener('abort', () => reject(timeoutError(host, request.timeoutMs)), {
      once: true,
    }),
  );
  const client = new HttpClient(USER_AGENT, [requestOptions(abort.signal, connectingFor(request))], {
    allowRedirects: false,
    allowRetries: false,
    keepAlive: false,
    socketTimeout: request.timeoutMs,
  });
  try {
    const pending = client.request(request.method, request.url, request.body ?? '', request.headers ?? {});
    pending.catch(() => undefined); // it may still fail after the deadline won the race
    const response = await Promise.race([pending, deadline]);
    const reading = readBody(response.message, request.maxBytes ?? DEFAULT_MAX_BYTES, host);
    reading.catch(() => undefined);
    const body = await Promise.race([reading, deadline]);
    return { status: response.message.statusCode ?? 0, headers: response.message.headers, body };
  } catch (error) {
    if (error instanceof NetworkError) throw error;
    if (abort.signal.aborted) throw timeoutError(host, request.timeoutMs);
    throw describeNetworkError(error, host);
  } finally {
    clearTimeout(timer);
    abort.abort();
    client.dispose();
  }
}

function timeoutError(host: string, timeoutMs: number): NetworkError {
  const budget = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
  return new NetworkError(`${host} did not answer within ${budget}`, 'TIMEOUT', true);
}

/** The interfaces module is not exported by the package, so the handler type is taken from the constructor. */
type RequestHandler = NonNullable<ConstructorParameters<typeof HttpClient>[1]>[number];

/** How one request connects. */
export interface Connecting {
  /** A shared keep-alive agent, used in place of the plain https.Agent the client makes for a direct connection. */
  keepAliveAgent?: Agent;
  /** The lookup that resolves the host of a direct connection and refuses addresses out of reach. */
  lookup?: LookupFunction;
}

/**
 * Every request gets the deadline's abort signal, and the lookup that guards its reach. The keep-alive
 * agent replaces only the plain https.Agent the client makes when no proxy is set: a proxy's tunnelling
 * agent is never replaced (it connects to the proxy, which resolves the host itself).
 */
export function requestOptions(signal: AbortSignal, connecting: Connecting = {}): RequestHandler {
  return {
    prepareRequest: (options: RequestOptions) => {
      options.signal = signal;
      if (connecting.lookup) options.lookup = connecting.lookup;
      const plain = options.agent && Object.getPrototypeOf(options.agent) === Agent.prototype;
      if (connecting.keepAliveAgent && plain) options.agent = connecting.keepAliveAgent;
    },
    canHandleAuthentication: () => false,
    handleAuthentication: () => Promise.reject(new Error('not supported')),
  };
}

async function readBody(stream: NodeJS.ReadableStream, maxBytes: number, host: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > maxBytes) {
      (stream as NodeJS.ReadableStream & { destroy(): void }).destroy();
      throw new NetworkError(`${host} sent an answer larger than ${maxBytes} bytes`, 'TOO_LARGE', false);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const TLS_TRUST_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The server's certificate chain is not one this process trusts (as opposed to a clock or protocol problem). */
export function isTlsTrustFailure(code: string): boolean {
  return TLS_TRUST_CODES.has(code);
}

/** Failures that say nothing about the request itself, so a second try may well succeed. */
const EXPLANATIONS: Record<string, [string, boolean]> = {
  ECONNREFUSED: ['refused the connection', true],
  ECONNRESET: ['closed the connection before answering', true],
  EPIPE: ['closed the connection while the request was sent', true],
  ETIMEDOUT: ['did not accept the connection in time', true],
  EAI_AGAIN: ['could not be resolved right now (temporary DNS failure)', true],
  ENOTFOUND: ['does not resolve (DNS: no such host)', false],
  EHOSTUNREACH: ['is unreachable from this runner', true],
  ENETUNREACH: ['is unreachable: the runner has no route to it', true],
  CERT_NOT_YET_VALID: ["presented a certificate that is not valid yet by this machine's clock", false],
};

/**
 * Unknown codes (ERR_SSL_WRONG_VERSION_NUMBER, ERR_INVALID_CHAR, ...) are not retried: they describe the
 * connection's setup, which a second try repeats.
 */
export function describeNetworkError(error: unknown, host: string): NetworkError {
  const code = String((error as NodeJS.ErrnoException)?.code ?? '') || 'UNKNOWN';
  if (TLS_TRUST_CODES.has(code)) {
    return new NetworkError(
      `${host} presented a TLS certificate this runner does not trust (${code}); a TLS-inspecting proxy in between is the usual cause`,
      code,
      false,
    );
  }
  const known = EXPLANATIONS[code];
  if (known) return new NetworkError(`${host} ${known[0]} (${code})`, code, known[1]);
  if (/socket hang up/i.test(String((error as Error)?.message))) {
    return new NetworkError(
      `${host} closed the connection before answering (socket hang up)`,
      'ECONNRESET',
      true,
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new NetworkError(`request to ${host} failed: ${asClause(detail)}`, code, false);
}

/** What to change after a request to `service` failed without an answer. */
export function networkFix(error: NetworkError, setting: string): string {
  if (error.code === 'ENOTFOUND') return `Check ${setting}: its host name does not resolve.`;
  if (error.code === 'CERT_NOT_YET_VALID') return "Check this machine's clock (NTP): it looks behind.";
  if (error.code === 'TOO_LARGE')
    return `Check ${setting}: the answer was not one Mondoo or GitHub would send.`;
  if (TLS_TRUST_CODES.has(error.code))
    return 'Give Node the CA that signed the certificate: NODE_EXTRA_CA_CERTS=/path/to/ca.pem.';
  return 'Check that the runner can reach the host (firewall, proxy settings https_proxy / no_proxy), or re-run the job.';
}

/** First value of a header, whatever shape Node gave it. */
export function header(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
