import { chmod, lstat, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { installBuildkiteAgent, startAzureOidcService } from '../support/ci-stand-ins.ts';
import { type CliRun, expectNoCliLeaks, runCli } from '../support/run-cli.ts';
import { runFolder } from '../support/run-folder.ts';
import { type Scenario, SPACE_AUDIENCE } from '../support/scenario.ts';
import { scenarioForTest } from './expectations.ts';

type Cleanup = (cleanup: () => Promise<void>) => void;

/** The environment of a job on some CI system: only the variables that system sets, plus the test CA. */
interface CiJob {
  args: string[];
  env: Record<string, string>;
  stdin?: string;
  pathPrefix?: string;
  /** What stderr must say about where the token came from. */
  announces?: RegExp;
  /** Secrets this source adds (request tokens). */
  secrets: string[];
  check?: () => Promise<void>;
}

const mintFor = (scenario: Scenario) => () => scenario.tokenService.mint({ audience: SPACE_AUDIENCE });

const CI_JOBS: Record<string, (scenario: Scenario, onTestFinished: Cleanup) => Promise<CiJob>> = {
  github: async (scenario) => ({
    args: [],
    env: { GITHUB_ACTIONS: 'true', ...scenario.runnerEnv() },
    announces: /Detected GitHub Actions \(GITHUB_ACTIONS=true\)/,
    secrets: [scenario.tokenService.requestToken],
    check: async () => {
      const request = scenario.tokenService.requests.at(-1);
      expect(new URL(request?.path ?? '', 'https://x').searchParams.get('audience')).toBe(SPACE_AUDIENCE);
    },
  }),
  gitlab: async (scenario) => ({
    args: ['--token-env', 'MONDOO_ID_TOKEN'],
    env: { GITLAB_CI: 'true', MONDOO_ID_TOKEN: await mintFor(scenario)() },
    secrets: [],
  }),
  circleci: async (scenario) => ({
    ...(await circleJob(scenario)),
    announces: /Detected CircleCI \(CIRCLECI=true\)/,
  }),
  bitbucket: async (scenario) => ({
    args: [],
    env: { CI: 'true', BITBUCKET_BUILD_NUMBER: '7', BITBUCKET_STEP_OIDC_TOKEN: await mintFor(scenario)() },
    announces: /Detected Bitbucket Pipelines \(BITBUCKET_BUILD_NUMBER=7\)/,
    secrets: [],
  }),
  buildkite: async (scenario) => {
    const agent = await installBuildkiteAgent(await runFolder());
    await writeFile(agent.tokenFile, await mintFor(scenario)());
    return {
      args: [],
      env: { BUILDKITE: 'true' },
      pathPrefix: agent.binDir,
      announces: /Detected Buildkite \(BUILDKITE=true\)/,
      secrets: [],
      check: async () => {
        const calls = await readFile(agent.callsFile, 'utf8');
        expect(calls).toBe(`oidc request-token --audience ${SPACE_AUDIENCE}\n`);
      },
    };
  },
  'azure-devops': async (scenario, onTestFinished) => {
    const azure = await startAzureOidcService(scenario.ca, mintFor(scenario));
    onTestFinished(() => azure.server.close());
    return {
      args: [],
      env: {
        TF_BUILD: 'True',
        SYSTEM_OIDCREQUESTURI: azure.requestUri,
        SYSTEM_ACCESSTOKEN: azure.accessToken,
      },
      announces: /Detected Azure Pipelines \(TF_BUILD=True\)/,
      secrets: [azure.accessToken],
      check: async () => {
        const [request] = azure.server.requests;
        expect(request?.method).toBe('POST');
        expect(new URL(request?.path ?? '', 'https://x').searchParams.get('api-version')).toBe(
          '7.1-preview.1',
        );
        expect(request?.headers['x-tfs-fedauthredirect']).toBe('Suppress');
      },
    };
  },
  'token file': async (scenario) => {
    const folder = await runFolder();
    await writeFile(join(folder, 'token'), `${await mintFor(scenario)()}\n`);
    return { args: ['--token-file', join(folder, 'token')], env: {}, secrets: [] };
  },
  stdin: async (scenario) => ({
    args: ['--token', '-'],
    env: {},
    stdin: `${await mintFor(scenario)()}\n`,
    secrets: [],
  }),
};

/** A CircleCI job: the simplest source, for tests about the output rather than the source. */
async function circleJob(scenario: Scenario): Promise<CiJob> {
  return {
    args: [],
    env: { CIRCLECI: 'true', CIRCLE_OIDC_TOKEN_V2: await mintFor(scenario)() },
    secrets: [],
  };
}

async function exchangeOn(job: CiJob, scenario: Scenario, extraArgs: string[] = []): Promise<CliRun> {
  return runCli(
    [
      'exchange',
      '--universe-domain',
      scenario.sts.url,
      '--audience',
      SPACE_AUDIENCE,
      ...job.args,
      ...extraArgs,
    ],
    {
      env: { NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile, ...job.env },
      stdin: job.stdin,
      pathPrefix: job.pathPrefix,
    },
  );
}

describe.concurrent('mondoo-keyless exchange, per token source', () => {
  it.for(Object.keys(CI_JOBS))(
    '%s: prints only the credential on stdout',
    async (name, { onTestFinished }) => {
      const scenario = await scenarioForTest(onTestFinished);
      const job = await (CI_JOBS[name] ?? (() => Promise.reject(new Error(name))))(scenario, onTestFinished);
      const run = await exchangeOn(job, scenario);

      expect(run.stderr).not.toMatch(/^error:/m);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${scenario.sts.base64Credential}\n`);
      if (job.announces) expect(run.stderr).toMatch(job.announces);
      expect(run.stderr).toContain(`Mondoo issued service account ${scenario.sts.account.mrn}`);
      expect(scenario.sts.exchanges).toHaveLength(1);
      expect(scenario.sts.exchanges[0]?.issuer_uri).toBe(scenario.tokenService.issuer);
      await job.check?.();
      expectNoCliLeaks(run, [...scenario.secrets(), ...job.secrets], [scenario.sts.base64Credential]);
    },
  );
});

describe.concurrent('mondoo-keyless exchange output', () => {
  it('--format env prints one MONDOO_CONFIG_BASE64= line', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const run = await exchangeOn(await circleJob(scenario), scenario, ['--format', 'env']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`MONDOO_CONFIG_BASE64=${scenario.sts.base64Credential}\n`);
  });

  it('--format json gives the identity, subject and issuer beside the credential', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const run = await exchangeOn(await circleJob(scenario), scenario, ['--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      service_account_mrn: scenario.sts.account.mrn,
      space_mrn: scenario.sts.account.space_mrn,
      api_endpoint: scenario.sts.account.api_endpoint,
      subject: 'repo:octo-org/octo-repo:ref:refs/heads/main',
      issuer: scenario.tokenService.issuer,
      credential: scenario.sts.base64Credential,
    });
    expectNoCliLeaks(run, scenario.secrets(), [scenario.sts.base64Credential]);
  });

  it('--output-file writes the result with mode 0600 and leaves stdout empty', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const file = join(await runFolder(), 'mondoo.env');
    await writeFile(file, 'old contents, readable by all\n', { mode: 0o644 });
    const run = await exchangeOn(await circleJob(scenario), scenario, [
      '--format',
      'env',
      '--output-file',
      file,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(await readFile(file, 'utf8')).toBe(`MONDOO_CONFIG_BASE64=${scenario.sts.base64Credential}\n`);
    expect((await lstat(file)).mode & 0o777).toBe(0o600);
    expect(run.stderr).toContain(`to ${file}, mode 0600`);
    expectNoCliLeaks(run, scenario.secrets());
  });

  it('--output-file refuses a symbolic link before any token is used', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const folder = await runFolder();
    const target = join(folder, 'elsewhere');
    await writeFile(target, 'not yours\n');
    await symlink(target, join(folder, 'link'));
    const run = await exchangeOn(await circleJob(scenario), scenario, [
      '--output-file',
      join(folder, 'link'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Option `--output-file`: .*link is a symbolic link, which is never followed/);
    expect(await readFile(target, 'utf8')).toBe('not yours\n');
    expect(scenario.sts.requests).toHaveLength(0);
    expect(run.stdout).toBe('');
  });

  it('a refused subject exits 1 with the subject to register, and prints no credential', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished, {
      subject: 'repo:octo-org/other:ref:refs/heads/main',
    });
    const run = await exchangeOn(await circleJob(scenario), scenario);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: Mondoo refused the token \(PERMISSION_DENIED, HTTP 403\)/m);
    expect(run.stderr).toMatch(/^fix: /m);
    expect(run.stderr).toContain(
      'hint: The subject of the provider in Mondoo must match this token\'s `sub`: "repo:octo-org/octo-repo:ref:refs/heads/main"',
    );
    expectNoCliLeaks(run, scenario.secrets());
  });
});

describe.concurrent('mondoo-keyless exchange trims a token before it masks and sends it', () => {
  it('Azure DevOps answering {"oidcToken": "<jwt>\\n"}: an STS echoing the token shows nothing of it', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const azure = await startAzureOidcService(scenario.ca, async () => `${await mintFor(scenario)()}\n`);
    onTestFinished(() => azure.server.close());
    scenario.sts.script.push({ kind: 'echo-token' });
    const job: CiJob = {
      args: [],
      env: {
        TF_BUILD: 'True',
        SYSTEM_OIDCREQUESTURI: azure.requestUri,
        SYSTEM_ACCESSTOKEN: azure.accessToken,
      },
      secrets: [azure.accessToken],
    };
    const run = await exchangeOn(job, scenario);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: Mondoo refused the token \(UNAUTHENTICATED, HTTP 401\): invalid external token/m,
    );
    expectNoCliLeaks(run, [...scenario.secrets(), ...job.secrets]);
    expect(scenario.sts.exchanges[0]?.jwt_token).toBe(scenario.tokenService.minted[0]);
  });
});

describe.concurrent('mondoo-keyless usage errors exit 2 and name the problem', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'an unknown flag',
      ['exchange', '--audience', SPACE_AUDIENCE, '--audiance', 'x'],
      /^error: `mondoo-keyless exchange` has no option `--audiance`\.\nfix: Did you mean `--audience`\?/m,
    ],
    ['a missing audience', ['exchange', '--token-env', 'T'], /Option `--audience` is required/],
    [
      'two token sources',
      ['exchange', '--audience', SPACE_AUDIENCE, '--token-file', 'f', '--token-env', 'T'],
      /Two token sources were given \(`--token-file` and `--token-env`\)/,
    ],
    [
      'a token in the arguments',
      ['exchange', '--audience', SPACE_AUDIENCE, '--token', 'a.b.c'],
      /Option `--token` takes only `-`/,
    ],
    [
      'an unknown CI system',
      ['exchange', '--audience', SPACE_AUDIENCE, '--ci', 'jenkins'],
      /Option `--ci`: "jenkins" is not one of/,
    ],
    [
      'an unknown format',
      ['exchange', '--audience', SPACE_AUDIENCE, '--format', 'yaml'],
      /Option `--format`: "yaml" is not one of base64, env, json/,
    ],
    ['an unknown command', ['exchnage'], /"exchnage" is not a command.*\nfix: Did you mean `exchange`\?/],
    ['lint without a provider', ['lint'], /No provider given/],
    [
      'lint of a name that is neither URL nor file',
      ['lint', 'token.actions.githubusercontent.com'],
      /neither a URL nor an existing file\.\nfix: .*https:\/\/token\.actions\.githubusercontent\.com/,
    ],
  ];
  it.for(cases)('%s', async ([, args, message]) => {
    const run = await runCli(args, { env: { CIRCLECI: 'true' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });
});

describe.concurrent('mondoo-keyless claims', () => {
  it('prints every claim and the issuer and subject to register, never the token', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const run = await runCli(['claims', '--ci', 'github', '--audience', SPACE_AUDIENCE], {
      env: { NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile, ...scenario.runnerEnv() },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}sub: +repo:octo-org\/octo-repo:ref:refs\/heads\/main$/m);
    expect(run.stdout).toMatch(/^ {2}run_attempt: +1$/m);
    expect(run.stdout).toContain(
      `  issuer:  ${scenario.tokenService.issuer}\n  subject: repo:octo-org/octo-repo:ref:refs/heads/main\n`,
    );
    expect(scenario.sts.requests).toHaveLength(0);
    expectNoCliLeaks(run, scenario.secrets());
  });

  it('--format json gives issuer, subject and claims', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const token = await scenario.tokenService.mint({
      claims: { sub: 'project_path:g/p:ref_type:branch:ref:main' },
    });
    const run = await runCli(['claims', '--token-env', 'ID_TOKEN', '--format', 'json'], {
      env: { ID_TOKEN: token },
    });
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as {
      issuer: string;
      subject: string;
      claims: Record<string, unknown>;
    };
    expect(printed.subject).toBe('project_path:g/p:ref_type:branch:ref:main');
    expect(printed.issuer).toBe(scenario.tokenService.issuer);
    expect(printed.claims.repository).toBe('octo-org/octo-repo');
    expectNoCliLeaks(run, scenario.secrets());
  });
});

describe.concurrent('mondoo-keyless never echoes a token typed in the wrong place', () => {
  const cases: [string, (token: string) => string[], RegExp][] = [
    [
      '--token-env given the token',
      (t) => ['exchange', '--audience', SPACE_AUDIENCE, '--token-env', t],
      /takes the name of a variable/,
    ],
    [
      '--token-env= given the token',
      (t) => ['exchange', '--audience', SPACE_AUDIENCE, `--token-env=${t}`],
      /takes the name of a variable/,
    ],
    [
      '--token-file given the token',
      (t) => ['exchange', '--audience', SPACE_AUDIENCE, '--token-file', t],
      /takes a file path/,
    ],
    [
      'the token as a stray argument',
      (t) => ['exchange', '--audience', SPACE_AUDIENCE, t],
      /Unexpected argument "\*\*\*"/,
    ],
    ['the token as the command', (t) => [t], /"\*\*\*" is not a command/],
    [
      'the token as a lint target',
      (t) => ['lint', t],
      /"\*\*\*" (is neither a URL nor an existing file|does not exist)/,
    ],
    [
      'the token inside JSON given to --token-env',
      (t) => ['exchange', '--audience', SPACE_AUDIENCE, '--token-env', `{"value":"${t}"}`],
      /the variable \{"value":"\*\*\*"\} is not set/,
    ],
  ];
  it.for(cases)('%s', async ([, args, message], { onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const token = await scenario.tokenService.mint({ audience: SPACE_AUDIENCE });
    const run = await runCli(args(token), { env: { GITLAB_CI: 'true' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expectNoCliLeaks(run, [token]);
    expect(scenario.sts.requests).toHaveLength(0);
  });

  it('the token inside a lint URL', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const token = await scenario.tokenService.mint({ audience: SPACE_AUDIENCE });
    for (const format of ['text', 'json', 'sarif']) {
      // A loopback URL is refused before connecting: a finding, reported with its URL.
      const run = await runCli(['lint', '--format', format, `https://127.0.0.1:1/${token}`]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('fetch-address-refused');
      expectNoCliLeaks(run, [token]);
    }
  });
});

