import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type RuleId, severityOf } from '../../src/lint/catalogue.js';
import { PROFILES } from '../../src/lint/profiles.js';
import { type Evidence, gatherEvidence } from '../../src/lint/evidence.js';
import { lintSettings } from './lint-helpers.js';
import { textReport } from '../../src/lint/render.js';
import { buildReport, evaluate } from '../../src/lint/report.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const present = existsSync(CORPUS);
if (!present)
  console.log(`lint corpus tests skipped: ${CORPUS} does not exist (it lives beside the project, not in it)`);

/** Each discovery document with the JWK Set captured beside it, when there is one. */
function corpusPairs(): [string, string | undefined][] {
  if (!present) return [];
  const files = readdirSync(CORPUS).filter((name) => name.endsWith('.json'));
  const documents = files.filter((name) => name.includes('-discovery') || name.includes('metadata'));
  return documents.map((name) => {
    const jwks = name.startsWith('okta-')
      ? 'okta-authjs-fixture-jwks.json'
      : name.replace('-discovery', '-jwks');
    return [name, jwks !== name && files.includes(jwks) ? jwks : undefined];
  });
}

interface CorpusLint {
  evidence: Evidence;
  /** URLs the lint tried to fetch; the test's send refuses every one of them. */
  attempted: string[];
}

async function lintFiles(discovery: string, jwks: string | undefined): Promise<CorpusLint> {
  const attempted: string[] = [];
  const settings = lintSettings({
    issuer: undefined,
    discovery: join(CORPUS, discovery),
    jwks: jwks && join(CORPUS, jwks),
  });
  const evidence = await gatherEvidence(settings, {
    send: (request) => {
      attempted.push(request.url);
      return Promise.reject(new Error('the corpus is linted offline'));
    },
    readFile: (path) => readFileSync(path, 'utf8'),
    nowSeconds: () => Date.parse('2026-11-23T00:00:00Z') / 1000,
  });
  return { evidence, attempted };
}

async function rulesFor(discovery: string, jwks?: string): Promise<RuleId[]> {
  const { evidence } = await lintFiles(discovery, jwks);
  return evaluate(evidence, 'mondoo').map((finding) => finding.rule);
}

describe.skipIf(!present)('the provider corpus, linted offline from its files', () => {
  it.each(corpusPairs())(
    '%s (with %s) is judged under every profile, each finding catalogued',
    async (discovery, jwks) => {
      const { evidence, attempted } = await lintFiles(discovery, jwks);
      expect(evidence.discovery, 'the document was read').toBeDefined();
      for (const profile of PROFILES) {
        const report = buildReport(lintSettings({ issuer: undefined, discovery, jwks, profile }), evidence);
        for (const finding of report.findings) {
          expect(finding.severity).toBe(severityOf(finding.rule, profile));
          expect(finding.message.trim()).not.toBe('');
          expect((finding.value ?? '').length).toBeLessThanOrEqual(120);
          if (finding.location) expect(finding.location.line).toBeGreaterThanOrEqual(1);
        }
        expect(report.usable[profile]).toBe(report.counts.error === 0);
      }
      // With a key set on disk nothing is fetched; without one, only the document's jwks_uri is tried (and refused).
      const jwksUri = evidence.discovery?.value.jwks_uri;
      expect(attempted).toEqual(
        jwks || typeof jwksUri !== 'string' || !jwksUri.startsWith('https://') ? [] : [jwksUri],
      );
    },
  );

  it("finds Yahoo's 1024-bit keys and its one key under two kids", async () => {
    const rules = await rulesFor('wellknown-yahoo-discovery.json', 'wellknown-yahoo-jwks.json');
    expect(rules.filter((rule) => rule === 'jwk-rsa-weak')).toHaveLength(3);
    expect(rules).toContain('jwk-duplicate-key');
  });

  it("finds Battle.net's standard-base64 modulus", async () => {
    expect(await rulesFor('wellknown-battle-net-discovery.json', 'wellknown-battle-net-jwks.json')).toContain(
      'jwk-not-base64url',
    );
  });

  it("finds PayPal's X25519 key, leading-zero moduli, HS256 and jwks_uri on another host", async () => {
    const rules = await rulesFor('wellknown-paypal-discovery.json', 'wellknown-paypal-jwks.json');
    for (const rule of [
      'jwk-not-for-signing',
      'jwk-rsa-leading-zero',
      'alg-symmetric',
      'jwks-uri-other-host',
    ] as const) {
      expect(rules).toContain(rule);
    }
  });

  it.each([
    'wellknown-entra-common-discovery.json',
    'wellknown-entra-organizations-discovery.json',
    'entra-v1-common-discovery.json',
    'entra-v2-common-discovery.json',
  ])("finds Entra's {tenantid} issuer in %s", async (discovery) => {
    expect(await rulesFor(discovery, discovery.replace('-discovery', '-jwks'))).toContain('issuer-template');
  });

  it("finds LEGO's expired x5c certificates", async () => {
    expect(await rulesFor('wellknown-lego-discovery.json', 'wellknown-lego-jwks.json')).toContain(
      'jwk-x5c-expired',
    );
  });

  it.each([
    ['pingfederate-pinglabs', ['alg-none', 'alg-symmetric', 'issuer-port']],
    ['wellknown-mojeid', ['alg-none', 'alg-symmetric']],
    ['wellknown-docker', ['alg-symmetric']],
  ] as const)('finds none/HS* advertised by %s', async (name, expected) => {
    const rules = await rulesFor(`${name}-discovery.json`, `${name}-jwks.json`);
    for (const rule of expected) expect(rules).toContain(rule);
  });

  it('finds the Google 2015 scheme-less issuer and suggests the misspelled member', async () => {
    const { evidence } = await lintFiles('google-2015-legacy-discovery.json', undefined);
    const findings = evaluate(evidence, 'mondoo');
    expect(findings.map((finding) => finding.rule)).toContain('issuer-not-https');
    const missing = findings.find((finding) => finding.rule === 'member-missing');
    expect(missing?.message).toContain('`id_token_alg_values_supported`: did you mean');
  });

  it('recognises the Keycloak file as OAuth server metadata, not OIDC discovery', async () => {
    expect(await rulesFor('keycloak-eudi-oauth-authorization-server-metadata.json')).toContain(
      'document-oauth-metadata',
    );
  });

  it('refuses the cluster-local Kubernetes issuer and its private-IP jwks_uri for Mondoo, from the URLs alone', async () => {
    const { evidence, attempted } = await lintFiles(
      'kubernetes-sa-issuer-selfhosted-discovery.json',
      'kubernetes-sa-issuer-selfhosted-jwks.json',
    );
    const hosts = evaluate(evidence, 'mondoo').filter((finding) => finding.rule === 'host-not-public');
    expect(hosts.map((finding) => finding.severity)).toEqual(['error', 'error']);
    expect(hosts.map((finding) => finding.message).join(' ')).toMatch(/cluster-local.*private-range/);
    expect(attempted).toEqual([]);
  });

  it("finds Dex's http://127.0.0.1 issuer", async () => {
    const rules = await rulesFor('dex-docs-discovery.json', 'dex-docs-jwks.json');
    expect(rules).toContain('issuer-not-https');
    expect(rules).toContain('host-not-public');
  });

  it("finds the Okta fixture's 1024-bit sample key", async () => {
    expect(
      await rulesFor('okta-org-authjs-fixture-discovery.json', 'okta-authjs-fixture-jwks.json'),
    ).toContain('jwk-rsa-weak');
  });

  it("judges GitHub's issuer usable for Mondoo but not for Mender SSO (it has no endpoints)", async () => {
    const { evidence } = await lintFiles(
      'github-actions-rubygems-fixture-discovery.json',
      'github-actions-rubygems-fixture-jwks.json',
    );
    expect(buildReport(lintSettings({ issuer: undefined }), evidence).usable).toEqual({
      mondoo: true,
      mender: false,
      oidc: false,
    });
  });
});

