// The repository's GitHub workflows: the conventions no validator checks (actions pinned by commit SHA,
// minimal permissions, OIDC only where it is used). tests/e2e/workflow-validator.test.ts tests the validator.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const workflowNames = readdirSync(new URL('.github/workflows/', root)).filter((name) =>
  name.endsWith('.yml'),
);

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: Record<string, string> | string;
  steps?: Step[];
}
interface Workflow {
  permissions?: Record<string, string> | string;
  jobs: Record<string, Job>;
}
const workflows = workflowNames.map((name) => ({
  name,
  text: read(`.github/workflows/${name}`),
  yaml: parse(read(`.github/workflows/${name}`)) as Workflow,
}));

describe('workflow conventions', () => {
  const steps = workflows.flatMap(({ name, yaml }) =>
    Object.entries(yaml.jobs).flatMap(([job, { steps = [] }]) =>
      steps.map((step) => ({ where: `${name} ${job}`, step })),
    ),
  );

  it('has CI, end-to-end, CodeQL and release workflows, each opening with a comment', () => {
    expect(workflowNames.sort()).toEqual(['ci.yml', 'codeql.yml', 'e2e.yml', 'release.yml']);
    for (const { name, text } of workflows) expect(text, name).toMatch(/^# \S/);
  });

  it('pins every action but this repository’s own by full commit SHA, with the version in a comment', () => {
    const lines = workflows.flatMap(({ name, text }) =>
      text
        .split('\n')
        .filter((line) => /^\s*(- )?uses:/.test(line))
        .map((line) => ({ name, line: line.trim() })),
    );
    expect(lines.length).toBeGreaterThan(5);
    for (const { name, line } of lines) {
      if (/uses: \.\/$/.test(line)) continue;
      expect(line, name).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    }
    // One version per action: two SHAs for the same action would mean a half-done update.
    const shaOf = new Map<string, string>();
    for (const { line } of lines) {
      const [, action, sha] = /uses: ([^@]+?)(?:\/[a-z]+)?@(\w+)/.exec(line) ?? [];
      if (!action || !sha) continue;
      expect(shaOf.get(action) ?? sha, action).toBe(sha);
      shaOf.set(action, sha);
    }
  });

  it('grants nothing at the top and names each job’s permissions; id-token: write only where a token is used', () => {
    const withIdToken: string[] = [];
    for (const { name, yaml } of workflows) {
      expect(yaml.permissions, name).toEqual({});
      for (const [job, { permissions }] of Object.entries(yaml.jobs)) {
        expect(permissions, `${name} ${job}`).toBeDefined();
        if (typeof permissions === 'object' && permissions['id-token'] === 'write')
          withIdToken.push(`${name} ${job}`);
        if (typeof permissions === 'object') expect(Object.values(permissions)).not.toContain('write-all');
      }
    }
    expect(withIdToken.sort()).toEqual(['e2e.yml exchange', 'release.yml npm']);
  });

  it('passes `uses: ./` only inputs action.yml declares', () => {
    const inputs = Object.keys((parse(read('action.yml')) as { inputs: object }).inputs);
    const local = steps.filter(({ step }) => step.uses === './');
    expect(local.length).toBe(2);
    for (const { where, step } of local) {
      for (const key of Object.keys(step.with ?? {})) expect(inputs, where).toContain(key);
    }
  });

  it('has Dependabot update npm and the actions weekly, each in one grouped pull request', () => {
    const config = parse(read('.github/dependabot.yml')) as {
      version: number;
      updates: { 'package-ecosystem': string; schedule: { interval: string }; groups: object }[];
    };
    expect(config.version).toBe(2);
    expect(config.updates.map((update) => update['package-ecosystem']).sort()).toEqual([
      'github-actions',
      'npm',
    ]);
    for (const update of config.updates) {
      expect(update.schedule.interval).toBe('weekly');
      expect(Object.keys(update.groups)).toHaveLength(1);
    }
  });
});
