// The Mondoo STS stand-in that .github/workflows/e2e.yml starts inside its job, so the action can run on a real
// GitHub runner with the runner's real OIDC token and no Mondoo account. It is the test suite's STS
// (mondoo-sts.ts) serving HTTPS on 127.0.0.1 with a CA made on the spot, given GitHub's published JWK Set:
// it verifies the token's signature, `iss`, `aud`, `sub`, `exp` (at least 180 s left) and `iat` (not older than
// ten minutes) before it issues a throwaway credential that nothing else accepts.
//
// Run by the workflow as `node test/support/github-sts-stand-in.ts` (Node 24 runs TypeScript as is). Only this
// entry point fetches anything (GitHub's discovery document and JWKS); the tests call startGithubStsStandIn with
// a JWK Set they made and fetch nothing.
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMondooSts } from './mondoo-sts.ts';
import { createTestCa } from './test-ca.ts';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const MAX_TOKEN_AGE_SECONDS = 600;

export interface StandInOptions {
  issuer: string;
  jwks: { keys: object[] };
  audience: string;
  /** Every `sub` the job's token may carry; the first is the one the binding lists. */
  subjects: string[];
  /** Where ready.json and status.json are written. */
  dir: string;
}

/** What the workflow reads from ready.json: where to send the exchange and what must come back. No secret. */
export interface StandInReady {
  url: string;
  caFile: string;
  audience: string;
  /** SHA-256 (hex) of the base64 credential it issues, so a later step can recognise it without knowing it. */
  credentialSha256: string;
  serviceAccountMrn: string;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  await writeFile(`${path}.tmp`, text, { mode: 0o644 });
  await rename(`${path}.tmp`, path);
}

/** The two `sub` forms of a push or pull request in a GitHub repository: by name, and with immutable ids. */
export function githubSubjects(env: NodeJS.ProcessEnv): string[] {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const context = env.GITHUB_EVENT_NAME === 'pull_request' ? 'pull_request' : `ref:${env.GITHUB_REF ?? ''}`;
  return [
    `repo:${owner}/${repo}:${context}`,
    `repo:${owner}@${env.GITHUB_REPOSITORY_OWNER_ID ?? ''}/${repo}@${env.GITHUB_REPOSITORY_ID ?? ''}:${context}`,
  ];
}

export async function startGithubStsStandIn(opts: StandInOptions) {
  const [subject = '', ...otherSubjects] = opts.subjects;
  const ca = await createTestCa();
  const sts = await startMondooSts(ca, {
    issuer: opts.issuer,
    audience: opts.audience,
    subject,
    otherSubjects,
    jwks: opts.jwks,
    maxTokenAgeSeconds: MAX_TOKEN_AGE_SECONDS,
  });
  await mkdir(opts.dir, { recursive: true });
  const ready: StandInReady = {
    url: sts.url,
    caFile: ca.caCertFile,
    audience: opts.audience,
    credentialSha256: createHash('sha256').update(sts.base64Credential).digest('hex'),
    serviceAccountMrn: sts.account.mrn,
  };
  // Counts only: the workflow checks that exactly one exchange came and one credential went out.
  const writeStatus = () =>
    writeAtomically(
      join(opts.dir, 'status.json'),
      JSON.stringify({ exchanges: sts.exchanges.length, issued: sts.issued.length }),
    );
  await writeStatus();
  const timer = setInterval(() => void writeStatus(), 200);
  await writeAtomically(join(opts.dir, 'ready.json'), JSON.stringify(ready));
  return {
    ready,
    sts,
    async close() {
      clearInterval(timer);
      await writeStatus();
      await sts.close();
    },
  };
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(15_000) });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  return response.json();
}

/** GitHub's published JWK Set, found through its discovery document. */
export async function fetchPublishedJwks(issuer: string): Promise<{ keys: object[] }> {
  const discovery = (await fetchJson(`${issuer}/.well-known/openid-configuration`)) as Record<
    string,
    unknown
  >;
  if (discovery.issuer !== issuer)
    throw new Error(`the discovery document names issuer ${String(discovery.issuer)}`);
  if (typeof discovery.jwks_uri !== 'string') throw new Error('the discovery document has no jwks_uri');
  const jwks = (await fetchJson(discovery.jwks_uri)) as { keys?: unknown };
  if (!Array.isArray(jwks.keys) || jwks.keys.length === 0) throw new Error('the JWK Set has no keys');
  return { keys: jwks.keys as object[] };
}

async function main(): Promise<void> {
  const dir = process.env.STAND_IN_DIR ?? '';
  const audience = process.env.STAND_IN_AUDIENCE ?? '';
  if (dir === '' || audience === '') throw new Error('set STAND_IN_DIR and STAND_IN_AUDIENCE');
  const jwks = await fetchPublishedJwks(GITHUB_ISSUER);
  const subjects = githubSubjects(process.env);
  const standIn = await startGithubStsStandIn({ issuer: GITHUB_ISSUER, jwks, audience, subjects, dir });
  console.log(`STS stand-in at ${standIn.ready.url}, ${jwks.keys.length} GitHub keys, subjects:`);
  for (const subject of subjects) console.log(`  ${subject}`);
  process.once('SIGTERM', () => void standIn.close().then(() => process.exit(0)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`STS stand-in: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
