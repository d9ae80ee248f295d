import type { ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { type RecordedRequest, sendJson, startHttpsServer, type StubServer } from './https-stub.ts';
import type { TestCa } from './test-ca.ts';

export const DISCOVERY_PATH = '/.well-known/openid-configuration';
export const JWKS_PATH = '/keys';

/** Answers one request path (as sent, e.g. /.well-known/openid-configuration) differently from a well-behaved provider. */
export type Route = (
  req: RecordedRequest,
  res: ServerResponse,
  provider: OidcProvider,
) => void | Promise<void>;

export interface OidcProvider {
  server: StubServer;
  /** https://127.0.0.1:PORT (or the `host` it was started with) plus the issuer path, no trailing slash. */
  issuer: string;
  /** The discovery document a well-behaved provider serves. */
  discovery(): Record<string, unknown>;
  jwks: { keys: JWK[] };
  /** A token this provider signed, for the lint's `token` input. */
  mint(claims?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

/** A complete OpenID provider on loopback (clean under the `oidc` profile), with any route replaced. */
export async function startOidcProvider(
  ca: TestCa,
  opts: {
    issuerPath?: string;
    routes?: Record<string, Route>;
    /** The host name in the issuer URL, for tests that resolve it themselves; the certificate covers it. */
    host?: string;
  } = {},
): Promise<OidcProvider> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const rsa = await generateKeyPair('RS256');
  const jwks = {
    keys: [
      { ...(await exportJWK(publicKey)), kid: 'e2e-key-1', alg: 'ES256', use: 'sig' },
      { ...(await exportJWK(rsa.publicKey)), kid: 'e2e-key-2', alg: 'RS256', use: 'sig' },
    ],
  };
  const path = opts.issuerPath ?? '';
  const provider: OidcProvider = {
    server: undefined as unknown as StubServer,
    issuer: '',
    discovery: () => ({
      issuer: provider.issuer,
      jwks_uri: `${provider.issuer}${JWKS_PATH}`,
      authorization_endpoint: `${provider.issuer}/authorize`,
      token_endpoint: `${provider.issuer}/token`,
      response_types_supported: ['code', 'id_token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256', 'ES256'],
    }),
    jwks,
    mint: (claims = {}) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({
        iss: provider.issuer,
        sub: 'ci-job',
        aud: 'mondoo',
        iat: now,
        exp: now + 600,
        ...claims,
      })
        .setProtectedHeader({ alg: 'ES256', kid: 'e2e-key-1' })
        .sign(privateKey);
    },
    close: () => provider.server.close(),
  };
  const host = opts.host ?? '127.0.0.1';
  provider.server = await startHttpsServer(
    ca,
    async (req, res) => {
      const route = opts.routes?.[req.path];
      if (route) return route(req, res, provider);
      if (req.path === `${path}${DISCOVERY_PATH}`) return sendJson(res, 200, provider.discovery());
      if (req.path === `${path}${JWKS_PATH}`) return sendJson(res, 200, jwks);
      sendJson(res, 404, { error: 'not found' });
    },
    [...new Set([host, '127.0.0.1', 'localhost'])],
  );
  provider.issuer = `https://${host}:${provider.server.port}${path}`;
  return provider;
}

/** Routes for a provider whose discovery document is the well-behaved one with `changes` applied. */
export function discoveryWith(
  changes: (provider: OidcProvider) => Record<string, unknown>,
): Record<string, Route> {
  return {
    [DISCOVERY_PATH]: (_req, res, provider) =>
      sendJson(res, 200, { ...provider.discovery(), ...changes(provider) }),
  };
}

/** Starts providers that close when the test that asked for them ends (tests may run concurrently). */
export function providersFor(ca: TestCa, onTestFinished: (cleanup: () => Promise<void>) => void) {
  return async (opts: Parameters<typeof startOidcProvider>[1] = {}): Promise<OidcProvider> => {
    const started = await startOidcProvider(ca, opts);
    onTestFinished(() => started.close());
    return started;
  };
}
