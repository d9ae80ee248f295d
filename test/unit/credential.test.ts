import { describe, expect, it } from 'vitest';
import { decodeCredential, secretsToMask } from '../../src/exchange/credential.js';
import { ACCOUNT_IDS, ecPrivateKeyPem, selfSignedCertificatePem, thrownBy, toBase64 } from './helpers.js';

const PRIVATE_KEY = ecPrivateKeyPem();
const CERTIFICATE = selfSignedCertificatePem();
const PLATFORM_TOKEN =
  'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJmYWtlLXBsYXRmb3JtLXRva2VuIn0.FAKEsignatureFAKEsignature';

const KEY_ACCOUNT = { ...ACCOUNT_IDS, private_key: PRIVATE_KEY, certificate: CERTIFICATE };
const TOKEN_ACCOUNT = { ...ACCOUNT_IDS, token: PLATFORM_TOKEN };

function encode(account: unknown, space?: number): string {
  return toBase64(JSON.stringify(account, null, space));
}

/** Base64 of the account's JSON with its `=` padding stripped (spaces added until there is padding to strip). */
function unpadded(account: unknown): string {
  let json = JSON.stringify(account);
  while (toBase64(json).endsWith('=') === false) json += ' ';
  return toBase64(json).replace(/=+$/, '');
}

/** The lines of the PEM key that are secret: everything but the armour. */
const KEY_BODY_LINES = PRIVATE_KEY.split('\n').filter((line) => line !== '' && !line.startsWith('-----'));

/** Every secret-bearing string a refusal must not contain. */
function expectNoSecretIn(text: string, base64: string): void {
  expect(text).not.toContain(base64);
  expect(text).not.toContain(base64.slice(0, 24));
  for (const line of KEY_BODY_LINES) expect(text).not.toContain(line);
  expect(text).not.toContain(PLATFORM_TOKEN);
  expect(text).not.toContain('FAKEsignature');
}

describe('decodeCredential accepts', () => {
  it('the key form {mrn, space_mrn, api_endpoint, private_key, certificate}', () => {
    const base64 = encode(KEY_ACCOUNT);
    const credential = decodeCredential(base64);
    expect(credential.base64).toBe(base64);
    expect(credential.json).toBe(JSON.stringify(KEY_ACCOUNT));
    expect(credential.account).toEqual(KEY_ACCOUNT);
  });

  it('the token form {mrn, space_mrn, api_endpoint, token}', () => {
    const credential = decodeCredential(encode(TOKEN_ACCOUNT));
    expect(credential.account.token).toBe(PLATFORM_TOKEN);
    expect(credential.account.private_key).toBeUndefined();
  });

  it('a pretty-printed credential with an optional parent_mrn', () => {
    const account = { ...KEY_ACCOUNT, parent_mrn: '//captain.api.mondoo.app/organizations/acme' };
    expect(decodeCredential(encode(account, 2)).account.parent_mrn).toBe(account.parent_mrn);
  });
});

