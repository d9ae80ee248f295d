import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { expandCommand, orbCommand, type RunStep } from '../support/circleci-orb.ts';
import { baseEnv, INTEGRATIONS, integrationJob, runBash } from '../support/integration-job.ts';
import { runFolder } from '../support/run-folder.ts';
import { leaksIn } from '../support/runner-log.ts';
import { SPACE_AUDIENCE, type Scenario } from '../support/scenario.ts';
import { packOrb, pinnedVersions } from '../../scripts/integrations-layout.mjs';
import { scenarioForTest } from './expectations.ts';

const VERSION = pinnedVersions()['circleci/src/commands/exchange.yml'] ?? '';
const ORB = packOrb(join(INTEGRATIONS, 'circleci', 'src'));
const ORG_ID = 'c9b7b6a2-0000-4000-8000-00000000a11d';

/** A stand-in `circleci` CLI: `run oidc get --claims JSON` prints a token minted for the claims' aud. */
async function circleciCli(scenario: Scenario): Promise<string> {
  const folder = await runFolder('circleci-cli-');
  const bin = join(folder, 'bin');
  await mkdir(bin);
  const tokenFile = join(folder, 'custom-aud-token');
  await writeFile(tokenFile, await scenario.tokenService.mint({ audience: SPACE_AUDIENCE }));
  await writeFile(
    join(bin, 'circleci'),
    [
      '#!/bin/sh',
      '[ "$1 $2 $3 $4" = "run oidc get --claims" ] || { echo "circleci stand-in: unexpected $*" >&2; exit 3; }',
      // Only a token for the claims CircleCI was asked for: the Mondoo audience, as JSON.
      `[ "$5" = '{"aud":"${SPACE_AUDIENCE}"}' ] || { echo "circleci stand-in: unexpected claims $5" >&2; exit 4; }`,
      `cat '${tokenFile}'`,
      '',
    ].join('\n'),
  );
  await chmod(join(bin, 'circleci'), 0o755);
  return bin;
}

/**
 * Runs the job's steps as CircleCI does: each `run` in its own `/bin/bash -eo pipefail` (CircleCI's default
 * shell) with the step's `environment`, BASH_ENV naming one file for the whole job (bash itself sources it
 * at the start of each non-interactive shell), and the job stops at the first failing step.
 */
async function runJob(
  steps: RunStep[],
  scenario: Scenario,
  jobEnv: Record<string, string>,
  pathPrefix: string[] = [],
  shellFlags: string[] = ['-eo', 'pipefail'],
) {
  const machine = await integrationJob(VERSION);
  const bashEnv = join(machine.folder, 'bash-env');
  await writeFile(bashEnv, '');
  const env = {
    ...baseEnv(machine, scenario.ca.caCertFile, pathPrefix),
    CIRCLECI: 'true',
    BASH_ENV: bashEnv,
    ...jobEnv,
  };
  let output = '';
  let failed: number | null = null;
  for (const step of [...steps, { name: 'scan', command: 'cnspec scan local' }]) {
    // What CircleCI shows for a step: its name and command text, then what it printed.
    output += `${step.name ?? ''}\n${step.command}\n`;
    const run = await runBash(step.command, { ...env, ...step.environment }, machine.folder, {
      flags: shellFlags,
    });
    output += run.stdout + run.stderr;
    if (run.code !== 0) {
      failed = run.code;
      break;
    }
  }
  return {
    failed,
    output,
    bashEnv: await readFile(bashEnv, 'utf8'),
    cnspecSaw: await machine.cnspecSaw(),
    machine,
  };
}

/** The orb's `exchange` command as CircleCI expands it for the Mondoo audience and the scenario's STS. */
const exchangeSteps = (scenario: Scenario, more: Record<string, unknown> = {}) =>
  expandCommand(orbCommand(ORB, 'exchange'), {
    audience: SPACE_AUDIENCE,
    'universe-domain': scenario.sts.url,
    ...more,
  });

