import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hostileString,
  longHostileString,
  hostileJsonText,
  pickShape,
  Rng,
} from '../support/hostile-text.ts';
import { runActionInProcess } from '../support/in-process.ts';
import { type Scenario, SPACE_AUDIENCE, startScenario } from '../support/scenario.ts';
import { sessionCa } from '../support/session-ca.ts';
import { expectSafeActionRun, jwtWithPayloadText, objectText } from './hostile-checks.ts';
import { caseSeeds } from './seeds.ts';

/*
 * Property: whatever text the token's issuer, Mondoo or a proxy in between sends, the exchange step (run
 * in-process through its real output boundary, against loopback servers) steers nothing and leaks nothing.
 * Failures are chosen so the step does not sleep: refusals, 4xx pages, and 5xx with `Retry-After: 0`.
 */

const CLAIMS = [
  'environment',
  'ref',
  'repository',
  'workflow_ref',
  'job_workflow_ref',
  'actor',
  'head_ref',
  'custom',
];

type Field =
  | 'claim'
  | 'claim-name'
  | 'sub'
  | 'aud'
  | 'iss'
  | 'sts-message'
  | 'sts-message-then-ok'
  | 'proxy-title'
  | 'proxy-title-then-ok'
  | 'token-service-page'
  | 'token-input'
  | 'echoed-token';

const FIELDS: Field[] = [
  'claim',
  'claim-name',
  'sub',
  'aud',
  'iss',
  'sts-message',
  'sts-message-then-ok',
  'proxy-title',
  'proxy-title-then-ok',
  'token-service-page',
  'token-input',
  'echoed-token',
];

interface Prepared {
  inputs: Record<string, string>;
  /** Secrets besides the scenario's, e.g. a `token` input. */
  secrets: string[];
  /** True when the step must succeed (everything hostile was only displayed). */
  succeeds: boolean;
}

let scenario: Scenario;

beforeAll(async () => {
  scenario = await startScenario({ ca: sessionCa() });
});
afterAll(() => scenario?.close());