describe.skipIf(!present)('the README example', () => {
  it('is what lint mode prints for the Kubernetes issuer files', async () => {
    const files: Record<string, string> = {
      'idp/discovery.json': join(CORPUS, 'kubernetes-sa-issuer-selfhosted-discovery.json'),
      'idp/jwks.json': join(CORPUS, 'kubernetes-sa-issuer-selfhosted-jwks.json'),
    };
    const settings = lintSettings({
      issuer: undefined,
      discovery: 'idp/discovery.json',
      jwks: 'idp/jwks.json',
    });
    const evidence = await gatherEvidence(settings, {
      send: () => Promise.reject(new Error('offline')),
      readFile: (path) => readFileSync(files[path] ?? path, 'utf8'),
      nowSeconds: () => Date.now() / 1000,
    });
    const readme = readFileSync(new URL('../../docs/lint.md', import.meta.url), 'utf8');
    const example = /```text\n(Lint of idp\/discovery\.json[\s\S]*?)\n```/.exec(readme)?.[1];
    expect(example).toBe(textReport(buildReport(settings, evidence)));
  });

  // Issue 12 changed these documents' findings, each for the reason given.
  it.each([
    'wellknown-apple-discovery.json',
    'wellknown-gitlab-discovery.json',
    'wellknown-slack-discovery.json',
    'wellknown-dropbox-discovery.json',
  ])(
    'judges the code-only %s not usable with Mender: its Implicit Flow needs an id_token response type',
    async (name) => {
      const { evidence } = await lintFiles(name, name.replace('-discovery', '-jwks'));
      const report = buildReport(lintSettings({ issuer: undefined, profile: 'mender' }), evidence);
      expect(report.usable.mender).toBe(false);
      expect(report.findings.map((finding) => finding.rule)).toContain('mender-no-id-token');
    },
  );

  it("no longer asks GitHub's issuer for a token endpoint under mender or oidc (Discovery 1.0 §3: not for implicit-only use)", async () => {
    const { evidence } = await lintFiles(
      'github-actions-rubygems-fixture-discovery.json',
      'github-actions-rubygems-fixture-jwks.json',
    );
    for (const profile of ['mender', 'oidc'] as const) {
      const missing = evaluate(evidence, profile).filter((finding) =>
        finding.rule.includes('endpoint-missing'),
      );
      // Only authorization_endpoint is still missing; its response type is id_token, so no token endpoint is needed.
      expect(missing.map((finding) => finding.value)).toEqual(['authorization_endpoint']);
    }
  });

  it("reports PayPal's missing fragment response mode and email claim as Mender warnings", async () => {
    const { evidence } = await lintFiles('wellknown-paypal-discovery.json', 'wellknown-paypal-jwks.json');
    const warnings = evaluate(evidence, 'mender').filter((finding) => finding.severity === 'warning');
    expect(warnings.map((finding) => finding.rule)).toEqual(
      expect.arrayContaining(['mender-response-mode', 'mender-email-claim']),
    );
  });

  it('takes the explicit ports of Dex and PingFederate as facts under oidc (Core §1.2 allows them)', async () => {
    for (const name of ['dex-docs', 'pingfederate-pinglabs']) {
      const { evidence } = await lintFiles(`${name}-discovery.json`, `${name}-jwks.json`);
      const port = evaluate(evidence, 'oidc').find((finding) => finding.rule === 'issuer-port');
      expect(port?.severity).toBe('info');
    }
  });
});
