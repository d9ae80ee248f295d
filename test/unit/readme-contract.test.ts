import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CREDENTIAL_TYPES } from '../../src/exchange/credential.js';

const root = new URL('../../', import.meta.url);
const actionYml = readFileSync(new URL('action.yml', root), 'utf8');
// The inputs and outputs tables live in the README itself; the rest of what is checked here, in docs/.
const readme = readFileSync(new URL('README.md', root), 'utf8');
const docs = readdirSync(new URL('docs/', root))
  .map((name) => readFileSync(new URL(`docs/${name}`, root), 'utf8'))
  .join('\n');

/** Names and defaults of one top-level section of action.yml (`inputs:` or `outputs:`), read by indentation. */
function actionSection(section: string): Map<string, string | undefined> {
  const block = new RegExp(`^${section}:\\n((?:(?: {2}.*)?\\n)*)`, 'm').exec(actionYml)?.[1] ?? '';
  const entries = new Map<string, string | undefined>();
  let current: string | undefined;
  for (const line of block.split('\n')) {
    const name = /^ {2}([a-z-]+):\s*$/.exec(line)?.[1];
    if (name) {
      current = name;
      entries.set(name, undefined);
      continue;
    }
    const fallback = /^ {4}default:\s*'?([^']*)'?\s*$/.exec(line)?.[1];
    if (current && fallback !== undefined) entries.set(current, fallback);
  }
  return entries;
}

/** The `description:` of one input in action.yml. */
function inputDescription(name: string): string {
  return new RegExp(`^ {2}${name}:\\n {4}description: (.*)$`, 'm').exec(actionYml)?.[1] ?? '';
}

/** The whole README row of an input. */
function readmeRow(name: string): string {
  return readme.split('\n').find((line) => line.startsWith(`| \`${name}\``)) ?? '';
}

/** The first column (a `code` name) and second column of the README table under a heading. */
function readmeTable(heading: string): Map<string, string> {
  const start = readme.indexOf(`\n## ${heading}\n`);
  const end = readme.indexOf('\n## ', start + 1);
  const rows = new Map<string, string>();
  for (const line of readme.slice(start, end).split('\n')) {
    const cells = /^\| `([a-z-]+)` +\| ([^|]*)\|/.exec(line);
    if (cells?.[1]) rows.set(cells[1], (cells[2] ?? '').trim());
  }
  return rows;
}

describe('README tables against action.yml', () => {
  it('lists exactly the inputs action.yml declares, in the same order', () => {
    expect([...actionSection('inputs').keys()]).toContain('audience');
    expect([...readmeTable('Inputs').keys()]).toEqual([...actionSection('inputs').keys()]);
  });

  it('shows the default action.yml declares for every input that has one', () => {
    const documented = readmeTable('Inputs');
    for (const [name, fallback] of actionSection('inputs')) {
      if (fallback !== undefined) expect(documented.get(name), name).toBe(`\`${fallback}\``);
    }
  });

  it('says of each input either that it has no default or what the default is, never both', () => {
    for (const [name, fallback] of readmeTable('Inputs')) {
      expect(fallback, name).not.toBe('');
      if (fallback.includes('(none)')) expect(fallback, name).toBe('_(none)_');
    }
  });

  it('names every value of `credential-type` the code accepts, in action.yml and in the README', () => {
    expect(CREDENTIAL_TYPES).toEqual(['certificate', 'token']);
    for (const value of CREDENTIAL_TYPES) {
      expect(inputDescription('credential-type')).toContain(`\`${value}\``);
      expect(readmeRow('credential-type')).toContain(`\`${value}\``);
    }
    expect(readFileSync(new URL('docs/reference.md', root), 'utf8')).toContain('\n## Token credentials\n');
    expect(readmeRow('credential-type')).toContain('(docs/reference.md#token-credentials)');
  });

  it('lists exactly the outputs action.yml declares, in the same order', () => {
    expect([...actionSection('outputs').keys()]).toContain('credential');
    expect([...readmeTable('Outputs').keys()]).toEqual([...actionSection('outputs').keys()]);
  });

  it('runs the action on node24, as the README says', () => {
    expect(actionYml).toMatch(/^ {2}using: node24$/m);
    expect(docs).toContain('`runs.using: node24`');
  });
});

describe('the README quick start', () => {
  const block = /## Quick start[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const workflow = parse(block) as {
    jobs: Record<
      string,
      { permissions: Record<string, string>; steps: { uses?: string; id?: string; with?: object }[] }
    >;
  };
  const [job] = Object.values(workflow.jobs);

  it('is a workflow that may request a token and uses the action at @v1 with inputs action.yml declares', () => {
    expect(job?.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
    const step = job?.steps.find((s) => s.uses === 'OWNER/mondoo-keyless-auth@v1');
    expect(step?.id).toBe('mondoo');
    for (const input of Object.keys(step?.with ?? {}))
      expect([...actionSection('inputs').keys()]).toContain(input);
    expect(readme).toMatch(/full commit SHA/);
  });

  it('ends with a scan that can run on a fresh runner: Mondoo’s action, pinned to a release, not a bare cnspec', () => {
    const last = job?.steps.at(-1);
    expect(last?.uses).toMatch(/^mondoohq\/actions@v\d+\.\d+\.\d+$/);
    expect(block).not.toMatch(/run: cnspec/);
  });
});
