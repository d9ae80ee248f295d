// The docs page for other CI systems leads with the native integration for each, and every example of an
// integration (in docs/ci-systems.md, in its README, in the orb's examples/) passes that integration's own
// checks: only declared inputs, the required ones given, the release's version.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { examples, load, section } from '../support/integration-examples.ts';
import { expandTemplate } from '../support/azure-template.ts';
import { expandCommand, orbCommand } from '../support/circleci-orb.ts';
import { packOrb } from '../../scripts/integrations-layout.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (...path: string[]) => readFileSync(join(ROOT, ...path), 'utf8');
const { version } = JSON.parse(read('package.json')) as { version: string };
const SYSTEMS = [
  ['GitLab CI/CD', 'gitlab'],
  ['CircleCI', 'circleci'],
  ['Buildkite', 'buildkite'],
  ['Azure DevOps', 'azure-pipelines'],
] as const;

describe('docs/ci-systems.md', () => {
  it.for(SYSTEMS)('%s: the native integration comes first, the shell recipe second', ([heading, folder]) => {
    const text = section(heading);
    const subheadings = [...text.matchAll(/^### (.*)$/gm)].map((match) => match[1]);
    expect(subheadings[0]).toMatch(/^Native: /);
    expect(subheadings[1]).toBe('Shell recipe');
    expect(text.slice(0, text.indexOf('### Shell recipe'))).toContain(
      `](../integrations/${folder}/README.md)`,
    );
  });
});

describe('examples of each integration pass its own checks', () => {
  it.for(examples('GitLab CI/CD', 'gitlab'))('GitLab component in %s', ([, text]) => {
    const pipeline = load(text) as {
      include: { component: string; inputs: Record<string, string> }[];
      'mondoo-scan': { id_tokens: unknown; script: unknown[] };
    };
    const [header] = parseAllDocuments(read('integrations', 'gitlab', 'templates', 'mondoo-keyless.yml'));
    const inputs = (
      header?.toJS() as { spec: { inputs: Record<string, { default?: string; regex?: string }> } }
    ).spec.inputs;
    const include = pipeline.include[0];
    expect(include?.component).toMatch(new RegExp(`/mondoo-keyless@${version.replaceAll('.', '\\.')}$`));
    for (const [name, value] of Object.entries(include?.inputs ?? {})) {
      expect(Object.keys(inputs)).toContain(name);
      expect(value).toMatch(new RegExp(inputs[name]?.regex ?? ''));
    }
    for (const [name, input] of Object.entries(inputs)) {
      if (input.default === undefined) expect(include?.inputs).toHaveProperty(name);
    }
    expect(pipeline['mondoo-scan'].id_tokens).toEqual(['.mondoo-keyless', 'id_tokens']);
    expect(pipeline['mondoo-scan'].script[0]).toEqual(['.mondoo-keyless', 'script']);
  });

  const orb = packOrb(join(ROOT, 'integrations', 'circleci', 'src'));
  const orbExample = (parse(orb) as { examples: { scan: { usage: unknown } } }).examples.scan.usage;
  it.for([...examples('CircleCI', 'circleci'), ['the orb examples/scan.yml', orbExample] as const])(
    'CircleCI orb in %s',
    ([, example]) => {
      const config = (typeof example === 'string' ? load(example) : example) as {
        orbs: Record<string, string>;
        jobs: Record<string, { steps: unknown[] }>;
      };
      expect(config.orbs['mondoo-keyless']).toMatch(
        new RegExp(`/mondoo-keyless@${version.replaceAll('.', '\\.')}$`),
      );
      const steps = Object.values(config.jobs).flatMap((job) => job.steps);
      const calls = steps.flatMap((step) =>
        typeof step === 'object' && step !== null && 'mondoo-keyless/exchange' in step
          ? [(step as Record<string, Record<string, unknown>>)['mondoo-keyless/exchange']]
          : [],
      );
      expect(calls).toHaveLength(1);
      expect(() => expandCommand(orbCommand(orb, 'exchange'), calls[0] ?? {})).not.toThrow();
    },
  );

  it.for(examples('Buildkite', 'buildkite'))('Buildkite plugin in %s', ([, text]) => {
    const [step] = (load(text) as { steps: { plugins: Record<string, unknown>[] }[] }).steps;
    const [[reference, config]] = Object.entries(step?.plugins[0] ?? {}) as [[string, unknown]];
    expect(reference).toBe(`<org>/mondoo-keyless#v${version}`);
    const schema = (parse(read('integrations', 'buildkite', 'plugin.yml')) as { configuration: object })
      .configuration;
    const check = new Ajv().compile(schema);
    expect(check(config), JSON.stringify(check.errors)).toBe(true);
  });

  it.for(examples('Azure DevOps', 'azure-pipelines'))('Azure Pipelines template in %s', ([, text]) => {
    const pipeline = load(text) as {
      resources: { repositories: { repository: string; ref: string }[] };
      steps: { template?: string; parameters?: Record<string, unknown>; env?: Record<string, string> }[];
    };
    expect(pipeline.resources.repositories[0]).toMatchObject({
      repository: 'mondoo',
      ref: `refs/tags/v${version}`,
    });
    const at = pipeline.steps.findIndex((step) => step.template !== undefined);
    expect(pipeline.steps[at]?.template).toBe('mondoo-keyless.yml@mondoo');
    const template = read('integrations', 'azure-pipelines', 'mondoo-keyless.yml');
    expect(() => expandTemplate(template, pipeline.steps[at]?.parameters ?? {})).not.toThrow();
    // The step after the exchange maps the secret variable into its env, as Azure requires.
    expect(pipeline.steps[at + 1]?.env).toEqual({ MONDOO_CONFIG_BASE64: '$(MONDOO_CONFIG_BASE64)' });
  });
});

// Job images such as node:22 and cimg/node carry no cnspec: an example that scans must install it first.
describe('examples that run cnspec install it first', () => {
  const orbExampleText = read('integrations', 'circleci', 'src', 'examples', 'scan.yml');
  it.for([
    ...examples('GitLab CI/CD', 'gitlab'),
    ...examples('CircleCI', 'circleci'),
    ['the orb examples/scan.yml', orbExampleText] as [string, string],
    ...examples('Azure DevOps', 'azure-pipelines'),
  ])('%s', ([, text]) => {
    const scan = text.indexOf('cnspec scan');
    expect(scan).toBeGreaterThan(-1);
    expect(text.slice(0, scan)).toContain('curl -sSL https://install.mondoo.com/sh');
  });

  it.for([
    ['docs/ci-systems.md', section('Buildkite')],
    ['integrations/buildkite/README.md', read('integrations', 'buildkite', 'README.md')],
  ])('Buildkite (the agent is yours) in %s says the agent needs cnspec and how to install it', ([, text]) => {
    expect(text).toMatch(/needs[^.]*cnspec/);
    expect(text).toContain('install.mondoo.com/sh');
  });
});
