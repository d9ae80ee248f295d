import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { RecordedRequest } from './https-stub.ts';
import { dropConnection, sendJson, sendText, startHttpsServer } from './https-stub.ts';
import type { TestCa } from './test-ca.ts';

export interface MintedClaims {
  [claim: string]: unknown;
}

export type TokenServiceStep =
  /** A minted token; `after` is appended to it in the answer (e.g. "\n"), never to `minted`. */
  | { kind: 'token'; lifetimeSeconds?: number; claims?: MintedClaims; after?: string }
  | { kind: 'status'; status: number; body: string; contentType?: string }
  /** Destroy the socket without answering: a network error. */
  | { kind: 'drop' };

export interface MintOptions {
  lifetimeSeconds?: number;
  claims?: MintedClaims;
  audience?: string;
  /** Shifts iat, nbf and exp, e.g. -600 for a token issued ten minutes ago. */
  issuedAtOffsetSeconds?: number;
}

export interface TokenService {
  /** The ACTIONS_ID_TOKEN_REQUEST_URL to give the action. */
  url: string;
  /** The ACTIONS_ID_TOKEN_REQUEST_TOKEN: the bearer value the service demands. */
  requestToken: string;
  /** The `iss` of minted tokens; the server's own URL unless overridden. */
  issuer: string;
  jwks: { keys: object[] };
  /** Every JWT issued, whether served or minted directly. */
  minted: string[];
  requests: RecordedRequest[];
  /** Consumed front to back per authorised token request; when empty, behaves as { kind: 'token' }. */
  script: TokenServiceStep[];
  mint(opts?: MintOptions): Promise<string>;
  close(): Promise<void>;
}

const DEFAULT_LIFETIME_SECONDS = 300;
const REPOSITORY = 'octo-org/octo-repo';
const WORKFLOW_REF = `${REPOSITORY}/.github/workflows/ci.yml@refs/heads/main`;

const CLAIMS_SUPPORTED = [
  'sub',
  'aud',
  'exp',
  'iat',
  'iss',
  'jti',
  'nbf',
  'ref',
  'sha',
  'repository',
  'repository_id',
  'repository_owner',
  'repository_owner_id',
  'repository_visibility',
  'run_id',
  'run_number',
  'run_attempt',
  'actor',
  'actor_id',
  'workflow',
  'workflow_ref',
  'workflow_sha',
  'job_workflow_ref',
  'job_workflow_sha',
  'head_ref',
  'base_ref',
  'event_name',
  'ref_type',
  'ref_protected',
  'environment',
  'runner_environment',
];

function applyOverrides(claims: MintedClaims, overrides: MintedClaims | undefined): void {
  for (const [name, value] of Object.entries(overrides ?? {})) {
    if (value === undefined) {
      delete claims[name];
    } else {
      claims[name] = value;
    }
  }
}

// GitHub's default audience is the URL of the repository owner, so follow an overridden owner.
function ownerOf(...claimSets: (MintedClaims | undefined)[]): string {
  const overridden = claimSets
    .map((claims) => claims?.repository_owner)
    .findLast((owner) => typeof owner === 'string');
  return overridden ?? 'octo-org';
}

export async function startTokenService(
  ca: TestCa,
  opts: { claims?: MintedClaims; issuer?: string } = {},
): Promise<TokenService> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = randomBytes(16).toString('hex');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] };
  const requestToken = randomBytes(32).toString('base64url');
  const minted: string[] = [];
  const script: TokenServiceStep[] = [];
  const workflowSha = randomBytes(20).toString('hex');
  let issuer = opts.issuer ?? '';

  // GitHub's token service hands out string-valued claims, numbers included; mirror that.
  async function mint(mintOpts: MintOptions = {}, stepClaims?: MintedClaims): Promise<string> {
    const now = Math.floor(Date.now() / 1000) + (mintOpts.issuedAtOffsetSeconds ?? 0);
    const claims: MintedClaims = {
      jti: randomUUID(),
      sub: `repo:${REPOSITORY}:ref:refs/heads/main`,
      ref: 'refs/heads/main',
      sha: workflowSha,
      repository: REPOSITORY,
      repository_owner: 'octo-org',
      repository_owner_id: '9919',
      repository_id: '1296269',
      repository_visibility: 'private',
      run_id: String(randomInt(1_000_000_000, 9_999_999_999)),
      run_number: '42',
      run_attempt: '1',
      actor: 'octocat',
      actor_id: '583231',
      workflow: 'CI',
      workflow_ref: WORKFLOW_REF,
      workflow_sha: workflowSha,
      job_workflow_ref: WORKFLOW_REF,
      job_workflow_sha: workflowSha,
      event_name: 'push',
      ref_type: 'branch',
      ref_protected: 'false',
      runner_environment: 'github-hosted',
      iss: issuer,
      aud: mintOpts.audience ?? `https://github.com/${ownerOf(opts.claims, mintOpts.claims, stepClaims)}`,
      nbf: now,
      iat: now,
      exp: now + (mintOpts.lifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS),
    };
    applyOverrides(claims, opts.claims);
    applyOverrides(claims, mintOpts.claims);
    applyOverrides(claims, stepClaims);
    const jwt = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
      .sign(privateKey);
    minted.push(jwt);
    return jwt;
  }

  const server = await startHttpsServer(ca, async (req, res) => {
    const url = new URL(req.path, 'https://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/.well-known/openid-configuration') {
      sendJson(res, 200, {
        issuer,
        jwks_uri: `${server.url}/.well-known/jwks`,
        subject_types_supported: ['public', 'pairwise'],
        response_types_supported: ['id_token'],
        claims_supported: CLAIMS_SUPPORTED,
        id_token_signing_alg_values_supported: ['RS256'],
        scopes_supported: ['openid'],
      });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/.well-known/jwks') {
      sendJson(res, 200, jwks);
      return;
    }
    if (url.pathname !== '/token') {
      sendJson(res, 404, { message: 'Not Found' });
      return;
    }
    if (req.method !== 'GET') {
      sendJson(res, 405, { message: 'Method Not Allowed' });
      return;
    }
    if (req.headers.authorization !== `Bearer ${requestToken}`) {
      sendJson(res, 401, { message: 'Unauthorized' });
      return;
    }
    const step = script.shift() ?? { kind: 'token' };
    switch (step.kind) {
      case 'status':
        sendText(res, step.status, step.body, step.contentType ?? 'application/json');
        return;
      case 'drop':
        dropConnection(res);
        return;
      case 'token': {
        const audience = url.searchParams.get('audience') ?? undefined;
        const jwt = await mint({ lifetimeSeconds: step.lifetimeSeconds, audience }, step.claims);
        sendJson(res, 200, { value: `${jwt}${step.after ?? ''}` });
        return;
      }
    }
  });
  issuer ||= server.url;

  return {
    url: `${server.url}/token?api-version=2.0`,
    requestToken,
    issuer,
    jwks,
    minted,
    requests: server.requests,
    script,
    mint: (mintOpts) => mint(mintOpts),
    close: () => server.close(),
  };
}
