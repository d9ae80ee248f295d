import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/in-process.ts';

/*
 * Every command-line mistake reads like every other failure: `error:` saying what is wrong, then `fix:` saying
 * what to type instead, in the project's quoting (names in backticks, values in double quotes), with none of
 * the argument parser's own wording.
 */

/** Mistakes that are caught before anything is fetched or read: each must exit 2 with a fix. */
const MISTAKES: { argv: string[]; problem: RegExp; fix: RegExp }[] = [
  {
    argv: ['exchange', '--audence', '//captain.api.mondoo.app/spaces/s'],
    problem: /`mondoo-keyless exchange` has no option `--audence`/,
    fix: /Did you mean `--audience`\?/,
  },
  {
    argv: ['exchange', '--timout=5'],
    problem: /has no option `--timout`/,
    fix: /Did you mean `--timeout`\?/,
  },
  {
    argv: ['lint', '--profle', 'mender', 'https://idp.example'],
    problem: /`mondoo-keyless lint` has no option `--profle`/,
    fix: /Did you mean `--profile`\?/,
  },
  { argv: ['exchange', '--zzzzzz'], problem: /has no option `--zzzzzz`/, fix: /lists every option/ },
  { argv: ['exchange', '-q'], problem: /has no option `-q`/, fix: /lists every option/ },
  {
    argv: ['exchange', '--audience'],
    problem: /^Option `--audience` needs a value\.$/,
    fix: /`--audience A`/,
  },
  {
    argv: ['exchange', '--audience', '--timeout', '5'],
    problem: /Option `--audience` needs a value, and the next argument starts with a dash/,
    fix: /`--audience=-A`/,
  },
  { argv: ['lint', '--offline=yes', 'x.json'], problem: /Option `--offline` takes no value/, fix: /alone/ },
  {
    argv: ['exchange', 'stray'],
    problem: /Unexpected argument "stray": `mondoo-keyless exchange` takes options only/,
    fix: /right after the option/,
  },
  { argv: ['exchnage'], problem: /"exchnage" is not a command/, fix: /Did you mean `exchange`\?/ },
  {
    argv: ['scan'],
    problem: /"scan" is not a command/,
    fix: /The commands are `exchange`, `lint`, `claims`/,
  },
  {
    argv: ['exchange', '--output-file', ''],
    problem: /Option `--output-file` was given an empty value/,
    fix: /Give `--output-file` a value/,
  },
  { argv: ['exchange', '--token', 'eyJ.a.b'], problem: /takes only `-`/, fix: /`--token-env NAME`/ },
  {
    argv: ['exchange', '--token-env', 'T', '--token-file', 'f'],
    problem: /Two token sources were given \(`--token-file` and `--token-env`\)/,
    fix: /Pass one of them/,
  },
  { argv: ['lint'], problem: /No provider given/, fix: /mondoo-keyless lint https:\/\// },
  {
    argv: ['lint', '--jwks', 'k.json', 'https://a.example', 'https://b.example'],
    problem: /`--jwks` applies to one provider, and 2 were given/,
    fix: /on its own/,
  },
  {
    argv: ['lint', '--issuer', 'https://a.example', 'https://a.example'],
    problem: /`--issuer` is for a local discovery file/,
    fix: /Leave out `--issuer`/,
  },
  {
    argv: ['lint', './no-such-discovery.json'],
    problem: /"\.\/no-such-discovery\.json" does not exist/,
    fix: /existing discovery document/,
  },
  {
    argv: ['exchange', '--audience', '//captain.api.mondoo.app/spaces/s', '--min-validity', 'soon'],
    problem: /Option `--min-validity`: "soon" is not a whole number of seconds/,
    fix: /digits only/,
  },
  { argv: ['exchange'], problem: /Option `--audience` is required/, fix: /Set `--audience`/ },
  {
    argv: ['lint', '--profile', 'okta', 'https://idp.example'],
    problem: /Option `--profile`/,
    fix: /Use one of/,
  },
];

/** What util.parseArgs says in its own words, and the quoting no other message uses. */
const PARSER_WORDS = /argument missing|<value>|'--|Unknown option|ERR_PARSE_ARGS/;

describe('usage errors', () => {
  it.each(MISTAKES)('$argv: error, then a fix, exit code 2', async ({ argv, problem, fix }) => {
    const run = await runCliInProcess(argv);
    const lines = run.stderr.trimEnd().split('\n');
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines, run.stderr).toHaveLength(2);
    const [error, advice] = lines as [string, string];
    expect(error).toMatch(/^error: [A-Z"`]/);
    expect(error.slice('error: '.length)).toMatch(problem);
    expect(advice).toMatch(/^fix: [A-Z`]/);
    expect(advice).toMatch(fix);
    // Each ends as a sentence, and says it once: no "(...).)" or ".." from joined sentences.
    for (const line of lines) {
      expect(line).toMatch(/[.?]$/);
      expect(line).not.toMatch(/[.:;]\)|\.\.(?!\.)|\.\s*\./);
    }
    expect(run.stderr).not.toMatch(PARSER_WORDS);
  });

  it('suggests only a near option, not any option', async () => {
    const run = await runCliInProcess(['exchange', '--verbose']);
    expect(run.stderr).not.toContain('Did you mean');
  });
});
