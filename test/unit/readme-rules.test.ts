import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, type RuleSpec } from '../../src/lint/catalogue.js';

const README = new URL('../../docs/lint.md', import.meta.url);
const START = '<!-- rules:start (generated from src/lint/catalogue.ts by `npm run rules`) -->';
const END = '<!-- rules:end -->';

/** The README's rule list, made from the catalogue so the two cannot drift. */
function rulesTable(): string {
  const rows = Object.entries(RULES).map(([id, rule]: [string, RuleSpec]) => {
    const [mondoo, mender, oidc] = rule.levels;
    const cell = (text: string) => text.replace(/\|/g, '\\|');
    const fixes = Object.entries(rule.fixes ?? {}).map(([profile, fix]) => ` Under ${profile}: ${fix}`);
    return `| \`${id}\` | ${mondoo} | ${mender} | ${oidc} | ${cell(rule.checks)} | ${cell(rule.fix + fixes.join(''))} | ${cell(rule.source)} |`;
  });
  return [
    '| Rule | mondoo | mender | oidc | Checks | Fix | Source |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

describe('README rule list', () => {
  it('is the catalogue, rule for rule (run `npm run rules` after changing a rule)', () => {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start, 'README lacks the rules markers').toBeGreaterThan(0);
    const generated = `${START}\n${rulesTable()}\n${END}`;
    if (process.env.UPDATE_README_RULES === '1') {
      writeFileSync(README, readme.slice(0, start) + generated + readme.slice(end + END.length));
      return;
    }
    expect(readme.slice(start, end + END.length)).toBe(generated);
  });
});
