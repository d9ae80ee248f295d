// The .NET string behaviour the GitHub runner's command parsing depends on, for the runner stand-in.
// Facts from actions/runner and the .NET documentation; see runner-stand-in.ts for the overview.

// .NET char.IsWhiteSpace: the Unicode separators (Zs, Zl, Zp), TAB..CR and NEL. Unlike JavaScript's trimStart
// it does not include U+FEFF (a format character), and it does include U+0085.
const CSHARP_WHITESPACE = /^[\t\n\v\f\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

export function isCSharpWhiteSpace(char: string): boolean {
  return CSHARP_WHITESPACE.test(char);
}

/** string.TrimStart() with no arguments: drops leading char.IsWhiteSpace characters. */
export function trimStartCSharp(text: string): string {
  let start = 0;
  while (start < text.length && isCSharpWhiteSpace(text.charAt(start))) start++;
  return text.slice(start);
}

/** string.Trim() with no arguments. */
export function trimCSharp(text: string): string {
  let end = text.length;
  while (end > 0 && isCSharpWhiteSpace(text.charAt(end - 1))) end--;
  return trimStartCSharp(text.slice(0, end));
}

/**
 * The lines StreamReader.ReadLine() yields: CR, LF and CRLF all end a line, and a final newline does not start
 * an empty last line. The runner reads a step's stdout and stderr this way (ProcessInvoker.StartReadStream), and
 * the step summary too (CreateStepSummaryCommand), so a bare CR starts a new line for it.
 */
export function readLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\r|\n/);
  if (/[\r\n]$/.test(text)) lines.pop();
  return lines;
}

/**
 * Characters that ICU's collation can ignore, which .NET's culture-sensitive StartsWith(string) and
 * IndexOf(string) then skip: the runner uses those for `::` and `##[` and is not built with
 * InvariantGlobalization (Runner.Worker.csproj; config.sh insists on libicu). Deliberately broad: every
 * Default_Ignorable_Code_Point, every format character, and the C0/C1 controls other than TAB..CR and NEL
 * (which collate as white space). A line that reads as a command only once these are removed is treated as a
 * possible command.
 */
const COLLATION_IGNORABLE = /(?![\t\n\v\f\r\x85])[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}]/gu;

export function withoutIgnorables(text: string): string {
  return text.replace(COLLATION_IGNORABLE, '');
}

export function hasIgnorables(text: string): boolean {
  return withoutIgnorables(text) !== text;
}

/**
 * `text.Split(new[] { separator }, count: 2, StringSplitOptions.RemoveEmptyEntries)`: empty pieces are skipped,
 * the first non-empty piece ends at the next separator, and separators right after it are skipped too, so
 * "a==b" gives ["a", "b"] and "title=x==" gives ["title", "x=="].
 */
export function splitInTwo(text: string, separator: string): string[] {
  let start = 0;
  while (text.charAt(start) === separator) start++;
  if (start === text.length) return [];
  const end = text.indexOf(separator, start);
  if (end < 0) return [text.slice(start)];
  let rest = end + 1;
  while (text.charAt(rest) === separator) rest++;
  const last = text.slice(rest);
  return last === '' ? [text.slice(start, end)] : [text.slice(start, end), last];
}

/** `text.Split(new[] { separator }, StringSplitOptions.RemoveEmptyEntries)`. */
export function splitNonEmpty(text: string, separator: string): string[] {
  return text.split(separator).filter((piece) => piece !== '');
}