describe.concurrent('mondoo-keyless exchange stays within --timeout', () => {
  it('gives up on a stdin nobody closes', async () => {
    const run = await runCli(['exchange', '--audience', SPACE_AUDIENCE, '--token', '-', '--timeout', '2'], {
      keepStdinOpen: true,
      timeoutMs: 20_000,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Nothing closed stdin within the 2 s `--timeout`/);
  });

  it('stops a buildkite-agent that ignores SIGTERM', async () => {
    const folder = await runFolder();
    await mkdir(join(folder, 'bin'));
    // `exec` so the ignoring process is the one SIGKILL reaches, and no orphan sleeps on.
    await writeFile(join(folder, 'bin', 'buildkite-agent'), "#!/bin/sh\ntrap '' TERM\nexec sleep 60\n");
    await chmod(join(folder, 'bin', 'buildkite-agent'), 0o755);
    const run = await runCli(
      ['exchange', '--audience', SPACE_AUDIENCE, '--ci', 'buildkite', '--timeout', '2'],
      {
        pathPrefix: join(folder, 'bin'),
        timeoutMs: 20_000,
      },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/buildkite-agent oidc request-token` failed: it did not finish in time/);
  });
});

describe.concurrent('mondoo-keyless exchange --output-file checks its folder first', () => {
  it('refuses a path in a missing folder before any token is used', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const job = await circleJob(scenario);
    const missing = join(await runFolder(), 'no-such-folder', 'mondoo.env');
    const run = await exchangeOn(job, scenario, ['--output-file', missing]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /Option `--output-file`: .* cannot be written: its folder .* is missing or not writable \(ENOENT\)/,
    );
    expect(scenario.sts.requests).toHaveLength(0);
  });

  it('refuses an empty --output-file (an unset variable) instead of printing the credential', async () => {
    const run = await runCli([
      'exchange',
      '--audience',
      SPACE_AUDIENCE,
      '--token-env',
      'T',
      '--output-file',
      '',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Option `--output-file` was given an empty value \(an unset variable\?\)/);
    expect(run.stdout).toBe('');
  });

  it('refuses a path that names a folder before any token is used', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const job = await circleJob(scenario);
    const run = await exchangeOn(job, scenario, ['--output-file', `${await runFolder()}/new/`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/names a folder; give a file path/);
    expect(scenario.sts.requests).toHaveLength(0);
  });

  it.for([
    [0o777, 'every user'],
    [0o770, 'its group'],
  ] as const)(
    'refuses a folder of mode %o (%s can write it) without the sticky bit, before any token is used',
    async ([mode, who], { onTestFinished }) => {
      const scenario = await scenarioForTest(onTestFinished);
      const shared = join(await runFolder(), 'shared');
      await mkdir(shared);
      await chmod(shared, mode);
      const run = await exchangeOn(await circleJob(scenario), scenario, [
        '--output-file',
        join(shared, 'mondoo.env'),
      ]);
      expect(run.code).toBe(2);
      const octal = mode.toString(8).padStart(4, '0');
      expect(run.stderr).toContain(
        `error: Option \`--output-file\`: ${join(shared, 'mondoo.env')} is in ${shared}, a folder ${who} can write without the sticky bit (mode ${octal}): another user could replace the file after it is written.\n`,
      );
      expect(run.stderr).toMatch(/^fix: Give a file path in a folder only this job can write/m);
      expect(scenario.sts.requests).toHaveLength(0);
      expect(await readdir(shared)).toEqual([]);
      expect(run.stdout).toBe('');
    },
  );

  it('accepts a folder every user can write when it has the sticky bit, as /tmp has', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const sticky = join(await runFolder(), 'tmp');
    await mkdir(sticky);
    await chmod(sticky, 0o1777);
    const run = await exchangeOn(await circleJob(scenario), scenario, [
      '--output-file',
      join(sticky, 'mondoo.env'),
    ]);
    expect(run.code).toBe(0);
    expect(await readFile(join(sticky, 'mondoo.env'), 'utf8')).toBe(`${scenario.sts.base64Credential}\n`);
    expectNoCliLeaks(run, scenario.secrets());
  });

  it('leaves no scratch file behind when the exchange fails', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished, {
      subject: 'repo:someone/else:ref:refs/heads/main',
    });
    const job = await circleJob(scenario);
    const folder = await runFolder();
    const run = await exchangeOn(job, scenario, ['--output-file', join(folder, 'mondoo.env')]);
    expect(run.code).toBe(1);
    expect(await readdir(folder)).toEqual([]);
  });
});

