import { describe, expect, it } from 'vitest';
import { displayJson, displayValue, pruned } from '../../src/output/display.js';
import { cellCode, inertText, inlineCode } from '../../src/output/markdown.js';
import { boundedSummary, SUMMARY_BUDGET_BYTES } from '../../src/output/summary-limit.js';

describe('inlineCode', () => {
  it('fences with one more backtick than the longest run inside, so no value can close the span', () => {
    expect(inlineCode('plain')).toBe('`plain`');
    expect(inlineCode('a`b')).toBe('``a`b``');
    expect(inlineCode('a``b```c')).toBe('````a``b```c````');
    expect(inlineCode('`edge`')).toBe('`` `edge` ``');
  });

  it('keeps the span on its line and breaks command sequences', () => {
    expect(inlineCode('a\nb ##[x]')).toBe('`a\\nb \\u0023#[x]`');
  });

  it('escapes pipes only inside table cells', () => {
    expect(inlineCode('a|b')).toBe('`a|b`');
    expect(cellCode('a|b')).toBe('`a\\|b`');
  });
});

describe('inertText', () => {
  it('leaves no tag, link, image, entity or emphasis to render', () => {
    const text = inertText(
      '<img src=x onerror=alert(1)> [a](https://e.x) ![i](u) &amp; *b* _c_ www.e.x a@b.c',
    );
    expect(text).not.toMatch(/(^|[^\\])[<>[\]()&*_`|!]/);
    expect(text).not.toContain('https://');
    expect(text).not.toContain('www.');
  });

  it('shows every character again once the escapes are undone, on one line', () => {
    const original = 'Mondoo said: `x` <b>|y|</b> \\ 100%';
    expect(inertText(original).replace(/\\([!-/:-@[-`{-~])/g, '$1')).toBe(original);
    expect(inertText('a\nb')).not.toContain('\n');
  });
});

describe('displayJson and displayValue', () => {
  it('shows a value nested 100,000 deep in a few levels, without recursion that overflows', () => {
    let deep: unknown = 'bottom';
    for (let index = 0; index < 100_000; index++) deep = [deep];
    expect(displayJson(deep, { maxDepth: 3, maxChars: 200 })).toBe('[[[[…]]]]');
  });

  it('cuts a long value to its limit and marks the cut', () => {
    const shown = displayJson({ list: Array.from({ length: 10_000 }, (_, index) => index) });
    expect(shown.length).toBeLessThanOrEqual(201);
    expect(shown.endsWith('…')).toBe(true);
    expect(displayValue('x'.repeat(5_000), { maxDepth: 2, maxChars: 10 })).toBe(`${'x'.repeat(10)}…`);
  });

  it('shows strings as they are and everything from outside safe to print', () => {
    expect(displayValue('repo:o/r:ref:refs/heads/main')).toBe('repo:o/r:ref:refs/heads/main');
    expect(displayValue('prod ##[stop-commands]x\n')).toBe('prod \\u0023#[stop-commands]x\\n');
    expect(displayJson({ k: '\u2028' })).toBe('{"k":"\\u2028"}');
  });

  it('prunes deep JSON for output and keeps the rest as it was', () => {
    let deep: unknown = 'bottom';
    for (let index = 0; index < 100_000; index++) deep = [deep];
    expect(() => JSON.stringify(pruned({ ok: [1, { a: 'b' }], deep }))).not.toThrow();
    expect(pruned({ ok: [1, { a: 'b' }] })).toEqual({ ok: [1, { a: 'b' }] });
    expect(pruned([[['x']]], 2)).toEqual([['[…]']]);
  });
});

describe('boundedSummary', () => {
  it('passes a summary that fits', () => {
    expect(boundedSummary('# ok\n', 0)).toBe('# ok\n');
  });

  it('cuts at a line boundary with a note, well under the runner limit', () => {
    const line = `| ${'x'.repeat(1000)} |`;
    const big = Array.from({ length: 2_000 }, () => line).join('\n');
    const bounded = boundedSummary(big, 0);
    expect(Buffer.byteLength(bounded)).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES);
    expect(SUMMARY_BUDGET_BYTES).toBeLessThan(1024 * 1024);
    expect(bounded).toContain('was cut');
    expect(
      bounded
        .split('\n')
        .filter((row) => row.startsWith('|'))
        .every((row) => row === line),
    ).toBe(true);
  });

  it('counts what this step already wrote', () => {
    expect(boundedSummary('# more\n', SUMMARY_BUDGET_BYTES)).toBe('');
  });
});
