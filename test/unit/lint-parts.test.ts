import { describe, expect, it } from 'vitest';
import { severityOf } from '../../src/lint/catalogue.js';
import { judge } from '../../src/lint/findings.js';
import { shown } from '../../src/lint/shown.js';
import { bitLength } from '../../src/lint/jwk-facts.js';
import { nonPublicReason } from '../../src/lint/hosts.js';
import { jsonLines } from '../../src/lint/json-lines.js';
import { discoveryUrlOf, insertedDiscoveryUrl, issuerOfWellKnownUrl } from '../../src/lint/well-known.js';

describe('judge', () => {
  it('gives each profile its own severity and drops rules that do not apply there', () => {
    const observations = [
      { rule: 'host-not-public' as const, message: 'loopback' },
      { rule: 'alg-mender-rs256' as const, message: 'RS256 only' },
    ];
    expect(judge(observations, 'mondoo').map((f) => [f.rule, f.severity])).toEqual([
      ['host-not-public', 'error'],
    ]);
    expect(judge(observations, 'mender').map((f) => [f.rule, f.severity])).toEqual([
      ['host-not-public', 'warning'],
      ['alg-mender-rs256', 'warning'],
    ]);
    expect(judge(observations, 'oidc').map((f) => [f.rule, f.severity])).toEqual([
      ['host-not-public', 'info'],
    ]);
  });

  it('puts errors first and keeps the order rules produced within a severity', () => {
    const findings = judge(
      [
        { rule: 'issuer-port', message: 'first warning' },
        { rule: 'issuer-mismatch', message: 'first error' },
        { rule: 'jwk-kid-missing', message: 'second warning' },
        { rule: 'jwk-rsa-weak', message: 'second error' },
      ],
      'mondoo',
    );
    expect(findings.map((f) => f.message)).toEqual([
      'first error',
      'second error',
      'first warning',
      'second warning',
    ]);
  });

  it('uses the catalogue fix unless the observation brings a sharper one', () => {
    const [general, specific] = judge(
      [
        { rule: 'fetch-failed', message: 'a' },
        { rule: 'fetch-failed', message: 'b', fix: 'Check the host name.' },
      ],
      'oidc',
    );
    expect(general?.fix).toMatch(/reachable from the internet/);
    expect(specific?.fix).toBe('Check the host name.');
  });

  it('makes workload identity stricter than SSO about endpoints, and OIDC strictest about RS256', () => {
    expect([severityOf('endpoint-missing', 'mondoo'), severityOf('endpoint-missing', 'mender')]).toEqual([
      'info',
      'error',
    ]);
    expect([severityOf('alg-rs256-missing', 'mondoo'), severityOf('alg-rs256-missing', 'oidc')]).toEqual([
      'info',
      'error',
    ]);
  });
});