describe.concurrent('mondoo-keyless exchange stopped by a signal', () => {
  it.for([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    '%s while Mondoo holds its answer: exit %i, the scratch file removed, nothing written or shown',
    async ([signal, code], { onTestFinished }) => {
      const scenario = await scenarioForTest(onTestFinished);
      // Mondoo receives the exchange and never answers: the CLI waits with its scratch file reserved.
      scenario.sts.script.push({ kind: 'hang' });
      const job = await circleJob(scenario);
      const folder = await runFolder();
      const target = join(folder, 'mondoo.env');
      let scratchSeen: string[] = [];
      const run = await runCli(
        [
          'exchange',
          '--universe-domain',
          scenario.sts.url,
          '--audience',
          SPACE_AUDIENCE,
          '--format',
          'env',
          '--output-file',
          target,
        ],
        {
          env: { NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile, ...job.env },
          onStart: (child) => {
            void (async () => {
              // The scratch file is reserved before the exchange is sent, so once Mondoo has the request it exists.
              while (scenario.sts.exchanges.length === 0 && child.exitCode === null) await sleep(20);
              scratchSeen = await readdir(folder);
              child.kill(signal);
            })();
          },
        },
      );

      expect(scratchSeen).toEqual([expect.stringMatching(/^\.mondoo\.env\.[0-9a-f]+\.tmp$/)]);
      expect(run.signal).toBeNull();
      expect(run.code).toBe(code);
      expect(await readdir(folder)).toEqual([]);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`stopped by ${signal}`);
      // The minted ID token is among the scenario's secrets.
      expectNoCliLeaks(run, scenario.secrets());
    },
  );
});

