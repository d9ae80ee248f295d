import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  credentialMaskForms,
  credentialWarnings,
  decodeCredential,
  spaceOf,
} from '../../src/exchange/credential.js';
import { MIN_MASK_LENGTH } from '../../src/secrets/mask-forms.js';
import { ACCOUNT_IDS, ecPrivateKeyPem, selfSignedCertificatePem, thrownBy, toBase64 } from './helpers.js';

const PRIVATE_KEY = ecPrivateKeyPem();
const CERTIFICATE = selfSignedCertificatePem();
const PLATFORM_TOKEN =
  'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJmYWtlLXBsYXRmb3JtLXRva2VuIn0.FAKEsignatureFAKEsignature';

const KEY_ACCOUNT = { ...ACCOUNT_IDS, private_key: PRIVATE_KEY, certificate: CERTIFICATE };

/** Keys Mondoo's clients cannot sign with, each in the PEM form OpenSSL writes for it. */
const pemOf = (key: KeyObject, type: 'pkcs8' | 'pkcs1' | 'sec1') =>
  key.export({ type, format: 'pem' }).toString();
const RSA = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const RSA_PKCS8 = pemOf(RSA, 'pkcs8');
const RSA_PKCS1 = pemOf(RSA, 'pkcs1');
const P384_SEC1 = pemOf(generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey, 'sec1');
const P256_PKCS8 = pemOf(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey, 'pkcs8');
const ED25519_PKCS8 = pemOf(generateKeyPairSync('ed25519').privateKey, 'pkcs8');
const REFUSED_KEYS = [RSA_PKCS8, RSA_PKCS1, P384_SEC1, P256_PKCS8, ED25519_PKCS8];
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

/** The same key with its body re-wrapped at `width` characters (OpenSSL reads any width). */
function wrappedKey(width: number): string {
  const lines = KEY_BODY_LINES.join('').match(new RegExp(`.{1,${width}}`, 'g')) ?? [];
  return ['-----BEGIN PRIVATE KEY-----', ...lines, '-----END PRIVATE KEY-----', ''].join('\n');
}

/** Every secret-bearing string a refusal must not contain. */
function expectNoSecretIn(text: string, base64: string): void {
  expect(text).not.toContain(base64);
  expect(text).not.toContain(base64.slice(0, 24));
  for (const line of KEY_BODY_LINES) expect(text).not.toContain(line);
  expect(text).not.toContain(PLATFORM_TOKEN);
  expect(text).not.toContain('FAKEsignature');
  for (const key of REFUSED_KEYS) {
    for (const line of key.split('\n').filter((l) => l && !l.startsWith('-----'))) {
      expect(text).not.toContain(line);
    }
  }
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
    ['no space member at all', encode({ ...KEY_ACCOUNT, space_mrn: undefined })],
    ['only empty space members', encode({ ...KEY_ACCOUNT, space_mrn: '', scope_mrn: '', parent_mrn: '' })],
    ['a missing api_endpoint', encode({ ...TOKEN_ACCOUNT, api_endpoint: undefined })],
    ['a non-URL api_endpoint', encode({ ...TOKEN_ACCOUNT, api_endpoint: 'us.api.mondoo.com' })],
    ['an http api_endpoint', encode({ ...TOKEN_ACCOUNT, api_endpoint: 'http://us.api.mondoo.com' })],
    ['certificate without private_key', encode({ ...KEY_ACCOUNT, private_key: undefined })],
    ['an RSA key in PKCS#8', encode({ ...KEY_ACCOUNT, private_key: RSA_PKCS8 })],
    ['an RSA key in PKCS#1', encode({ ...KEY_ACCOUNT, private_key: RSA_PKCS1 })],
    ['a P-384 key in SEC1', encode({ ...KEY_ACCOUNT, private_key: P384_SEC1 })],
    ['a P-256 key in PKCS#8', encode({ ...KEY_ACCOUNT, private_key: P256_PKCS8 })],
    ['an Ed25519 key in PKCS#8', encode({ ...KEY_ACCOUNT, private_key: ED25519_PKCS8 })],
    ['a numeric token beside the key pair', encode({ ...KEY_ACCOUNT, token: 12345678901234 })],
    ['a numeric private_key', encode({ ...KEY_ACCOUNT, private_key: 42 })],
    [
      'a private_key given as an array of lines',
      encode({ ...KEY_ACCOUNT, private_key: PRIVATE_KEY.split('\n') }),
    ],
    ['an object mrn', encode({ ...KEY_ACCOUNT, mrn: { id: 'x' } })],
    ['a null space_mrn and no other space', encode({ ...KEY_ACCOUNT, space_mrn: null })],
    ['a boolean certificate', encode({ ...KEY_ACCOUNT, certificate: true })],
    ['a one-character token', encode({ ...ACCOUNT_IDS, token: 'e' })],
    ['a seven-character token', encode({ ...ACCOUNT_IDS, token: ' 1234567\n' })],
    ['a short token beside the key pair', encode({ ...KEY_ACCOUNT, token: 'abc' })],
    [
      'a private key wrapped in lines too short to mask',
      encode({ ...KEY_ACCOUNT, private_key: wrappedKey(4) }),
    ],
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
    expect(problem(encode({ ...KEY_ACCOUNT, space_mrn: undefined }))).toContain(
      'it names no space (`scope_mrn`, `space_mrn` or `parent_mrn`)',
    );
    expect(problem(encode({ ...TOKEN_ACCOUNT, api_endpoint: 'http://x.example' }))).toContain(
      '`api_endpoint` is not an https:// URL',
    );
    expect(problem(encode({ ...KEY_ACCOUNT, private_key: undefined }))).toContain(
      'it has a `certificate` but neither a `private_key` nor a `token`',
    );
    expect(problem(encode({ ...KEY_ACCOUNT, private_key: 'garbage' }))).toContain(
      '`private_key` is not a readable PEM private key',
    );
    expect(problem(encode({ ...KEY_ACCOUNT, certificate: 'garbage' }))).toContain(
      '`certificate` is not a readable PEM certificate',
    );
    expect(problem(encode(ACCOUNT_IDS))).toContain('it has neither a `private_key` nor a `token`');
  });
});

