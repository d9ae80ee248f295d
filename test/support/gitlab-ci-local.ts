import { execFileSync } from 'node:child_process';
import { cp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { INTEGRATIONS } from './integration-job.ts';
import { runFolder } from './run-folder.ts';
import { spawnCollect } from './spawn-collect.ts';

const GITLAB_CI_LOCAL = createRequire(import.meta.url).resolve('gitlab-ci-local/dist/index.js');
const SHIM = join(import.meta.dirname, 'set-methods-shim.mjs');

export interface GitlabPreview {
  code: number | null;
  /** gitlab-ci-local's own messages: why GitLab would refuse the configuration. */
  output: string;
  /** The pipeline as GitLab would build it: includes merged, inputs interpolated, !reference resolved. */
  jobs: Record<string, GitlabJob>;
}

export interface GitlabJob {
  id_tokens?: Record<string, { aud: string | string[] }>;
  before_script?: string[];
  script?: string[];
  artifacts?: unknown;
  cache?: unknown;
}

/**
 * A project holding the component's templates/ and the given .gitlab-ci.yml, expanded by gitlab-ci-local:
 * it validates against GitLab's CI JSON schema (bundled in it), checks each include's inputs against its
 * `spec: inputs:` (type, options, regex, required) and interpolates `$[[ inputs.x ]]`, then prints the
 * expanded pipeline. The component is included with `include: local:` plus `inputs:`, which takes inputs
 * the way `include: component:` does; fetching a component from a GitLab instance is what this cannot run.
 */
export async function gitlabPreview(pipeline: string): Promise<GitlabPreview> {
  const project = await runFolder('gitlab-project-');
  await cp(join(INTEGRATIONS, 'gitlab', 'templates'), join(project, 'templates'), { recursive: true });
  await writeFile(join(project, '.gitlab-ci.yml'), pipeline);
  // gitlab-ci-local reads the project from git, as GitLab reads a commit.
  for (const args of [
    ['init', '-q'],
    ['add', '-A'],
    ['commit', '-qm', 'pipeline'],
  ]) {
    execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], {
      cwd: project,
    });
  }
  const major = Number(process.versions.node.split('.')[0]);
  const run = await spawnCollect(
    process.execPath,
    [...(major < 22 ? ['--import', SHIM] : []), GITLAB_CI_LOCAL, '--preview'],
    { cwd: project, env: { PATH: process.env.PATH, HOME: project }, timeoutMs: 60_000 },
  );
  const text = `\n${run.stdout}`;
  const start = text.indexOf('\n---\n');
  const jobs =
    run.code === 0 && start >= 0 ? (parse(text.slice(start + 1)) as Record<string, GitlabJob>) : {};
  return { code: run.code, output: run.stdout + run.stderr, jobs };
}
