import { describe, expect, it } from 'vitest';
import type { InputReader } from '../../src/input-values.js';
import { readLintSettings } from '../../src/lint/lint-settings.js';
import { thrownBy } from './helpers.js';

function inputs(values: Record<string, string>): InputReader {
  return (name) => values[name] ?? '';
}

describe('readLintSettings', () => {
  it('fills the defaults: profile mondoo, fail-on error, 60 s, no report, public hosts only', () => {
    expect(readLintSettings(inputs({ issuer: 'https://idp.example.com' }))).toEqual({
      mode: 'lint',
      issuer: 'https://idp.example.com',
      discovery: undefined,
      jwks: undefined,
      profile: 'mondoo',
      failOn: 'error',
      report: undefined,
      token: undefined,
      timeoutSeconds: 60,
      allowPrivateHosts: false,
      offline: false,
      warnings: [],
    });
  });

  it('reads allow-private-hosts as a boolean, and refuses anything else', () => {
    const read = (value: string) =>
      readLintSettings(inputs({ issuer: 'https://idp.example.com', 'allow-private-hosts': value }));
    expect(read('true').allowPrivateHosts).toBe(true);
    expect(read(' TRUE ').allowPrivateHosts).toBe(true);
    expect(read('false').allowPrivateHosts).toBe(false);
    expect(thrownBy(() => read('yes')).message).toBe(
      'Input `allow-private-hosts`: "yes" is not true or false.',
    );
  });

  it('keeps the issuer byte for byte, trailing slash included', () => {
    expect(readLintSettings(inputs({ issuer: ' https://idp.example.com/ ' })).issuer).toBe(
      'https://idp.example.com/',
    );
  });

  it('lints the issuer of a pasted discovery URL, and says so', () => {
    const settings = readLintSettings(
      inputs({ issuer: 'https://idp.example.com/realms/x/.well-known/openid-configuration' }),
    );
    expect(settings.issuer).toBe('https://idp.example.com/realms/x');
    expect(settings.warnings[0]).toContain('is a discovery URL');
  });

  it('needs an issuer or a discovery file', () => {
    const error = thrownBy(() => readLintSettings(inputs({})));
    expect(error.message).toBe('Input `issuer` is required in lint mode (or `discovery`).');
    expect(readLintSettings(inputs({ discovery: 'idp.json' })).discovery).toBe('idp.json');
  });

  it('refuses an issuer without a scheme and shows the https form', () => {
    const error = thrownBy(() => readLintSettings(inputs({ issuer: 'accounts.google.com' })));
    expect(error.message).toBe('Input `issuer`: "accounts.google.com" is not a URL.');
    expect(error.fix).toContain('https://accounts.google.com');
  });

  it.each([
    ['profile', 'okta', 'mondoo, mender, oidc'],
    ['fail-on', 'info', 'error, warning, never'],
  ])('refuses %s "%s" and lists the choices', (input, value, choices) => {
    const error = thrownBy(() =>
      readLintSettings(inputs({ issuer: 'https://idp.example.com', [input]: value })),
    );
    expect(error.message).toBe(`Input \`${input}\`: "${value}" is not one of ${choices}.`);
  });

  it('accepts profile and fail-on in any case', () => {
    const settings = readLintSettings(
      inputs({ issuer: 'https://i.example', profile: 'Mender', 'fail-on': 'WARNING' }),
    );
    expect([settings.profile, settings.failOn]).toEqual(['mender', 'warning']);
  });

  it('warns that exchange inputs do nothing in lint mode', () => {
    const settings = readLintSettings(
      inputs({ issuer: 'https://i.example', audience: '//captain', 'wif-config': '{}' }),
    );
    expect(settings.warnings).toEqual([
      'Lint mode ignores `audience` and `wif-config`: they are for mode `exchange`.',
    ]);
  });

  it('calls a path given as issuer a file path, says whether it exists, and suggests `discovery`, not https://', () => {
    const missing = thrownBy(() => readLintSettings(inputs({ issuer: './missing-file' }), () => false));
    expect(missing.message).toBe(
      'Input `issuer`: "./missing-file" is a file path, not a URL, and there is no such file.',
    );
    expect(missing.fix).toContain('`discovery`');
    expect(missing.describe()).not.toContain('https://./');
    const present = thrownBy(() => readLintSettings(inputs({ issuer: 'idp/discovery.json' }), () => true));
    expect(present.message).toBe('Input `issuer`: "idp/discovery.json" is a file path, not a URL.');
  });
});
