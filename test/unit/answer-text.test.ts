import { describe, expect, it } from 'vitest';
import { excerpt, looksLikeHtml } from '../../src/exchange/answer-text.js';
import { redactSecrets } from '../../src/runner.js';
import { NO_SECRETS_KNOWN, redactedExcerpt } from '../../src/secrets/redacted-excerpt.js';
import { jwtWith } from './helpers.js';

describe('looksLikeHtml', () => {
  it.each([
    '<!DOCTYPE html><html></html>',
    '  \n<html lang="en">',
    '<HEAD><title>x</title>',
    '<body>hi</body>',
    '<?xml version="1.0"?><Error/>',
    '<h1>502 Bad Gateway</h1>',
    '<center>nginx</center>',
  ])('recognizes %j', (body) => {
    expect(looksLikeHtml(body)).toBe(true);
  });

  it.each(['{"code":16}', 'Bad Gateway', '', 'text with <html> later'])(
    'does not take %j for HTML',
    (body) => {
      expect(looksLikeHtml(body)).toBe(false);
    },
  );
});

describe('excerpt', () => {
  it('says the body was empty', () => {
    expect(excerpt('  \n ', NO_SECRETS_KNOWN)).toBe('(empty body)');
  });

  it('quotes a short text body on one line', () => {
    expect(excerpt('upstream\nconnect error\r\n  reset', NO_SECRETS_KNOWN)).toBe(
      '"upstream connect error reset"',
    );
  });

  it('reduces an HTML page to its trimmed title', () => {
    expect(
      excerpt(
        '<html><head><title lang="en">\n 503 Service Unavailable \n</title></head><body>long</body></html>',
        NO_SECRETS_KNOWN,
      ),
    ).toBe('an HTML page: "503 Service Unavailable"');
  });

  it('falls back to the text of an HTML page without a title, dropping tags, scripts and styles', () => {
    const page =
      '<html><head><style>body { color: red }</style><script>var secret = "x";</script></head><body><h1>Forbidden</h1><p>Request blocked.</p></body></html>';
    expect(excerpt(page, NO_SECRETS_KNOWN)).toBe('an HTML page: "Forbidden Request blocked."');
  });

  it('cuts text longer than 160 characters and marks the cut', () => {
    const text = 'word '.repeat(100);
    const result = excerpt(text, NO_SECRETS_KNOWN);
    expect(result).toBe(`"${'word '.repeat(32)}…"`);
  });

  it('removes a JWT echoed in a body', () => {
    const jwt = jwtWith({
      iss: 'https://token.actions.githubusercontent.com',
      sub: 'repo:o/r:ref:refs/heads/main',
      exp: 1,
    });
    const result = excerpt(`{"error":"token rejected: ${jwt}"}`, NO_SECRETS_KNOWN);
    expect(result).not.toContain(jwt);
    expect(result).not.toContain(jwt.slice(0, 30));
    expect(result).toContain('[long value removed]');
    expect(result).toContain('token rejected');
  });

  it('removes a long base64 run from an HTML title too', () => {
    const secret = Buffer.from('s'.repeat(90)).toString('base64');
    const result = excerpt(`<html><title>Error ${secret}</title></html>`, NO_SECRETS_KNOWN);
    expect(result).toBe('an HTML page: "Error [long value removed]"');
  });

  it('keeps ordinary words and short identifiers', () => {
    expect(excerpt('request-id 4f9c2a1b-77aa-4c1e-9d3e-0a1b2c3d4e5f failed', NO_SECRETS_KNOWN)).toBe(
      '"request-id 4f9c2a1b-77aa-4c1e-9d3e-0a1b2c3d4e5f failed"',
    );
  });
});

describe('secrets in excerpts are redacted before the cut', () => {
  // Shorter than the long-run rule catches, and with a space: only redaction can hide it.
  const SECRET = 'sk live 7Q2mXr9Lp4Vt8Wz1Ab6Cd3Ef';
  const redact = (text: string) => redactSecrets(text, [SECRET]);
  /** Ordinary words up to `length` characters, ending in a space: nothing the long-run rule would remove. */
  const words = (length: number) => `${'ab '.repeat(length).slice(0, length - 1)} `;

  it.each([140, 150, 155, 159])('leaves no prefix of a secret that starts at %i, across the cut', (at) => {
    const body = `${words(at)}${SECRET} ${words(60)}`;
    const result = excerpt(body, redact);
    for (let length = 4; length <= SECRET.length; length++) {
      expect(result).not.toContain(SECRET.slice(0, length));
    }
    expect(result.endsWith('…"')).toBe(true);
  });

  it('shows what a cut without redaction would have leaked', () => {
    const body = `${words(150)}${SECRET}`;
    expect(excerpt(body, NO_SECRETS_KNOWN)).toContain(SECRET.slice(0, 10));
  });

  it('redacts an HTML page before its title or text is taken', () => {
    const page = `<html><head><title>Denied for ${SECRET}</title></head></html>`;
    expect(excerpt(page, redact)).toBe('an HTML page: "Denied for ***"');
    expect(excerpt(`<html><body><p>${'y '.repeat(70)}${SECRET}</p></body></html>`, redact)).not.toContain(
      SECRET.slice(0, 6),
    );
  });
});

describe('redactedExcerpt', () => {
  it('keeps short text as it is, on one line', () => {
    expect(redactedExcerpt(' busy\n  ::stop-commands::x ', NO_SECRETS_KNOWN, 100)).toBe(
      'busy ::stop-commands::x',
    );
  });

  it('cuts to the length asked and marks the cut', () => {
    expect(redactedExcerpt('abcdefghij', NO_SECRETS_KNOWN, 4)).toBe('abcd…');
  });

  it('never ends on half of a surrogate pair', () => {
    const result = redactedExcerpt(`abc${'😀'.repeat(5)}`, NO_SECRETS_KNOWN, 4);
    expect(result).toBe('abc…');
    expect(result).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('removes long opaque runs before cutting, so a run across the cut leaves nothing', () => {
    const run = 'A1b2C3d4'.repeat(12);
    const result = redactedExcerpt(`${'word '.repeat(10)}${run}`, NO_SECRETS_KNOWN, 60);
    expect(result).not.toContain('A1b2');
    expect(result).toContain('[long valu');
  });
});
