// action.yml as the GitHub Marketplace reads it: the Marketplace refuses a description of 125 characters or more,
// and every input's description is shown as one line in its table, so each is one sentence of at most 160
// characters (details live in the README and docs/).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface ActionMetadata {
  name?: string;
  description?: string;
  branding?: { icon?: string; color?: string };
  inputs: Record<string, { description?: string }>;
  outputs: Record<string, { description?: string }>;
  runs: { using?: string; main?: string };
}
const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as ActionMetadata;

/** Sentences in a description: a full stop, question or exclamation mark followed by a space and a capital. */
const sentences = (text: string) => text.split(/(?<=[.!?]) +(?=[A-Z])/);

describe('action.yml for the Marketplace', () => {
  it('has a name, a description under 125 characters and branding', () => {
    expect(action.name).toBe('Mondoo keyless auth');
    expect(action.description?.length).toBeGreaterThan(40);
    expect(action.description?.length).toBeLessThan(125);
    expect(action.branding).toEqual({ icon: 'shield', color: 'purple' });
  });

  it('describes every input in one sentence of at most 160 characters', () => {
    expect(Object.keys(action.inputs).length).toBe(17);
    for (const [name, { description = '' }] of Object.entries(action.inputs)) {
      expect(description.length, name).toBeGreaterThan(20);
      expect(description.length, name).toBeLessThanOrEqual(160);
      expect(sentences(description), name).toHaveLength(1);
      expect(description, name).toMatch(/\.$/);
    }
  });

  it('describes every output, and runs dist/index.js on node24', () => {
    for (const [name, { description = '' }] of Object.entries(action.outputs)) {
      expect(description.length, name).toBeGreaterThan(10);
      expect(description.length, name).toBeLessThanOrEqual(160);
    }
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('counts sentences the way the limit means', () => {
    expect(sentences('One. Two.')).toHaveLength(2);
    expect(
      sentences('e.g. //captain.api.mondoo.app/spaces/<id>; required unless `wif-config` gives it.'),
    ).toHaveLength(1);
  });
});
