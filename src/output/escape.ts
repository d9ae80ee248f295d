/**
 * The escaping half of the output boundary: pure functions that make text from outside (claims, server
 * answers, provider documents, URLs, file contents) safe to print where a CI agent parses every line.
 *
 * What the agents parse (actions/runner ActionCommand.cs and ActionCommandManager.cs; the Azure Pipelines
 * agent likewise for `##vso[`):
 * - `::name::data` at the start of a line after C#'s TrimStart() (any Unicode white space);
 * - `##[name]data` anywhere in a line;
 * - names case-insensitively, and `stop-commands` pauses all processing, `::add-mask::` included.
 * The runner compares with culture-sensitive StartsWith/IndexOf, which skip "ignorable" characters, so an
 * invisible character between two `#` is no protection: such characters are escaped, never relied on.
 *
 * Escapes are visible and JSON-compatible (`\n`, `\r`, `\t`, `\uXXXX`), so JSON output passed through here
 * still parses to the same values. A value that needs none of this is returned exactly as it was.
 */

/** Characters never printed raw: C0 and C1 controls, DEL, line and paragraph separators, and invisibles. */
const UNPRINTABLE = /[\p{Cc}\u2028\u2029\p{Default_Ignorable_Code_Point}]/gu;

/** `##[` (the runner's legacy commands) and `##vso[` (Azure Pipelines' logging commands) anywhere. */
const HASH_COMMAND = /#(#(?:vso)?\[)/giu;

/** `::` after leading white space as .NET's char.IsWhiteSpace counts it (a superset of JavaScript's). */
const LEADING_COMMAND = /^([\s\u0085]*):(?=:)/u;

const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeCodePoint(char: string): string {
  const short = SHORT_ESCAPES[char];
  if (short !== undefined) return short;
  // Code units, so characters beyond the BMP come out as a JSON surrogate pair.
  let escaped = '';
  for (let index = 0; index < char.length; index++) {
    escaped += `\\u${char.charCodeAt(index).toString(16).padStart(4, '0')}`;
  }
  return escaped;
}

/**
 * One value from outside, made safe to print on one line: it cannot leave its line, start a workflow
 * command, or carry `##[` / `##vso[` intact.
 */
export function visible(value: string): string {
  return value
    .replace(UNPRINTABLE, escapeCodePoint)
    .replace(HASH_COMMAND, '\\u0023$1')
    .replace(LEADING_COMMAND, '$1\\u003a');
}

/**
 * Text about to be written as lines (a log message, a report): each line made safe as `visible` makes a
 * value, the line breaks kept. Applied by the boundary to everything it writes, so a value that was
 * interpolated without `visible` still cannot steer the agent (though it may have started a new line).
 */
export function safeLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => visible(line))
    .join('\n');
}
