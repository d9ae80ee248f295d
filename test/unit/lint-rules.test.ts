import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { exportJWK, type JWK } from 'jose';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { RULES, type RuleId } from '../../src/lint/catalogue.js';
import { type Profile, PROFILES } from '../../src/lint/profiles.js';
import { judge } from '../../src/lint/findings.js';
import { NETWORK_RULES } from '../support/lint-network-rules.ts';
import { checkTokenAlg } from '../../src/lint/token-rules.js';
import { verdictLine } from '../../src/lint/render.js';
import { readLintSettings } from '../../src/lint/lint-settings.js';
import {
  cleanDiscovery,
  cleanJwks,
  DISCOVERY_FILE,
  findingsOf,
  ISSUER,
  JWKS_FILE,
  lintSettings,
  type LintCase,
  NOW,
  providerKeys,
  reportOf,
  rulesOf,
  signedToken,
} from './lint-helpers.js';

type Mutation = () => Promise<LintCase> | LintCase;

function withDiscovery(
  change: (document: Record<string, unknown>) => void,
  settings?: LintCase['settings'],
): Mutation {
  return () => {
    const discovery = cleanDiscovery();
    change(discovery);
    return { discovery, settings };
  };
}

function withKeys(change: (keys: JWK[]) => Promise<void> | void): Mutation {
  return async () => {
    const jwks = await cleanJwks();
    await change(jwks.keys);
    return { jwks };
  };
}

async function rsaJwk(bits: number, kid: string): Promise<JWK> {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return { ...(await exportJWK(publicKey)), kid };
}

/** A self-signed certificate for the RSA key, valid until `notAfter`. */
function certificateUntil(notAfter: Date): string {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(notAfter.getTime() - 86_400_000 * 365);
  cert.validity.notAfter = notAfter;
  cert.setSubject([{ name: 'commonName', value: 'old signing key' }]);
  cert.setIssuer([{ name: 'commonName', value: 'old signing key' }]);
  cert.sign(
    forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()),
    forge.md.sha256.create(),
  );
  return forge.util.encode64(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes());
}

/** An RSA key whose public exponent is replaced: the modulus stays a real 2048-bit one. */
async function rsaWithExponent(e: bigint, kid: string): Promise<JWK> {
  const hex = e.toString(16);
  return {
    ...(await rsaJwk(2048, kid)),
    e: Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex').toString('base64url'),
  };
}

function ed448Jwk(kid: string, alg?: string): JWK {
  const { publicKey } = generateKeyPairSync('ed448');
  return { ...(publicKey.export({ format: 'jwk' }) as JWK), kid, ...(alg ? { alg } : {}) };
}

/** A key with a self-signed certificate of its own, so x5c[0] certifies it. */
function selfCertified(kid: string): { jwk: JWK; der: Buffer } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = '02';
  cert.validity.notBefore = new Date((NOW - 86_400) * 1000);
  cert.validity.notAfter = new Date((NOW + 86_400 * 365) * 1000);
  cert.setSubject([{ name: 'commonName', value: kid }]);
  cert.setIssuer([{ name: 'commonName', value: kid }]);
  cert.sign(
    forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()),
    forge.md.sha256.create(),
  );
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  const jwk = { ...(publicKey.export({ format: 'jwk' }) as JWK), kid, x5c: [der.toString('base64')] };
  return { jwk, der };
}

function withToken(make: () => Promise<string> | string): Mutation {
  return async () => ({ settings: { token: await make() } });
}

