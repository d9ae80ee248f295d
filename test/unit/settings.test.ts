import { describe, expect, it } from 'vitest';
import { type InputReader, readWholeNumber } from '../../src/input-values.js';
import {
  readExchangeSettings as readSettings,
  readSettings as readStepSettings,
} from '../../src/settings.js';
import { thrownBy } from './helpers.js';

const AUDIENCE = '//captain.api.mondoo.app/spaces/keen-space-123';

function inputs(values: Record<string, string>): InputReader {
  return (name) => values[name] ?? '';
}

function withAudience(values: Record<string, string> = {}): InputReader {
  return inputs({ audience: AUDIENCE, ...values });
}

const WIF_CONFIG = {
  universeDomain: 'https://eu.api.mondoo.com',
  audience: '//captain.api.mondoo.app/spaces/from-wif-config',
  issuerUri: 'https://token.actions.githubusercontent.com',
  type: 'external_account',
  subjectTokenType: 'urn:ietf:params:oauth:token-type:jwt',
  scopes: [],
};

describe('readSettings defaults', () => {
  it('fills every default when only audience is given', () => {
    const settings = readSettings(withAudience());
    expect(settings).toEqual({
      mode: 'exchange',
      universeDomain: 'https://us.api.mondoo.com',
      audience: AUDIENCE,
      issuer: undefined,
      issuerSource: 'Input `issuer`',
      token: undefined,
      tokenAudience: AUDIENCE,
      explicitTokenAudience: undefined,
      minValiditySeconds: 180,
      credentialType: 'certificate',
      exportEnv: true,
      timeoutSeconds: 60,
      warnings: [],
    });
  });

  it('reads credential-type, case-insensitively, and refuses anything but certificate or token', () => {
    expect(readSettings(withAudience({ 'credential-type': 'token' }))).toMatchObject({
      credentialType: 'token',
    });
    expect(readSettings(withAudience({ 'credential-type': ' Certificate ' }))).toMatchObject({
      credentialType: 'certificate',
    });
    const error = thrownBy(() => readSettings(withAudience({ 'credential-type': 'bearer' })));
    expect(error.kind).toBe('settings');
    expect(error.message).toBe('Input `credential-type`: "bearer" is not one of certificate, token.');
    expect(error.fix).toBe('Use one of certificate, token (default certificate).');
  });

  it('uses a separate token-audience when one is given', () => {
    const settings = readSettings(withAudience({ 'token-audience': 'mondoo' }));
    expect(settings).toMatchObject({ tokenAudience: 'mondoo', explicitTokenAudience: 'mondoo' });
  });

  it('trims inputs and treats blank optional inputs as unset', () => {
    const settings = readSettings(
      inputs({
        audience: `  ${AUDIENCE}  `,
        issuer: '   ',
        token: '  ',
        'universe-domain': ' eu.api.mondoo.com ',
      }),
    );
    expect(settings.audience).toBe(AUDIENCE);
    expect(settings.issuer).toBeUndefined();
    expect(settings.token).toBeUndefined();
    expect(settings.universeDomain).toBe('https://eu.api.mondoo.com');
  });

  it('passes issuer and token through', () => {
    const settings = readSettings(
      withAudience({ issuer: 'https://gitlab.example.com', token: 'eyJhbGciOiJSUzI1NiJ9.e30.sig' }),
    );
    expect(settings.issuer).toBe('https://gitlab.example.com');
    expect(settings.token).toBe('eyJhbGciOiJSUzI1NiJ9.e30.sig');
  });

  it('normalizes universe-domain', () => {
    const settings = readSettings(
      withAudience({ 'universe-domain': 'eu.api.mondoo.com/SecureTokenService/ExchangeExternalToken' }),
    );
    expect(settings.universeDomain).toBe('https://eu.api.mondoo.com');
  });
});

