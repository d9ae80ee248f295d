import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../src/lint/profiles.js';
import { runLintStep } from '../../src/lint/lint-step.js';
import { cleanDiscovery, cleanJwks, lintInputs, recordingRunner, signedToken } from './lint-helpers.js';
import { runFolderSync } from '../support/run-folder.ts';

/** mulberry32: a tiny seeded generator, so a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stands for nesting 20,000 levels deep, spliced into the text: deeper than JSON.stringify can write. */
const DEEP = 'deep-nesting-goes-here';
const DEEP_TEXT = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;

function asText(document: unknown): string {
  return JSON.stringify(document).split(JSON.stringify(DEEP)).join(DEEP_TEXT);
}

type Container = Record<string, unknown> | unknown[];

/** The (container, key) pairs of a JSON value down to depth 20, so a mutation can strike at any level. */
function slots(
  value: unknown,
  found: [Container, string | number][] = [],
  depth = 0,
): [Container, string | number][] {
  if (depth > 20) return found;
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      found.push([value, index]);
      slots(item, found, depth + 1);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      found.push([value as Record<string, unknown>, key]);
      slots(item, found, depth + 1);
    }
  }
  return found;
}

function nested(depth: number, inner: unknown): unknown {
  let value = inner;
  for (let i = 0; i < depth; i++) value = i % 2 ? { deeper: value } : [value];
  return value;
}

function mutate(document: unknown, next: () => number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const targets = slots(document);
  if (targets.length === 0) return pick([null, [], 'x', 7]);
  const [container, key] = pick(targets);
  const replacements = [
    null,
    0,
    -1.5e308,
    true,
    '',
    'RS256',
    'https://127.0.0.1:1/x',
    [],
    {},
    ['none', 42, null],
    { kty: 'RSA', n: 'AQAB', e: 'AQAB' },
    // Values aimed at the rules issue 12 added: run-together or flow-changing response types, modes,
    // odd subject types, placeholder and private endpoints, PAR, weak or padded RSA exponents.
    ['codeid_token'],
    ['code'],
    ['query'],
    ['sub'],
    'private',
    'https://idp/authorize',
    'https://10.1.2.3/authorize',
    'AQ',
    'Aw',
    'AAEAAQ',
    'sig',
    ['encrypt'],
    'x'.repeat(100_000),
    DEEP,
  ];
  const action = Math.floor(next() * 3);
  if (action === 0) {
    if (Array.isArray(container)) container.splice(Number(key), 1);
    else delete container[key];
  } else if (action === 1) {
    (container as Record<string | number, unknown>)[key] = pick(replacements);
  } else {
    (container as Record<string | number, unknown>)[key] = nested(
      Math.floor(next() * 50),
      (container as Record<string | number, unknown>)[key],
    );
  }
  return document;
}

describe('lint robustness', () => {
  it('runs the whole lint step on 1,000 mutated discovery documents, key sets and tokens, always ending in a report', async () => {
    const token = await signedToken({});
    const baseJwks = await cleanJwks();
    const failures: string[] = [];
    const reportPath = join(runFolderSync('lint-fuzz-'), 'report.json');
    const fired = new Set<string>();
    for (let seed = 1; seed <= 1000; seed++) {
      const next = random(seed);
      const discovery = structuredClone(cleanDiscovery()) as unknown;
      const jwks = structuredClone(baseJwks) as unknown;
      const mutations = 1 + Math.floor(next() * 4);
      let discoveryDoc = discovery;
      let jwksDoc = jwks;
      for (let i = 0; i < mutations; i++) {
        if (next() < 0.5) discoveryDoc = mutate(discoveryDoc, next);
        else jwksDoc = mutate(jwksDoc, next);
      }
      const sampleToken =
        next() < 0.3
          ? next() < 0.5
            ? token
            : `${token.slice(0, Math.floor(next() * token.length))}`
          : undefined;
      const profile = PROFILES[seed % PROFILES.length] ?? 'mondoo';
      const truncate = next() < 0.1;
      const discoveryText = truncate
        ? asText(discoveryDoc).slice(0, Math.floor(next() * 200))
        : asText(discoveryDoc);
      try {
        const { settings, io } = await lintInputs({
          discoveryText,
          jwksText: asText(jwksDoc),
          settings: { profile, token: sampleToken, failOn: 'never', report: reportPath },
        });
        // The whole step, as the action runs it: log, annotations, summary, outputs and the JSON report.
        const { runner, recorded } = recordingRunner();
        const report = await runLintStep(settings, { ...io, runner });
        for (const finding of report.findings) fired.add(finding.rule);
        expect(recorded.logs.join('\n')).toContain('Verdict:');
        expect(recorded.summary.join('\n')).toContain('### Mondoo keyless auth: lint');
        expect(Number(recorded.outputs.errors)).toBe(report.counts.error);
        expect(JSON.parse(readFileSync(reportPath, 'utf8'))).toEqual(JSON.parse(JSON.stringify(report)));
      } catch (error) {
        failures.push(`seed ${seed}: ${(error as Error).stack ?? String(error)}`);
      }
    }
    expect(failures).toEqual([]);
    // The mutations must reach the rules, not just bounce off the parser: the rules issue 12 added too.
    expect(fired.size).toBeGreaterThanOrEqual(20);
    expect([...fired]).toEqual(
      expect.arrayContaining([
        'document-token-endpoint-missing',
        'mender-authorization-endpoint',
        'mender-no-id-token',
        'response-type-invalid',
        'subject-type-unknown',
        'jwk-kid-missing-single',
        'jwk-ec-coordinate-length',
        'jwk-rsa-exponent-weak',
      ]),
    );
  });
});
