import { describe, expect, it } from 'vitest';
import { expectNoCliLeaks, runCli } from '../support/run-cli.ts';
import { expectOnlyOwnCommands } from '../support/runner-log.ts';
import { SPACE_AUDIENCE } from '../support/scenario.ts';
import { scenarioForTest } from './expectations.ts';

describe.concurrent('mondoo-keyless and text from outside', () => {
  it('claims shows ESC sequences, bare CRs and command sequences in a claim escaped, on their line', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const token = await scenario.tokenService.mint({
      claims: {
        environment: '\u001b[2J\u001b]0;pwned\u0007prod\rfake: line',
        ref: 'x ##vso[task.complete]y',
      },
    });
    const run = await runCli(['claims', '--token-env', 'ID_TOKEN'], { env: { ID_TOKEN: token } });

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/[^\P{Cc}\n]/u);
    expect(run.stdout).toMatch(/^ {2}environment: +\\u001b\[2J\\u001b\]0;pwned\\u0007prod\\rfake: line$/m);
    expect(run.stdout).toMatch(/^ {2}ref: +x \\u0023#vso\[task\.complete\]y$/m);
    expectNoCliLeaks(run, scenario.secrets());
  });

  it('inside a GitHub job, registers each secret line with the runner on stderr, and only there', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const env = { NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile, ...scenario.runnerEnv() };
    const args = [
      'exchange',
      '--ci',
      'github',
      '--universe-domain',
      scenario.sts.url,
      '--audience',
      SPACE_AUDIENCE,
    ];
    const onGitHub = await runCli(args, { env: { GITHUB_ACTIONS: 'true', ...env } });
    const elsewhere = await runCli([...args.slice(0, 1), '--token-env', 'ID_TOKEN', ...args.slice(3)], {
      env: { ...env, ID_TOKEN: await scenario.tokenService.mint({ audience: SPACE_AUDIENCE }) },
    });

    expect(onGitHub.code, onGitHub.stderr).toBe(0);
    const masks = onGitHub.stderr
      .split('\n')
      .filter((line) => line.startsWith('::add-mask::'))
      .map((line) => line.slice('::add-mask::'.length));
    expect(masks).toContain(scenario.sts.base64Credential);
    expect(masks.every((mask) => mask.length >= 8 && !mask.includes('%0A'))).toBe(true);
    expect(onGitHub.stdout).not.toContain('::add-mask::');
    expectOnlyOwnCommands(onGitHub.stderr);
    expectNoCliLeaks(onGitHub, scenario.secrets(), [scenario.sts.base64Credential]);
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
    expect(elsewhere.stderr).not.toContain('::add-mask::');
  });
});