describe.concurrent('CircleCI orb', () => {
  it('mints a token for the Mondoo audience, and the credential reaches the next step through $BASH_ENV', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const steps = exchangeSteps(scenario);
    const cli = await circleciCli(scenario);
    const run = await runJob(steps, scenario, {}, [cli]);

    expect(run.failed, run.output).toBeNull();
    expect(run.cnspecSaw).toBe(scenario.sts.base64Credential);
    expect(run.bashEnv).toContain(`\nexport MONDOO_CONFIG_BASE64=${scenario.sts.base64Credential}\n`);
    expect(await run.machine.npxCalls()).toEqual([
      `--yes mondoo-keyless@${VERSION} exchange --audience ${SPACE_AUDIENCE} --universe-domain ${scenario.sts.url} --credential-type certificate --token -`,
    ]);
    expect(leaksIn([['job log', run.output]], scenario.secrets())).toEqual([]);
  });

  it('with an executor shell that traces (-x), the credential reaches the next step and is never traced', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const steps = exchangeSteps(scenario);
    // `shell: /bin/bash -eox pipefail` on the executor: every step, and $BASH_ENV as each step sources it, traced.
    const run = await runJob(steps, scenario, {}, [await circleciCli(scenario)], ['-eox', 'pipefail']);

    expect(run.failed, run.output).toBeNull();
    expect(run.cnspecSaw).toBe(scenario.sts.base64Credential);
    // The later step is still traced: only the export in $BASH_ENV runs untraced.
    expect(run.output).toContain('+ cnspec scan local');
    expect(leaksIn([['job log', run.output]], scenario.secrets())).toEqual([]);
  });

  it('with mint-token: false, exchanges CIRCLE_OIDC_TOKEN_V2 (aud: the organization ID)', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished, { allowedAudiences: [ORG_ID] });
    const steps = exchangeSteps(scenario, { 'mint-token': false });
    const token = await scenario.tokenService.mint({ audience: ORG_ID });
    const run = await runJob(steps, scenario, { CIRCLE_OIDC_TOKEN_V2: token });

    expect(run.failed, run.output).toBeNull();
    expect(run.cnspecSaw).toBe(scenario.sts.base64Credential);
    expect(leaksIn([['job log', run.output]], scenario.secrets())).toEqual([]);
  });

  it('a failed exchange fails the step, appends nothing to $BASH_ENV, and the job stops', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished, { subject: 'org/other' });
    const steps = exchangeSteps(scenario);
    const run = await runJob(steps, scenario, {}, [await circleciCli(scenario)]);

    expect(run.failed).toBe(1);
    expect(run.output).toMatch(/^error: Mondoo refused the token/m);
    expect(run.bashEnv).toBe('');
    expect(run.cnspecSaw).toBeUndefined();
    expect(leaksIn([['job log', run.output]], scenario.secrets())).toEqual([]);
  });

  it('a token that cannot be minted fails the step (pipefail), with nothing appended', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    // The stand-in mints only for the Mondoo audience; this one differs, so `circleci` exits 4.
    const steps = expandCommand(orbCommand(ORB, 'exchange'), {
      audience: '//captain.api.mondoo.app/spaces/other',
      'universe-domain': scenario.sts.url,
    });
    const run = await runJob(steps, scenario, {}, [await circleciCli(scenario)]);

    expect(run.failed).not.toBeNull();
    expect(run.bashEnv).toBe('');
    expect(run.cnspecSaw).toBeUndefined();
  });

  it.for([
    ['no audience', {}, /Missing required argument\(s\): audience/],
    [
      'a credential type outside the enum',
      { audience: SPACE_AUDIENCE, 'credential-type': 'password' },
      /argument credential-type: expected type: enum/,
    ],
    [
      'a string for the boolean',
      { audience: SPACE_AUDIENCE, 'mint-token': 'yes' },
      /argument mint-token: expected type: boolean/,
    ],
    ['an undeclared parameter', { audience: SPACE_AUDIENCE, token: 'x' }, /Unexpected argument\(s\): token/],
  ] as const)('CircleCI refuses %s when it processes the config', ([, given, message]) => {
    expect(() => expandCommand(orbCommand(ORB, 'exchange'), given)).toThrow(message);
  });

  it('the step refuses a version that names another package (a string parameter), before running anything', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const run = await runJob(exchangeSteps(scenario, { version: 'npm:other-package@1' }), scenario, {});
    expect(run.failed).toBe(1);
    expect(run.output).toContain('mondoo-keyless orb: version must be a version number such as 1.0.0');
    expect(await run.machine.npxCalls()).toEqual([]);
    expect(run.bashEnv).toBe('');
  });

  it('the step refuses an audience that could break out of the claims JSON, before running anything', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const steps = expandCommand(orbCommand(ORB, 'exchange'), { audience: '//x","aud":"other' });
    const run = await runJob(steps, scenario, {});
    expect(run.failed).toBe(1);
    expect(run.output).toContain('audience has a character a Mondoo audience never has');
    expect(await run.machine.npxCalls()).toEqual([]);
    expect(run.bashEnv).toBe('');
  });

  it('packs as `circleci orb pack` lays out an orb: version 2.1, the command, its example, the script inlined', () => {
    const orb = parse(ORB) as Record<string, Record<string, unknown>>;
    // The packed orb and its example also validate against circleciconfig.json (test/unit/integrations-schemas).
    // CircleCI's own parser on npm, @circleci/circleci-config-parser 0.10.0-alpha.3, was tried and not used: it
    // does not check an orb command's arguments, and its orb-reference pattern takes only digits 0-5 (1.0.6 fails).
    // https://circleci.com/docs/orbs/author/manual-orb-authoring-process/: an orb is 2.1 config with a
    // description and commands, jobs or executors; examples document usage.
    expect(orb.version).toBe(2.1);
    expect(Object.keys(orb.commands ?? {})).toEqual(['exchange']);
    expect(Object.keys(orb.examples ?? {})).toEqual(['scan']);
    expect(ORB).not.toContain('<<include(');
    expect(ORB).toContain('printf \'export MONDOO_CONFIG_BASE64=%s\\n\' "$credential"');
  });
});