describe.concurrent('mondoo-keyless exchange picks its source as told', () => {
  it('--ci names the system even where another system is detected', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const token = await scenario.tokenService.mint({ audience: SPACE_AUDIENCE });
    const run = await runCli(
      ['exchange', '--universe-domain', scenario.sts.url, '--audience', SPACE_AUDIENCE, '--ci', 'bitbucket'],
      {
        env: {
          NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile,
          GITHUB_ACTIONS: 'true',
          ...scenario.runnerEnv(),
          BITBUCKET_STEP_OIDC_TOKEN: token,
        },
      },
    );
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('Detected');
    expect(scenario.tokenService.requests).toHaveLength(0);
    expect(scenario.sts.exchanges[0]?.jwt_token).toBe(token);
  });

  it('on GitLab without --token-env, auto explains id_tokens instead of guessing', async () => {
    const run = await runCli(['exchange', '--audience', SPACE_AUDIENCE], { env: { GITLAB_CI: 'true' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Detected GitLab CI/CD (GITLAB_CI=true).');
    expect(run.stderr).toMatch(/^error: GitLab has no token service to ask/m);
    expect(run.stderr).toMatch(
      /^fix: Declare `id_tokens: \{ MONDOO_ID_TOKEN: .*--token-env MONDOO_ID_TOKEN/m,
    );
  });

  it('with --token-env naming an unset variable on GitLab, says how to declare it', async () => {
    const run = await runCli(['exchange', '--audience', SPACE_AUDIENCE, '--token-env', 'MONDOO_ID_TOKEN'], {
      env: { GITLAB_CI: 'true' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/the variable MONDOO_ID_TOKEN is not set or empty/);
    expect(run.stderr).toMatch(/id_tokens: \{ MONDOO_ID_TOKEN: \{ aud: /);
  });
});
