import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { installBuildkiteAgent } from '../support/ci-stand-ins.ts';
import { baseEnv, INTEGRATIONS, integrationJob, runBash } from '../support/integration-job.ts';
import { runFolder } from '../support/run-folder.ts';
import { leaksIn } from '../support/runner-log.ts';
import { SPACE_AUDIENCE, type Scenario } from '../support/scenario.ts';
import { pinnedVersions } from '../../scripts/integrations-layout.mjs';
import { scenarioForTest } from './expectations.ts';

const PLUGIN = join(INTEGRATIONS, 'buildkite');
const HOOK = join(PLUGIN, 'hooks', 'environment');
const VERSION = pinnedVersions()['buildkite/hooks/environment'] ?? '';

interface PluginYml {
  name: string;
  description: string;
  author: string;
  requirements: string[];
  configuration: object;
}

const pluginYml = async () => parse(await readFile(join(PLUGIN, 'plugin.yml'), 'utf8')) as PluginYml;

/** The step's plugin configuration checked against plugin.yml's JSON Schema, as the agent does before hooks. */
async function validate(config: unknown): Promise<string> {
  const check = new Ajv({ allErrors: true }).compile((await pluginYml()).configuration);
  return check(config) ? '' : JSON.stringify(check.errors);
}

/**
 * The variables the agent gives the plugin's hooks for its configuration: BUILDKITE_PLUGIN_<NAME>_<KEY>, the
 * name from the repository (`mondoo-keyless-buildkite-plugin` gives MONDOO_KEYLESS), keys upper-cased with
 * `-` as `_` (buildkite/agent agent/plugin/plugin.go, ConfigurationToEnvironment and formatEnvKey).
 */
function pluginEnv(config: Record<string, string>): Record<string, string> {
  return {
    BUILDKITE_PLUGIN_NAME: 'MONDOO_KEYLESS',
    BUILDKITE_PLUGIN_CONFIGURATION: JSON.stringify(config),
    ...Object.fromEntries(
      Object.entries(config).map(([key, value]) => [
        `BUILDKITE_PLUGIN_MONDOO_KEYLESS_${key.toUpperCase().replace(/[- ]/g, '_')}`,
        value,
      ]),
    ),
  };
}

/**
 * One job: the agent runs the plugin's environment hook in bash and keeps the environment it leaves (here: the
 * hook is sourced, then `env` is dumped, as the agent's hook wrapper does), then runs the step's command with
 * that environment. A hook that fails ends the job before the command.
 */
async function runJob(
  scenario: Scenario,
  config: Record<string, string>,
  token?: string,
  options: { traced?: boolean } = {},
) {
  const machine = await integrationJob(VERSION);
  const agent = await installBuildkiteAgent(await runFolder('buildkite-agent-'));
  if (token !== undefined) await writeFile(agent.tokenFile, token);
  const env = {
    ...baseEnv(machine, scenario.ca.caCertFile, [agent.binDir]),
    BUILDKITE: 'true',
    ...pluginEnv(config),
  };
  const dump = join(machine.folder, '.hook-env');
  // `traced`: the hook's shell runs with `set -x`; what options it leaves is kept beside the environment.
  const hook = await runBash(
    `${options.traced === true ? 'set -x\n' : ''}. '${HOOK}'\nenv -0 > '${dump}'\necho "$-" > '${dump}.options'`,
    env,
    machine.folder,
  );
  let command: { code: number | null; output: string } | undefined;
  let after: Record<string, string> = {};
  if (hook.code === 0) {
    after = Object.fromEntries(
      (await readFile(dump, 'utf8'))
        .split('\0')
        .filter(Boolean)
        .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
    );
    const run = await runBash('cnspec scan local', after, machine.folder);
    command = { code: run.code, output: run.stdout + run.stderr };
  }
  const read = (file: string) => readFile(file, 'utf8').catch(() => '');
  return {
    hook,
    command,
    after,
    output: hook.stdout + hook.stderr + (command?.output ?? ''),
    agentCalls: (await read(agent.callsFile)).split('\n').filter(Boolean),
    redacted: await read(agent.redactedFile),
    optionsAfterHook: (await read(`${dump}.options`)).trim(),
    cnspecSaw: await machine.cnspecSaw(),
    machine,
    dump,
  };
}

/** Files under folder whose content holds the secret, bar the test's own instruments. */
async function filesHolding(folder: string, secret: string, except: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const name of await readdir(folder, { recursive: true })) {
    const path = join(folder, name);
    if (except.includes(path) || !(await stat(path)).isFile()) continue;
    if ((await readFile(path, 'utf8')).includes(secret)) found.push(relative(folder, path));
  }
  return found;
}

