import { describe, expect, it } from 'vitest';
import { parseEnvFile, STEP_SUMMARY_LIMIT_BYTES } from './runner-file-commands.ts';
import { RunnerSecretMasker } from './runner-secret-masker.ts';
import { runStep } from './runner-stand-in.ts';
import { maskedForms, RUNNER_VALUE_ENCODERS } from './runner-value-encoders.ts';

const encoder = (name: string) => {
  const found = RUNNER_VALUE_ENCODERS.find(([known]) => known === name);
  if (!found) throw new Error(`no encoder ${name}`);
  return found[1];
};
const masker = (...values: string[]) => {
  const result = new RunnerSecretMasker();
  for (const value of values) result.addValue(value);
  return result;
};
const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('runner secret masker', () => {
  it('replaces overlapping and touching matches with one ***, with no minimum length', () => {
    expect(masker('abc', 'bcd').mask('xabcdx')).toBe('x***x');
    expect(masker('ab').mask('ababab ab')).toBe('*** ***');
    expect(masker('e').mask('secret here')).toBe('s***cr***t h***r***');
  });

  it('matches ordinally: case and invisible characters count', () => {
    expect(masker('Secret').mask('secret S\u00adecret')).toBe('secret S\u00adecret');
  });

  it('masks a base64 form only where the padding lines up: at the end of the encoded text', () => {
    const secret = 'sup3r-s3cret'; // 12 bytes: no padding
    const padded = 'sup3r-s3cret!'; // 13 bytes: "==" at the end
    expect(masker(secret).mask(base64(`${secret}tail`))).toBe('***dGFpbA==');
    expect(masker(padded).mask(base64(`${padded}tail`))).toBe(base64(`${padded}tail`));
    // The shifted forms find the secret behind a prefix of any length when it ends the text.
    for (const prefix of ['a', 'ab', 'abc', 'user:']) {
      expect(masker(padded).mask(base64(`${prefix}${padded}`)), prefix).toMatch(/^[A-Za-z0-9+/]{0,8}\*\*\*$/);
    }
  });
});

describe('runner value encoders', () => {
  it('escape as the runner’s .NET code does', () => {
    expect(encoder('JsonStringEscape')('a"b\\c\n\t\u0001\u007f\u0085\u2028/é')).toBe(
      'a\\"b\\\\c\\n\\t\\u0001\u007f\\u0085\\u2028/é',
    );
    expect(encoder('UriDataEscape')("a b!*'()~-_.é")).toBe('a%20b%21%2A%27%28%29~-_.%C3%A9');
    expect(encoder('UriDataEscape')('\ud800x')).toBe('%EF%BF%BDx');
    expect(encoder('XmlDataEscape')(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    );
    expect(encoder('CommandLineArgumentEscape')('say "hi"')).toBe('say \\"hi\\"');
    expect(encoder('ExpressionStringEscape')("it's")).toBe("it''s");
    expect(encoder('Base64StringEscapeShift1')('abcd')).toBe(base64('bcd'));
    expect(encoder('Base64StringEscapeShift2')('ab')).toBe(base64('ab'));
  });

  it('mask what is inside double quotes, and each side of a PowerShell ampersand, from 6 characters on', () => {
    expect(encoder('TrimDoubleQuotes')('"12345678"')).toBe('12345678');
    expect(encoder('TrimDoubleQuotes')('"123456"')).toBe('');
    expect(encoder('PowerShellPreAmpersandEscape')('first1&second&third3')).toBe('first1&second&');
    expect(encoder('PowerShellPostAmpersandEscape')('first1&second&third3')).toBe('third3');
    expect(encoder('PowerShellPreAmpersandEscape')('ab&+xsecond')).toBe('');
    expect(encoder('PowerShellPostAmpersandEscape')('ab&+xsecond')).toBe('second');
  });

  it('give a value and its distinct non-empty forms', () => {
    expect(maskedForms('')).toEqual([]);
    // The escapes change nothing here and the quote and ampersand forms are empty: only the base64 forms add.
    expect(maskedForms('plain-value')).toEqual([
      'plain-value',
      base64('plain-value'),
      base64('lain-value'),
      base64('ain-value'),
    ]);
  });
});

describe('runner file commands', () => {
  it('parses GITHUB_OUTPUT as the runner on Linux: LF ends lines, a CR stays in the value', () => {
    expect(parseEnvFile('a=1\r\nb<<EOF\nl1\r\nl2\nEOF\nc=x=y\n')).toEqual({
      a: '1\r',
      b: 'l1\r\nl2',
      c: 'x=y',
    });
    expect(parseEnvFile('empty<<EOF\nEOF')).toEqual({ empty: '' });
    expect(() => parseEnvFile('a<<EOF\nvalue\n')).toThrow("Matching delimiter not found 'EOF'");
    expect(() => parseEnvFile('a<<EOF\nvalue')).toThrow('EOF marker missing new line');
    expect(() => parseEnvFile('<<EOF\nEOF\n')).toThrow('Name must not be empty');
    expect(() => parseEnvFile('no separator\n')).toThrow("Invalid format 'no separator'");
  });

  it('keeps step outputs as they are but drops a job output that a mask would change', () => {
    const view = runStep({
      stdout: '::add-mask::{\n',
      outputs: { json: '{"a":1}', mrn: '//x/y', blank: '' },
    });
    expect(view.outputs).toEqual({ json: '{"a":1}', mrn: '//x/y', blank: '' });
    expect(view.jobOutputs).toEqual({
      kept: { mrn: '//x/y' },
      skipped: [
        { name: 'json', reason: 'may contain secret' },
        { name: 'blank', reason: 'empty' },
      ],
    });
  });

  it('masks the step summary with every mask of the step, and drops one over 1 MiB whole', () => {
    const stdout = 'summary written\n::add-mask::late-secret\n';
    expect(runStep({ stdout, summary: '# late-secret\r\nrow\rrow' }).summary).toEqual({
      kind: 'shown',
      markdown: '# ***\nrow\nrow\n',
    });
    expect(runStep({ stdout, summary: '' }).summary).toEqual({ kind: 'none' });
    const atLimit = 'x'.repeat(STEP_SUMMARY_LIMIT_BYTES);
    expect(runStep({ stdout, summary: atLimit }).summary.kind).toBe('shown');
    // Bytes, not characters: 'é' is two.
    const over = runStep({ stdout, summary: 'é'.repeat(STEP_SUMMARY_LIMIT_BYTES / 2 + 1) });
    expect(over.summary).toMatchObject({ kind: 'dropped' });
    expect(over.annotations).toMatchObject([
      {
        level: 'error',
        message: expect.stringMatching(
          /^\$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of 1024k, got 1024k\./,
        ),
      },
    ]);
  });

  it('refuses NODE_OPTIONS in GITHUB_ENV and shows file-command values only with step debug, masked', () => {
    const view = runStep(
      {
        stdout: '::add-mask::cred-value\n',
        env: { NODE_OPTIONS: '--x', KEY: 'cred-value' },
        outputs: { o: 'cred-value' },
      },
      { stepDebug: true },
    );
    expect(view.env).toEqual({ KEY: 'cred-value' });
    expect(view.log.filter((line) => line.stream === 'runner').map((line) => line.text)).toEqual([
      "##[error]Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command.",
      "##[debug]KEY='***'",
      '##[debug]Set output o = ***',
    ]);
  });
});