describe('decodeCredential refuses', () => {
  const keyBase64 = encode(KEY_ACCOUNT);
  // ASCII JSON yields `+` or `/` only from characters such as `?`: three in a row hit every alignment.
  const withSlash = encode({ ...KEY_ACCOUNT, parent_mrn: '//captain.api.mondoo.app/organizations/acme???' });
  const urlSafeBase64 = withSlash.replace(/\+/g, '-').replace(/\//g, '_');

  it('has a URL-safe case that really differs from standard base64', () => {
    expect(urlSafeBase64).not.toBe(withSlash);
    expect(() => decodeCredential(withSlash)).not.toThrow();
  });

  const cases: [string, string][] = [
    ['non-base64 text', `not base64 at all: ${PLATFORM_TOKEN}`],
    ['URL-safe base64', urlSafeBase64],
    ['unpadded base64', unpadded(TOKEN_ACCOUNT)],
    ['line-wrapped base64', keyBase64.replace(/(.{76})/g, '$1\n')],
    ['base64 of non-JSON', toBase64(`private_key=${PRIVATE_KEY}`)],
    ['the empty string', ''],
    ['a JSON array', toBase64(JSON.stringify([KEY_ACCOUNT]))],
    ['JSON null', toBase64('null')],
    ['a missing mrn', encode({ ...KEY_ACCOUNT, mrn: undefined })],
    ['an empty mrn', encode({ ...KEY_ACCOUNT, mrn: '' })],
    ['a missing space_mrn', encode({ ...KEY_ACCOUNT, space_mrn: undefined })],
    ['a missing api_endpoint', encode({ ...TOKEN_ACCOUNT, api_endpoint: undefined })],
    ['a non-URL api_endpoint', encode({ ...TOKEN_ACCOUNT, api_endpoint: 'us.api.mondoo.com' })],
    ['an http api_endpoint', encode({ ...TOKEN_ACCOUNT, api_endpoint: 'http://us.api.mondoo.com' })],
    ['private_key without certificate', encode({ ...KEY_ACCOUNT, certificate: undefined })],
    ['certificate without private_key', encode({ ...KEY_ACCOUNT, private_key: undefined })],
    [
      'an unparseable private key',
      encode({ ...KEY_ACCOUNT, private_key: PRIVATE_KEY.replace(/\n[A-Za-z0-9+/]{8}/, '\n!!!!!!!!') }),
    ],
    ['a certificate as private_key', encode({ ...KEY_ACCOUNT, private_key: CERTIFICATE })],
    [
      'an unparseable certificate',
      encode({ ...KEY_ACCOUNT, certificate: '-----BEGIN CERTIFICATE-----\nAAAA\n' }),
    ],
    ['neither key nor token', encode(ACCOUNT_IDS)],
    ['an empty token', encode({ ...ACCOUNT_IDS, token: '' })],
  ];

  it.each(cases)('%s, as credential-invalid, without any secret in the message', (_name, base64) => {
    const error = thrownBy(() => decodeCredential(base64));
    expect(error.kind).toBe('credential-invalid');
    expect(error.message).toMatch(/^Mondoo's token exchange returned an unusable credential: /);
    expect(error.fix).toContain('Nothing was exported');
    if (base64) expectNoSecretIn(error.describe(), base64);
  });

  it('names what is wrong', () => {
    const problem = (base64: string) => thrownBy(() => decodeCredential(base64)).message;
    expect(problem(urlSafeBase64)).toContain('not standard padded base64');
    expect(problem(toBase64('nope'))).toContain('does not decode to JSON');
    expect(problem(toBase64('[]'))).toContain('does not decode to a JSON object');
    expect(problem(encode({ ...KEY_ACCOUNT, space_mrn: undefined }))).toContain('no `space_mrn`');
    expect(problem(encode({ ...TOKEN_ACCOUNT, api_endpoint: 'http://x.example' }))).toContain(
      '`api_endpoint` is not an https:// URL',
    );
    expect(problem(encode({ ...KEY_ACCOUNT, certificate: undefined }))).toContain('but not both');
    expect(problem(encode({ ...KEY_ACCOUNT, private_key: 'garbage' }))).toContain(
      '`private_key` is not a readable PEM private key',
    );
    expect(problem(encode({ ...KEY_ACCOUNT, certificate: 'garbage' }))).toContain(
      '`certificate` is not a readable PEM certificate',
    );
    expect(problem(encode(ACCOUNT_IDS))).toContain('neither `private_key` with `certificate` nor `token`');
  });
});

describe('secretsToMask', () => {
  it('includes the base64, the decoded JSON and the private key', () => {
    const credential = decodeCredential(encode(KEY_ACCOUNT));
    const secrets = secretsToMask(credential);
    expect(secrets).toContain(credential.base64);
    expect(secrets).toContain(credential.json);
    expect(secrets).toContain(PRIVATE_KEY);
  });

  it('includes every body line of the PEM key but not the BEGIN/END armour', () => {
    const secrets = secretsToMask(decodeCredential(encode(KEY_ACCOUNT)));
    expect(KEY_BODY_LINES.length).toBeGreaterThanOrEqual(2);
    for (const line of KEY_BODY_LINES) expect(secrets).toContain(line);
    expect(secrets).not.toContain('-----BEGIN PRIVATE KEY-----');
    expect(secrets).not.toContain('-----END PRIVATE KEY-----');
  });

  it('includes the key as it appears escaped inside printed JSON', () => {
    const secrets = secretsToMask(decodeCredential(encode(KEY_ACCOUNT)));
    const escaped = JSON.stringify(PRIVATE_KEY).slice(1, -1);
    expect(escaped).toContain('\\n');
    expect(secrets).toContain(escaped);
    // What a log line of the printed credential would show is covered by that entry.
    expect(JSON.stringify(KEY_ACCOUNT)).toContain(escaped);
  });

  it('masks key lines even when the key uses CRLF line endings', () => {
    const crlfKey = PRIVATE_KEY.replace(/\n/g, '\r\n');
    const secrets = secretsToMask(decodeCredential(encode({ ...KEY_ACCOUNT, private_key: crlfKey })));
    for (const line of KEY_BODY_LINES) expect(secrets).toContain(line);
    expect(secrets.some((secret) => secret.endsWith('\r'))).toBe(false);
  });

  it('includes the token of the token form', () => {
    const credential = decodeCredential(encode(TOKEN_ACCOUNT));
    const secrets = secretsToMask(credential);
    expect(secrets).toContain(PLATFORM_TOKEN);
    expect(secrets).toContain(credential.base64);
    expect(secrets).toContain(credential.json);
  });

  it('does not mask non-secret identity fields on their own', () => {
    const secrets = secretsToMask(decodeCredential(encode(KEY_ACCOUNT, 2)));
    for (const value of [...Object.values(ACCOUNT_IDS), CERTIFICATE]) expect(secrets).not.toContain(value);
  });

  it('never contains `{`, `}` or anything shorter than 4 characters, even for pretty-printed JSON', () => {
    for (const account of [KEY_ACCOUNT, TOKEN_ACCOUNT, { ...KEY_ACCOUNT, token: PLATFORM_TOKEN }]) {
      for (const space of [undefined, 2, '\t']) {
        const secrets = secretsToMask(decodeCredential(toBase64(JSON.stringify(account, null, space))));
        for (const secret of secrets) {
          expect(secret.trim()).not.toBe('{');
          expect(secret.trim()).not.toBe('}');
          expect(secret.trim().length).toBeGreaterThanOrEqual(4);
        }
      }
    }
  });

  it('lists each secret once', () => {
    const secrets = secretsToMask(decodeCredential(encode(KEY_ACCOUNT)));
    expect(new Set(secrets).size).toBe(secrets.length);
  });
});
