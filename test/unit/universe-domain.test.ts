import { describe, expect, it } from 'vitest';
import { exchangeUrl, normalizeUniverseDomain } from '../../src/universe-domain.js';
import { thrownBy } from './helpers.js';

describe('normalizeUniverseDomain', () => {
  it('falls back to https://us.api.mondoo.com when the input is empty or blank', () => {
    expect(normalizeUniverseDomain('')).toBe('https://us.api.mondoo.com');
    expect(normalizeUniverseDomain('   ')).toBe('https://us.api.mondoo.com');
  });

  it('adds https:// to a bare host', () => {
    expect(normalizeUniverseDomain('eu.api.mondoo.com')).toBe('https://eu.api.mondoo.com');
    expect(normalizeUniverseDomain('  eu.api.mondoo.com  ')).toBe('https://eu.api.mondoo.com');
  });

  it('keeps an explicit non-default port and drops the default one', () => {
    expect(normalizeUniverseDomain('mondoo.internal:8443')).toBe('https://mondoo.internal:8443');
    expect(normalizeUniverseDomain('https://eu.api.mondoo.com:443')).toBe('https://eu.api.mondoo.com');
  });

  it('removes trailing slashes', () => {
    expect(normalizeUniverseDomain('https://eu.api.mondoo.com/')).toBe('https://eu.api.mondoo.com');
    expect(normalizeUniverseDomain('https://eu.api.mondoo.com///')).toBe('https://eu.api.mondoo.com');
  });

  it('removes a pasted /SecureTokenService/ExchangeExternalToken suffix, with or without a trailing slash', () => {
    expect(
      normalizeUniverseDomain('https://eu.api.mondoo.com/SecureTokenService/ExchangeExternalToken'),
    ).toBe('https://eu.api.mondoo.com');
    expect(normalizeUniverseDomain('eu.api.mondoo.com/SecureTokenService/ExchangeExternalToken/')).toBe(
      'https://eu.api.mondoo.com',
    );
    expect(
      normalizeUniverseDomain('https://eu.api.mondoo.com/securetokenservice/exchangeexternaltoken'),
    ).toBe('https://eu.api.mondoo.com');
  });

  it('keeps a path prefix, also when the exchange suffix follows it', () => {
    expect(normalizeUniverseDomain('https://gw.example.com/mondoo/')).toBe('https://gw.example.com/mondoo');
    expect(
      normalizeUniverseDomain('https://gw.example.com/mondoo/SecureTokenService/ExchangeExternalToken'),
    ).toBe('https://gw.example.com/mondoo');
  });

  it('refuses http:// naming the input and the value, and names the https:// URL to use instead', () => {
    const error = thrownBy(() => normalizeUniverseDomain('http://eu.api.mondoo.com/'));
    expect(error.kind).toBe('settings');
    expect(error.message).toContain('`universe-domain`');
    expect(error.message).toContain('"http://eu.api.mondoo.com/"');
    expect(error.message).toMatch(/unencrypted/);
    expect(error.fix).toBe('Use https://eu.api.mondoo.com.');
  });

  it('keeps the path prefix in the https:// URL it suggests for an http:// input', () => {
    const error = thrownBy(() => normalizeUniverseDomain('HTTP://gw.example.com:8080/mondoo'));
    expect(error.fix).toBe('Use https://gw.example.com:8080/mondoo.');
  });

  it('names the input it was given, e.g. wif-config when the value came from there', () => {
    const error = thrownBy(() => normalizeUniverseDomain('http://eu.api.mondoo.com', 'wif-config'));
    expect(error.message).toMatch(/^Input `wif-config`:/);
  });

  it('refuses something that is not a URL', () => {
    const error = thrownBy(() => normalizeUniverseDomain('not a host at all'));
    expect(error.kind).toBe('settings');
    expect(error.message).toContain('is not a URL');
    expect(error.fix).toContain('https://us.api.mondoo.com');
  });

  it('refuses schemes other than https', () => {
    const error = thrownBy(() => normalizeUniverseDomain('ftp://eu.api.mondoo.com'));
    expect(error.message).toContain('is not an https:// URL');
  });

  it('refuses userinfo without repeating the password', () => {
    const error = thrownBy(() => normalizeUniverseDomain('https://robot:hunter2-secret@eu.api.mondoo.com'));
    expect(error.kind).toBe('settings');
    expect(error.message).toContain('must not carry credentials');
    expect(error.describe()).not.toContain('hunter2-secret');
  });

  it('refuses http:// with userinfo without repeating the password', () => {
    const error = thrownBy(() => normalizeUniverseDomain('http://robot:hunter2-secret@eu.api.mondoo.com'));
    expect(error.kind).toBe('settings');
    expect(error.describe()).not.toContain('hunter2-secret');
  });

  it('hides every part of a password that itself contains @', () => {
    const error = thrownBy(() => normalizeUniverseDomain('http://robot:p@ss@word@eu.api.mondoo.com'));
    expect(error.describe()).not.toMatch(/ss|word/);
    expect(error.message).toContain('"http://***@eu.api.mondoo.com"');
  });

  it('refuses a query string', () => {
    const error = thrownBy(() => normalizeUniverseDomain('https://eu.api.mondoo.com/?region=eu'));
    expect(error.message).toContain('a query');
  });

  it('refuses a fragment', () => {
    const error = thrownBy(() => normalizeUniverseDomain('https://eu.api.mondoo.com/#top'));
    expect(error.message).toContain('a fragment');
  });

  it('every refusal carries a fix', () => {
    for (const bad of [
      'http://x.example',
      'ftp://x.example',
      'https://a@x.example',
      'https://x.example/?q',
      '::',
    ]) {
      const error = thrownBy(() => normalizeUniverseDomain(bad));
      expect(error.fix, bad).toBeTruthy();
    }
  });
});

describe('exchangeUrl', () => {
  it('appends the SecureTokenService path to the API base', () => {
    expect(exchangeUrl('https://gw.example.com/mondoo')).toBe(
      'https://gw.example.com/mondoo/SecureTokenService/ExchangeExternalToken',
    );
  });
});
