import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import type { Profile } from '../../src/lint/profiles.js';
import { type Evidence, gatherEvidence, type LintIo } from '../../src/lint/evidence.js';
import { type AnnotationLevel, type AnnotationPlace, redactSecrets, type Runner } from '../../src/runner.js';
import type { Finding } from '../../src/lint/findings.js';
import type { LintSettings } from '../../src/lint/lint-settings.js';
import { buildReport, evaluate, type LintReport } from '../../src/lint/report.js';

export const ISSUER = 'https://id.example.com';
export const NOW = 1_800_000_000;

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

export interface ProviderKeys {
  rsa: { publicJwk: JWK; privateKey: PrivateKey };
  ec: { publicJwk: JWK; privateKey: PrivateKey };
}

let keys: Promise<ProviderKeys> | undefined;

/** One RSA-2048 and one P-256 key pair, made once per test file. */
export function providerKeys(): Promise<ProviderKeys> {
  keys ??= (async () => {
    const rsa = await generateKeyPair('RS256', { extractable: true });
    const ec = await generateKeyPair('ES256', { extractable: true });
    return {
      rsa: {
        publicJwk: { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', use: 'sig', alg: 'RS256' },
        privateKey: rsa.privateKey,
      },
      ec: {
        publicJwk: { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', use: 'sig' },
        privateKey: ec.privateKey,
      },
    };
  })();
  return keys;
}

/** A discovery document every profile accepts. */
export function cleanDiscovery(): Record<string, unknown> {
  return {
    issuer: ISSUER,
    jwks_uri: `${ISSUER}/jwks`,
    authorization_endpoint: `${ISSUER}/authorize`,
    token_endpoint: `${ISSUER}/token`,
    response_types_supported: ['code', 'id_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256', 'ES256'],
  };
}

export async function cleanJwks(): Promise<{ keys: JWK[] }> {
  const { rsa, ec } = await providerKeys();
  return { keys: [{ ...rsa.publicJwk }, { ...ec.publicJwk }] };
}

/** A token signed by the provider's RSA key, or its EC key for ES256. */
export async function signedToken(
  claims: JWTPayload,
  header: { kid?: string; alg?: string } = {},
): Promise<string> {
  const { rsa, ec } = await providerKeys();
  const alg = header.alg ?? 'RS256';
  const signer = alg === 'ES256' ? ec : rsa;
  return new SignJWT({
    iss: ISSUER,
    sub: 'repo:o/r:ref:refs/heads/main',
    aud: 'mondoo',
    exp: NOW + 300,
    iat: NOW,
    ...claims,
  })
    .setProtectedHeader({ alg, kid: 'kid' in header ? header.kid : signer.publicJwk.kid })
    .sign(signer.privateKey);
}

export interface LintCase {
  discovery?: unknown;
  jwks?: unknown;
  /** Raw file text, for documents that are not JSON (or too deep for JSON.stringify). */
  discoveryText?: string;
  jwksText?: string;
  settings?: Partial<LintSettings>;
}

export const DISCOVERY_FILE = 'provider/discovery.json';
export const JWKS_FILE = 'provider/jwks.json';

/** Settings as the input defaults give them, for the provider's files; `overrides` win. */
export function lintSettings(overrides: Partial<LintSettings> = {}): LintSettings {
  return {
    mode: 'lint',
    issuer: ISSUER,
    discovery: DISCOVERY_FILE,
    jwks: JWKS_FILE,
    profile: 'mondoo',
    failOn: 'error',
    report: undefined,
    token: undefined,
    timeoutSeconds: 5,
    allowPrivateHosts: false,
    offline: false,
    warnings: [],
    ...overrides,
  };
}

/** Settings and in-memory files for a case; an attempt to fetch shows up as a fetch-failed finding. */
export async function lintInputs(lintCase: LintCase): Promise<{ settings: LintSettings; io: LintIo }> {
  const files = new Map<string, string>();
  files.set(
    DISCOVERY_FILE,
    lintCase.discoveryText ?? JSON.stringify(lintCase.discovery ?? cleanDiscovery(), null, 2),
  );
  if (lintCase.jwks !== null)
    files.set(JWKS_FILE, lintCase.jwksText ?? JSON.stringify(lintCase.jwks ?? (await cleanJwks()), null, 2));
  const settings = lintSettings({ jwks: files.has(JWKS_FILE) ? JWKS_FILE : undefined, ...lintCase.settings });
  const io: LintIo = {
    send: (request) =>
      Promise.reject(new Error(`unit tests fetch nothing, but ${request.url} was requested`)),
    readFile: (path) => {
      const text = files.get(path);
      if (text === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return text;
    },
    nowSeconds: () => NOW,
  };
  return { settings, io };
}

/** Lints in-memory files through the real code path, up to the evidence every profile judges. */
export async function gather(lintCase: LintCase): Promise<Evidence> {
  const { settings, io } = await lintInputs(lintCase);
  return gatherEvidence(settings, io);
}

export interface Recorded {
  annotations: [AnnotationLevel, string, AnnotationPlace | undefined][];
  outputs: Record<string, string>;
  logs: string[];
  summary: string[];
  masked: string[];
}

/** A Runner that keeps what the step tells it, for assertions (the runner is injected, not mocked). */
export function recordingRunner(): { runner: Runner; recorded: Recorded } {
  const recorded: Recorded = { annotations: [], outputs: {}, logs: [], summary: [], masked: [] };
  const runner: Runner = {
    info: (message) => recorded.logs.push(message),
    warning: (message) => recorded.logs.push(`warning: ${message}`),
    annotate: (level, message, where) => recorded.annotations.push([level, message, where]),
    group: (_title, body) => body(),
    checkCanPublish: () => undefined,
    mask: (secret) => recorded.masked.push(secret),
    redact: (text) => redactSecrets(text, recorded.masked),
    publish: () => {
      throw new Error('lint mode publishes no credential');
    },
    setOutput: (name, value) => (recorded.outputs[name] = value),
    appendSummary: (markdown) =>
      Promise.resolve(void recorded.summary.push(redactSecrets(markdown, recorded.masked))),
    fail: () => undefined,
  };
  return { runner, recorded };
}

export async function findingsOf(lintCase: LintCase, profile: Profile = 'mondoo'): Promise<Finding[]> {
  return evaluate(await gather(lintCase), profile);
}

export async function reportOf(lintCase: LintCase): Promise<LintReport> {
  const evidence = await gather(lintCase);
  return buildReport(lintSettings(lintCase.settings), evidence);
}

export function rulesOf(findings: readonly Finding[]): string[] {
  return findings.map((finding) => finding.rule);
}
