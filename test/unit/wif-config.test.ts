import { describe, expect, it } from 'vitest';
import { jsonErrorPosition, loadWifConfig, parseWifConfig } from '../../src/wif-config.js';
import { thrownBy } from './helpers.js';

const FAKE_SECRET = 'sk_live_FAKE-SECRET-7f3a9c';

function missingFile(path: string): string {
  throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
}

const CONFIG = {
  universeDomain: 'https://eu.api.mondoo.com',
  audience: '//captain.api.mondoo.app/spaces/keen-space-123',
  issuerUri: 'https://token.actions.githubusercontent.com',
  type: 'external_account',
};

describe('loadWifConfig', () => {
  it('parses JSON text without touching the file system', () => {
    const config = loadWifConfig(`  ${JSON.stringify(CONFIG)}  `, missingFile);
    expect(config).toEqual({
      universeDomain: 'https://eu.api.mondoo.com',
      audience: '//captain.api.mondoo.app/spaces/keen-space-123',
      issuerUri: 'https://token.actions.githubusercontent.com',
    });
  });

  it('reads a path through readFile and parses what it returns', () => {
    const config = loadWifConfig('wif.json', (path) => {
      expect(path).toBe('wif.json');
      return JSON.stringify(CONFIG);
    });
    expect(config.audience).toBe(CONFIG.audience);
  });

  it('does not quote invalid JSON text, which might hold a pasted secret', () => {
    const error = thrownBy(() =>
      loadWifConfig(`{"type": "external_account", "token": ${FAKE_SECRET}}`, missingFile),
    );
    expect(error.kind).toBe('settings');
    expect(error.message).toContain('`wif-config`');
    expect(error.message).toContain('the JSON text given is not valid JSON');
    expect(error.describe()).not.toContain(FAKE_SECRET);
    expect(error.describe()).not.toContain('sk_live');
  });

  it('does not quote invalid JSON read from a file, but names the file', () => {
    const error = thrownBy(() => loadWifConfig('secrets/wif.json', () => `{"audience": ${FAKE_SECRET}`));
    expect(error.message).toContain('the file secrets/wif.json is not valid JSON');
    expect(error.describe()).not.toContain(FAKE_SECRET);
  });

  it('does not echo a long non-path value (e.g. a pasted base64 credential) that is not a readable file', () => {
    const base64 = Buffer.from('x'.repeat(450)).toString('base64');
    expect(base64.length).toBe(600);
    const error = thrownBy(() => loadWifConfig(base64, missingFile));
    expect(error.kind).toBe('settings');
    expect(error.message).toContain(
      'the value (600 characters) is neither JSON text nor a readable file (ENOENT)',
    );
    expect(error.describe()).not.toContain(base64.slice(0, 40));
  });

  it('does not echo a value with spaces in it, however short', () => {
    const error = thrownBy(() => loadWifConfig(`token ${FAKE_SECRET}`, missingFile));
    expect(error.describe()).not.toContain(FAKE_SECRET);
  });

  it('does not echo a short secret without spaces, since it does not end like a .json file', () => {
    const apiKey = 'mondoo_sk_2f9c1d7e4b8a6035f1e2d3c4b5a69788';
    const error = thrownBy(() => loadWifConfig(apiKey, missingFile));
    expect(error.describe()).not.toContain(apiKey);
    expect(error.message).toContain(`the value (${apiKey.length} characters)`);
  });

  it('names a short path that cannot be read, with the error code', () => {
    const error = thrownBy(() => loadWifConfig('./config/wif.json', missingFile));
    expect(error.message).toBe(
      'Input `wif-config`: "./config/wif.json" is neither JSON text nor a readable file (ENOENT).',
    );
    expect(error.fix).toContain('path');
  });

  it('says "unreadable" when the read error has no code', () => {
    const error = thrownBy(() =>
      loadWifConfig('wif.json', () => {
        throw new Error('boom');
      }),
    );
    expect(error.message).toContain('(unreadable)');
  });
});

describe('parseWifConfig', () => {
  it.each(['[]', 'null', '"external_account"', '42'])('refuses the non-object JSON %s', (text) => {
    const error = thrownBy(() => parseWifConfig(text, 'the JSON text given'));
    expect(error.message).toContain('is not a JSON object');
  });

  it('refuses a service-account credential pasted instead of the WIF config', () => {
    const error = thrownBy(() =>
      parseWifConfig(JSON.stringify({ mrn: '//x', private_key: 'PEM', type: 'service_account' }), 'the JSON'),
    );
    expect(error.message).toContain('not "external_account"');
    expect(error.describe()).not.toContain('PEM');
  });

  it('refuses a non-string field, naming it', () => {
    const error = thrownBy(() =>
      parseWifConfig(JSON.stringify({ ...CONFIG, audience: 7 }), 'the JSON text given'),
    );
    expect(error.message).toContain('`audience` in the JSON text given is not a string');
  });

  it('treats null and blank fields as absent and trims the others', () => {
    const config = parseWifConfig(
      JSON.stringify({
        type: 'external_account',
        universeDomain: null,
        audience: '  ',
        issuerUri: ' https://i ',
      }),
      'x',
    );
    expect(config).toEqual({ universeDomain: undefined, audience: undefined, issuerUri: 'https://i' });
  });
});

describe('jsonErrorPosition', () => {
  it('keeps only the position from a JSON.parse error', () => {
    expect(
      jsonErrorPosition(new SyntaxError(`Unexpected token in JSON at position 17 near ${FAKE_SECRET}`)),
    ).toBe('syntax error at character 17');
  });

  it('says just "syntax error" when the message carries no position', () => {
    expect(
      jsonErrorPosition(new SyntaxError(`Unexpected token 's', "${FAKE_SECRET}" is not valid JSON`)),
    ).toBe('syntax error');
  });
});

describe('a jwtToken in the WIF config', () => {
  const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzdG9yZWQtaW4tY29uZmlnIn0.c2lnbmF0dXJlLWJ5dGVz';

  it('is masked, flagged, and never part of the config used', () => {
    const masked: string[] = [];
    const config = parseWifConfig(JSON.stringify({ ...CONFIG, jwtToken: TOKEN }), 'the text', (secret) =>
      masked.push(secret),
    );
    expect(masked).toContain(TOKEN);
    expect(config.hadJwtToken).toBe(true);
    expect(JSON.stringify(config)).not.toContain(TOKEN);
  });

  it('is masked before a check fails, and the error never quotes it', () => {
    const masked: string[] = [];
    const error = thrownBy(() =>
      parseWifConfig(JSON.stringify({ type: 'service_account', jwtToken: TOKEN }), 'the text', (secret) =>
        masked.push(secret),
      ),
    );
    expect(masked).toContain(TOKEN);
    expect(error.describe()).not.toContain(TOKEN);
  });

  it('is masked even when the config is not valid JSON', () => {
    const masked: string[] = [];
    const error = thrownBy(() =>
      parseWifConfig(`{"jwtToken": "${TOKEN}", "type": }`, 'the text', (secret) => masked.push(secret)),
    );
    expect(masked).toContain(TOKEN);
    expect(error.describe()).not.toContain(TOKEN);
  });

  it('read from a file is masked too', () => {
    const masked: string[] = [];
    loadWifConfig(
      'wif.json',
      () => JSON.stringify({ ...CONFIG, jwtToken: TOKEN }),
      (secret) => masked.push(secret),
    );
    expect(masked).toContain(TOKEN);
  });

  it('leaves a config without one unflagged', () => {
    expect(parseWifConfig(JSON.stringify(CONFIG), 'the text')).not.toHaveProperty('hadJwtToken');
  });
});
