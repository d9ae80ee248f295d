import { describe, expect, it } from 'vitest';
import { collisionSecrets, collisionWarnings } from '../../src/exchange/collisions.js';
import { audienceWarning } from '../../src/exchange/audience-check.js';

const OLD_CREDENTIAL = 'eyJtcm4iOiJvbGQtY3JlZGVudGlhbC1zdG9yZWQtYXMtYS1zZWNyZXQifQ==';
const ENV_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2V4YW1wbGUifQ.c2lnbmF0dXJl';

describe('collisionWarnings', () => {
  it('says nothing when none of the variables is set, or only blank', () => {
    expect(collisionWarnings({}, 'action-export')).toEqual([]);
    expect(collisionWarnings({ MONDOO_CONFIG_PATH: ' ', JWT_TOKEN: '' }, 'cli')).toEqual([]);
  });

  it('for an existing MONDOO_CONFIG_BASE64, says what the export replaces and what it does not', () => {
    const [warning] = collisionWarnings({ MONDOO_CONFIG_BASE64: OLD_CREDENTIAL }, 'action-export');
    expect(warning).toContain('MONDOO_CONFIG_BASE64 is already set');
    expect(warning).toContain('replaces it for the later steps of this job');
    expect(warning).toContain('own step-level `env:`');
    expect(warning).toContain('every other job');
    expect(warning).not.toContain(OLD_CREDENTIAL);
  });

  it('with export-env false, says later steps keep the old value', () => {
    const [warning] = collisionWarnings({ MONDOO_CONFIG_BASE64: OLD_CREDENTIAL }, 'action-outputs-only');
    expect(warning).toContain('`export-env: false`');
    expect(warning).toContain('keep reading the old value');
  });

  it('for MONDOO_CONFIG_PATH, says cnspec reads the exported credential first', () => {
    const [warning] = collisionWarnings({ MONDOO_CONFIG_PATH: '/etc/mondoo/wif.json' }, 'action-export');
    expect(warning).toContain('MONDOO_CONFIG_PATH is set');
    expect(warning).toContain('cnspec reads MONDOO_CONFIG_BASE64 before MONDOO_CONFIG_PATH');
    expect(warning).not.toContain('/etc/mondoo');
  });

  it('for JWT_TOKEN, names it without its value and says this step does not read it', () => {
    const action = collisionWarnings({ JWT_TOKEN: ENV_TOKEN }, 'action-export');
    expect(action).toHaveLength(1);
    expect(action[0]).toContain('JWT_TOKEN is set (its value is masked)');
    expect(action[0]).toContain('pass it in `token`');
    expect(action[0]).not.toContain(ENV_TOKEN);
    expect(collisionWarnings({ JWT_TOKEN: ENV_TOKEN }, 'cli')[0]).toContain('--token-env JWT_TOKEN');
  });

  it('in the CLI, does not warn about JWT_TOKEN when it is the token exchanged', () => {
    expect(collisionWarnings({ JWT_TOKEN: ENV_TOKEN }, 'cli', true)).toEqual([]);
  });

  it('warns once per variable, in a fixed order', () => {
    const env = { JWT_TOKEN: ENV_TOKEN, MONDOO_CONFIG_PATH: 'x', MONDOO_CONFIG_BASE64: OLD_CREDENTIAL };
    const warnings = collisionWarnings(env, 'cli');
    expect(warnings.map((w) => /^\S+/.exec(w)?.[0])).toEqual([
      'MONDOO_CONFIG_BASE64',
      'MONDOO_CONFIG_PATH',
      'JWT_TOKEN',
    ]);
  });
});

describe('collisionSecrets', () => {
  it('is the old credential and the token, trimmed; never the path', () => {
    const env = {
      JWT_TOKEN: ` ${ENV_TOKEN}\n`,
      MONDOO_CONFIG_PATH: '/x',
      MONDOO_CONFIG_BASE64: OLD_CREDENTIAL,
    };
    expect(collisionSecrets(env)).toEqual([OLD_CREDENTIAL, ENV_TOKEN]);
  });
});

describe('audienceWarning', () => {
  const AUDIENCE = '//captain.api.mondoo.app/spaces/s-1';

  it('is silent when aud is the audience, as a string or inside an array', () => {
    expect(audienceWarning({ aud: AUDIENCE }, { audience: AUDIENCE, explicitTokenAudience: undefined })).toBe(
      undefined,
    );
    expect(
      audienceWarning({ aud: ['other', AUDIENCE] }, { audience: AUDIENCE, explicitTokenAudience: undefined }),
    ).toBe(undefined);
  });

  it('is silent when aud is the token-audience the user set', () => {
    expect(
      audienceWarning({ aud: 'sts.example' }, { audience: AUDIENCE, explicitTokenAudience: 'sts.example' }),
    ).toBe(undefined);
  });

  it("shows both values and says to allow the token's aud in Mondoo or mint it with the Mondoo audience", () => {
    const warning = audienceWarning(
      { aud: 'api://AzureADTokenExchange' },
      { audience: AUDIENCE, explicitTokenAudience: undefined },
    );
    expect(warning).toContain(
      "The token's `aud` is api://AzureADTokenExchange, which is not `audience` (" + AUDIENCE + ')',
    );
    expect(warning).toContain('allowed audiences');
    expect(warning).toContain(`mint the token with the audience ${AUDIENCE}`);
  });

  it('names token-audience too when it was set, and shows an aud array', () => {
    const warning = audienceWarning(
      { aud: ['a', 'b'] },
      { audience: AUDIENCE, explicitTokenAudience: 'custom' },
    );
    expect(warning).toContain('is ["a","b"], which is neither `audience` (');
    expect(warning).toContain('nor `token-audience` (custom)');
  });

  it('escapes an aud that would start a runner command or break the line', () => {
    const warning = audienceWarning(
      { aud: 'x\n::error::forged ##[warning]y' },
      { audience: AUDIENCE, explicitTokenAudience: undefined },
    );
    expect(warning).not.toContain('\n');
    expect(warning).not.toContain('##[');
  });

  it('says so when aud is missing', () => {
    expect(audienceWarning({}, { audience: AUDIENCE, explicitTokenAudience: undefined })).toContain(
      '`aud` is missing',
    );
  });
});
