import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Where the examples of each integration are: docs/ci-systems.md and each integration's README. */
const ROOT = join(import.meta.dirname, '..', '..');
export const readRepoFile = (...path: string[]) => readFileSync(join(ROOT, ...path), 'utf8');
const DOCS = readRepoFile('docs', 'ci-systems.md');

/** The text of docs/ci-systems.md from `## heading` up to the next `## `. */
export function section(heading: string): string {
  const start = DOCS.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`docs/ci-systems.md has no "## ${heading}"`);
  const end = DOCS.indexOf('\n## ', start + 1);
  return DOCS.slice(start, end < 0 ? undefined : end);
}

export const yamlBlocks = (text: string) =>
  [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

/** YAML as the CI system reads it; `!reference [...]` kept as the list it names. */
export const load = (text: string) =>
  parse(text, { customTags: [{ tag: '!reference', collection: 'seq' }] }) as unknown;

/** The reader puts their own space ID where an example says <space-id>. */
export const filled = (text: string) => text.replaceAll('<space-id>', 'space-1234');

/** The example from the docs' native subsection and the first YAML example of the integration's README. */
export function examples(heading: string, folder: string): [string, string][] {
  const native = section(heading).split('### Shell recipe')[0] ?? '';
  return [
    ['docs/ci-systems.md', filled(yamlBlocks(native)[0] ?? '')],
    [
      `integrations/${folder}/README.md`,
      filled(yamlBlocks(readRepoFile('integrations', folder, 'README.md'))[0] ?? ''),
    ],
  ];
}
