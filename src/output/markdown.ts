import { visible } from './escape.js';

/*
 * The Markdown half of the output boundary. Job summaries are rendered as GitHub-flavoured Markdown with
 * HTML: a value from outside must render as the text it is, never as a tag, an image, a link or formatting,
 * and must not end the code span or table cell it stands in.
 */

/** ASCII punctuation, each of which CommonMark lets a backslash make literal. */
const MARKDOWN_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * Inline code that no value can close: the fence is one backtick longer than the longest run of backticks
 * inside (CommonMark code spans), and controls are escaped so the span stays on its line. Code spans render
 * HTML and links as plain text.
 */
export function inlineCode(value: string): string {
  return codeSpan(visible(value));
}

/** `inlineCode` for a table cell: pipes escaped too, since GFM splits cells before it looks at code spans. */
export function cellCode(value: string): string {
  return codeSpan(visible(value).replace(/\|/g, '\\|'));
}

function codeSpan(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // A space on each side keeps a leading or trailing backtick from joining the fence; CommonMark strips one.
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Plain text that renders as itself: every ASCII punctuation character backslash-escaped, so no tag, entity,
 * link, autolink, emphasis or pipe survives, and on one line. For prose that may contain values from outside.
 */
export function inertText(text: string): string {
  return visible(text).replace(MARKDOWN_PUNCTUATION, (char) => `\\${char}`);
}

/** Several lines of inert text, each ending in a hard line break so the lines stay apart. */
export function inertLines(text: string): string[] {
  return text.split(/\r?\n/).map((line) => `${inertText(line)}  `);
}

/** A GitHub-flavoured Markdown table; cells are inserted as given (make them with `inlineCode` or `inertText`). */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}
