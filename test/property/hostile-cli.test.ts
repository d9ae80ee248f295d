import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileJsonText, hostileString, pickShape, Rng } from '../support/hostile-text.ts';
import { runCliInProcess } from '../support/in-process.ts';
import { runFolderSync } from '../support/run-folder.ts';
import { type Scenario, SPACE_AUDIENCE, startScenario } from '../support/scenario.ts';
import { sessionCa } from '../support/session-ca.ts';
import { expectSafeCliRun, jwtWithPayloadText, objectText } from './hostile-checks.ts';
import { caseSeeds } from './seeds.ts';

/*
 * Property: a hostile token given to `mondoo-keyless claims`, and hostile answers to `mondoo-keyless
 * exchange`, leave stdout and stderr free of agent commands and secrets; JSON output still parses.
 */

const CLAIMS = ['sub', 'environment', 'ref', 'repository', 'workflow_ref', 'job_workflow_ref', 'aud'];

function tokenFile(token: string): string {
  const path = join(runFolderSync('hostile-token-'), 'token');
  writeFileSync(path, token, { mode: 0o600 });
  return path;
}

/** A token whose claims (names and values) are hostile, some thousands deep or 100 KB long. */
function hostileToken(rng: Rng): string {
  const now = Math.floor(Date.now() / 1000);
  const members: [string, string][] = [
    ['iss', JSON.stringify('https://issuer.example.com')],
    ['iat', String(now)],
    ['exp', String(now + 600)],
  ];
  for (let count = 1 + rng.int(3); count > 0; count--) {
    const name = rng.chance(0.7) ? rng.pick(CLAIMS) : hostileString(rng);
    members.push([name, hostileJsonText(rng, pickShape(rng))]);
  }
  return jwtWithPayloadText(objectText(members));
}

describe('a hostile token in `mondoo-keyless claims` (CLI, in-process)', () => {
  const cases = caseSeeds(30).map((seed, index) => ({ seed, format: index % 2 === 0 ? 'text' : 'json' }));

  it.each(cases)('seed $seed: as $format', async ({ seed, format }) => {
    const rng = new Rng(seed);
    const token = hostileToken(rng);
    const env: Record<string, string> = rng.chance(0.5) ? { GITHUB_ACTIONS: 'true' } : {};
    const run = await runCliInProcess(['claims', '--token-file', tokenFile(token), '--format', format], {
      env,
    });

    expectSafeCliRun(run, [token]);
    expect(run.code, run.stderr).toBe(0);
    if (format === 'json') expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
    else expect(run.stdout).toContain('Claims of ');
  });
});

let scenario: Scenario;

beforeAll(async () => {
  scenario = await startScenario({ ca: sessionCa() });
});
afterAll(() => scenario?.close());

describe('hostile answers to `mondoo-keyless exchange` (CLI, in-process)', () => {
  const cases = caseSeeds(24).map((seed) => ({ seed }));

  it.each(cases)('seed $seed', async ({ seed }) => {
    const rng = new Rng(seed);
    const { sts, tokenService } = scenario;
    const jwt = await tokenService.mint({
      audience: SPACE_AUDIENCE,
      claims: { environment: hostileString(rng) },
    });
    // The answer quotes the token back half of the time: the CLI's own masking must hide it.
    const message = `${hostileString(rng)}${rng.chance(0.5) ? ` ${jwt}` : ''}`;
    const roll = rng.int(3);
    if (roll === 0) sts.script.push({ kind: 'ranger', code: rng.pick([3, 7, 16]), message });
    else if (roll === 1) {
      const page = `<html><head><title>${message}</title></head><body>${message}</body></html>`;
      sts.script.push({
        kind: 'status',
        status: rng.pick([400, 403, 404]),
        body: page,
        contentType: 'text/html',
      });
    } else sts.script.push({ kind: 'ranger', code: 14, message, headers: { 'retry-after': '0' } });
    const format = rng.pick(['base64', 'env', 'json']);
    const run = await runCliInProcess(
      [
        'exchange',
        '--token-file',
        tokenFile(jwt),
        '--universe-domain',
        sts.url,
        '--audience',
        SPACE_AUDIENCE,
        '--format',
        format,
      ],
      { env: rng.chance(0.5) ? { GITHUB_ACTIONS: 'true' } : {} },
    );
    sts.script.length = 0;

    // Printing the credential is the command's job; its private key and the token must never show.
    const credentialForms = [sts.base64Credential];
    expectSafeCliRun(
      run,
      [...sts.secrets().filter((secret) => secret !== sts.base64Credential), jwt],
      credentialForms,
    );
    expect(run.code, run.stderr).toBe(roll === 2 ? 0 : 1);
    if (roll === 2 && format === 'json') expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
  });
});
