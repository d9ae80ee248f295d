import { readFileSync } from 'node:fs';
import { exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostileJsonText, hostileString, Rng } from '../support/hostile-text.ts';
import { runActionInProcess, runCliInProcess } from '../support/in-process.ts';
import { expectSafeActionRun, expectSafeCliRun, jwtWithPayloadText, objectText } from './hostile-checks.ts';
import {
  DOCUMENT_FIELDS,
  type DocumentField,
  hostileFileName,
  hostileProviderFiles,
} from './hostile-documents.ts';
import { caseSeeds } from './seeds.ts';

/*
 * Property: whatever a linted provider's documents hold, lint (the action in lint mode, and the CLI in each
 * output format) steers nothing, quotes no key material, and ends with a report or one clear error.
 */

let publicJwk: Record<string, unknown>;

beforeAll(async () => {
  const { publicKey } = await generateKeyPair('RS256');
  publicJwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
});

/** Sometimes a `token` input too: its claims are linted against the provider, and it is a secret. */
function lintToken(rng: Rng): string | undefined {
  if (!rng.chance(0.25)) return undefined;
  const now = Math.floor(Date.now() / 1000);
  return jwtWithPayloadText(
    objectText([
      ['iss', JSON.stringify('https://issuer.example.com')],
      ['sub', hostileJsonText(rng, 'string')],
      ['aud', hostileJsonText(rng, 'string')],
      ['iat', String(now)],
      ['exp', String(now + 600)],
      [hostileString(rng), hostileJsonText(rng, rng.pick(['string', 'deep'] as const))],
    ]),
  );
}

describe('hostile provider documents in lint mode (action, in-process)', () => {
  const cases = caseSeeds(56).map((seed, index) => ({
    seed,
    field: DOCUMENT_FIELDS[index % DOCUMENT_FIELDS.length] as DocumentField,
  }));

  it.each(cases)('seed $seed: $field', async ({ seed, field }) => {
    const rng = new Rng(seed);
    const files = hostileProviderFiles(field, rng, publicJwk);
    const token = lintToken(rng);
    const failOn = rng.pick(['never', 'error', 'warning']);
    const run = await runActionInProcess({
      inputs: {
        mode: 'lint',
        discovery: files.discovery,
        jwks: files.jwks,
        report: files.report,
        profile: rng.pick(['mondoo', 'oidc', 'mender']),
        'fail-on': failOn,
        ...(token ? { token } : {}),
      },
    });

    expectSafeActionRun(run, [...files.secrets, ...(token ? [token] : [])]);
    expect(run.summary).toContain('### Mondoo keyless auth: lint of');
    const report = readFileSync(files.report, 'utf8');
    expect(() => JSON.parse(report) as unknown).not.toThrow();
    for (const secret of [...files.secrets, ...(token ? [token] : [])]) expect(report).not.toContain(secret);
    if (failOn === 'never') expect(run.code, run.stdout).toBe(0);
  });
});

describe('hostile provider documents in `mondoo-keyless lint` (CLI, in-process)', () => {
  const formats = ['text', 'json', 'sarif'] as const;
  const cases = caseSeeds(48).map((seed, index) => ({
    seed,
    field: DOCUMENT_FIELDS[index % DOCUMENT_FIELDS.length] as DocumentField,
    format: formats[index % formats.length] as (typeof formats)[number],
  }));

  it.each(cases)('seed $seed: $field as $format', async ({ seed, field, format }) => {
    const rng = new Rng(seed);
    const fileName = rng.chance(0.3) ? hostileFileName(rng) : 'discovery.json';
    const files = hostileProviderFiles(field, rng, publicJwk, fileName);
    const run = await runCliInProcess(
      [
        'lint',
        '--format',
        format,
        '--profile',
        rng.pick(['mondoo', 'oidc', 'mender']),
        '--fail-on',
        rng.pick(['never', 'error']),
        '--jwks',
        files.jwks,
        files.discovery,
      ],
      { env: rng.chance(0.5) ? { GITHUB_ACTIONS: 'true' } : {} },
    );

    expectSafeCliRun(run, files.secrets);
    if (format === 'text') expect(run.stdout).toContain('Lint of ');
    else expect(() => JSON.parse(run.stdout) as unknown, run.stdout.slice(0, 2000)).not.toThrow();
  });
});
