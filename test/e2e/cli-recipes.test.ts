import { chmod, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installBuildkiteAgent, startAzureOidcService } from '../support/ci-stand-ins.ts';
import { REPO_ROOT } from '../support/run-action.ts';
import { CLI } from '../support/run-cli.ts';
import { runFolder } from '../support/run-folder.ts';
import { leaksIn } from '../support/runner-log.ts';
import { spawnCollect } from '../support/spawn-collect.ts';
import { type Scenario, SPACE_AUDIENCE } from '../support/scenario.ts';
import { scenarioForTest } from './expectations.ts';

const README = join(REPO_ROOT, 'docs', 'ci-systems.md');

/** The YAML block of the shell recipe in a system's section (`## System`, then `### Shell recipe`). */
async function recipe(heading: string, language = 'yaml'): Promise<string> {
  const readme = await readFile(README, 'utf8');
  const section = readme.indexOf(`\n## ${heading}\n`);
  const start = readme.indexOf('\n### Shell recipe\n', section);
  const end = readme.indexOf('\n## ', start);
  const block = new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``).exec(readme.slice(start, end))?.[1];
  if (section < 0 || start < 0 || !block) throw new Error(`no shell recipe under "## ${heading}"`);
  return block;
}

/** The recipe's shell lines, as the CI system would run them: YAML list markers and indentation removed. */
function shellLines(yaml: string): string[] {
  return yaml
    .split('\n')
    .map((line) => line.trim().replace(/^- /, ''))
    .filter(
      (line) => /mondoo-keyless|MONDOO_CONFIG_BASE64|cnspec|^set -/.test(line) && !line.startsWith('name:'),
    );
}

interface Job {
  env: Record<string, string>;
  pathPrefix?: string;
  secrets: string[];
}

/**
 * What `buildkite-agent pipeline upload` leaves of a command line: it interpolates `$VAR` and `${VAR}` (none
 * is set at upload here, so they become empty) and turns `$$` into the `$` the job's shell sees.
 */
function buildkiteUpload(line: string): string {
  return line.replace(/\$\$|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/g, (match) => (match === '$$' ? '$' : ''));
}

/**
 * Runs the recipe's script in bash with `mondoo-keyless` on PATH as the built CLI and a stand-in `cnspec` that
 * records the MONDOO_CONFIG_BASE64 it was started with: the credential must reach it.
 */
async function runRecipe(lines: string[], scenario: Scenario, job: Job) {
  const folder = await runFolder();
  const bin = join(folder, 'bin');
  await mkdir(bin);
  await symlink(CLI, join(bin, 'mondoo-keyless'));
  const seen = join(folder, 'cnspec-saw');
  await writeFile(join(bin, 'cnspec'), `#!/bin/sh\nprintf '%s' "$MONDOO_CONFIG_BASE64" > '${seen}'\n`);
  await chmod(join(bin, 'cnspec'), 0o755);
  const wifConfig = JSON.stringify({
    universeDomain: scenario.sts.url,
    audience: SPACE_AUDIENCE,
    issuerUri: scenario.tokenService.issuer,
    type: 'external_account',
  });
  const env = {
    PATH: [job.pathPrefix, bin, process.env.PATH].filter(Boolean).join(':'),
    HOME: process.env.HOME ?? folder,
    NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile,
    MONDOO_WIF_CONFIG: wifConfig,
    ...job.env,
  };
  const run = await spawnCollect('bash', ['-e', '-c', lines.join('\n')], {
    cwd: folder,
    env,
    timeoutMs: 30_000,
  });
  const cnspecSaw = await readFile(seen, 'utf8').catch(() => undefined);
  return { code: run.code, output: run.stdout + run.stderr, cnspecSaw };
}

const mint = (scenario: Scenario) => scenario.tokenService.mint({ audience: SPACE_AUDIENCE });

