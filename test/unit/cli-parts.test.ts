import { describe, expect, it } from 'vitest';
import { readWholeNumber } from '../../src/input-values.js';
import { detectCi } from '../../src/cli/ci-systems.js';
import { mapInOrder } from '../../src/cli/in-order.js';
import { createTerminalLog } from '../../src/output/terminal.js';
import { tokenRequestOf } from '../../src/cli/token-options.js';
import { commandHelp, parseCommand, UsageError } from '../../src/cli/usage.js';
import { cliWording } from '../../src/cli/wording.js';
import { EXCHANGE_COMMAND } from '../../src/cli/exchange-command.js';
import { sarifLog } from '../../src/cli/sarif.js';
import { type LintReport, REPORT_SCHEMA } from '../../src/lint/report.js';

describe('detectCi', () => {
  it.each([
    [{ GITHUB_ACTIONS: 'true' }, 'github', 'GITHUB_ACTIONS=true'],
    [{ GITLAB_CI: 'true', CI: 'true' }, 'gitlab', 'GITLAB_CI=true'],
    [{ CIRCLECI: 'true' }, 'circleci', 'CIRCLECI=true'],
    [{ BUILDKITE: 'true' }, 'buildkite', 'BUILDKITE=true'],
    [{ BITBUCKET_BUILD_NUMBER: '41' }, 'bitbucket', 'BITBUCKET_BUILD_NUMBER=41'],
    [{ TF_BUILD: 'True' }, 'azure-devops', 'TF_BUILD=True'],
  ])('finds %j', (env, system, because) => {
    expect(detectCi(env)).toEqual({ system, because });
  });

  it('finds nothing on a developer machine, or from a marker with the wrong value', () => {
    expect(detectCi({ CI: 'true', HOME: '/home/me' })).toBeUndefined();
    expect(detectCi({ GITLAB_CI: 'false', BITBUCKET_BUILD_NUMBER: '' })).toBeUndefined();
  });
});

describe('mapInOrder', () => {
  it('gives results in input order although later items finish first', async () => {
    const delays = [30, 5, 20, 1, 10];
    const finished: number[] = [];
    const results = await mapInOrder(delays, 3, async (delay, index) => {
      await new Promise((resolve) => setTimeout(resolve, delay));
      finished.push(index);
      return delay * 2;
    });
    expect(results).toEqual([60, 10, 40, 2, 20]);
    expect(finished).not.toEqual([0, 1, 2, 3, 4]);
  });

  it('never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    await mapInOrder(
      Array.from({ length: 12 }, (_, i) => i),
      4,
      async () => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 2));
        running--;
      },
    );
    expect(most).toBe(4);
  });
});

describe('cliWording', () => {
  it("names the CLI's options where the core names the action's inputs", () => {
    expect(cliWording('Input `min-validity`: 5 is too low.')).toBe('Option `--min-validity`: 5 is too low.');
    expect(cliWording('Set `audience` to the audience Mondoo shows, or pass `wif-config`.')).toBe(
      'Set `--audience` to the audience Mondoo shows, or pass `--wif-config`.',
    );
  });

  it('leaves a key inside the WIF config alone', () => {
    expect(cliWording('`audience` in `wif-config` is "x"')).toBe('`audience` in `--wif-config` is "x"');
  });
});

describe('terminal log', () => {
  it('hides registered secrets in every line and indents groups', () => {
    let written = '';
    const log = createTerminalLog({ writeErr: (text) => (written += text), writeCommand: () => {} });
    log.mask('s3cret-value');
    log.group('Claims', () => log.info('sub: a\nnote: s3cret-value here'));
    log.warning('Input `timeout` is odd');
    expect(written).toBe('Claims:\n  sub: a\n  note: *** here\nwarning: Option `--timeout` is odd\n');
  });
});