describe('decodeCredential names a member of the wrong type and the type it found', () => {
  const problem = (account: unknown) => thrownBy(() => decodeCredential(encode(account))).message;

  it.each([
    ['token', 12345678901234, 'a number'],
    ['scope_mrn', 5, 'a number'],
    ['token', ['a', 'b'], 'an array'],
    ['private_key', 42, 'a number'],
    ['private_key', PRIVATE_KEY.split('\n'), 'an array'],
    ['certificate', { pem: CERTIFICATE }, 'an object'],
    ['mrn', { id: 'x' }, 'an object'],
    ['api_endpoint', false, 'a boolean'],
    ['parent_mrn', 7, 'a number'],
    ['scope_mrn', [], 'an array'],
  ])('%s given %j', (member, value, type) => {
    const message = problem({ ...KEY_ACCOUNT, [member]: value });
    expect(message).toContain(`\`${member}\` is ${type}, not a string`);
    expect(message).not.toMatch(/bug|unexpected/i);
  });

  it('takes a null optional member, or an empty token beside the key pair, as absent (as cnspec does)', () => {
    expect(
      decodeCredential(encode({ ...KEY_ACCOUNT, parent_mrn: null, scope_mrn: '', token: null })).account,
    ).toEqual(KEY_ACCOUNT);
    expect(decodeCredential(encode({ ...KEY_ACCOUNT, token: '' })).account.token).toBeUndefined();
  });
});

describe('decodeCredential refuses secrets too short to be masked', () => {
  const problem = (account: unknown) => thrownBy(() => decodeCredential(encode(account))).message;

  it('a token under the floor, saying how long it is and why that matters', () => {
    expect(problem({ ...ACCOUNT_IDS, token: 'e' })).toContain(
      `\`token\` is 1 character long: below ${MIN_MASK_LENGTH}, too short to be a credential or to be masked`,
    );
    expect(problem({ ...KEY_ACCOUNT, token: '1234567' })).toContain('`token` is 7 characters long');
  });

  it('accepts a token at the floor', () => {
    expect(decodeCredential(encode({ ...ACCOUNT_IDS, token: '12345678' })).account.token).toBe('12345678');
  });

  it('a private key whose lines are all under the floor, while one wrapped at the floor is accepted', () => {
    expect(problem({ ...KEY_ACCOUNT, private_key: wrappedKey(4) })).toContain(
      `\`private_key\` has lines shorter than ${MIN_MASK_LENGTH} characters, too short to be masked`,
    );
    expect(problem({ ...KEY_ACCOUNT, private_key: wrappedKey(MIN_MASK_LENGTH - 1) })).toContain('too short');
    expect(
      decodeCredential(encode({ ...KEY_ACCOUNT, private_key: wrappedKey(MIN_MASK_LENGTH) })).account,
    ).toEqual({
      ...KEY_ACCOUNT,
      private_key: wrappedKey(MIN_MASK_LENGTH),
    });
  });
});

