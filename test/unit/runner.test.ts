import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/runner.js';

describe('redactSecrets', () => {
  it('replaces every occurrence of a secret', () => {
    expect(redactSecrets('a s3cr3t b s3cr3t c', ['s3cr3t'])).toBe('a *** b *** c');
  });

  it('hides a secret that contains another one whole, whatever order they were registered in', () => {
    const key = 'KEYLINE1KEYLINE2';
    expect(redactSecrets(`key: ${key}`, ['KEYLINE1', key])).toBe('key: ***');
    expect(redactSecrets(`key: ${key}`, [key, 'KEYLINE1'])).toBe('key: ***');
  });

  it('replaces several different secrets', () => {
    expect(redactSecrets('token=abc123 key=xyz789', new Set(['abc123', 'xyz789']))).toBe('token=*** key=***');
  });

  it('ignores empty strings instead of mangling the text', () => {
    expect(redactSecrets('nothing secret here', ['', 'absent'])).toBe('nothing secret here');
  });

  it('treats secrets literally, not as patterns', () => {
    expect(redactSecrets('a+b a.b aXb', ['a.b', 'a+b'])).toBe('*** *** aXb');
  });

  it('redacts secrets spanning several lines', () => {
    expect(redactSecrets('{\n"k": "L1\nL2"\n}', ['L1\nL2'])).toBe('{\n"k": "***"\n}');
  });
});
