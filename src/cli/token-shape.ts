/**
 * A JWT: three base64url parts, the first a JSON header ("eyJ" is how `{"` encodes). Used to keep a token
 * that was typed where a name or path belongs out of every message.
 */
export function looksLikeToken(value: string): boolean {
  return /^eyJ[\w-]*\.[\w-]+\.[\w-]*$/.test(value.trim());
}
