import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  expandTemplate,
  loggingCommands,
  resolveMacros,
  type ScriptStep,
} from '../support/azure-template.ts';
import { startAzureOidcService } from '../support/ci-stand-ins.ts';
import { baseEnv, INTEGRATIONS, integrationJob, runBash } from '../support/integration-job.ts';
import { leaksIn } from '../support/runner-log.ts';
import { SPACE_AUDIENCE, type Scenario } from '../support/scenario.ts';
import { pinnedVersions } from '../../scripts/integrations-layout.mjs';
import { scenarioForTest } from './expectations.ts';

const FOLDER = join(INTEGRATIONS, 'azure-pipelines');
const VERSION = pinnedVersions()['azure-pipelines/mondoo-keyless.yml'] ?? '';
const template = () => readFile(join(FOLDER, 'mondoo-keyless.yml'), 'utf8');

/**
 * The README's pipeline: the template reference and the later step that maps the secret into its env. (Its
 * first step installs cnspec from the internet; the job here has a stand-in cnspec instead.)
 */
async function readmePipeline(): Promise<{ templateRef: string; later: ScriptStep }> {
  const readme = await readFile(join(FOLDER, 'README.md'), 'utf8');
  const block = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const steps = (parse(block) as { steps: (ScriptStep & { template?: string })[] }).steps;
  const at = steps.findIndex((step) => step.template !== undefined);
  const later = steps[at + 1];
  if (at < 0 || later === undefined) throw new Error(`no template step and later step in:\n${block}`);
  return { templateRef: steps[at]?.template ?? '', later };
}

/**
 * A job on an agent: the template's steps, then the README's later step. Each bash step runs as the Bash task
 * does (`bash --noprofile --norc`, no -e of its own), with the agent's variables that are not secret in its
 * environment (TF_BUILD, SYSTEM_OIDCREQUESTURI) plus what its `env:` maps; the job stops at a failing step.
 */
async function runJob(
  scenario: Scenario,
  steps: ScriptStep[],
  onTestFinished: (f: () => Promise<void>) => void,
  shellFlags: string[] = [],
) {
  const azure = await startAzureOidcService(scenario.ca, () =>
    scenario.tokenService.mint({ audience: 'api://AzureADTokenExchange' }),
  );
  onTestFinished(() => azure.server.close());
  const machine = await integrationJob(VERSION);
  const variables: Record<string, string> = { 'System.AccessToken': azure.accessToken };
  const secrets = [azure.accessToken];
  const agentEnv = {
    ...baseEnv(machine, scenario.ca.caCertFile),
    TF_BUILD: 'True',
    SYSTEM_OIDCREQUESTURI: azure.requestUri,
  };
  let shown = '';
  let failed: number | null = null;
  const set: ReturnType<typeof loggingCommands>['variables'] = [];
  for (const step of steps) {
    const text = step.bash ?? step.script ?? '';
    const run = await runBash(
      text,
      { ...agentEnv, ...resolveMacros(step.env ?? {}, variables) },
      machine.folder,
      { flags: ['--noprofile', '--norc', ...shellFlags] },
    );
    const commands = loggingCommands(run.stdout);
    for (const variable of commands.variables) {
      variables[variable.name] = variable.value;
      if (variable.secret) secrets.push(variable.value);
    }
    set.push(...commands.variables);
    shown += `${step.displayName ?? ''}\n${commands.shown}${run.stderr}`;
    if (run.code !== 0) {
      failed = run.code;
      break;
    }
  }
  return { failed, shown, set, secrets, cnspecSaw: await machine.cnspecSaw(), machine };
}

/** The template expanded for the Mondoo audience and the scenario's STS, then the README's later step. */
async function readmeJob(scenario: Scenario): Promise<ScriptStep[]> {
  const { later } = await readmePipeline();
  const steps = expandTemplate(await template(), {
    audience: SPACE_AUDIENCE,
    universeDomain: scenario.sts.url,
  });
  return [...steps, later];
}

