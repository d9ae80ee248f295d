import { describe, expect, it } from 'vitest';
import { chooseTokenSource, githubRunnerToken } from '../../src/exchange/token-source.js';
import type { Send } from '../../src/http.js';
import { Deadline } from '../../src/retry.js';
import { readExchangeSettings } from '../../src/settings.js';
import { recordingRunner } from './lint-helpers.js';
import { thrownBy } from './helpers.js';

const RUNNER_ENV = {
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://runner.invalid/token?api-version=2.0',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token-value',
};
const refuseNetwork: Send = () => Promise.reject(new Error('no network in this test'));

function settingsWith(values: Record<string, string>) {
  return readExchangeSettings(
    (name) => ({ audience: '//captain.api.mondoo.app/spaces/s', ...values })[name] ?? '',
  );
}

describe('githubRunnerToken', () => {
  it('warns that runner tokens cannot meet a min-validity at or above their lifetime', () => {
    const { runner, recorded } = recordingRunner();
    githubRunnerToken(settingsWith({ 'min-validity': '300' }), runner, refuseNetwork, RUNNER_ENV);
    expect(recorded.logs.join('\n')).toMatch(/warning: Input `min-validity` is 300 s.*live about 300 s/);
  });

  it('stays quiet below the lifetime', () => {
    const { runner, recorded } = recordingRunner();
    githubRunnerToken(settingsWith({ 'min-validity': '299' }), runner, refuseNetwork, RUNNER_ENV);
    expect(recorded.logs.filter((line) => line.startsWith('warning'))).toEqual([]);
  });

  it('masks the request token before anything can print it', () => {
    const { runner, recorded } = recordingRunner();
    githubRunnerToken(settingsWith({}), runner, refuseNetwork, RUNNER_ENV);
    expect(recorded.masked).toContain('request-token-value');
  });

  it('explains a missing token service instead of failing later', () => {
    const { runner } = recordingRunner();
    const error = thrownBy(() => githubRunnerToken(settingsWith({}), runner, refuseNetwork, {}));
    expect(error.kind).toBe('token-unavailable');
    expect(error.message).toMatch(/not a GitHub Actions job/);
  });
});

describe('chooseTokenSource', () => {
  it('uses the token input as given, without the runner lifetime warning or a token service', async () => {
    const { runner, recorded } = recordingRunner();
    const source = chooseTokenSource(
      settingsWith({ 'min-validity': '600', token: 'a.b.c' }),
      runner,
      refuseNetwork,
      {},
    );
    expect(source.canRemint).toBe(false);
    expect(source.label).toBe('The `token` input');
    expect(recorded.logs).toEqual([]);
    expect(await source.fetch(new Deadline(1000))).toBe('a.b.c');
  });
});
