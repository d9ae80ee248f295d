import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { layOut, pinnedVersions } from '../../scripts/integrations-layout.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'integrations-layout.mjs');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const out = mkdtempSync(join(tmpdir(), 'integrations-layout-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const files = (folder: string) =>
  execFileSync('find', ['.', '-type', 'f'], { cwd: join(out, folder), encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .sort();

describe('integrations layout (release workflow)', () => {
  it("every integration runs this release's CLI: each pinned version is package.json's", () => {
    expect(pinnedVersions()).toEqual({
      'gitlab/templates/mondoo-keyless.yml': version,
      'circleci/src/commands/exchange.yml': version,
      'buildkite/hooks/environment': version,
      'azure-pipelines/mondoo-keyless.yml': version,
    });
  });

  it('lays each system out as it consumes it', () => {
    layOut(out);
    // GitLab: component files in templates/ at the project root (https://docs.gitlab.com/ci/components/).
    expect(files('gitlab-component')).toEqual(['./LICENSE', './README.md', './templates/mondoo-keyless.yml']);
    // Buildkite: plugin.yml and hooks/ at the repository root, the hook executable (https://buildkite.com/docs/plugins/writing).
    expect(files('mondoo-keyless-buildkite-plugin')).toEqual([
      './LICENSE',
      './README.md',
      './hooks/environment',
      './plugin.yml',
    ]);
    expect(statSync(join(out, 'mondoo-keyless-buildkite-plugin', 'hooks', 'environment')).mode & 0o777).toBe(
      0o755,
    );
    // CircleCI: the packed orb.yml that `circleci orb publish` takes, and the source it was packed from.
    expect(files('circleci-orb')).toEqual([
      './LICENSE',
      './README.md',
      './orb.yml',
      './src/@orb.yml',
      './src/commands/exchange.yml',
      './src/examples/scan.yml',
      './src/scripts/exchange.sh',
    ]);
    const orb = parse(readFileSync(join(out, 'circleci-orb', 'orb.yml'), 'utf8')) as {
      commands: { exchange: { steps: { run: { command: string } }[] } };
    };
    expect(orb.commands.exchange.steps[0]?.run.command).toBe(
      readFileSync(join(ROOT, 'integrations', 'circleci', 'src', 'scripts', 'exchange.sh'), 'utf8'),
    );
    // Azure Pipelines: the template at the root of the repository a pipeline names as a resource.
    expect(files('azure-pipelines-template')).toEqual(['./LICENSE', './README.md', './mondoo-keyless.yml']);
    expect(readFileSync(join(out, 'gitlab-component', 'templates', 'mondoo-keyless.yml'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'integrations', 'gitlab', 'templates', 'mondoo-keyless.yml'), 'utf8'),
    );
  });

  it('refuses to lay out integrations that pin another version than package.json', () => {
    const root = mkdtempSync(join(tmpdir(), 'integrations-root-'));
    try {
      cpSync(join(ROOT, 'LICENSE'), join(root, 'LICENSE'));
      writeFileSync(join(root, 'package.json'), JSON.stringify({ version: '9.9.9' }));
      expect(() => layOut(join(root, 'out'), { repoRoot: root })).toThrow(
        /package\.json is 9\.9\.9, but these integrations pin another CLI version: gitlab\/templates\/mondoo-keyless\.yml/,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("the release workflow's integrations job runs the layout and packs each folder, the hook still executable", () => {
    const workflow = parse(readFileSync(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8')) as {
      jobs: Record<string, { needs?: string; steps: { name?: string; run?: string }[] }>;
    };
    const job = workflow.jobs.integrations;
    expect(job?.needs).toBe('github-release');
    const run = (name: string) => job?.steps.find((step) => step.name === name)?.run ?? '';
    // The job's own shell, as the runner gives it: bash -e, RUNNER_TEMP, the tag, a step summary file.
    const temp = mkdtempSync(join(tmpdir(), 'release-runner-'));
    try {
      const env = {
        PATH: process.env.PATH,
        RUNNER_TEMP: temp,
        GITHUB_REF_NAME: `v${version}`,
        GITHUB_STEP_SUMMARY: join(temp, 'summary.md'),
      };
      for (const name of ['Lay out each integration', 'Pack each layout']) {
        execFileSync('bash', ['-e', '-c', run(name)], { cwd: ROOT, env, stdio: 'pipe' });
      }
      const packed = execFileSync('ls', [join(temp, 'packed')], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean);
      expect(packed).toEqual(
        [
          'azure-pipelines-template',
          'circleci-orb',
          'gitlab-component',
          'mondoo-keyless-buildkite-plugin',
        ].map((folder) => `${folder}-v${version}.tar.gz`),
      );
      const listing = execFileSync(
        'tar',
        ['-tvzf', join(temp, 'packed', `mondoo-keyless-buildkite-plugin-v${version}.tar.gz`)],
        { encoding: 'utf8' },
      );
      expect(listing).toMatch(/^-rwxr-xr-x .* mondoo-keyless-buildkite-plugin\/hooks\/environment$/m);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });

  it('as a command, needs the output folder', () => {
    const run = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Usage: node scripts/integrations-layout.mjs OUT_DIR');
  });
});
