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