describe('exchange command line', () => {
  it('takes --token only as - for stdin', () => {
    const parsed = parseCommand(EXCHANGE_COMMAND, ['--token', '-']);
    expect(tokenRequestOf(parsed.values, 'exchange')).toMatchObject({ stdin: true, ci: 'auto' });
    const inline = parseCommand(EXCHANGE_COMMAND, ['--token', 'eyJ.a.b']);
    expect(() => tokenRequestOf(inline.values, 'exchange')).toThrow(/`--token` takes only `-`/);
  });

  it('refuses a second token source, and a CI system that brings its own token beside one', () => {
    const two = parseCommand(EXCHANGE_COMMAND, ['--token-file', 'f', '--token', '-']);
    expect(() => tokenRequestOf(two.values, 'exchange')).toThrow(
      /Two token sources were given \(`--token-file` and `--token -`\)/,
    );
    const withCi = parseCommand(EXCHANGE_COMMAND, ['--token-env', 'T', '--ci', 'circleci']);
    expect(() => tokenRequestOf(withCi.values, 'exchange')).toThrow(/`--ci circleci` gets its own token/);
    const gitlab = parseCommand(EXCHANGE_COMMAND, ['--token-env', 'T', '--ci', 'gitlab']);
    expect(tokenRequestOf(gitlab.values, 'exchange')).toMatchObject({ tokenEnv: 'T', ci: 'gitlab' });
  });

  it('turns parseArgs errors into usage errors that name the option', () => {
    const error = (() => {
      try {
        parseCommand(EXCHANGE_COMMAND, ['--audiance', 'x']);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe('`mondoo-keyless exchange` has no option `--audiance`.');
    expect((error as UsageError).fix).toMatch(/^Did you mean `--audience`\?/);
    expect((error as UsageError).command).toBe('exchange');
  });

  it('lists every option in --help', () => {
    const help = commandHelp('mondoo-keyless', EXCHANGE_COMMAND);
    for (const name of Object.keys(EXCHANGE_COMMAND.options)) expect(help).toContain(`--${name}`);
    expect(help).toMatch(/^Usage: mondoo-keyless exchange \[options\]$/m);
  });
});

describe('sarifLog locations', () => {
  const report = (discovery: string): LintReport => ({
    schema: REPORT_SCHEMA,
    tool: { name: 't', version: '0' },
    profile: 'mondoo',
    target: { issuer: 'https://x', discovery, token: false },
    usable: { mondoo: false, mender: false, oidc: false },
    decidedBy: {},
    verdicts: { mondoo: 'not usable with Mondoo', mender: 'not usable with Mender SSO', oidc: 'no' },
    counts: { error: 1, warning: 0, info: 0 },
    findings: [{ rule: 'member-missing', severity: 'error', message: 'm', fix: 'f' }],
    fetches: [],
  });
  const uriOf = (discovery: string) => {
    const log = sarifLog([report(discovery)], 'mondoo') as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    return log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri;
  };

  it('turns a fetched URL into a relative path, port and query escaped, nothing escaped twice', () => {
    expect(uriOf('https://login.example.com:8443/t%20a/.well-known/openid-configuration?appid=1')).toBe(
      'login.example.com%3A8443/t%20a/.well-known/openid-configuration%3Fappid%3D1',
    );
  });

  it('keeps a target that only looks like a URL as an escaped path instead of failing the log', () => {
    expect(uriOf('https://exa mple.com/.well-known/openid-configuration')).toBe(
      'exa%20mple.com/.well-known/openid-configuration',
    );
    expect(uriOf('http://[::1/.well-known/openid-configuration')).toBe(
      '%5B%3A%3A1/.well-known/openid-configuration',
    );
  });

  it('keeps a local relative path, with forward slashes', () => {
    expect(uriOf('providers/gitlab.json')).toBe('providers/gitlab.json');
  });
});

describe('readWholeNumber units', () => {
  it('names the unit it reads: seconds by default, what the option counts otherwise', () => {
    expect(() => readWholeNumber('timeout', '0', 60, 1, 900)).toThrow('0 is outside 1..900 seconds.');
    expect(() => readWholeNumber('concurrency', '0', 8, 1, 64, 'providers at once')).toThrow(
      '0 is outside 1..64 providers at once.',
    );
  });
});