describe.concurrent('Buildkite plugin', () => {
  it('requests a token for the audience, registers the credential with the redactor, and the command gets it', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const config = { audience: SPACE_AUDIENCE, 'universe-domain': scenario.sts.url };
    expect(await validate(config)).toBe('');
    const run = await runJob(
      scenario,
      config,
      await scenario.tokenService.mint({ audience: SPACE_AUDIENCE }),
    );

    expect(run.hook.code, run.output).toBe(0);
    expect(run.command?.code).toBe(0);
    expect(run.cnspecSaw).toBe(scenario.sts.base64Credential);
    expect(run.agentCalls).toEqual([`oidc request-token --audience ${SPACE_AUDIENCE}`, 'redactor add']);
    expect(run.redacted).toBe(scenario.sts.base64Credential);
    expect(await run.machine.npxCalls()).toEqual([
      `--yes mondoo-keyless@${VERSION} exchange --ci buildkite --audience ${SPACE_AUDIENCE} --credential-type certificate --universe-domain ${scenario.sts.url}`,
    ]);
    // Only MONDOO_CONFIG_BASE64 leaves the hook; its scratch variables do not.
    expect(Object.keys(run.after).filter((name) => name.startsWith('mondoo_keyless'))).toEqual([]);
    // Nothing on disk holds the credential (the job's folder is HOME and the working directory).
    const instruments = [run.dump, join(run.machine.folder, 'cnspec-saw')];
    expect(await filesHolding(run.machine.folder, scenario.sts.base64Credential, instruments)).toEqual([]);
    expect(leaksIn([['job log', run.output]], scenario.secrets())).toEqual([]);
  });

  it('in a traced shell (set -x) the credential is never traced, and tracing is on again after the hook', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const run = await runJob(
      scenario,
      { audience: SPACE_AUDIENCE, 'universe-domain': scenario.sts.url },
      await scenario.tokenService.mint({ audience: SPACE_AUDIENCE }),
      { traced: true },
    );

    expect(run.hook.code, run.output).toBe(0);
    expect(run.cnspecSaw).toBe(scenario.sts.base64Credential);
    // Traced before the exchange, and as it was after it.
    expect(run.output).toContain('+ mondoo_keyless_audience=');
    expect(run.optionsAfterHook).toContain('x');
    expect(leaksIn([['job log', run.output]], scenario.secrets())).toEqual([]);
  });

  it('a failed exchange fails the hook: nothing exported or redacted, and the command never runs', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished, { subject: 'organization:other' });
    const run = await runJob(
      scenario,
      { audience: SPACE_AUDIENCE, 'universe-domain': scenario.sts.url },
      await scenario.tokenService.mint({ audience: SPACE_AUDIENCE }),
    );

    expect(run.hook.code).toBe(1);
    expect(run.output).toMatch(/^error: Mondoo refused the token/m);
    expect(run.command).toBeUndefined();
    expect(run.cnspecSaw).toBeUndefined();
    expect(run.agentCalls).not.toContain('redactor add');
    expect(leaksIn([['job log', run.output]], scenario.secrets())).toEqual([]);
  });

  it('an agent that gives no token fails the hook before anything is exported', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const run = await runJob(scenario, { audience: SPACE_AUDIENCE, 'universe-domain': scenario.sts.url });
    expect(run.hook.code).not.toBe(0);
    expect(run.output).toContain('403 Forbidden');
    expect(run.command).toBeUndefined();
  });

  // Agents check plugin.yml's schema only with plugin validation on (off by default): the hook checks itself.
  it.for([
    [
      'a version that is another package',
      { version: 'npm:other-package@1' },
      'version must be a version number',
    ],
    ['a version range', { version: '^1' }, 'version must be a version number'],
    [
      'an unknown credential type',
      { 'credential-type': 'password' },
      'credential-type must be certificate or token',
    ],
    ['an audience with a quote', { audience: "//x'y" }, 'audience must look like //captain.api.mondoo.app'],
    [
      'an http universe domain',
      { 'universe-domain': 'http://127.0.0.1' },
      'universe-domain must be an https:// URL',
    ],
  ] as const)(
    'with plugin validation off, the hook refuses %s before running anything',
    async ([, bad, message], { onTestFinished }) => {
      const scenario = await scenarioForTest(onTestFinished);
      const run = await runJob(scenario, {
        audience: SPACE_AUDIENCE,
        'universe-domain': scenario.sts.url,
        ...bad,
      });
      expect(run.hook.code).toBe(1);
      expect(run.output).toContain(`mondoo-keyless plugin: ${message}`);
      expect(await run.machine.npxCalls()).toEqual([]);
      expect(run.agentCalls).toEqual([]);
      expect(run.command).toBeUndefined();
    },
  );

  it.for([
    ['no audience', {}, 'audience'],
    ['an audience that is not a Mondoo audience', { audience: 'https://example.com' }, 'pattern'],
    ['an unknown credential type', { audience: SPACE_AUDIENCE, 'credential-type': 'password' }, 'enum'],
    ['an unknown option', { audience: SPACE_AUDIENCE, token: 'x' }, 'additionalProperties'],
    ['a version range', { audience: SPACE_AUDIENCE, version: '^1' }, 'pattern'],
  ] as const)('plugin.yml refuses %s', async ([, config, keyword]) => {
    expect(await validate(config)).toContain(keyword);
  });

  it('plugin.yml has the keys Buildkite requires', async () => {
    const plugin = await pluginYml();
    // https://buildkite.com/docs/plugins/writing: name, description, author, requirements and configuration
    // (a JSON Schema object) describe the plugin; the agent finds hooks in hooks/ by their lifecycle name.
    expect(Object.keys(plugin).sort()).toEqual([
      'author',
      'configuration',
      'description',
      'name',
      'requirements',
    ]);
    expect(plugin.requirements).toEqual(['npx', 'buildkite-agent']);
    expect(((await stat(HOOK)).mode & 0o111) !== 0).toBe(true);
  });
});
