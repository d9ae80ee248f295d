// .github/workflows/release.yml cannot run here (no tag push, no npm, no GitHub API), so its order and its
// guards are pinned statically, and the shell of the steps that decide something runs as the runner would run
// it: bash -e with the runner's variables, against a real git repository, and with a `gh` stand-in on PATH that
// records what it is asked (the GitHub CLI itself would need the API).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { changelogEntry } from '../../scripts/release-notes.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  permissions: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
}
const workflow = parse(read('.github/workflows/release.yml')) as { jobs: Record<string, Job> };
const jobs = workflow.jobs;
const job = (name: string): Job => {
  const found = jobs[name];
  if (!found) throw new Error(`release.yml has no job ${name}`);
  return found;
};
const step = (jobName: string, name: string): Step => {
  const found = job(jobName).steps.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`release.yml ${jobName} has no step "${name}"`);
  return found;
};
const version = (JSON.parse(read('package.json')) as { version: string }).version;

const scratch = mkdtempSync(join(tmpdir(), 'release-workflow-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A step's script under bash -e, as the runner runs it, with only the variables given (and PATH). */
function runStep(script: string, env: Record<string, string | undefined>, cwd = ROOT) {
  const run = spawnSync('bash', ['-e', '-c', script], {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * A stand-in for a command a step runs: a folder to put first on PATH, holding `name`, which appends its
 * arguments to the file $CALLS, one call a line, then runs `behaviour` (sh).
 */
function standIn(name: string, behaviour: string[]): string {
  const bin = mkdtempSync(join(scratch, `${name}-bin-`));
  writeFileSync(
    join(bin, name),
    ['#!/bin/sh', 'printf \'%s\\n\' "$*" >> "$CALLS"', ...behaviour, ''].join('\n'),
  );
  chmodSync(join(bin, name), 0o755);
  return bin;
}

/** A fresh folder with an empty $CALLS file in it, and the calls read back. */
function callsFolder(prefix: string) {
  const folder = mkdtempSync(join(scratch, prefix));
  const file = join(folder, 'calls');
  writeFileSync(file, '');
  return { folder, file, calls: () => readFileSync(file, 'utf8').split('\n').filter(Boolean) };
}

describe('release.yml', () => {
  it('runs check, then the npm publish, then the GitHub release and major tag, then the integrations', () => {
    expect(Object.keys(jobs)).toEqual(['check', 'npm', 'github-release', 'integrations']);
    expect(job('check').needs).toBeUndefined();
    expect(job('npm').needs).toBe('check');
    expect(job('github-release').needs).toBe('npm');
    expect(job('integrations').needs).toBe('github-release');
    // The major tag moves in the job after the publish, and nowhere else.
    const movers = Object.entries(jobs).filter(([, { steps }]) =>
      steps.some((candidate) => candidate.run?.includes('refs/tags/$major')),
    );
    expect(movers.map(([name]) => name)).toEqual(['github-release']);
  });

  describe('check: the tagged commit is on the default branch', () => {
    const git = (cwd: string, ...args: string[]) => {
      const run = spawnSync('git', args, { cwd, env: gitEnv, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
      return run.stdout.trim();
    };
    const gitEnv = {
      PATH: process.env.PATH,
      HOME: scratch,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'Release Test',
      GIT_AUTHOR_EMAIL: 'release@example.test',
      GIT_COMMITTER_NAME: 'Release Test',
      GIT_COMMITTER_EMAIL: 'release@example.test',
    };
    // A repository as checkout leaves it with fetch-depth 0: main on origin, and a commit that never reached it.
    const repo = join(scratch, 'repo');
    mkdirSync(repo, { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'commit', '-q', '--allow-empty', '-m', 'merged release');
    const merged = git(repo, 'rev-parse', 'HEAD');
    git(repo, 'checkout', '-q', '-b', 'side');
    git(repo, 'commit', '-q', '--allow-empty', '-m', 'never merged');
    const unmerged = git(repo, 'rev-parse', 'HEAD');
    git(repo, 'checkout', '-q', 'main');
    git(repo, 'commit', '-q', '--allow-empty', '-m', 'later on main');
    git(repo, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
    git(repo, 'tag', '-a', 'v9.9.9', '-m', 'v9.9.9', merged);
    const annotated = git(repo, 'rev-parse', 'v9.9.9');

    const guard = step('check', 'The tagged commit is on the default branch');
    const guardRun = (sha: string) =>
      runStep(
        guard.run ?? '',
        { ...gitEnv, GITHUB_SHA: sha, GITHUB_REF_NAME: 'v9.9.9', DEFAULT_BRANCH: 'main' },
        repo,
      );

    it('comes first, after a checkout of all history that keeps no credential', () => {
      const steps = job('check').steps;
      expect(steps[0]?.uses).toMatch(/^actions\/checkout@/);
      expect(steps[0]?.with).toMatchObject({ 'fetch-depth': 0, 'persist-credentials': false });
      expect(steps[1]).toBe(guard);
      expect(guard.env).toEqual({ DEFAULT_BRANCH: '${{ github.event.repository.default_branch }}' });
    });

    it('passes a commit on main, also when GITHUB_SHA names an annotated tag object', () => {
      expect(annotated).not.toBe(merged);
      for (const sha of [merged, annotated]) {
        expect(guardRun(sha)).toMatchObject({ code: 0, stdout: 'v9.9.9 is on main\n' });
      }
    });

    it('refuses a commit that is not on main, with an error that says what to do', () => {
      const { code, stdout } = guardRun(unmerged);
      expect(code).toBe(1);
      expect(stdout).toMatch(
        /^::error::v9\.9\.9 \([0-9a-f]{40}\) is not on main: merge the release pull request/,
      );
      expect(stdout).toContain('tag the merged commit on main');
    });
  });

  describe('github-release: creates the release, or updates its notes on a re-run', () => {
    // The gh stand-in records each call; `gh release view` succeeds only when the release "exists".
    const bin = standIn('gh', ['if [ "$1 $2" = "release view" ]; then [ "$RELEASE_EXISTS" = yes ]; fi']);
    const create = step('github-release', 'Create the release with the changelog entry as notes');

    const releaseRun = (exists: boolean) => {
      const { folder: temp, file, calls } = callsFolder('runner-');
      const run = runStep(create.run ?? '', {
        PATH: `${bin}:${process.env.PATH}`,
        CALLS: file,
        RELEASE_EXISTS: exists ? 'yes' : 'no',
        RUNNER_TEMP: temp,
        GITHUB_REF_NAME: `v${version}`,
        GITHUB_REPOSITORY: 'octo-org/mondoo-keyless-auth',
        GITHUB_STEP_SUMMARY: join(temp, 'summary.md'),
      });
      return {
        ...run,
        calls: calls(),
        notes: readFileSync(join(temp, 'notes.md'), 'utf8'),
      };
    };
    const repoFlag = '--repo octo-org/mondoo-keyless-auth';

    it('creates a release that does not exist yet, from the tag, with the changelog entry as notes', () => {
      const run = releaseRun(false);
      expect(run.code).toBe(0);
      expect(run.notes.trim()).toBe(changelogEntry(read('CHANGELOG.md'), version)?.trim());
      expect(run.calls).toEqual([
        `release view v${version} ${repoFlag}`,
        expect.stringMatching(
          new RegExp(
            `^release create v${version} ${repoFlag} --verify-tag --title v${version} --notes-file .*/notes\\.md$`,
          ),
        ),
      ]);
    });

    it('edits the notes of a release that exists (a re-run) instead of failing on it', () => {
      const run = releaseRun(true);
      expect(run.code).toBe(0);
      expect(run.calls).toEqual([
        `release view v${version} ${repoFlag}`,
        expect.stringMatching(
          new RegExp(`^release edit v${version} ${repoFlag} --notes-file .*/notes\\.md$`),
        ),
      ]);
    });
  });

  it('npm: installs an exact npm 11 no older than 11.5.1 (trusted publishing) and publishes without scripts', () => {
    const script = step('npm', 'npm publish').run ?? '';
    const [, pinned = ''] = /npm install --global npm@(\S+)/.exec(script) ?? [];
    expect(pinned).toMatch(/^11\.\d+\.\d+$/);
    const [, minor = 0, patch = 0] = pinned.split('.').map(Number);
    expect(minor > 5 || (minor === 5 && patch >= 1), pinned).toBe(true);
    expect(script).toContain('npm publish --provenance --access public --ignore-scripts');
  });

  describe('npm publish on a re-run', () => {
    // An `npm` stand-in: records its arguments; `view` prints PUBLISHED (the version npm has, or nothing).
    const bin = standIn('npm', [
      'if [ "$1" = view ]; then [ -n "$PUBLISHED" ] && echo "$PUBLISHED"; [ -n "$PUBLISHED" ] || exit 1; fi',
      'exit 0',
    ]);
    const publishRun = (published: string) => {
      const { file, calls } = callsFolder('npm-');
      const run = runStep(step('npm', 'npm publish').run ?? '', {
        PATH: `${bin}:${process.env.PATH}`,
        CALLS: file,
        PUBLISHED: published,
      });
      return { ...run, calls: calls() };
    };

    it('publishes a version npm does not have', () => {
      const run = publishRun('');
      expect(run.code, run.stderr).toBe(0);
      expect(run.calls.at(-1)).toBe('publish --provenance --access public --ignore-scripts');
    });

    it('skips, with a notice, a version npm already has (the job is re-run after a publish that went through)', () => {
      const run = publishRun(version);
      expect(run.code, run.stderr).toBe(0);
      expect(run.calls.filter((call) => call.startsWith('publish'))).toEqual([]);
      expect(run.calls).toContain(`view mondoo-keyless@${version} version`);
      expect(run.stdout).toContain(`::notice::mondoo-keyless@${version} is already on npm`);
    });
  });

  it('integrations: npm ci runs no install scripts, and only the upload to the release holds GH_TOKEN', () => {
    const integrations = job('integrations');
    expect(integrations.env?.GH_TOKEN).toBeUndefined();
    const installs = integrations.steps.filter((candidate) => candidate.run?.includes('npm ci'));
    expect(installs.map((candidate) => candidate.run?.trim())).toEqual([
      'npm ci --ignore-scripts --no-audit --no-fund',
    ]);
    const withToken = integrations.steps.filter(
      (candidate) => candidate.env?.GH_TOKEN !== undefined || candidate.run?.includes('GH_TOKEN'),
    );
    expect(withToken).toEqual([step('integrations', 'Attach the layouts to the release')]);
    expect(integrations.steps.at(-1)).toBe(withToken[0]);
    expect(integrations.permissions).toEqual({ contents: 'write' });
    // What npm ci is for: the layout script loads Node's own modules and `yaml`, nothing else.
    const imports = [...read('scripts/integrations-layout.mjs').matchAll(/^import .* from '([^']+)';$/gm)];
    const multiline = [...read('scripts/integrations-layout.mjs').matchAll(/^} from '([^']+)';$/gm)];
    const modules = [...imports, ...multiline].map(([, name]) => name);
    expect(modules.filter((name) => !name?.startsWith('node:'))).toEqual(['yaml']);
  });
});