describe('credentialMaskForms', () => {
  it('includes the base64, the decoded JSON and each line of the private key', () => {
    const credential = decodeCredential(encode(KEY_ACCOUNT));
    const forms = credentialMaskForms(credential.base64);
    expect(forms).toContain(credential.base64);
    expect(forms).toContain(credential.json);
    for (const line of KEY_BODY_LINES) expect(forms).toContain(line);
  });

  it('never the BEGIN/END armour, never a line break, nothing under the floor', () => {
    for (const account of [KEY_ACCOUNT, TOKEN_ACCOUNT, { ...KEY_ACCOUNT, token: PLATFORM_TOKEN }]) {
      for (const space of [undefined, 2, '\t']) {
        const forms = credentialMaskForms(toBase64(JSON.stringify(account, null, space)));
        expect(forms).not.toContain('-----BEGIN PRIVATE KEY-----');
        expect(forms).not.toContain('-----END PRIVATE KEY-----');
        for (const form of forms) {
          expect(form).not.toMatch(/[\r\n]/);
          expect(form.length).toBeGreaterThanOrEqual(MIN_MASK_LENGTH);
        }
      }
    }
  });

  it('includes the key as it appears escaped inside printed JSON', () => {
    const forms = credentialMaskForms(encode(KEY_ACCOUNT));
    const escaped = JSON.stringify(PRIVATE_KEY.trim()).slice(1, -1);
    expect(escaped).toContain('\\n');
    expect(forms).toContain(escaped);
    expect(JSON.stringify(KEY_ACCOUNT)).toContain(escaped);
  });

  it('masks key lines even when the key uses CRLF line endings', () => {
    const forms = credentialMaskForms(
      encode({ ...KEY_ACCOUNT, private_key: PRIVATE_KEY.replace(/\n/g, '\r\n') }),
    );
    for (const line of KEY_BODY_LINES) expect(forms).toContain(line);
  });

  it('includes the token of the token form', () => {
    const forms = credentialMaskForms(encode(TOKEN_ACCOUNT));
    expect(forms).toContain(PLATFORM_TOKEN);
  });

  it('covers what decodeCredential will refuse: a numeric token, a key as an array, lenient base64', () => {
    const numeric = credentialMaskForms(encode({ ...KEY_ACCOUNT, token: 12345678901234 }));
    expect(numeric).toContain('12345678901234');
    for (const line of KEY_BODY_LINES) expect(numeric).toContain(line);
    const asArray = credentialMaskForms(encode({ ...KEY_ACCOUNT, private_key: PRIVATE_KEY.split('\n') }));
    for (const line of KEY_BODY_LINES) expect(asArray).toContain(line);
    const urlSafe = encode(TOKEN_ACCOUNT).replace(/\+/g, '-').replace(/\//g, '_');
    expect(credentialMaskForms(urlSafe)).toContain(PLATFORM_TOKEN);
  });

  it('does not mask non-secret identity values on their own', () => {
    const forms = credentialMaskForms(encode(KEY_ACCOUNT, 2));
    for (const value of [...Object.values(ACCOUNT_IDS), CERTIFICATE]) expect(forms).not.toContain(value);
  });

  it('lists each form once', () => {
    const forms = credentialMaskForms(encode(KEY_ACCOUNT));
    expect(new Set(forms).size).toBe(forms.length);
  });
});

describe('the space, as cnspec reads it (GetScopeMrn: scope_mrn, else space_mrn, else parent_mrn)', () => {
  const { space_mrn: _space, ...noSpace } = KEY_ACCOUNT;
  const SCOPE = '//captain.api.mondoo.app/spaces/scope-space';
  const SPACE = '//captain.api.mondoo.app/spaces/space-space';
  const PARENT = '//captain.api.mondoo.app/spaces/parent-space';
  const spaceIn = (members: object) => spaceOf(decodeCredential(encode({ ...noSpace, ...members })).account);

  it.each([
    ['scope_mrn alone', { scope_mrn: SCOPE }, SCOPE],
    ['space_mrn alone', { space_mrn: SPACE }, SPACE],
    ['parent_mrn alone', { parent_mrn: PARENT }, PARENT],
    ['all three', { parent_mrn: PARENT, space_mrn: SPACE, scope_mrn: SCOPE }, SCOPE],
    ['space_mrn and parent_mrn', { parent_mrn: PARENT, space_mrn: SPACE }, SPACE],
    ['an empty scope_mrn before space_mrn', { scope_mrn: '', space_mrn: SPACE }, SPACE],
    ['a null space_mrn before parent_mrn', { space_mrn: null, parent_mrn: PARENT }, PARENT],
  ])('takes %s', (_name, members, expected) => {
    expect(spaceIn(members)).toBe(expected);
  });

  it('reads the token form with its space_mrn', () => {
    expect(spaceOf(decodeCredential(encode(TOKEN_ACCOUNT)).account)).toBe(ACCOUNT_IDS.space_mrn);
  });
});

describe("the private key Mondoo's clients sign with: ECDSA P-384 in PKCS#8 PEM", () => {
  const problem = (privateKey: string) =>
    thrownBy(() => decodeCredential(encode({ ...KEY_ACCOUNT, private_key: privateKey }))).message;

  it('accepts a P-384 key in PKCS#8, with LF or CRLF line ends', () => {
    expect(decodeCredential(encode(KEY_ACCOUNT)).account.private_key).toBe(PRIVATE_KEY);
    const crlf = PRIVATE_KEY.replace(/\n/g, '\r\n');
    expect(decodeCredential(encode({ ...KEY_ACCOUNT, private_key: crlf })).account.private_key).toBe(crlf);
  });

  it.each([
    ['an RSA key in PKCS#8', () => RSA_PKCS8, /`private_key` is an RSA key; .*ECDSA P-384 key in PKCS#8 PEM/],
    [
      'an RSA key in PKCS#1',
      () => RSA_PKCS1,
      /`private_key` is in PKCS#1 PEM \(`RSA PRIVATE KEY`\), an RSA key;/,
    ],
    [
      'a P-384 key in SEC1',
      () => P384_SEC1,
      /`private_key` is in SEC1 PEM \(`EC PRIVATE KEY`\) on curve P-384;/,
    ],
    [
      'a P-256 key in PKCS#8',
      () => P256_PKCS8,
      /`private_key` is an ECDSA key on curve P-256, not P-384: .*ES384/,
    ],
    ['an Ed25519 key', () => ED25519_PKCS8, /`private_key` is an Ed25519 key;/],
    [
      'a certificate',
      () => CERTIFICATE,
      /`private_key` is a PEM block labelled `CERTIFICATE`, not a private key/,
    ],
    [
      'an encrypted key',
      () =>
        '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG\n-----END ENCRYPTED PRIVATE KEY-----\n',
      /encrypted PKCS#8 PEM/,
    ],
  ])('refuses %s, naming what it found and no key text', (_name, key, message) => {
    const text = problem(key());
    expect(text).toMatch(message);
    expectNoSecretIn(text, encode({ ...KEY_ACCOUNT, private_key: key() }));
  });

  it('does not quote a PEM label that could carry anything', () => {
    const odd = PRIVATE_KEY.replace(/PRIVATE KEY/g, 'PRIVATE KEY::set-output a\u0007');
    expect(problem(odd)).toContain('a PEM block labelled `an unknown label`');
  });
});

describe('a key pair without certificate', () => {
  const { certificate: _certificate, ...noCertificate } = KEY_ACCOUNT;

  it('is accepted, with a warning that the key alone authenticates', () => {
    const credential = decodeCredential(encode(noCertificate));
    expect(credential.account.certificate).toBeUndefined();
    expect(credentialWarnings(credential.account, 'certificate')).toEqual([
      expect.stringMatching(/has a `private_key` but no `certificate`.*sign with the key alone/),
    ]);
  });
});

describe('credentialWarnings: what was asked for against what came back', () => {
  const key = decodeCredential(encode(KEY_ACCOUNT)).account;
  const token = decodeCredential(encode(TOKEN_ACCOUNT)).account;

  it('is silent when the answer is the form that was asked for', () => {
    expect(credentialWarnings(key, 'certificate')).toEqual([]);
    expect(credentialWarnings(token, 'token')).toEqual([]);
    expect(credentialWarnings({ ...key, token: PLATFORM_TOKEN }, 'token')).toEqual([]);
  });

  it('says the service ignored the request when a token was asked for and a key pair came', () => {
    const [warning, ...rest] = credentialWarnings(key, 'token');
    expect(rest).toEqual([]);
    expect(warning).toContain('`credential-type` is `token`, but Mondoo answered with a key pair');
    expect(warning).toContain('ignored the request for a token credential');
  });

  it('names who cannot read a token credential when one came unasked', () => {
    const [warning] = credentialWarnings(token, 'certificate');
    expect(warning).toMatch(
      /cnspec built on a recent mql reads it, but mondoo-go and the Terraform provider need a key pair/,
    );
  });
});
