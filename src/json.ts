/**
 * JSON.parse that answers undefined instead of throwing: its errors (on newer Node versions) quote the text,
 * which may be a secret, and callers here only need to know whether the text was JSON.
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A JSON object: not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON value's type in words ("a number", "an array", "null"), for errors that must not quote the value. */
export function jsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** A string as it appears inside printed JSON (quotes, backslashes and newlines escaped), without its quotes. */
export function jsonEscaped(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
