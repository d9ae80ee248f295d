import { describe, expect, it } from 'vitest';
import { sarifProblems } from '../support/sarif-shape.ts';

/** A minimal log GitHub would take, with parts replaced. */
function log(parts: { version?: string; rule?: object; result?: object; location?: object } = {}) {
  const location = {
    physicalLocation: { artifactLocation: { uri: 'a.json' }, region: { startLine: 3 } },
    ...parts.location,
  };
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: parts.version ?? '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tool',
            rules: [
              {
                id: 'r1',
                shortDescription: { text: 's' },
                fullDescription: { text: 'f' },
                help: { text: 'h' },
                ...parts.rule,
              },
            ],
          },
        },
        results: [
          {
            ruleId: 'r1',
            ruleIndex: 0,
            level: 'error',
            message: { text: 'm' },
            locations: [location],
            ...parts.result,
          },
        ],
      },
    ],
  };
}

/** The checker itself must catch what it claims to, or the CLI's SARIF test proves nothing. */
describe('sarifProblems', () => {
  it('accepts a minimal log GitHub would take', () => {
    expect(sarifProblems(log())).toEqual([]);
  });

  const broken: [string, Parameters<typeof log>[0], RegExp][] = [
    ['a wrong version', { version: '2.0.0' }, /\/version/],
    ['a result without a location', { result: { locations: [] } }, /locations/],
    ['a ruleIndex pointing elsewhere', { result: { ruleIndex: 5 } }, /ruleIndex/],
    ['an unknown ruleId', { result: { ruleId: 'r2', ruleIndex: undefined } }, /ruleId/],
    ['a level outside the enum', { result: { level: 'info' } }, /level/],
    ['a message without text', { result: { message: { text: '' } } }, /message/],
    ['a rule without help', { rule: { help: undefined } }, /help\/text/],
    [
      'a line 0',
      { location: { physicalLocation: { artifactLocation: { uri: 'a.json' }, region: { startLine: 0 } } } },
      /startLine/,
    ],
    [
      'an https URI, which code scanning cannot map to the repository',
      {
        location: {
          physicalLocation: { artifactLocation: { uri: 'https://x/y' }, region: { startLine: 1 } },
        },
      },
      /relative paths or file: URIs/,
    ],
    [
      'a path with a space',
      { location: { physicalLocation: { artifactLocation: { uri: 'a b.json' }, region: { startLine: 1 } } } },
      /URI reference/,
    ],
  ];
  it.each(broken)('finds %s', (_name, parts, problem) => {
    expect(sarifProblems(log(parts)).join('\n')).toMatch(problem);
  });
});