describe('readSettings audience', () => {
  it('requires audience and names it in the error', () => {
    const error = thrownBy(() => readSettings(inputs({})));
    expect(error.kind).toBe('settings');
    expect(error.message).toMatch(/^Input `audience` is required/);
    expect(error.fix).toContain('wif-config');
  });

  it('warns, without failing, about an audience that does not start with //', () => {
    const settings = readSettings(inputs({ audience: 'captain.api.mondoo.app/spaces/keen-space-123' }));
    expect(settings.audience).toBe('captain.api.mondoo.app/spaces/keen-space-123');
    expect(settings.warnings).toHaveLength(1);
    expect(settings.warnings[0]).toContain('"captain.api.mondoo.app/spaces/keen-space-123"');
    expect(settings.warnings[0]).toContain('//captain.api.mondoo.app/spaces/<space-id>');
    expect(settings.warnings[0]).toMatch(/^Input `audience` is/);
  });

  it('names wif-config in the warning when the odd audience came from it', () => {
    const wif = JSON.stringify({ ...WIF_CONFIG, audience: 'keen-space-123' });
    const settings = readSettings(inputs({ 'wif-config': wif }));
    expect(settings.warnings[0]).toMatch(/^`audience` in `wif-config` is "keen-space-123"/);
  });
});

describe('readSettings min-validity', () => {
  it('accepts the floor of 180 and larger whole numbers', () => {
    expect(readSettings(withAudience({ 'min-validity': '180' })).minValiditySeconds).toBe(180);
    expect(readSettings(withAudience({ 'min-validity': ' 240 ' })).minValiditySeconds).toBe(240);
  });

  it('refuses a value below 180 and says what the floor is', () => {
    const error = thrownBy(() => readSettings(withAudience({ 'min-validity': '179' })));
    expect(error.kind).toBe('settings');
    expect(error.message).toContain('`min-validity`');
    expect(error.message).toContain('179 seconds is below the floor of 180');
    expect(error.fix).toContain('180');
  });

  it('states the allowed range from the floor, not from 0, for a value that is too large', () => {
    const error = thrownBy(() => readSettings(withAudience({ 'min-validity': '5000' })));
    expect(error.message).toBe('Input `min-validity`: 5000 is outside 180..3600 seconds.');
  });

  it.each(['3m', '180.5', '-1', '1e3', 'abc'])('refuses the non-whole-number %j, naming the input', (raw) => {
    const error = thrownBy(() => readSettings(withAudience({ 'min-validity': raw })));
    expect(error.kind).toBe('settings');
    expect(error.message).toContain('`min-validity`');
    expect(error.message).toContain(`"${raw}" is not a whole number`);
    expect(error.fix).toBeTruthy();
  });
});

describe('readSettings timeout', () => {
  it('accepts 1 and 900 seconds', () => {
    expect(readSettings(withAudience({ timeout: '1' })).timeoutSeconds).toBe(1);
    expect(readSettings(withAudience({ timeout: '900' })).timeoutSeconds).toBe(900);
  });

  it.each(['0', '901'])('refuses %s seconds as out of range', (raw) => {
    const error = thrownBy(() => readSettings(withAudience({ timeout: raw })));
    expect(error.kind).toBe('settings');
    expect(error.message).toContain('`timeout`');
    expect(error.message).toContain('outside 1..900');
  });

  it('refuses a unit suffix', () => {
    const error = thrownBy(() => readSettings(withAudience({ timeout: '60s' })));
    expect(error.message).toContain('`timeout`');
  });
});

describe('readWholeNumber', () => {
  it('returns the fallback for blank input and the number otherwise', () => {
    expect(readWholeNumber('x', '  ', 7, 1, 10)).toBe(7);
    expect(readWholeNumber('x', '10', 7, 1, 10)).toBe(10);
  });
});

