import type { ServerResponse } from 'node:http';
import type { JWTPayload } from 'jose';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { RecordedRequest } from './https-stub.ts';
import { dropConnection, sendJson, startHttpsServer } from './https-stub.ts';
import {
  base64Of,
  createKeyAccount,
  createTokenAccount,
  type KeyKind,
  type ServiceAccount,
} from './mondoo-credentials.ts';
import type { TestCa } from './test-ca.ts';

export type StsStep =
  | { kind: 'exchange' }
  | { kind: 'status'; status: number; body: string; contentType?: string; headers?: Record<string, string> }
  | { kind: 'ranger'; code: number; message: string; headers?: Record<string, string> }
  /** Never answer. */
  | { kind: 'hang' }
  | { kind: 'redirect'; status: 301 | 302 | 307 | 308; location: string }
  /** 200 with exactly this base64_credential. */
  | { kind: 'credential'; base64: string }
  | { kind: 'drop' }
  /** A refusal whose message quotes the token received, as a server quotes what it parsed: trimmed. */
  | { kind: 'echo-token'; code?: number };

/** The workload identity provider registered in the Mondoo space. */
export interface Provider {
  issuer: string;
  audience: string;
  subject: string;
  jwks: { keys: object[] };
  /**
   * Mondoo's "allowed audiences" (custom OIDC provider docs: "configure allowed audiences to restrict which
   * audience values are accepted in the token"): `aud` values accepted besides the provider's audience.
   */
  allowedAudiences?: string[];
  /** Other `sub` values the binding accepts (a GitHub repository's name-based and immutable-id forms). */
  otherSubjects?: string[];
  /** When set, tokens must carry `iat` and be at most this many seconds old (jose's maxTokenAge). */
  maxTokenAgeSeconds?: number;
}

export interface ExchangeRequestBody {
  audience: string;
  issuer_uri: string;
  jwt_token: string;
  /** Newer Mondoo (mql sts.go, feature ExchangeTokenForToken): "TOKEN" asks for a bearer-token credential. */
  response_type?: string;
}

export interface StsOptions {
  /** What it issues to a request that does not ask for a token: a key pair (default) or a token credential. */
  credentialForm?: 'key' | 'token';
  /**
   * `honoured` (default): a newer Mondoo, answering `"response_type": "TOKEN"` with a token credential.
   * `ignored`: an older one, whose protojson decoding (DiscardUnknown) drops the key it does not know.
   */
  responseType?: 'honoured' | 'ignored';
  /** The member naming the space in the key-pair credential (cnspec reads scope_mrn, space_mrn, parent_mrn). */
  spaceField?: 'scope_mrn' | 'space_mrn' | 'parent_mrn';
  /** The key the key-pair credential carries (default p384). */
  keyKind?: KeyKind;
  /** Whether the key-pair credential carries a certificate (default true). */
  certificate?: boolean;
}

export interface MondooSts {
  /** The universe-domain to give the action. */
  url: string;
  requests: RecordedRequest[];
  /** Parsed JSON bodies of POSTs to the exchange path, as sent (fields are not validated here). */
  exchanges: ExchangeRequestBody[];
  /** Consumed per exchange POST; when empty, behaves as { kind: 'exchange' }. */
  script: StsStep[];
  provider: Provider;
  /** The credential it issues by default (see StsOptions.credentialForm), and its base64. */
  account: ServiceAccount;
  base64Credential: string;
  /** The token credential it issues to `"response_type": "TOKEN"` when it honours that, and its base64. */
  tokenAccount: ServiceAccount;
  tokenBase64Credential: string;
  /** Which form each successful exchange answered with, in order. */
  issued: ('key' | 'token')[];
  secrets(): string[];
  close(): Promise<void>;
}

export { type KeyKind, type ServiceAccount, SPACE_MRN } from './mondoo-credentials.ts';

export const EXCHANGE_PATH = '/SecureTokenService/ExchangeExternalToken';
const MIN_REMAINING_LIFETIME_SECONDS = 180;

/** ranger-rpc status/http.go codeMap: every gRPC code and the HTTP status it is sent with (unknown: 500). */
const HTTP_STATUS_BY_GRPC_CODE: Record<number, number> = {
  0: 200,
  1: 408,
  2: 500,
  3: 400,
  4: 504,
  5: 404,
  6: 409,
  7: 403,
  8: 429,
  9: 412,
  10: 409,
  11: 400,
  12: 501,
  13: 500,
  14: 503,
  15: 500,
  16: 401,
};

export function sendRangerError(
  res: ServerResponse,
  code: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, HTTP_STATUS_BY_GRPC_CODE[code] ?? 500, { code, message }, headers);
}

function isJsonContentType(value: string | string[] | undefined): boolean {
  const mediaType = (Array.isArray(value) ? value[0] : value)?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

function parseExchangeBody(body: string): Partial<Record<keyof ExchangeRequestBody, unknown>> | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

// Names what failed without echoing the token or its claims back.
function describeVerificationFailure(error: unknown): string {
  const { code, claim } = (error ?? {}) as { code?: string; claim?: string };
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'token is expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return `token ${claim ?? 'claim'} claim check failed`;
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'token signature is invalid';
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return "no key of the provider's JWKS matches the token";
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return 'token signing algorithm is not allowed';
    default:
      return 'token is malformed';
  }
}

