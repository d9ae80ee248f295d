import { describe, expect, it } from 'vitest';
import {
  findValidityProblem,
  parseOidcToken,
  resolveIssuer,
  secondsLeft,
  validityError,
} from '../../src/exchange/oidc-token.js';
import { jwtWith, oidcToken, thrownBy } from './helpers.js';

const ISS = 'https://token.actions.githubusercontent.com';
const NOW = 1_800_000_000;
const FROM = 'The `token` input';

describe('parseOidcToken', () => {
  it('decodes claims, exp and iss without verifying the signature', () => {
    const jwt = jwtWith({ iss: ISS, sub: 'repo:octo-org/app:ref:refs/heads/main', exp: NOW + 300, iat: NOW });
    const token = parseOidcToken(jwt, FROM);
    expect(token.jwt).toBe(jwt);
    expect(token.expiresAt).toBe(NOW + 300);
    expect(token.issuer).toBe(ISS);
    expect(token.claims.sub).toBe('repo:octo-org/app:ref:refs/heads/main');
  });

  it('refuses a value with two parts, says how many it has, and does not echo it', () => {
    const value = 'eyJhbGciOiJSUzI1NiJ9.SECRETPAYLOADxyz';
    const error = thrownBy(() => parseOidcToken(value, FROM));
    expect(error.kind).toBe('token-invalid');
    expect(error.message).toBe(`${FROM} is not a JWT (it has 2 dot-separated parts, a JWT has 3).`);
    expect(error.describe()).not.toContain('SECRETPAYLOADxyz');
  });

  it('refuses a value without dots using the singular "part"', () => {
    const error = thrownBy(() => parseOidcToken('ghp_FAKEpersonalAccessToken123', FROM));
    expect(error.message).toContain('it has 1 dot-separated part, a JWT has 3');
    expect(error.describe()).not.toContain('ghp_FAKEpersonalAccessToken123');
  });

  it('refuses three parts of garbage without echoing them', () => {
    const error = thrownBy(() => parseOidcToken('not-base64!!.SECRET-GARBAGE.sig', FROM));
    expect(error.kind).toBe('token-invalid');
    expect(error.message).toContain('its parts do not decode to a JWT header and claims');
    expect(error.describe()).not.toContain('SECRET-GARBAGE');
    expect(error.fix).toContain('three base64url parts');
  });

  it('refuses a token without exp', () => {
    const error = thrownBy(() => parseOidcToken(jwtWith({ iss: ISS, sub: 's' }), FROM));
    expect(error.kind).toBe('token-invalid');
    expect(error.message).toContain('no numeric `exp` claim');
  });

  it('refuses a token whose exp is not a number', () => {
    const error = thrownBy(() =>
      parseOidcToken(jwtWith({ iss: ISS, exp: '1800000300' as unknown as number }), FROM),
    );
    expect(error.message).toContain('no numeric `exp` claim');
  });

  it('refuses a token without iss, or with an empty one', () => {
    for (const claims of [{ exp: NOW + 300 }, { exp: NOW + 300, iss: '' }]) {
      const error = thrownBy(() => parseOidcToken(jwtWith(claims), FROM));
      expect(error.kind).toBe('token-invalid');
      expect(error.message).toBe(`${FROM} has no \`iss\` claim.`);
    }
  });

  it('names the type of an `iss` that is not a string, never calling it a bug', () => {
    for (const [iss, type] of [
      [42, 'a number'],
      [['https://a.example'], 'an array'],
      [{ url: 'https://a.example' }, 'an object'],
      [null, 'null'],
    ] as const) {
      const error = thrownBy(() => parseOidcToken(jwtWith({ exp: NOW + 300, iss } as never), FROM));
      expect(error.kind).toBe('token-invalid');
      expect(error.message).toBe(`${FROM} has an \`iss\` claim that is ${type}, not a string.`);
    }
  });
});

describe('findValidityProblem', () => {
  const token = (exp: number, iat?: number) =>
    oidcToken({ iss: ISS, exp, ...(iat === undefined ? {} : { iat }) });

  it('finds nothing wrong with a fresh 5-minute token', () => {
    expect(findValidityProblem(token(NOW + 300, NOW), NOW, 180)).toBeUndefined();
  });

  it('accepts exactly min-validity seconds left', () => {
    expect(findValidityProblem(token(NOW + 180), NOW, 180)).toBeUndefined();
  });

  it('calls one second less than min-validity too short', () => {
    expect(findValidityProblem(token(NOW + 179), NOW, 180)).toEqual({ kind: 'too-short', secondsLeft: 179 });
  });

  it('counts whole seconds left, rounding a fractional now in the token’s disfavour', () => {
    expect(findValidityProblem(token(NOW + 180), NOW + 0.5, 180)).toEqual({
      kind: 'too-short',
      secondsLeft: 179,
    });
  });

  it('flags iat more than 60 s in the future as issued-in-future', () => {
    expect(findValidityProblem(token(NOW + 400, NOW + 100), NOW, 180)).toEqual({
      kind: 'issued-in-future',
      seconds: 100,
    });
  });

  it('tolerates iat up to 60 s in the future', () => {
    expect(findValidityProblem(token(NOW + 360, NOW + 60), NOW, 180)).toBeUndefined();
  });

  it('flags exp more than 60 s ago as expired-long-ago, with how long ago', () => {
    expect(findValidityProblem(token(NOW - 61), NOW, 180)).toEqual({ kind: 'expired-long-ago', seconds: 61 });
  });

  it('calls a token that expired within the last minute too short rather than clock skew', () => {
    expect(findValidityProblem(token(NOW - 60), NOW, 180)).toEqual({ kind: 'too-short', secondsLeft: -60 });
  });

  it('reports a future iat before an old exp', () => {
    expect(findValidityProblem(token(NOW - 1000, NOW + 1000), NOW, 180)?.kind).toBe('issued-in-future');
  });
});

