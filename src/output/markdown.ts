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

/**
 * One of this project's messages, which quote names in backticks and values from outside in double quotes:
 * each backtick-quoted name becomes a code span (so no backtick shows), everything else, the double-quoted
 * values with any backticks in them, inert text. Safe whatever the message holds: each piece is escaped on
 * its own, so a stray quote or backtick in a value can at worst set a few characters in code font, never let
 * markup through.
 */
export function messageText(text: string): string {
  return piecesOf(text, inertText, inlineCode);
}

/** `messageText` for a table cell: pipes in code spans escaped too (inert text escapes them already). */
export function cellMessage(text: string): string {
  return piecesOf(text, inertText, cellCode);
}

function piecesOf(text: string, prose: (text: string) => string, code: (text: string) => string): string {
  const shown = visible(text);
  const pieces: string[] = [];
  let inQuote = false;
  let last = 0;
  for (let at = 0; at < shown.length; at++) {
    const char = shown[at];
    // A double quote opens or closes a value; JSON.stringify escapes one inside as \".
    if (char === '"' && shown[at - 1] !== '\\') inQuote = !inQuote;
    if (char !== '`' || inQuote) continue;
    const end = shown.indexOf('`', at + 1);
    if (end <= at + 1) continue;
    pieces.push(prose(shown.slice(last, at)), code(shown.slice(at + 1, end)));
    last = end + 1;
    at = end;
  }
  pieces.push(prose(shown.slice(last)));
  return pieces.join('');
}

/** Several lines of a message (see `messageText`), each ending in a hard line break so the lines stay apart. */
export function messageLines(text: string): string[] {
  return text.split(/\r?\n/).map((line) => `${messageText(line)}  `);
}

/** A GitHub-flavoured Markdown table; cells are inserted as given (make them with `inlineCode` or `inertText`). */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}
