import { settingsError } from './errors.js';
import { agree, listed } from './plural.js';

export type InputReader = (name: string) => string;

const MAX_TIMEOUT_SECONDS = 900;
const DEFAULT_TIMEOUT_SECONDS = 60;

/** The `timeout` every mode and command takes: whole seconds, 1 to 900, 60 when unset. */
export function readTimeout(raw: string): number {
  return readWholeNumber('timeout', raw, DEFAULT_TIMEOUT_SECONDS, 1, MAX_TIMEOUT_SECONDS);
}

/** `scheme://...`: a URL, as opposed to a host name or a file path. */
export function hasUrlScheme(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
}

/** A whole number of `unit` (seconds unless said otherwise) within min..max; `fallback` when unset. */
export function readWholeNumber(
  input: string,
  raw: string,
  fallback: number,
  min: number,
  max: number,
  unit = 'seconds',
): number {
  const value = raw.trim();
  if (value === '') return fallback;
  if (!/^\d+$/.test(value)) {
    throw settingsError(
      input,
      `"${value}" is not a whole number of ${unit}.`,
      `Use digits only, e.g. ${fallback}.`,
    );
  }
  const number = Number(value);
  if (number < min || number > max) {
    throw settingsError(
      input,
      `${number} is outside ${min}..${max} ${unit}.`,
      `Use a value in that range, e.g. ${fallback}.`,
    );
  }
  return number;
}

export function readBoolean(input: string, raw: string, fallback: boolean): boolean {
  const value = raw.trim().toLowerCase();
  if (value === '') return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw settingsError(
    input,
    `"${raw.trim()}" is not true or false.`,
    `Use \`true\` or \`false\` (default ${fallback}).`,
  );
}

export function readChoice<T extends string>(
  input: string,
  raw: string,
  choices: readonly T[],
  fallback: T,
): T {
  const value = raw.trim().toLowerCase();
  if (value === '') return fallback;
  const choice = choices.find((candidate) => candidate === value);
  if (choice) return choice;
  throw settingsError(
    input,
    `"${raw.trim()}" is not one of ${choices.join(', ')}.`,
    `Use one of ${choices.join(', ')} (default ${fallback}).`,
  );
}

/** A warning when inputs only the other mode reads are set: a sign the step's `mode` is not what was meant. */
export function otherModeInputsWarning(
  getInput: InputReader,
  names: readonly string[],
  mode: string,
  otherMode: string,
): string[] {
  const ignored = names.filter((name) => getInput(name).trim() !== '');
  if (ignored.length === 0) return [];
  const named = listed(ignored.map((name) => `\`${name}\``));
  const belong = agree(ignored.length, 'it is', 'they are');
  return [`${mode} mode ignores ${named}: ${belong} for mode \`${otherMode}\`.`];
}