describe.concurrent('Azure Pipelines steps template', () => {
  it('sets MONDOO_CONFIG_BASE64 as a secret variable, and a later step that maps it gets the credential', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished, {
      allowedAudiences: ['api://AzureADTokenExchange'],
    });
    expect((await readmePipeline()).templateRef).toBe('mondoo-keyless.yml@mondoo');
    const steps = await readmeJob(scenario);
    expect(steps[0]?.env?.SYSTEM_ACCESSTOKEN).toBe('$(System.AccessToken)');
    const run = await runJob(scenario, steps, onTestFinished);

    expect(run.failed, run.shown).toBeNull();
    expect(run.set).toEqual([
      { name: 'MONDOO_CONFIG_BASE64', value: scenario.sts.base64Credential, secret: true },
    ]);
    expect(run.cnspecSaw).toBe(scenario.sts.base64Credential);
    expect(await run.machine.npxCalls()).toEqual([
      `--yes mondoo-keyless@${VERSION} exchange --ci azure-devops --audience ${SPACE_AUDIENCE} --universe-domain ${scenario.sts.url} --credential-type certificate`,
    ]);
    // Outside the one setvariable command the agent consumes, nothing secret was printed at all.
    expect(leaksIn([['job log', run.shown]], [...scenario.secrets(), ...run.secrets])).toEqual([]);
  });

  it('in a shell started with xtrace, the credential is never traced before the agent can mask it', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished, {
      allowedAudiences: ['api://AzureADTokenExchange'],
    });
    const run = await runJob(scenario, await readmeJob(scenario), onTestFinished, ['-x']);

    expect(run.failed, run.shown).toBeNull();
    expect(run.cnspecSaw).toBe(scenario.sts.base64Credential);
    // The trace reaches the log (stderr) for the later step, which is still traced.
    expect(run.shown).toContain('+ cnspec scan local');
    expect(leaksIn([['job log', run.shown]], [...scenario.secrets(), ...run.secrets])).toEqual([]);
  });

  it('a failed exchange fails the step before any variable is set, and the job stops', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished, { subject: 'p://other/project/pipeline' });
    const run = await runJob(scenario, await readmeJob(scenario), onTestFinished);

    expect(run.failed).toBe(1);
    expect(run.shown).toMatch(/^error: Mondoo refused the token/m);
    expect(run.set).toEqual([]);
    expect(run.cnspecSaw).toBeUndefined();
    expect(leaksIn([['job log', run.shown]], [...scenario.secrets(), ...run.secrets])).toEqual([]);
  });

  it('the step refuses an audience that is not a Mondoo audience, before running the CLI', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const steps = expandTemplate(await template(), { audience: 'api://AzureADTokenExchange' });
    const run = await runJob(scenario, steps, onTestFinished);
    expect(run.failed).toBe(1);
    expect(run.shown).toContain(
      '##vso[task.logissue type=error]mondoo-keyless template: audience must look like',
    );
    expect(await run.machine.npxCalls()).toEqual([]);
  });

  it.for([
    ['no audience', {}, /'audience' parameter must be provided/],
    [
      'a credential type outside its values',
      { audience: SPACE_AUDIENCE, credentialType: 'password' },
      /'credentialType' parameter value 'password' is not a valid value/,
    ],
    ['an undeclared parameter', { audience: SPACE_AUDIENCE, token: 'x' }, /Unexpected parameter 'token'/],
  ] as const)('Azure Pipelines refuses %s when it expands the template', async ([, given, message]) => {
    const text = await template();
    expect(() => expandTemplate(text, given)).toThrow(message);
  });

  it('the template is a steps template Azure Pipelines accepts', async () => {
    const parsed = parse(await template()) as Record<string, unknown>;
    // It also validates against Azure's service-schema.json (test/unit/integrations-schemas.test.ts).
    // https://learn.microsoft.com/azure/devops/pipelines/process/templates: a steps template has `parameters`
    // and `steps` at its root; each parameter needs `name` and `type` (yaml-schema/parameters-parameter).
    expect(Object.keys(parsed)).toEqual(['parameters', 'steps']);
    for (const parameter of parsed.parameters as Record<string, unknown>[]) {
      expect(Object.keys(parameter)).toEqual(expect.arrayContaining(['name', 'type']));
    }
    expect((parsed.steps as ScriptStep[]).map((step) => Object.keys(step).sort())).toEqual([
      ['bash', 'displayName', 'env'],
    ]);
  });
});