const RECIPES: [
  string,
  RegExp,
  (scenario: Scenario, onTestFinished: (f: () => Promise<void>) => void) => Promise<Job>,
][] = [
  [
    'GitLab CI/CD',
    /id_tokens:\n\s+MONDOO_ID_TOKEN:/,
    async (scenario) => ({
      env: { GITLAB_CI: 'true', MONDOO_ID_TOKEN: await mint(scenario) },
      secrets: [],
    }),
  ],
  [
    'CircleCI',
    /command: \|/,
    async (scenario) => ({
      env: { CIRCLECI: 'true', CIRCLE_OIDC_TOKEN_V2: await mint(scenario) },
      secrets: [],
    }),
  ],
  [
    'Buildkite',
    /command: \|/,
    async (scenario) => {
      const agent = await installBuildkiteAgent(await runFolder());
      await writeFile(agent.tokenFile, await mint(scenario));
      return { env: { BUILDKITE: 'true' }, pathPrefix: agent.binDir, secrets: [] };
    },
  ],
  [
    'Bitbucket Pipelines',
    /oidc: true/,
    async (scenario) => ({
      env: { CI: 'true', BITBUCKET_BUILD_NUMBER: '12', BITBUCKET_STEP_OIDC_TOKEN: await mint(scenario) },
      secrets: [],
    }),
  ],
  [
    'Azure DevOps',
    /SYSTEM_ACCESSTOKEN: \$\(System\.AccessToken\)/,
    async (scenario, onTestFinished) => {
      const azure = await startAzureOidcService(scenario.ca, () => mint(scenario));
      onTestFinished(() => azure.server.close());
      return {
        env: {
          TF_BUILD: 'True',
          SYSTEM_OIDCREQUESTURI: azure.requestUri,
          SYSTEM_ACCESSTOKEN: azure.accessToken,
        },
        secrets: [azure.accessToken],
      };
    },
  ],
];

describe.concurrent('README CI recipes, run as written', () => {
  it.for(RECIPES)(
    '%s: the credential reaches cnspec',
    async ([heading, documents, jobFor], { onTestFinished }) => {
      const yaml = await recipe(heading);
      // The recipe documents the variables this test sets for the job.
      expect(yaml).toMatch(documents);
      const scenario = await scenarioForTest(onTestFinished);
      const job = await jobFor(scenario, onTestFinished);
      const lines = heading === 'Buildkite' ? shellLines(yaml).map(buildkiteUpload) : shellLines(yaml);
      const run = await runRecipe(lines, scenario, job);

      expect(run.output).not.toMatch(/^error:/m);
      expect(run.code).toBe(0);
      expect(run.cnspecSaw).toBe(scenario.sts.base64Credential);
      expect(leaksIn([['output', run.output]], [...scenario.secrets(), ...job.secrets])).toEqual([]);
    },
  );

  it('CircleCI with a custom audience: the piped token is exchanged and captured, not printed', async ({
    onTestFinished,
  }) => {
    const snippet = await recipe('CircleCI', 'sh');
    const scenario = await scenarioForTest(onTestFinished);
    // A stand-in `circleci` that answers `run oidc get --claims JSON` with a token for the audience asked.
    const folder = await runFolder();
    await writeFile(join(folder, 'token'), await mint(scenario));
    await writeFile(
      join(folder, 'circleci'),
      `#!/bin/sh\n[ "$1 $2 $3 $4" = "run oidc get --claims" ] || exit 3\ncase "$5" in *'"aud": "//captain.api.mondoo.app/spaces/'*) cat '${join(folder, 'token')}';; *) exit 4;; esac\n`,
    );
    await chmod(join(folder, 'circleci'), 0o755);
    const lines = [snippet.replace(/\\\n\s*/g, ''), 'export MONDOO_CONFIG_BASE64', 'cnspec scan local'];
    const run = await runRecipe(lines, scenario, {
      env: { CIRCLECI: 'true' },
      pathPrefix: folder,
      secrets: [],
    });
    expect(run.code).toBe(0);
    expect(run.cnspecSaw).toBe(scenario.sts.base64Credential);
    expect(leaksIn([['output', run.output]], scenario.secrets())).toEqual([]);
  });

  it('a failed exchange stops the recipe before cnspec runs', async ({ onTestFinished }) => {
    const yaml = await recipe('GitLab CI/CD');
    const scenario = await scenarioForTest(onTestFinished, { subject: 'project_path:other/project' });
    const run = await runRecipe(shellLines(yaml), scenario, {
      env: { GITLAB_CI: 'true', MONDOO_ID_TOKEN: await mint(scenario) },
      secrets: [],
    });
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/^error: Mondoo refused the token/m);
    expect(run.cnspecSaw).toBeUndefined();
  });
});
