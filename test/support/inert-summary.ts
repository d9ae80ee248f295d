import { expect } from 'vitest';

/**
 * The text of a Markdown line with its code spans removed (CommonMark: a run of N backticks opens a span that
 * the next run of exactly N closes). Code spans render their content as text, so only what is left can render
 * as a tag, an image or a link.
 */
export function outsideCodeSpans(line: string): string {
  let result = '';
  let index = 0;
  while (index < line.length) {
    const open = /`+/g;
    open.lastIndex = index;
    const opening = open.exec(line);
    // A backslash before a backtick makes it literal outside code spans.
    if (!opening || (opening.index > 0 && line[opening.index - 1] === '\\')) {
      if (!opening) return result + line.slice(index);
      result += line.slice(index, opening.index + opening[0].length);
      index = opening.index + opening[0].length;
      continue;
    }
    result += line.slice(index, opening.index);
    const after = opening.index + opening[0].length;
    const close = new RegExp(`(?<!\`)${opening[0]}(?!\`)`, 'g');
    close.lastIndex = after;
    const closing = close.exec(line);
    if (!closing) {
      // An unmatched run is literal backticks.
      result += opening[0];
      index = after;
      continue;
    }
    index = closing.index + closing[0].length;
  }
  return result;
}

/** The summary as rendered: nothing from outside may be a live tag, image, link or autolink. */
export function expectInertSummary(summary: string): void {
  const outside = summary.split('\n').map(outsideCodeSpans).join('\n');
  // The summaries this project writes hold no HTML of their own: any tag left is from outside.
  expect(outside, summary).not.toMatch(/(^|[^\\])<[A-Za-z/!?]/m);
  expect(outside, summary).not.toMatch(/(^|[^\\])\]\(/m);
}