/** For each rule checked without a network: a change to the clean provider that must make it fire. */
const CASES: [RuleId, Mutation, Profile?][] = [
  [
    'fetch-url-invalid',
    () => ({ discovery: { ...cleanDiscovery(), jwks_uri: 'https://keys .example.com/jwks' }, jwks: null }),
  ],
  ['issuer-mismatch', withDiscovery((d) => (d.issuer = 'https://other.example.com'))],
  ['issuer-trailing-slash', withDiscovery((d) => (d.issuer = `${ISSUER}/`))],
  ['issuer-not-https', withDiscovery((d) => (d.issuer = 'id.example.com'), { issuer: undefined })],
  ['issuer-not-https', withDiscovery((d) => (d.issuer = 'http://id.example.com'), { issuer: undefined })],
  [
    'issuer-url-parts',
    withDiscovery((d) => (d.issuer = `${ISSUER}?tenant=1`), { issuer: `${ISSUER}?tenant=1` }),
  ],
  [
    'issuer-url-parts',
    withDiscovery((d) => (d.issuer = 'https://user@id.example.com'), { issuer: undefined }),
  ],
  [
    'issuer-template',
    withDiscovery((d) => (d.issuer = 'https://id.example.com/{tenantid}/v2.0'), { issuer: undefined }),
  ],
  [
    'issuer-port',
    withDiscovery((d) => (d.issuer = 'https://id.example.com:8443'), {
      issuer: 'https://id.example.com:8443',
    }),
  ],
  ['host-not-public', withDiscovery((d) => (d.issuer = 'https://10.1.2.3'), { issuer: 'https://10.1.2.3' })],
  ['host-not-public', withDiscovery((d) => (d.jwks_uri = 'https://keys.svc.cluster.local/jwks'))],
  [
    'document-oauth-metadata',
    withDiscovery((d) => {
      delete d.subject_types_supported;
      delete d.id_token_signing_alg_values_supported;
    }),
  ],
  ['member-missing', withDiscovery((d) => delete d.response_types_supported)],
  ['member-missing', withDiscovery((d) => delete d.jwks_uri)],
  ['member-type', withDiscovery((d) => (d.subject_types_supported = 'public'))],
  ['member-type', withDiscovery((d) => (d.issuer = 42))],
  ['endpoint-missing', withDiscovery((d) => delete d.authorization_endpoint), 'mender'],
  ['document-token-endpoint-missing', withDiscovery((d) => delete d.token_endpoint), 'oidc'],
  ['jwks-uri-not-https', withDiscovery((d) => (d.jwks_uri = 'http://id.example.com/jwks'))],
  [
    'endpoint-not-https',
    withDiscovery((d) => (d.authorization_endpoint = 'http://id.example.com/authorize')),
  ],
  ['jwks-uri-other-host', withDiscovery((d) => (d.jwks_uri = 'https://keys.example.net/jwks'))],
  ['alg-rs256-missing', withDiscovery((d) => (d.id_token_signing_alg_values_supported = ['ES256'])), 'oidc'],
  ['alg-none', withDiscovery((d) => (d.id_token_signing_alg_values_supported = ['RS256', 'none']))],
  ['alg-symmetric', withDiscovery((d) => (d.id_token_signing_alg_values_supported = ['RS256', 'HS256']))],
  ['alg-unusable', withDiscovery((d) => (d.id_token_signing_alg_values_supported = ['ES512']))],
  ['alg-unusable', withDiscovery((d) => (d.id_token_signing_alg_values_supported = ['HS256']))],
  ['alg-mender-rs256', withDiscovery((d) => (d.id_token_signing_alg_values_supported = ['RS256'])), 'mender'],
  [
    'mender-auth-alg',
    withDiscovery((d) => (d.token_endpoint_auth_signing_alg_values_supported = ['RS256', 'HS256'])),
    'mender',
  ],
  ['jwks-not-set', () => ({ jwks: { key: [] } })],
  ['jwks-no-signing-key', () => ({ jwks: { keys: [] } })],
  [
    'jwks-too-many-keys',
    withKeys((keys) => {
      for (let i = 0; i < 100; i++) keys.push({ ...keys[1], kid: `ec-copy-${i}` });
    }),
  ],
  [
    'jwk-invalid',
    withKeys((keys) => void keys.push({ kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA', kid: 'broken' })),
  ],
  ['jwk-invalid', withKeys((keys) => void keys.push({ kty: 'oct', kid: 'what' }))],
  ['jwk-private-member', withKeys((keys) => void keys.push({ ...keys[0], kid: 'leaked', d: 'c2VjcmV0' }))],
  ['jwk-rsa-weak', withKeys(async (keys) => void keys.push(await rsaJwk(1024, 'small')))],
  ['jwk-alg-mismatch', withKeys((keys) => void (keys[1] = { ...keys[1], alg: 'ES384' }))],
  ['jwk-alg-mismatch', withKeys((keys) => void (keys[0] = { ...keys[0], alg: 'ES256' }))],
  ['jwk-not-for-signing', withKeys((keys) => void keys.push({ ...keys[1], kid: 'enc-1', use: 'enc' }))],
  [
    'jwk-not-for-signing',
    withKeys(
      (keys) =>
        void keys.push({
          kty: 'OKP',
          crv: 'X25519',
          x: 'hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo',
          kid: 'ecdh',
        }),
    ),
  ],
  ['jwk-kid-missing', withKeys((keys) => void delete keys[1]?.kid)],
  ['jwk-kid-duplicate', withKeys(async (keys) => void keys.push(await rsaJwk(2048, 'rsa-1')))],
  ['jwk-duplicate-key', withKeys((keys) => void keys.push({ ...keys[1], kid: 'ec-2' }))],
  [
    'jwk-x5c-expired',
    withKeys(
      (keys) => void (keys[0] = { ...keys[0], x5c: [certificateUntil(new Date((NOW - 86_400) * 1000))] }),
    ),
  ],
  [
    'jwk-not-base64url',
    withKeys(
      (keys) =>
        void (keys[0] = { ...keys[0], n: Buffer.from(keys[0]?.n ?? '', 'base64url').toString('base64') }),
    ),
  ],
  [
    'jwk-rsa-leading-zero',
    withKeys(
      (keys) =>
        void (keys[0] = {
          ...keys[0],
          n: Buffer.concat([Buffer.from([0]), Buffer.from(keys[0]?.n ?? '', 'base64url')]).toString(
            'base64url',
          ),
        }),
    ),
  ],
  ['mender-provider-invalid', () => ({ discovery: { client_id: 'mender', settings: 'not an object' } })],
  [
    'mender-client-secret',
    () => ({
      discovery: { name: 'corp', client_id: 'mender', client_secret: 'hunter2', settings: cleanDiscovery() },
    }),
  ],
  [
    'issuer-not-canonical',
    withDiscovery((d) => (d.issuer = 'https://ID.example.com'), { issuer: undefined }),
  ],
  [
    'issuer-not-canonical',
    withDiscovery((d) => (d.issuer = 'https://id.example.com:443'), { issuer: undefined }),
  ],
  [
    'issuer-not-canonical',
    withDiscovery((d) => (d.issuer = ' https://id.example.com'), { issuer: undefined }),
  ],
  ['alg-without-key', withDiscovery((d) => (d.id_token_signing_alg_values_supported = ['RS256', 'ES384']))],
  [
    'jwk-x5c-invalid',
    withKeys(
      (keys) => void (keys[0] = { ...keys[0], x5c: [certificateUntil(new Date((NOW + 86_400) * 1000))] }),
    ),
  ],
  ['jwk-x5c-invalid', withKeys((keys) => void (keys[0] = { ...keys[0], x5c: ['bm90IGEgY2VydGlmaWNhdGU='] }))],
  ['file-bom', () => ({ discoveryText: `\uFEFF${JSON.stringify(cleanDiscovery())}` })],
  ['issuer-url-invalid', withDiscovery((d) => (d.issuer = 'https://id example.com'), { issuer: undefined })],
  ['optional-member-type', withDiscovery((d) => (d.scopes_supported = null))],
  ['optional-member-type', withDiscovery((d) => (d.require_pushed_authorization_requests = 'true'))],
  ['response-type-invalid', withDiscovery((d) => (d.response_types_supported = ['code', 'codeid_token']))],
  ['subject-type-unknown', withDiscovery((d) => (d.subject_types_supported = ['public', 'private']))],
  ['scopes-no-openid', withDiscovery((d) => (d.scopes_supported = ['profile', 'email']))],
  [
    'alg-eddsa-deprecated',
    withDiscovery((d) => (d.id_token_signing_alg_values_supported = ['RS256', 'EdDSA'])),
  ],
  ['mender-no-id-token', withDiscovery((d) => (d.response_types_supported = ['code'])), 'mender'],
  [
    'mender-response-mode',
    withDiscovery((d) => (d.response_modes_supported = ['query', 'form_post'])),
    'mender',
  ],
  ['mender-email-claim', withDiscovery((d) => (d.claims_supported = ['sub', 'name'])), 'mender'],
  ['mender-authorization-endpoint', withDiscovery((d) => (d.authorization_endpoint = '')), 'mender'],
  [
    'mender-authorization-endpoint',
    withDiscovery((d) => (d.authorization_endpoint = 'https://idp/authorize')),
    'mender',
  ],
  [
    'mender-authorization-endpoint',
    withDiscovery((d) => (d.authorization_endpoint = 'http://id.example.com/authorize')),
    'mender',
  ],
  [
    'mender-authorization-endpoint',
    withDiscovery((d) => (d.authorization_endpoint = 'https://192.168.1.5/authorize')),
    'mender',
  ],
  ['mender-par-required', withDiscovery((d) => (d.require_pushed_authorization_requests = true)), 'mender'],
  [
    'jwk-kid-missing-single',
    async () => {
      const { kid: _kid, ...withoutKid } = (await providerKeys()).rsa.publicJwk;
      return { jwks: { keys: [withoutKid] } };
    },
  ],
  ['jwk-rsa-exponent-one', withKeys(async (keys) => void keys.push(await rsaWithExponent(1n, 'e-one')))],
  ['jwk-rsa-exponent-weak', withKeys(async (keys) => void keys.push(await rsaWithExponent(3n, 'e-three')))],
  [
    'jwk-rsa-exponent-weak',
    withKeys(async (keys) => void keys.push(await rsaWithExponent(65538n, 'e-even'))),
  ],
  [
    'jwk-ec-coordinate-length',
    withKeys(
      (keys) =>
        void (keys[1] = {
          ...keys[1],
          x: Buffer.from(keys[1]?.x ?? '', 'base64url')
            .subarray(1)
            .toString('base64url'),
        }),
    ),
  ],
  ['jwk-use-key-ops', withKeys((keys) => void (keys[1] = { ...keys[1], use: 'sig', key_ops: ['encrypt'] }))],
  [
    'jwk-x5t-mismatch',
    withKeys(
      (keys) => void keys.push({ ...selfCertified('certified').jwk, x5t: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA' }),
    ),
  ],
  [
    'jwk-x5t-mismatch',
    withKeys((keys) => void keys.push({ ...selfCertified('certified').jwk, 'x5t#S256': 'wrong' })),
  ],
  [
    'offline-not-fetched',
    () => ({
      discovery: { name: 'corp', well_known_url: `${ISSUER}/.well-known/openid-configuration` },
      settings: { offline: true },
    }),
  ],
  ['token-malformed', withToken(() => 'not-a-jwt')],
  ['token-issuer-mismatch', withToken(() => signedToken({ iss: 'https://other.example.com' }))],
  ['token-kid-unknown', withToken(() => signedToken({}, { kid: 'rotated-away' }))],
  ['token-kid-unknown', withToken(() => signedToken({}, { kid: undefined }))],
  [
    'token-alg-rejected',
    async () => ({
      discovery: { ...cleanDiscovery(), id_token_signing_alg_values_supported: ['RS256'] },
      settings: { token: await signedToken({}, { alg: 'ES256' }) },
    }),
  ],
  ['token-signature-invalid', withToken(async () => `${(await signedToken({})).slice(0, -6)}AAAAAA`)],
  ['token-expiring', withToken(() => signedToken({ exp: NOW + 179 }))],
  ['token-expiring', withToken(() => signedToken({ exp: undefined }))],
];

describe('the clean provider', () => {
  it.each(PROFILES)('has no findings under %s, with and without a sample token', async (profile) => {
    expect(rulesOf(await findingsOf({}, profile))).toEqual([]);
    expect(rulesOf(await findingsOf({ settings: { token: await signedToken({}) } }, profile))).toEqual([]);
  });
});

describe('each rule fires on a document made to break it', () => {
  it.each(CASES)('%s', async (rule, mutate, profile = 'mondoo') => {
    const findings = await findingsOf(await mutate(), profile);
    expect(rulesOf(findings)).toContain(rule);
    const finding = findings.find((candidate) => candidate.rule === rule);
    expect(finding?.message.length).toBeGreaterThan(10);
    expect(finding?.fix.length).toBeGreaterThan(10);
  });

  it('covers every rule of the catalogue here or in the end-to-end lint tests', () => {
    const covered = new Set<string>([...CASES.map(([rule]) => rule), ...NETWORK_RULES]);
    expect(Object.keys(RULES).filter((rule) => !covered.has(rule))).toEqual([]);
  });
});

describe('rule details', () => {
  it.each(['https://keys .example.com/jwks', 'https://[::1/jwks', 'https://id.example.com:99999/jwks'])(
    'reports a jwks_uri that does not parse (%s) without trying to fetch it',
    async (jwksUri) => {
      const findings = await findingsOf({
        discovery: { ...cleanDiscovery(), jwks_uri: jwksUri },
        jwks: null,
      });
      // The unit tests' `send` fails every request: a fetch-failed finding would mean one was attempted.
      expect(rulesOf(findings)).toContain('fetch-url-invalid');
      expect(rulesOf(findings)).not.toContain('fetch-failed');
      const finding = findings.find((candidate) => candidate.rule === 'fetch-url-invalid');
      expect(finding?.message).toBe('The JWKS URL does not parse as a URL, so it was not fetched.');
      expect(finding?.value).toBe(JSON.stringify(jwksUri));
    },
  );

  it('does not suggest renaming a registered member that merely looks alike', async () => {
    const discovery = cleanDiscovery();
    delete discovery.id_token_signing_alg_values_supported;
    discovery.dpop_signing_alg_values_supported = ['ES256'];
    discovery.userinfo_signing_alg_values_supported = ['RS256'];
    const missing = (await findingsOf({ discovery })).find((finding) => finding.rule === 'member-missing');
    expect(missing?.message).toBe('`id_token_signing_alg_values_supported` is missing.');
  });

  it('accepts an issuer that leads back to the discovery URL it was named by, trailing slash or not', async () => {
    const discoveryUrl = `${ISSUER}/tenant/.well-known/openid-configuration`;
    const settings = { issuer: `${ISSUER}/tenant`, discoveryUrl };
    for (const issuer of [`${ISSUER}/tenant`, `${ISSUER}/tenant/`]) {
      const rules = rulesOf(await findingsOf({ discovery: { ...cleanDiscovery(), issuer }, settings }));
      expect(rules.filter((rule) => rule.startsWith('issuer-'))).toEqual([]);
    }
    const other = await findingsOf({
      discovery: { ...cleanDiscovery(), issuer: `${ISSUER}/other` },
      settings,
    });
    expect(other.find((finding) => finding.rule === 'issuer-mismatch')?.message).toContain(
      'whose discovery URL is',
    );
  });

  it('treats a key with an encryption alg as not for signing, not as a broken key', async () => {
    const findings = await findingsOf(
      await withKeys(
        async (keys) => void keys.push({ ...(await rsaJwk(2048, 'oaep')), alg: 'RSA-OAEP-256' }),
      )(),
    );
    expect(rulesOf(findings)).toEqual(['jwk-not-for-signing']);
  });

  it('accepts an ES256K key that jose cannot import but Node can', async () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
    const findings = await findingsOf(
      await withKeys((keys) => void keys.push({ ...publicKey.export({ format: 'jwk' }), kid: 'k1' }))(),
    );
    expect(rulesOf(findings)).toEqual([]);
  });

  it('verifies an ES256K sample token with Node crypto where jose has no secp256k1, and catches a forged one', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const signed = `${encode({ alg: 'ES256K', kid: 'k1' })}.${encode({ iss: ISSUER, exp: NOW + 600 })}`;
    const signature = sign('sha256', Buffer.from(signed), { key: privateKey, dsaEncoding: 'ieee-p1363' });
    const token = `${signed}.${signature.toString('base64url')}`;
    const jwks = await cleanJwks();
    jwks.keys.push({ ...publicKey.export({ format: 'jwk' }), kid: 'k1' });
    const lintCase = (sample: string): LintCase => ({
      jwks,
      discovery: { ...cleanDiscovery(), id_token_signing_alg_values_supported: ['RS256', 'ES256K'] },
      settings: { token: sample },
    });
    expect(rulesOf(await findingsOf(lintCase(token), 'oidc'))).toEqual([]);
    const forged = `${signed}.${Buffer.alloc(64, 7).toString('base64url')}`;
    expect(rulesOf(await findingsOf(lintCase(forged), 'oidc'))).toEqual(['token-signature-invalid']);
  });

  it('points at the line of the first syntax error in a local file that is not JSON', async () => {
    const findings = await findingsOf({
      discoveryText: '{\n  "issuer": "https://id.example.com",\n  "jwks_uri": oops\n}',
    });
    expect(findings[0]).toMatchObject({
      rule: 'fetch-not-json',
      location: { file: DISCOVERY_FILE, line: 3 },
    });
  });

  it('names the member that makes a key non-signing', async () => {
    const findings = await findingsOf(
      await withKeys(
        async (keys) => void keys.push({ ...(await rsaJwk(2048, 'mixed')), use: 'sig', alg: 'RSA-OAEP' }),
      )(),
    );
    expect(findings.find((finding) => finding.rule === 'jwk-not-for-signing')?.message).toContain(
      '(alg "RSA-OAEP")',
    );
  });

  it('matches a discovery URL by parsed form: origin case, query and the RFC 8414 form do not matter', async () => {
    for (const discoveryUrl of [
      `https://ID.example.com/tenant/.well-known/openid-configuration?appid=123`,
      `${ISSUER}/.well-known/openid-configuration/tenant`,
    ]) {
      const settings = { issuer: `${ISSUER}/tenant`, discoveryUrl };
      const discovery = { ...cleanDiscovery(), issuer: `${ISSUER}/tenant` };
      expect(rulesOf(await findingsOf({ discovery, settings }))).not.toContain('issuer-mismatch');
    }
  });

  it('checks a single JWK given instead of a set, and still finds its private key', async () => {
    const { rsa } = await providerKeys();
    const rules = rulesOf(await findingsOf({ jwks: { ...rsa.publicJwk, d: 'c2VjcmV0LWV4cG9uZW50' } }));
    expect(rules).toEqual(expect.arrayContaining(['jwks-not-set', 'jwk-private-member']));
  });

  it('reports a null endpoint as missing and a numeric one as the wrong type', async () => {
    const rules = rulesOf(
      await findingsOf(
        { discovery: { ...cleanDiscovery(), authorization_endpoint: null, userinfo_endpoint: 7 } },
        'mender',
      ),
    );
    expect(rules).toEqual(['endpoint-missing', 'member-type']);
  });

  it("says the token's key was rejected, not absent, when the JWKS holds it but it cannot verify", async () => {
    const { rsa } = await providerKeys();
    const token = await signedToken({});
    const findings = await findingsOf({
      jwks: { keys: [{ ...rsa.publicJwk, alg: 'ES256' }] },
      settings: { token },
    });
    expect(findings.find((finding) => finding.rule === 'token-kid-unknown')?.message).toContain(
      "see that key's findings",
    );
  });

  it('suggests the member a misspelling was meant to be', async () => {
    const discovery = cleanDiscovery();
    discovery.id_token_alg_values_supported = discovery.id_token_signing_alg_values_supported;
    delete discovery.id_token_signing_alg_values_supported;
    const missing = (await findingsOf({ discovery })).find((finding) => finding.rule === 'member-missing');
    expect(missing?.message).toContain('did you mean `id_token_signing_alg_values_supported`');
    expect(missing?.fix).toBe(
      'Rename `id_token_alg_values_supported` to `id_token_signing_alg_values_supported`.',
    );
  });

  it('names the private members of a leaked key but never their values', async () => {
    const { rsa } = await providerKeys();
    const findings = await findingsOf({
      jwks: { keys: [{ ...rsa.publicJwk, d: 'UFJJVkFURS1EVkFMVUU', p: 'UFJJVkFURS1QVkFMVUU' }] },
    });
    const leak = findings.find((finding) => finding.rule === 'jwk-private-member');
    expect(leak?.value).toBe('d, p');
    expect(JSON.stringify(findings)).not.toMatch(/UFJJVkFURS1/);
  });

  it('reports a trailing-slash difference as its own rule, not as a mismatch', async () => {
    const rules = rulesOf(await findingsOf({ discovery: { ...cleanDiscovery(), issuer: `${ISSUER}/` } }));
    expect(rules).toContain('issuer-trailing-slash');
    expect(rules).not.toContain('issuer-mismatch');
  });

  it('measures an RSA key by its modulus, not counting a leading zero octet', async () => {
    const findings = await findingsOf(
      await withKeys(
        (keys) =>
          void (keys[0] = {
            ...keys[0],
            n: Buffer.concat([Buffer.from([0]), Buffer.from(keys[0]?.n ?? '', 'base64url')]).toString(
              'base64url',
            ),
          }),
      )(),
    );
    expect(rulesOf(findings)).not.toContain('jwk-rsa-weak');
  });

  it('rejects a token algorithm the target does not accept even when the provider advertises it', () => {
    expect(rulesOf(judge(checkTokenAlg('ES256K', ['ES256K'], 'mondoo'), 'mondoo'))).toEqual([
      'token-alg-rejected',
    ]);
    expect(checkTokenAlg('ES256K', ['ES256K'], 'oidc')).toEqual([]);
  });

  it('accepts an RS256-only provider under mender, and says why', async () => {
    const discovery = { ...cleanDiscovery(), id_token_signing_alg_values_supported: ['RS256'] };
    const findings = await findingsOf({ discovery }, 'mender');
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    // A warning since issue 12: RS256 is outside Mender's documented list, so it works only probably.
    const advice = findings.find((finding) => finding.rule === 'alg-mender-rs256');
    expect(advice?.severity).toBe('warning');
    expect(advice?.fix).toContain('test login');
    expect(rulesOf(findings)).not.toContain('alg-rs256-missing');
  });
});

describe('exceptions the specs make (issue 12)', () => {
  const implicitOnly = () => {
    const discovery: Record<string, unknown> = {
      ...cleanDiscovery(),
      response_types_supported: ['id_token', 'id_token token'],
    };
    delete discovery.token_endpoint;
    return { discovery };
  };

  it('does not ask an implicit-only provider for a token endpoint under mender or oidc', async () => {
    for (const profile of ['mender', 'oidc'] as const) {
      expect(rulesOf(await findingsOf(implicitOnly(), profile))).toEqual([]);
    }
    // Under mender not even a code flow makes the token endpoint matter: Mender never calls it.
    expect(rulesOf(await findingsOf(withoutTokenEndpoint(), 'mender'))).toEqual([]);
  });

  it('reads a local file with a byte order mark as JSON, and says so at info', async () => {
    const findings = await findingsOf({ discoveryText: `\uFEFF${JSON.stringify(cleanDiscovery())}` });
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['file-bom', 'info']]);
  });

  it('takes an explicit issuer port as a fact under oidc', async () => {
    const issuer = 'https://id.example.com:8443';
    const findings = await findingsOf(
      { discovery: { ...cleanDiscovery(), issuer }, settings: { issuer } },
      'oidc',
    );
    expect(findings.map((f) => [f.rule, f.severity])).toContainEqual(['issuer-port', 'info']);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('reports HS256 next to RS256 as a fact under every profile, without telling anyone to switch', async () => {
    const discovery = {
      ...cleanDiscovery(),
      id_token_signing_alg_values_supported: ['RS256', 'ES256', 'HS256'],
    };
    for (const profile of PROFILES) {
      const findings = await findingsOf({ discovery }, profile);
      expect(findings.map((f) => [f.rule, f.severity])).toEqual([['alg-symmetric', 'info']]);
      expect(findings[0]?.fix).not.toMatch(/sign .*with an asymmetric/i);
    }
  });

  it('lets keys of different types, or a signing and an encryption key, share a kid', async () => {
    const { rsa, ec } = await providerKeys();
    const shared = [
      { ...rsa.publicJwk, kid: 'shared' },
      { ...ec.publicJwk, kid: 'shared' },
      { ...(await rsaJwk(2048, 'shared')), use: 'enc', alg: 'RSA-OAEP' },
    ];
    expect(rulesOf(await findingsOf({ jwks: { keys: shared } }))).not.toContain('jwk-kid-duplicate');
    const twoRsa = [{ ...rsa.publicJwk, kid: 'same' }, await rsaJwk(2048, 'same'), ec.publicJwk];
    expect(rulesOf(await findingsOf({ jwks: { keys: twoRsa } }))).toContain('jwk-kid-duplicate');
  });

  it('tells a single key without kid (info) from one of several (warning, Core §10.1)', async () => {
    const { rsa, ec } = await providerKeys();
    const { kid: _rsaKid, ...rsaWithoutKid } = rsa.publicJwk;
    const single = await findingsOf({ jwks: { keys: [rsaWithoutKid] } });
    expect(single.find((f) => f.rule.startsWith('jwk-kid'))?.severity).toBe('info');
    const several = await findingsOf({ jwks: { keys: [rsaWithoutKid, ec.publicJwk] } });
    expect(several.find((f) => f.rule.startsWith('jwk-kid'))).toMatchObject({
      rule: 'jwk-kid-missing',
      severity: 'warning',
    });
  });

  it('accepts an Ed448 key with the fully-specified alg Ed448 (RFC 9864)', async () => {
    const discovery = { ...cleanDiscovery(), id_token_signing_alg_values_supported: ['RS256', 'Ed448'] };
    const { rsa } = await providerKeys();
    const keys = [rsa.publicJwk, ed448Jwk('ed', 'Ed448')];
    const findings = await findingsOf({ discovery, jwks: { keys } }, 'oidc');
    expect(rulesOf(findings)).not.toContain('jwk-alg-mismatch');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('calls EdDSA on a key deprecated at info, and still uses the key', async () => {
    const discovery = { ...cleanDiscovery(), id_token_signing_alg_values_supported: ['RS256', 'Ed448'] };
    const { rsa } = await providerKeys();
    const keys = [rsa.publicJwk, ed448Jwk('ed', 'EdDSA')];
    const findings = await findingsOf({ discovery, jwks: { keys } }, 'oidc');
    expect(findings.map((f) => [f.rule, f.severity])).toContainEqual(['alg-eddsa-deprecated', 'info']);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('keeps mender-auth-alg at info: the Implicit Flow never authenticates at the token endpoint', async () => {
    const discovery = { ...cleanDiscovery(), token_endpoint_auth_signing_alg_values_supported: ['HS256'] };
    const findings = await findingsOf({ discovery }, 'mender');
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['mender-auth-alg', 'info']]);
  });

  it('does not tell an ES256 provider to add RS256 under mender', async () => {
    const discovery = { ...cleanDiscovery(), id_token_signing_alg_values_supported: ['ES256'] };
    expect(rulesOf(await findingsOf({ discovery }, 'mender'))).toEqual([]);
    expect(rulesOf(await findingsOf({ discovery }, 'oidc'))).toEqual(['alg-rs256-missing']);
  });

  it("gives host-not-public each profile's own fix, speaking of Mondoo only under mondoo", async () => {
    const lintCase = { discovery: { ...cleanDiscovery(), jwks_uri: 'https://keys.internal/jwks' } };
    const fixes = await Promise.all(
      PROFILES.map(
        async (profile) =>
          (await findingsOf(lintCase, profile)).find((f) => f.rule === 'host-not-public')?.fix,
      ),
    );
    expect(fixes[0]).toContain('Mondoo');
    expect(fixes[1]).toContain('Mender');
    expect(fixes[2]).not.toContain('Mondoo');
    expect(new Set(fixes).size).toBe(3);
  });

  it('reports empty strings and empty arrays as empty', async () => {
    const discovery = {
      ...cleanDiscovery(),
      jwks_uri: '',
      userinfo_endpoint: '',
      response_types_supported: [],
      subject_types_supported: [],
    };
    const messages = (await findingsOf({ discovery, jwks: null })).map((f) => f.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        '`jwks_uri` is empty.',
        '`userinfo_endpoint` is empty.',
        '`response_types_supported` is an empty array.',
        '`subject_types_supported` is an empty array.',
      ]),
    );
    expect(messages.join('\n')).not.toContain('is not https');
  });

  it('does not use a key with e = 1 for anything', async () => {
    const findings = await findingsOf({ jwks: { keys: [await rsaWithExponent(1n, 'forgeable')] } });
    expect(rulesOf(findings)).toEqual(
      expect.arrayContaining(['jwk-rsa-exponent-one', 'jwks-no-signing-key']),
    );
  });

  it('accepts x5t and x5t#S256 that are the thumbprints of x5c[0]', async () => {
    const { jwk, der } = selfCertified('certified');
    const key = {
      ...jwk,
      x5t: createHash('sha1').update(der).digest('base64url'),
      'x5t#S256': createHash('sha256').update(der).digest('base64url'),
    };
    const rules = rulesOf(await findingsOf({ jwks: { keys: [...(await cleanJwks()).keys, key] } }));
    expect(rules).not.toContain('jwk-x5t-mismatch');
    expect(rules).not.toContain('jwk-x5c-invalid');
  });

  it('names the deciding finding in the Mender verdict of a code-only provider', async () => {
    const report = await reportOf({ discovery: { ...cleanDiscovery(), response_types_supported: ['code'] } });
    expect(report.usable).toEqual({ mondoo: true, mender: false, oidc: true });
    expect(verdictLine(report)).toContain(
      'usable with Mondoo; not usable with Mender SSO: no `id_token` response type: Mender implements only the Implicit Flow, which needs one (mender-no-id-token); conforms to OpenID Connect Discovery 1.0',
    );
    expect(report.verdicts.mender).toBe(
      'not usable with Mender SSO: no `id_token` response type: Mender implements only the Implicit Flow, which needs one',
    );
  });
});

describe('the sample token verdict', () => {
  it('is not spoilt by a document rule about the token endpoint', async () => {
    const report = await reportOf({ ...withoutTokenEndpoint(), settings: { token: await signedToken({}) } });
    expect(rulesOf(report.findings)).toContain('document-token-endpoint-missing');
    expect(report.sampleToken?.passed).toBe(true);
  });
});

function withoutTokenEndpoint(): LintCase {
  const discovery = cleanDiscovery();
  delete discovery.token_endpoint;
  return { discovery };
}

describe('offline (issue 12)', () => {
  const menderFile = { name: 'corp', well_known_url: `${ISSUER}/.well-known/openid-configuration` };

  it('fetches nothing when both files are given, and asks for a Mender well_known_url document as a file', async () => {
    // lintInputs' send rejects every request, so a fetch would show up as fetch-failed.
    const settings = lintSettings({ jwks: JWKS_FILE, discovery: DISCOVERY_FILE });
    expect(settings.offline).toBe(false); // the helper's default; readLintSettings decides in real runs
    const report = await reportOf({ discovery: menderFile, settings: { offline: true } });
    expect(report.fetches).toEqual([]);
    expect(rulesOf(report.findings)).toEqual(['offline-not-fetched']);
    expect(report.findings[0]?.fix).toContain('as a file');
  });

  it('asks for the key set as a file instead of fetching jwks_uri', async () => {
    const report = await reportOf({ jwks: null, settings: { offline: true } });
    expect(report.fetches).toEqual([]);
    expect(rulesOf(report.findings)).toContain('offline-not-fetched');
    expect(report.findings[0]?.message).toContain('JWK Set');
  });

  it('is what the settings say when discovery and jwks are both given, or --offline is', () => {
    const inputs = (values: Record<string, string>) => (name: string) => values[name] ?? '';
    expect(readLintSettings(inputs({ discovery: 'd.json', jwks: 'k.json' }), () => true).offline).toBe(true);
    expect(readLintSettings(inputs({ discovery: 'd.json' }), () => true).offline).toBe(false);
    expect(readLintSettings(inputs({ discovery: 'd.json', offline: 'true' }), () => true).offline).toBe(true);
  });
});