export async function startMondooSts(
  ca: TestCa,
  provider: Provider,
  opts: StsOptions = {},
): Promise<MondooSts> {
  const tokenAccount = createTokenAccount();
  const account = opts.credentialForm === 'token' ? tokenAccount : createKeyAccount(opts);
  const base64Credential = base64Of(account);
  const tokenBase64Credential = base64Of(tokenAccount);
  const honoursResponseType = (opts.responseType ?? 'honoured') === 'honoured';
  const keySet = createLocalJWKSet(provider.jwks);
  const exchanges: ExchangeRequestBody[] = [];
  const issued: ('key' | 'token')[] = [];
  const script: StsStep[] = [];

  async function exchange(req: RecordedRequest, res: ServerResponse): Promise<void> {
    const body = isJsonContentType(req.headers['content-type']) ? parseExchangeBody(req.body) : undefined;
    const { audience, issuer_uri: issuerUri, jwt_token: jwtToken } = body ?? {};
    if (typeof audience !== 'string' || typeof issuerUri !== 'string' || typeof jwtToken !== 'string') {
      sendRangerError(res, 3, 'request must be a JSON object with string audience, issuer_uri and jwt_token');
      return;
    }
    // protojson fails on a known field of the wrong type, and ranger-rpc sends that plain error as UNKNOWN.
    const responseType = honoursResponseType ? body?.response_type : undefined;
    if (responseType !== undefined && typeof responseType !== 'string') {
      sendRangerError(res, 2, 'proto: syntax error: invalid value for string field response_type');
      return;
    }
    if (issuerUri !== provider.issuer) {
      sendRangerError(res, 16, `issuer ${JSON.stringify(issuerUri)} is not registered`);
      return;
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(jwtToken, keySet, {
        issuer: provider.issuer,
        audience: [provider.audience, ...(provider.allowedAudiences ?? [])],
        requiredClaims: ['exp', 'sub'],
        ...(provider.maxTokenAgeSeconds === undefined ? {} : { maxTokenAge: provider.maxTokenAgeSeconds }),
      }));
    } catch (error) {
      sendRangerError(res, 16, `invalid external token: ${describeVerificationFailure(error)}`);
      return;
    }
    const remainingSeconds = (payload.exp ?? 0) - Math.floor(Date.now() / 1000);
    if (remainingSeconds < MIN_REMAINING_LIFETIME_SECONDS) {
      sendRangerError(res, 16, 'token expires too soon');
      return;
    }
    if (audience !== provider.audience) {
      sendRangerError(res, 7, `audience ${JSON.stringify(audience)} does not match the provider`);
      return;
    }
    if (payload.sub !== provider.subject && !provider.otherSubjects?.includes(payload.sub ?? '')) {
      sendRangerError(res, 7, `no workload identity binding matches subject ${JSON.stringify(payload.sub)}`);
      return;
    }
    const wantsToken = responseType === 'TOKEN';
    issued.push(wantsToken || opts.credentialForm === 'token' ? 'token' : 'key');
    sendJson(res, 200, { base64_credential: wantsToken ? tokenBase64Credential : base64Credential });
  }

  const server = await startHttpsServer(ca, async (req, res) => {
    const path = new URL(req.path, 'https://127.0.0.1').pathname;
    if (req.method !== 'POST' || path !== EXCHANGE_PATH) {
      sendRangerError(res, 5, `${req.method} ${path} not found`);
      return;
    }
    const parsed = parseExchangeBody(req.body);
    if (parsed) {
      exchanges.push(parsed as ExchangeRequestBody);
    }
    const step = script.shift() ?? { kind: 'exchange' };
    switch (step.kind) {
      case 'exchange':
        await exchange(req, res);
        return;
      case 'status':
        res.writeHead(step.status, {
          ...step.headers,
          'content-type': step.contentType ?? 'application/json',
          'content-length': Buffer.byteLength(step.body),
        });
        res.end(step.body);
        return;
      case 'ranger':
        sendRangerError(res, step.code, step.message, step.headers);
        return;
      case 'hang':
        return;
      case 'redirect':
        res.writeHead(step.status, { location: step.location, 'content-length': 0 });
        res.end();
        return;
      case 'credential':
        sendJson(res, 200, { base64_credential: step.base64 });
        return;
      case 'drop':
        dropConnection(res);
        return;
      case 'echo-token': {
        const token = typeof parsed?.jwt_token === 'string' ? parsed.jwt_token.trim() : '';
        sendRangerError(res, step.code ?? 16, `invalid external token ${token}: signature does not match`);
        return;
      }
    }
  });

  function secrets(): string[] {
    const keyLines = (account.private_key ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !/^-----(BEGIN|END) /.test(line));
    const all = [
      base64Credential,
      JSON.stringify(account),
      account.private_key ?? '',
      ...keyLines,
      account.token ?? '',
      tokenBase64Credential,
      JSON.stringify(tokenAccount),
      tokenAccount.token ?? '',
    ];
    return [...new Set(all.filter((secret) => secret !== ''))];
  }

  return {
    url: server.url,
    requests: server.requests,
    exchanges,
    script,
    provider,
    account,
    base64Credential,
    tokenAccount,
    tokenBase64Credential,
    issued,
    secrets,
    close: () => server.close(),
  };
}
