// How the GitHub runner recognises a workflow command in one line of a step's output, written from
// actions/runner src/Runner.Common/ActionCommand.cs (TryParseV2, TryParse, the unescape tables) and
// src/Runner.Worker/ActionCommandManager.cs (the registered names, matched with OrdinalIgnoreCase).
import {
  hasIgnorables,
  splitInTwo,
  splitNonEmpty,
  trimCSharp,
  trimStartCSharp,
  withoutIgnorables,
} from './runner-text.ts';

/**
 * The commands the runner registers for a step (ExtensionManager's IActionCommandExtension list, plus
 * `stop-commands` which ActionCommandManager adds itself). `internal-set-repo-path` is registered only while a
 * runner plugin runs, never for an action, so it is left out.
 */
export const REGISTERED_COMMANDS = [
  'stop-commands',
  'set-env',
  'set-output',
  'save-state',
  'add-path',
  'add-mask',
  'add-matcher',
  'remove-matcher',
  'warning',
  'error',
  'notice',
  'debug',
  'group',
  'endgroup',
  'echo',
] as const;

export interface ParsedCommand {
  /** As written in the line; compare with sameName(). */
  name: string;
  /** Keys compared case-insensitively by the runner: stored here in lower case. */
  properties: Record<string, string>;
  data: string;
  /** `::name::data` (after leading white space) or the legacy `##[name]data` anywhere in the line. */
  form: '::' | '##[';
}

export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

// The runner undoes each table with chained string.Replace calls, `%25` last; since no replacement but the last
// yields a `%`, that equals one left-to-right pass, so "%250A" is "%0A", not a line break.
const DATA_ESCAPES: Record<string, string> = { '%0D': '\r', '%0A': '\n', '%25': '%' };
const PROPERTY_ESCAPES: Record<string, string> = { ...DATA_ESCAPES, '%3A': ':', '%2C': ',' };
const LEGACY_ESCAPES: Record<string, string> = { ...DATA_ESCAPES, '%3B': ';', '%5D': ']' };

function unescapeWith(table: Record<string, string>, text: string): string {
  return text.replace(/%(?:0D|0A|25|3A|2C|3B|5D)/g, (sequence) => table[sequence] ?? sequence);
}

/** ActionCommand.UnescapeData: the data of a `::` command. */
export function unescapeData(text: string): string {
  return unescapeWith(DATA_ESCAPES, text);
}

function isRegistered(name: string, registered: readonly string[]): boolean {
  return registered.some((known) => sameName(known, name));
}

function nameAndProperties(
  info: string,
  registered: readonly string[],
  propertySeparator: string,
  unescape: (text: string) => string,
  trimProperties: boolean,
): { name: string; properties: Record<string, string> } | undefined {
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  if (!isRegistered(name, registered)) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    const list = info.slice(space + 1);
    for (const property of splitNonEmpty(trimProperties ? trimCSharp(list) : list, propertySeparator)) {
      const pair = splitInTwo(property, '=');
      if (pair.length === 2) properties[(pair[0] ?? '').toLowerCase()] = unescape(pair[1] ?? '');
    }
  }
  return { name, properties };
}

/** ActionCommand.TryParseV2: `::name k=v,k=v::data` once leading white space is trimmed. */
function parseV2(line: string, registered: readonly string[]): ParsedCommand | undefined {
  const message = trimStartCSharp(line);
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const head = nameAndProperties(
    message.slice(2, end),
    registered,
    ',',
    (text) => unescapeWith(PROPERTY_ESCAPES, text),
    true,
  );
  return head && { ...head, data: unescapeData(message.slice(end + 2)), form: '::' };
}

/** ActionCommand.TryParse: `##[name k=v;k=v]data` anywhere in the line, whatever comes before it. */
function parseLegacy(line: string, registered: readonly string[]): ParsedCommand | undefined {
  const start = line.indexOf('##[');
  if (start < 0) return undefined;
  const close = line.indexOf(']', start);
  if (close < 0) return undefined;
  const unescape = (text: string) => unescapeWith(LEGACY_ESCAPES, text);
  const head = nameAndProperties(line.slice(start + 3, close), registered, ';', unescape, false);
  return head && { ...head, data: unescape(line.slice(close + 1)), form: '##[' };
}

/** The runner tries the `::` form first and the legacy form second, on the line as it was read. */
export function parseExactly(line: string, registered: readonly string[]): ParsedCommand | undefined {
  if (line === '') return undefined;
  return parseV2(line, registered) ?? parseLegacy(line, registered);
}

export interface LineReading {
  /** What the runner does with ordinal string matching. */
  exact?: ParsedCommand;
  /**
   * A different command the line may carry under ICU collation, where `#\u00AD#[` can match `##[`: found by
   * parsing the line with its ignorable characters removed. Undefined when that reading adds nothing.
   */
  possible?: ParsedCommand;
}

export function readCommandLine(line: string, registered: readonly string[]): LineReading {
  const exact = parseExactly(line, registered);
  if (!hasIgnorables(line)) return { exact };
  const possible = parseExactly(withoutIgnorables(line), registered);
  if (!possible || (exact && sameName(exact.name, possible.name))) return { exact };
  return { exact, possible };
}