describe('readSettings export-env', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['True', true],
    ['false', false],
    ['FALSE', false],
    [' False ', false],
  ])('reads %j as %s', (raw, expected) => {
    expect(readSettings(withAudience({ 'export-env': raw })).exportEnv).toBe(expected);
  });

  it.each(['yes', 'no', '1', '0'])('refuses %j and names the input', (raw) => {
    const error = thrownBy(() => readSettings(withAudience({ 'export-env': raw })));
    expect(error.kind).toBe('settings');
    expect(error.message).toContain('`export-env`');
    expect(error.message).toContain(`"${raw}" is not true or false`);
    expect(error.fix).toContain('`true` or `false`');
  });
});

describe('readSettings mode', () => {
  it('accepts exchange in any case', () => {
    expect(readStepSettings(withAudience({ mode: 'Exchange' })).mode).toBe('exchange');
  });

  it('reads lint settings in lint mode, without asking for an audience', () => {
    const settings = readStepSettings(inputs({ mode: 'lint', issuer: 'https://idp.example.com' }));
    expect(settings.mode).toBe('lint');
  });

  it('refuses an unknown mode and names both modes in the fix', () => {
    const error = thrownBy(() => readStepSettings(withAudience({ mode: 'swap' })));
    expect(error.message).toBe('Input `mode`: "swap" is not a mode.');
    expect(error.fix).toBe('Use `exchange` (the default) or `lint`.');
  });

  it('checks mode before anything else, so a mistyped mode is reported before a missing audience', () => {
    const error = thrownBy(() => readStepSettings(inputs({ mode: 'lnt' })));
    expect(error.message).toContain('`mode`');
  });

  it('warns that lint inputs do nothing in exchange mode', () => {
    const settings = readStepSettings(withAudience({ jwks: 'keys.json', report: 'out.json' }));
    expect(settings.warnings).toContain(
      'Exchange mode ignores `jwks` and `report`: they are for mode `lint`.',
    );
  });

  it('warns about allow-private-hosts only when it is turned on: its default `false` always arrives', () => {
    expect(readStepSettings(withAudience({ 'allow-private-hosts': 'false' })).warnings).toEqual([]);
    expect(readStepSettings(withAudience({ 'allow-private-hosts': 'true' })).warnings).toContain(
      'Exchange mode ignores `allow-private-hosts`: it is for mode `lint`.',
    );
  });
});

