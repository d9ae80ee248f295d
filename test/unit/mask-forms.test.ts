import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/runner.js';
import {
  isMaskable,
  MIN_MASK_LENGTH,
  maskForms,
  maskFormsOfAll,
  secretLines,
} from '../../src/secrets/mask-forms.js';
import { ACCOUNT_IDS, ecPrivateKeyPem } from './helpers.js';

const KEY = ecPrivateKeyPem();
const KEY_BODY = KEY.split('\n').filter((line) => line !== '' && !line.startsWith('-----'));
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm8vcjpyZWY6cmVmcy9oZWFkcy9tYWluIn0.c2lnbmF0dXJlLXZhbHVl';

/** The key's body re-wrapped at `width` characters, armour around it, as a PEM writer with that width would. */
function wrappedKey(width: number): string {
  const body = KEY_BODY.join('');
  const lines = body.match(new RegExp(`.{1,${width}}`, 'g')) ?? [];
  return ['-----BEGIN PRIVATE KEY-----', ...lines, '-----END PRIVATE KEY-----', ''].join('\n');
}

/** What a log shows of `printed` once every form is masked, line by line as the runner does. */
function shown(printed: string, forms: string[]): string {
  return printed
    .split('\n')
    .map((line) => redactSecrets(line, forms))
    .join('\n');
}

describe('MIN_MASK_LENGTH', () => {
  it('is the one floor: eight characters', () => {
    expect(MIN_MASK_LENGTH).toBe(8);
  });
});

describe('maskForms', () => {
  it('registers a token as it is printed: trimmed of the newline a service or file may add', () => {
    for (const given of [`${JWT}\n`, ` ${JWT}\r\n`, `\t${JWT}`]) {
      const forms = maskForms(given);
      expect(forms).toContain(JWT);
      expect(forms.some((form) => /\s$|^\s/.test(form))).toBe(false);
    }
  });

  it('registers nothing shorter than the floor', () => {
    expect(maskForms('e')).toEqual([]);
    expect(maskForms('1234567')).toEqual([]);
    expect(maskForms(' 1234567\n')).toEqual([]);
    expect(maskForms('12345678')).toEqual(['12345678']);
  });

  it('registers each PEM body line, never the armour, never a line break', () => {
    const forms = maskForms(KEY);
    for (const line of KEY_BODY) expect(forms).toContain(line);
    expect(forms.filter((form) => form.startsWith('-----') && !form.includes('\\n'))).toEqual([]);
    for (const form of forms) {
      expect(form).not.toMatch(/[\r\n]/);
      expect(form.length).toBeGreaterThanOrEqual(MIN_MASK_LENGTH);
    }
  });

  it('registers the whole multi-line value as it appears inside printed JSON, and its base64', () => {
    const forms = maskForms(KEY);
    const escaped = JSON.stringify(KEY.trim()).slice(1, -1);
    expect(escaped).toContain('\\n');
    expect(forms).toContain(escaped);
    expect(forms).toContain(Buffer.from(KEY).toString('base64'));
  });

  it('leaves the short lines of a multi-line value out: no `{`, `}` or `],`', () => {
    const pretty = JSON.stringify({ ...ACCOUNT_IDS, token: JWT, list: [1] }, null, 2);
    const forms = maskForms(pretty);
    for (const form of forms) expect(form.trim().length).toBeGreaterThanOrEqual(MIN_MASK_LENGTH);
    expect(forms).not.toContain('{');
    expect(forms).not.toContain('],');
    expect(forms).toContain(`"token": "${JWT}",`);
  });

  it('adds the JSON-escaped form of a line that has quotes or backslashes', () => {
    const secret = 'pass"word\\with-escapes';
    expect(maskForms(secret)).toEqual([secret, 'pass\\"word\\\\with-escapes']);
  });

  it('splits at CR, LF and CRLF, as the runner does', () => {
    const forms = maskForms('first-line-1\rsecond-line\r\nthird-line-3');
    for (const line of ['first-line-1', 'second-line', 'third-line-3']) expect(forms).toContain(line);
  });

  it('hides every secret line in each form this project prints a credential in', () => {
    const account = { ...ACCOUNT_IDS, private_key: KEY, token: JWT };
    const json = JSON.stringify(account);
    const forms = maskFormsOfAll([json, KEY, JWT]);
    const printed = [
      KEY,
      json,
      JSON.stringify(account, null, 2),
      JSON.stringify(KEY),
      `private_key=${KEY}`,
      `Authorization: Bearer ${JWT}`,
    ];
    for (const text of printed) {
      const visible = shown(text, forms);
      for (const line of KEY_BODY) expect(visible).not.toContain(line);
      expect(visible).not.toContain(JWT);
    }
  });
});

describe('isMaskable', () => {
  it('refuses what is empty or shorter than the floor', () => {
    for (const secret of ['', '   ', '\n', 'e', '1234567', ' 1234567 '])
      expect(isMaskable(secret)).toBe(false);
    expect(isMaskable('12345678')).toBe(true);
    expect(isMaskable(JWT)).toBe(true);
  });

  it('accepts a PEM key wrapped at 64, at 16 or on one line', () => {
    expect(isMaskable(KEY)).toBe(true);
    expect(isMaskable(wrappedKey(16))).toBe(true);
    expect(isMaskable(wrappedKey(1000))).toBe(true);
  });

  it('allows the last line to be short: the remainder of a wrapped encoding', () => {
    expect(isMaskable('abcdefghijkl\nabcdefghijkl\nAB==')).toBe(true);
  });

  it('refuses a key whose lines fall under the floor, and a short line before the last', () => {
    expect(isMaskable(wrappedKey(4))).toBe(false);
    expect(isMaskable(wrappedKey(7))).toBe(false);
    expect(isMaskable('abcdefghijkl\nxy\nabcdefghijkl')).toBe(false);
  });

  it('refuses armour alone', () => {
    expect(isMaskable('-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n')).toBe(false);
  });
});

describe('secretLines', () => {
  it('trims, drops empty lines and PEM armour', () => {
    expect(secretLines('-----BEGIN X-----\n  abc  \r\n\n-----END X-----\n')).toEqual(['abc']);
  });
});

describe('maskFormsOfAll', () => {
  it('lists each form once', () => {
    const forms = maskFormsOfAll([JWT, ` ${JWT}\n`, KEY, KEY]);
    expect(new Set(forms).size).toBe(forms.length);
    expect(forms).toContain(JWT);
  });
});
