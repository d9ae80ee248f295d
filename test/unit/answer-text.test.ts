import { describe, expect, it } from 'vitest';
import { excerpt, looksLikeHtml } from '../../src/exchange/answer-text.js';
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
    expect(excerpt('  \n ')).toBe('(empty body)');
  });

  it('quotes a short text body on one line', () => {
    expect(excerpt('upstream\nconnect error\r\n  reset')).toBe('"upstream connect error reset"');
  });

  it('reduces an HTML page to its trimmed title', () => {
    expect(
      excerpt(
        '<html><head><title lang="en">\n 503 Service Unavailable \n</title></head><body>long</body></html>',
      ),
    ).toBe('an HTML page: "503 Service Unavailable"');
  });

  it('falls back to the text of an HTML page without a title, dropping tags, scripts and styles', () => {
    const page =
      '<html><head><style>body { color: red }</style><script>var secret = "x";</script></head><body><h1>Forbidden</h1><p>Request blocked.</p></body></html>';
    expect(excerpt(page)).toBe('an HTML page: "Forbidden Request blocked."');
  });

  it('cuts text longer than 160 characters and marks the cut', () => {
    const text = 'word '.repeat(100);
    const result = excerpt(text);
    expect(result).toBe(`"${'word '.repeat(32)}…"`);
  });

  it('removes a JWT echoed in a body', () => {
    const jwt = jwtWith({
      iss: 'https://token.actions.githubusercontent.com',
      sub: 'repo:o/r:ref:refs/heads/main',
      exp: 1,
    });
    const result = excerpt(`{"error":"token rejected: ${jwt}"}`);
    expect(result).not.toContain(jwt);
    expect(result).not.toContain(jwt.slice(0, 30));
    expect(result).toContain('[long value removed]');
    expect(result).toContain('token rejected');
  });

  it('removes a long base64 run from an HTML title too', () => {
    const secret = Buffer.from('s'.repeat(90)).toString('base64');
    const result = excerpt(`<html><title>Error ${secret}</title></html>`);
    expect(result).toBe('an HTML page: "Error [long value removed]"');
  });

  it('keeps ordinary words and short identifiers', () => {
    expect(excerpt('request-id 4f9c2a1b-77aa-4c1e-9d3e-0a1b2c3d4e5f failed')).toBe(
      '"request-id 4f9c2a1b-77aa-4c1e-9d3e-0a1b2c3d4e5f failed"',
    );
  });
});