describe('shown', () => {
  it('quotes strings as JSON and cuts long values', () => {
    expect(shown('a"b')).toBe('"a\\"b"');
    expect(shown(['RS256'])).toBe('["RS256"]');
    const long = shown('x'.repeat(500));
    expect(long.length).toBe(120);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('bitLength', () => {
  it('counts the bits of a modulus from its highest set bit, leading zero octets ignored', () => {
    expect(bitLength(Buffer.from([0x80, 0x00]))).toBe(16);
    expect(bitLength(Buffer.from([0x00, 0x01, 0xff]))).toBe(9);
    expect(bitLength(Buffer.from([0x00, 0x00]))).toBe(0);
  });
});

describe('shown on hostile values', () => {
  it('shows a value nested too deep to serialise to a few levels instead of throwing', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(shown(deep)).toBe('[[[[[…]]]]]');
  });
});

describe('jsonLines', () => {
  const text = [
    '{',
    '  "issuer": "https://a",',
    '  "keys": [',
    '    { "kid": "1",',
    '      "d": "x" },',
    '    {"kid": "2"}',
    '  ],',
    '  "n": 1',
    '}',
  ].join('\n');

  it('maps members and array elements to the line they start on', () => {
    const lines = jsonLines(text);
    expect(lines.get('/issuer')).toBe(2);
    expect(lines.get('/keys')).toBe(3);
    expect(lines.get('/keys/0')).toBe(4);
    expect(lines.get('/keys/0/d')).toBe(5);
    expect(lines.get('/keys/1')).toBe(6);
    expect(lines.get('/keys/1/kid')).toBe(6);
    expect(lines.get('/n')).toBe(8);
  });

  it('escapes member names as JSON Pointer does and is not fooled by brackets in strings', () => {
    const lines = jsonLines('{"a/b": "[{,",\n"c~d": 2}');
    expect(lines.get('/a~1b')).toBe(1);
    expect(lines.get('/c~0d')).toBe(2);
  });

  it('counts lines ended by \\r\\n or a lone \\r the way editors do', () => {
    expect(jsonLines('{\r\n"a": 1,\r\n"b": 2}').get('/b')).toBe(3);
    expect(jsonLines('{\r"a": 1,\r"b": 2}').get('/b')).toBe(3);
  });

  it('survives nesting far deeper than it records', () => {
    const deep = `{"x": ${'['.repeat(20_000)}${']'.repeat(20_000)},\n"y": 1}`;
    const lines = jsonLines(deep);
    expect(lines.get('/y')).toBe(2);
  });
});

describe('nonPublicReason', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['[::1]', 'a loopback address'],
    ['10.194.230.72', 'a private-range address'],
    ['192.168.1.10', 'a private-range address'],
    ['::ffff:172.16.0.1', 'a private-range address'],
    ['fd00::1', 'a private-range address'],
    ['localhost', 'a loopback name'],
    ['kubernetes.default.svc.cluster.local', 'a cluster-local name'],
    ['idp.corp.internal', 'a local name'],
    ['keycloak', 'a single-label name that only resolves inside a network'],
    ['localhost.', 'a loopback name'],
    ['idp.corp.internal.', 'a local name'],
    ['198.18.0.7', 'a private-range address'],
    ['::ffff:7f00:1', 'a loopback address'],
    ['0.0.0.0', 'an unspecified address'],
    ['239.1.2.3', 'a multicast, reserved or documentation address'],
    ['192.0.2.10', 'a multicast, reserved or documentation address'],
    ['ff02::1', 'a multicast, reserved or documentation address'],
  ])('%s is %s', (host, reason) => {
    expect(nonPublicReason(host)).toBe(reason);
  });

  it.each(['token.actions.githubusercontent.com', '8.8.8.8', '2001:4860:4860::8888'])(
    '%s looks public',
    (host) => {
      expect(nonPublicReason(host)).toBeUndefined();
    },
  );
});

describe('well-known URLs', () => {
  it('appends the OIDC suffix after dropping a trailing slash', () => {
    expect(discoveryUrlOf('https://a.example/')).toBe('https://a.example/.well-known/openid-configuration');
    expect(discoveryUrlOf('https://a.example/tenant')).toBe(
      'https://a.example/tenant/.well-known/openid-configuration',
    );
  });

  it('builds the RFC 8414 inserted form only for issuers with a path', () => {
    expect(insertedDiscoveryUrl('https://a.example/tenant/')).toBe(
      'https://a.example/.well-known/openid-configuration/tenant',
    );
    expect(insertedDiscoveryUrl('https://a.example/')).toBeUndefined();
    expect(insertedDiscoveryUrl('not a url')).toBeUndefined();
  });

  it('recovers the issuer from a Mender well_known_url', () => {
    expect(issuerOfWellKnownUrl('https://a.example/realms/x/.well-known/openid-configuration')).toBe(
      'https://a.example/realms/x',
    );
    expect(issuerOfWellKnownUrl('https://a.example/keys')).toBeUndefined();
  });
});