describe('readSettings wif-config', () => {
  const noFiles = (path: string): string => {
    throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  };

  it('fills universe-domain, audience, issuer and token-audience from JSON text', () => {
    const settings = readSettings(inputs({ 'wif-config': JSON.stringify(WIF_CONFIG) }), noFiles);
    expect(settings.universeDomain).toBe('https://eu.api.mondoo.com');
    expect(settings.audience).toBe(WIF_CONFIG.audience);
    expect(settings.tokenAudience).toBe(WIF_CONFIG.audience);
    expect(settings.issuer).toBe('https://token.actions.githubusercontent.com');
  });

  it('remembers whether the issuer came from the input or from the wif-config', () => {
    const fromWif = readSettings(inputs({ 'wif-config': JSON.stringify(WIF_CONFIG) }), noFiles);
    expect(fromWif.issuerSource).toBe('`issuerUri` in `wif-config`');
    const fromInput = readSettings(
      inputs({ 'wif-config': JSON.stringify(WIF_CONFIG), issuer: 'https://gitlab.example.com' }),
      noFiles,
    );
    expect(fromInput.issuer).toBe('https://gitlab.example.com');
    expect(fromInput.issuerSource).toBe('Input `issuer`');
  });

  it('reads the config from a file path through the given readFile', () => {
    const read: string[] = [];
    const settings = readSettings(inputs({ 'wif-config': ' config/mondoo-wif.json ' }), (path) => {
      read.push(path);
      return JSON.stringify(WIF_CONFIG, null, 2);
    });
    expect(read).toEqual(['config/mondoo-wif.json']);
    expect(settings.audience).toBe(WIF_CONFIG.audience);
    expect(settings.universeDomain).toBe('https://eu.api.mondoo.com');
  });

  it('lets explicit inputs win over the wif-config', () => {
    const settings = readSettings(
      inputs({
        'wif-config': JSON.stringify(WIF_CONFIG),
        'universe-domain': 'us.api.mondoo.com',
        audience: AUDIENCE,
        issuer: 'https://token.actions.githubusercontent.com/acme',
      }),
      noFiles,
    );
    expect(settings.universeDomain).toBe('https://us.api.mondoo.com');
    expect(settings.audience).toBe(AUDIENCE);
    expect(settings.tokenAudience).toBe(AUDIENCE);
    expect(settings.issuer).toBe('https://token.actions.githubusercontent.com/acme');
  });

  it('normalizes the wif-config universeDomain and blames wif-config when it is http://', () => {
    const config = { ...WIF_CONFIG, universeDomain: 'http://eu.api.mondoo.com' };
    const error = thrownBy(() => readSettings(inputs({ 'wif-config': JSON.stringify(config) }), noFiles));
    expect(error.message).toMatch(/^Input `wif-config`:/);
    expect(error.fix).toBe('Use https://eu.api.mondoo.com.');
  });

  it('uses the default universe domain when the wif-config has none', () => {
    const { universeDomain: _, ...config } = WIF_CONFIG;
    expect(readSettings(inputs({ 'wif-config': JSON.stringify(config) }), noFiles).universeDomain).toBe(
      'https://us.api.mondoo.com',
    );
  });

  it('refuses a wif-config whose type is not external_account', () => {
    const config = { ...WIF_CONFIG, type: 'service_account' };
    const error = thrownBy(() => readSettings(inputs({ 'wif-config': JSON.stringify(config) }), noFiles));
    expect(error.kind).toBe('settings');
    expect(error.message).toContain('`wif-config`');
    expect(error.message).toContain('"service_account", not "external_account"');
    expect(error.fix).toBeTruthy();
  });

  it('refuses a wif-config without a type', () => {
    const { type: _, ...config } = WIF_CONFIG;
    const error = thrownBy(() => readSettings(inputs({ 'wif-config': JSON.stringify(config) }), noFiles));
    expect(error.message).toContain('"type": null');
  });
});

describe('readSettings errors', () => {
  it.each<[string, Record<string, string>]>([
    ['missing audience', {}],
    ['bad mode', { audience: AUDIENCE, mode: 'nope' }],
    ['bad universe-domain', { audience: AUDIENCE, 'universe-domain': 'http://x.example' }],
    ['bad min-validity', { audience: AUDIENCE, 'min-validity': '60' }],
    ['bad timeout', { audience: AUDIENCE, timeout: '-5' }],
    ['bad export-env', { audience: AUDIENCE, 'export-env': 'on' }],
    ['bad wif-config', { 'wif-config': '{"type": 1' }],
  ])('reports %s as a settings ActionError with a fix', (_name, values) => {
    const error = thrownBy(() => readStepSettings(inputs(values), () => '{}'));
    expect(error.name).toBe('ActionError');
    expect(error.kind).toBe('settings');
    expect(error.message).toMatch(/^Input `[a-z-]+`(: | is )/);
    expect(error.fix).toBeTruthy();
    expect(error.describe()).toBe(`${error.message}\nFix: ${error.fix}`);
  });
});

describe('wif-config with a jwtToken', () => {
  it('masks it through the mask given, warns that it is ignored, and never puts it in the settings', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLWJ5dGVz';
    const masked: string[] = [];
    const settings = readSettings(
      (name) => (name === 'wif-config' ? JSON.stringify({ ...WIF_CONFIG, jwtToken: token }) : ''),
      undefined,
      (secret) => masked.push(secret),
    );
    expect(new Set(masked)).toEqual(new Set([token]));
    expect(settings.warnings.join('\n')).toContain('`wif-config` holds a `jwtToken`');
    expect(settings.warnings.join('\n')).toContain('masked and never sent');
    expect(JSON.stringify(settings)).not.toContain(token);
  });
});
