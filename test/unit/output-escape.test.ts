import { describe, expect, it } from 'vitest';
import { safeLines, visible } from '../../src/output/escape.js';

/** What a CI agent would take as a command: the runner's `::` after white space or `##[`, Azure's `##vso[`. */
function looksLikeCommand(line: string): boolean {
  // Ignorable characters are skipped by the runner's culture-sensitive comparisons, so they are removed here.
  const compared = line.replace(/\p{Default_Ignorable_Code_Point}/gu, '');
  return /^[\s\u0085]*::/u.test(compared) || /##(vso)?\[/i.test(compared);
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PIECES = [
  '::',
  '##[',
  '##vso[',
  '##VSO[',
  'stop-commands',
  'STOP-Commands',
  'add-mask',
  '::error::',
  ']',
  '#',
  ':',
  ' ',
  '\t',
  '\n',
  '\r',
  '\u000b',
  '\u000c',
  '\u001b[31m',
  '\u0085',
  '\u00a0',
  '\u1680',
  '\u2003',
  '\u3000',
  '\u2028',
  '\u2029',
  '\u202e',
  '\u2066',
  '\u200b',
  '\u00ad',
  '\ufeff',
  '\u0090',
  '\u007f',
  '`',
  '<img src=x>',
  '|',
  'ok',
  'x',
  '\u{e0041}',
];

function hostileString(random: () => number): string {
  let text = '';
  const count = 1 + Math.floor(random() * 8);
  for (let index = 0; index < count; index++) text += PIECES[Math.floor(random() * PIECES.length)];
  return text;
}

describe('visible', () => {
  it('returns a value that needs no escaping exactly as it is', () => {
    for (const value of [
      'repo:octo-org/app:ref:refs/heads/main',
      'https://[::1]:8443/path?q=a#frag',
      'C:\\path\\file',
      'a # b ## c [d]',
      'Grüße, 東京, emoji 🚀',
      '',
    ]) {
      expect(visible(value)).toBe(value);
    }
  });

  it('shows line breaks, tabs and controls as JSON escapes', () => {
    expect(visible('a\nb\rc\td')).toBe('a\\nb\\rc\\td');
    expect(visible('\u001b[31mred')).toBe('\\u001b[31mred');
    expect(visible('del\u007f c1\u0085\u009b')).toBe('del\\u007f c1\\u0085\\u009b');
  });

  it('shows line and paragraph separators, bidi controls and invisible characters escaped', () => {
    expect(visible('a\u2028b\u2029c')).toBe('a\\u2028b\\u2029c');
    expect(visible('\u202eevil\u202c \u2066x\u2069')).toBe('\\u202eevil\\u202c \\u2066x\\u2069');
    expect(visible('zero\u200bwidth soft\u00adhyphen bom\ufeff')).toBe(
      'zero\\u200bwidth soft\\u00adhyphen bom\\ufeff',
    );
    expect(visible('tag\u{e0041}')).toBe('tag\\udb40\\udc41');
  });

  it('breaks `##[` and `##vso[` in any case, visibly', () => {
    expect(visible('Bad gateway ##[stop-commands]x')).toBe('Bad gateway \\u0023#[stop-commands]x');
    expect(visible('x ##vso[task.setvariable variable=a]b')).toBe(
      'x \\u0023#vso[task.setvariable variable=a]b',
    );
    expect(visible('##VsO[')).toBe('\\u0023#VsO[');
    expect(visible('###[')).not.toMatch(/##\[/);
  });

  it('breaks `::` at the start, after any white space the runner trims', () => {
    expect(visible('::stop-commands::x')).toBe('\\u003a:stop-commands::x');
    expect(visible('\u3000\u00a0 ::add-mask::x')).toBe('\u3000\u00a0 \\u003a:add-mask::x');
    expect(visible('\u0085::error::x')).toBe('\\u0085::error::x');
    expect(visible('a ::b')).toBe('a ::b');
  });

  it('escapes so that JSON text stays JSON with the same values', () => {
    const value = { title: 'Bad ##[stop-commands]x', note: '\u2028\u202e::y', tag: '\u{e0041}' };
    const text = JSON.stringify(value, null, 2);
    expect(JSON.parse(safeLines(text))).toEqual(value);
  });

  it('leaves no command, line break or raw control in 500 seeded hostile strings', () => {
    const random = seededRandom(20261130);
    for (let run = 0; run < 500; run++) {
      const value = hostileString(random);
      const shown = visible(value);
      expect(shown, JSON.stringify(value)).not.toMatch(
        /[\p{Cc}\u2028\u2029\p{Default_Ignorable_Code_Point}]/u,
      );
      expect(looksLikeCommand(shown), JSON.stringify(value)).toBe(false);
      // Placed anywhere in a line, it starts nothing either.
      expect(looksLikeCommand(`  ${shown}`), JSON.stringify(value)).toBe(false);
    }
  });
});

describe('safeLines', () => {
  it('keeps line breaks and makes every line safe', () => {
    expect(safeLines('ok\n::add-mask::x\nthen ##[group]y')).toBe(
      'ok\n\\u003a:add-mask::x\nthen \\u0023#[group]y',
    );
  });

  it('turns a CR line ending into a plain one and a lone CR into a visible escape', () => {
    expect(safeLines('a\r\nb\rc')).toBe('a\nb\\rc');
  });
});