const page = (title: string) =>
  `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;

/** A claim value: mostly a hostile string, sometimes 100 KB of it, sometimes an array holding one. */
function claimValue(rng: Rng): unknown {
  const roll = rng.next();
  if (roll < 0.1) return longHostileString(rng);
  if (roll < 0.2) return [hostileString(rng), { [hostileString(rng)]: hostileString(rng) }];
  return hostileString(rng);
}

/** A token built as text, so a claim may be nested thousands deep: Mondoo refuses its signature. */
function handBuiltToken(rng: Rng): string {
  const now = Math.floor(Date.now() / 1000);
  const members: [string, string][] = [
    ['iss', JSON.stringify(scenario.tokenService.issuer)],
    [
      'sub',
      rng.chance(0.5) ? hostileJsonText(rng, 'string') : '"repo:octo-org/octo-repo:ref:refs/heads/main"',
    ],
    ['aud', JSON.stringify(SPACE_AUDIENCE)],
    ['iat', String(now)],
    ['exp', String(now + 600)],
    [
      rng.pick([...CLAIMS, hostileString(rng)]),
      hostileJsonText(rng, rng.pick(['deep', 'long', 'string'] as const)),
    ],
  ];
  return jwtWithPayloadText(objectText(members));
}

async function prepare(field: Field, rng: Rng): Promise<Prepared> {
  const { sts, tokenService } = scenario;
  const inputs = scenario.inputs();
  const hostile = pickShape(rng) === 'long' ? longHostileString(rng) : hostileString(rng);
  const ok = { inputs, secrets: [], succeeds: true };
  const refused = { inputs, secrets: [], succeeds: false };
  switch (field) {
    case 'claim':
    case 'claim-name': {
      const name = field === 'claim' ? rng.pick(CLAIMS) : hostileString(rng);
      const value = claimValue(rng);
      tokenService.script.push({ kind: 'token', claims: { [name]: value } });
      // A 100 KB claim makes the token service's answer larger than any real one: a clear refusal.
      return JSON.stringify(value).length > 64 * 1024 ? refused : ok;
    }
    case 'sub':
    case 'aud':
    case 'iss':
      tokenService.script.push({ kind: 'token', claims: { [field]: hostile } });
      return refused;
    case 'sts-message':
      sts.script.push({ kind: 'ranger', code: rng.pick([3, 5, 7, 16]), message: hostile });
      return refused;
    case 'sts-message-then-ok':
      sts.script.push({
        kind: 'ranger',
        code: rng.pick([8, 14]),
        message: hostile,
        headers: { 'retry-after': '0' },
      });
      return ok;
    case 'proxy-title': {
      const status = rng.pick([400, 403, 404, 407, 501]);
      sts.script.push({ kind: 'status', status, body: page(hostile), contentType: 'text/html' });
      return refused;
    }
    case 'proxy-title-then-ok':
      sts.script.push({
        kind: 'status',
        status: rng.pick([502, 503, 504]),
        body: page(hostile),
        contentType: 'text/html',
        headers: { 'retry-after': '0' },
      });
      return ok;
    case 'token-service-page': {
      const json = rng.chance(0.5);
      const body = json ? JSON.stringify({ message: hostile }) : page(hostile);
      tokenService.script.push({
        kind: 'status',
        status: rng.pick([400, 401, 403, 404]),
        body,
        contentType: json ? 'application/json' : 'text/html',
      });
      return refused;
    }
    case 'token-input': {
      const token = handBuiltToken(rng);
      if (rng.chance(0.5)) sts.script.push({ kind: 'ranger', code: 16, message: `${hostile} ${token}` });
      return { inputs: { ...inputs, token }, secrets: [token], succeeds: false };
    }
    case 'echoed-token': {
      // Mondoo or a proxy quoting the token back: only the masks stand between it and the log and summary.
      // The token service's answer may end in white space, which must not leave the mask unmatched.
      const jwt = await tokenService.mint({
        audience: SPACE_AUDIENCE,
        claims: { environment: hostileString(rng) },
      });
      const value = `${jwt}${rng.pick(['', '\n', ' \r\n'])}`;
      tokenService.script.push({ kind: 'status', status: 200, body: JSON.stringify({ value }) });
      const echo = `${hostileString(rng)} ${jwt} ${hostileString(rng)}`;
      const retried = rng.chance(0.3);
      if (retried)
        sts.script.push({ kind: 'ranger', code: 14, message: echo, headers: { 'retry-after': '0' } });
      else if (rng.chance(0.5)) sts.script.push({ kind: 'ranger', code: rng.pick([7, 16]), message: echo });
      else sts.script.push({ kind: 'status', status: 403, body: page(echo), contentType: 'text/html' });
      // A retried exchange asks for a fresh token only if this one got too old: it did not, so it succeeds.
      return { inputs, secrets: [jwt], succeeds: retried };
    }
  }
}

describe('hostile text in the exchange (action, in-process)', () => {
  const cases = caseSeeds(120).map((seed, index) => ({
    seed,
    field: FIELDS[index % FIELDS.length] as Field,
  }));

  it.each(cases)('seed $seed: $field', async ({ seed, field }) => {
    const prepared = await prepare(field, new Rng(seed));
    const run = await runActionInProcess({ inputs: prepared.inputs, env: scenario.runnerEnv() });
    // Nothing scripted may be left for the next case.
    scenario.sts.script.length = 0;
    scenario.tokenService.script.length = 0;

    expectSafeActionRun(run, [...scenario.secrets(), ...prepared.secrets]);
    if (prepared.succeeds) {
      expect(run.code, run.stdout).toBe(0);
      expect(run.outputs.credential).toBe(scenario.sts.base64Credential);
      expect(run.masks).toContain(scenario.sts.base64Credential);
      expect(run.summary).toContain('### Mondoo keyless auth: authenticated');
    } else {
      expect(run.code, run.stdout).toBe(1);
      expect(run.env).not.toHaveProperty('MONDOO_CONFIG_BASE64');
      expect(run.summary).toContain('### Mondoo keyless auth: failed');
    }
  });
});
