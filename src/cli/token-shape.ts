/**
 * A JWT: three base64url parts, the first a JSON header ("eyJ" is how `{"` encodes). Used to keep a token
 * that was typed where a name or path belongs out of every message.
 */
const TOKEN = /eyJ[\w-]*\.[\w-]+\.[\w-]*/g;

export function looksLikeToken(value: string): boolean {
  return new RegExp(`^${TOKEN.source}$`).test(value.trim());
}

/** Every JWT-shaped run of characters in a text, e.g. inside `{"value":"eyJ..."}` or a path. */
export function tokensIn(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The text with every JWT-shaped run replaced. */
export function withoutTokens(text: string, replacement = '[a token]'): string {
  return text.replace(TOKEN, replacement);
}