describe('secondsLeft', () => {
  it('is exp minus now, floored', () => {
    expect(secondsLeft(oidcToken({ iss: ISS, exp: NOW + 100 }), NOW + 0.25)).toBe(99);
  });
});

describe('validityError', () => {
  it('for too-short names the seconds left and the seconds needed', () => {
    const error = validityError({ kind: 'too-short', secondsLeft: 42 }, FROM, 240, false);
    expect(error.kind).toBe('token-validity');
    expect(error.message).toBe(`${FROM} has 42 s left; at least 240 s (\`min-validity\`) are needed.`);
    expect(error.fix).toContain('Mint the token right before use');
    expect(error.fix).toContain('lower `min-validity` (now 240 s; never below 180)');
  });

  it('for too-short at the 180 s floor, never advises lowering min-validity', () => {
    const error = validityError({ kind: 'too-short', secondsLeft: 120 }, FROM, 180, false);
    expect(error.fix).not.toMatch(/lower/i);
    expect(error.fix).toContain('Mint the token right before use');
    expect(error.fix).toContain("the runner's token: leave `token` unset");
    expect(error.fix).toContain('the floor `min-validity` already has');
  });

  it('for a runner token that came back short twice, suspects the clock or min-validity, not the user', () => {
    const error = validityError({ kind: 'too-short', secondsLeft: 150 }, FROM, 180, true);
    expect(error.fix).toContain("runner's clock (NTP)");
    expect(error.fix).toContain('below the token');
    expect(error.fix).not.toContain('Mint the token');
  });

  it('for too-short never shows negative seconds left', () => {
    const error = validityError({ kind: 'too-short', secondsLeft: -30 }, FROM, 180, false);
    expect(error.message).toContain('has 0 s left');
  });

  it('for issued-in-future blames the runner clock', () => {
    const error = validityError({ kind: 'issued-in-future', seconds: 95 }, FROM, 180, true);
    expect(error.kind).toBe('clock-skew');
    expect(error.message).toContain('issued 95 s in the future');
    expect(error.message).toContain('clock');
    expect(error.fix).toContain('NTP');
  });

  it('for expired-long-ago says how long ago and suspects the clock', () => {
    const error = validityError({ kind: 'expired-long-ago', seconds: 3600 }, FROM, 180, false);
    expect(error.kind).toBe('clock-skew');
    expect(error.message).toContain('expired 3600 s ago');
    expect(error.message).toContain('clock');
  });
});

describe('resolveIssuer', () => {
  const token = oidcToken({ iss: ISS, exp: NOW + 300 });

  it("uses the token's iss when no issuer is configured", () => {
    expect(resolveIssuer(undefined, token)).toBe(ISS);
  });

  it('accepts a configured issuer equal to iss', () => {
    expect(resolveIssuer(ISS, token)).toBe(ISS);
  });

  it('refuses a different issuer, naming both and suggesting the token’s own', () => {
    const error = thrownBy(() => resolveIssuer('https://gitlab.example.com', token));
    expect(error.kind).toBe('issuer-mismatch');
    expect(error.message).toBe(
      `Input \`issuer\` is "https://gitlab.example.com" but the token's \`iss\` is "${ISS}".`,
    );
    expect(error.fix).toContain(`Set \`issuer\` to "${ISS}"`);
  });

  it('adds the trailing-slash hint when only a trailing slash differs', () => {
    const error = thrownBy(() => resolveIssuer(`${ISS}/`, token));
    expect(error.message).toContain('differ only by a trailing slash');
    const reverse = thrownBy(() => resolveIssuer(ISS, oidcToken({ iss: `${ISS}/`, exp: NOW + 300 })));
    expect(reverse.message).toContain('differ only by a trailing slash');
  });

  it('for a wif-config issuer, tells to register the token issuer rather than to unset `issuer`', () => {
    const error = thrownBy(() =>
      resolveIssuer('https://gitlab.example.com', token, '`issuerUri` in `wif-config`'),
    );
    expect(error.fix).toContain(`register "${ISS}" as the provider's issuer in Mondoo`);
    expect(error.fix).not.toContain('leave `issuer` unset');
  });

  it('names where a pinned issuer came from, so a wif-config mismatch is not blamed on the input', () => {
    const error = thrownBy(() =>
      resolveIssuer('https://gitlab.example.com', token, '`issuerUri` in `wif-config`'),
    );
    expect(error.message).toMatch(/^`issuerUri` in `wif-config` is "https:\/\/gitlab\.example\.com"/);
  });

  it('gives no trailing-slash hint for a difference in case', () => {
    const error = thrownBy(() => resolveIssuer(ISS.toUpperCase(), token));
    expect(error.message).not.toContain('trailing slash');
  });
});
