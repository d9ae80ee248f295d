import { describe, expect, it } from 'vitest';
import { grpcStatusName, rangerErrorFrom, retryForCode } from '../../src/exchange/grpc-status.js';
import { parseJson } from '../../src/json.js';

const parseRangerError = (body: string) => rangerErrorFrom(parseJson(body));

describe('grpcStatusName', () => {
  it.each([
    [0, 'OK'],
    [3, 'INVALID_ARGUMENT'],
    [5, 'NOT_FOUND'],
    [7, 'PERMISSION_DENIED'],
    [8, 'RESOURCE_EXHAUSTED'],
    [12, 'UNIMPLEMENTED'],
    [13, 'INTERNAL'],
    [14, 'UNAVAILABLE'],
    [16, 'UNAUTHENTICATED'],
  ])('names code %i %s', (code, name) => {
    expect(grpcStatusName(code)).toBe(name);
  });

  it('falls back to "code N" for codes it does not know', () => {
    expect(grpcStatusName(17)).toBe('code 17');
    expect(grpcStatusName(-1)).toBe('code -1');
  });
});

describe('parseRangerError', () => {
  it('reads code, status name and message', () => {
    expect(parseRangerError('{"code":16,"message":"invalid token","details":[]}')).toEqual({
      code: 16,
      status: 'UNAUTHENTICATED',
      message: 'invalid token',
    });
  });

  it('uses an empty message when message is absent', () => {
    expect(parseRangerError('{"code":7}')?.message).toBe('');
  });

  it('does not take a gateway JSON error for Mondoo: HTTP-style codes and non-string messages are refused', () => {
    expect(parseRangerError('{"code":403,"message":"Forbidden by WAF rule 1234"}')).toBeUndefined();
    expect(parseRangerError('{"code":17,"message":"m"}')).toBeUndefined();
    expect(parseRangerError('{"code":-1,"message":"m"}')).toBeUndefined();
    expect(parseRangerError('{"code":7,"message":{"text":"x"}}')).toBeUndefined();
    expect(parseRangerError('{"code":16,"message":"m"}')?.status).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['non-JSON', '<html>oops</html>'],
    ['empty', ''],
    ['JSON null', 'null'],
    ['a JSON string', '"code"'],
    ['an array', '[16]'],
    ['a string code', '{"code":"16","message":"m"}'],
    ['a fractional code', '{"code":1.5,"message":"m"}'],
    ['no code', '{"error":"unauthenticated"}'],
  ])('is undefined for %s', (_name, body) => {
    expect(parseRangerError(body)).toBeUndefined();
  });
});

describe('retryForCode', () => {
  it('retries the passing states: DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, UNAVAILABLE', () => {
    expect([4, 8, 14].map(retryForCode)).toEqual(['retry', 'retry', 'retry']);
  });

  it('retries UNKNOWN and INTERNAL once: ranger-rpc sends every plain backend error as UNKNOWN', () => {
    expect([2, 13].map(retryForCode)).toEqual(['once', 'once']);
  });

  it('takes every other code as the final answer', () => {
    const others = [0, 1, 3, 5, 6, 7, 9, 10, 11, 12, 15, 16];
    expect(others.map(retryForCode)).toEqual(others.map(() => 'never'));
  });
});
