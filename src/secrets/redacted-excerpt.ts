/** Replaces every registered secret in a text (a log's `redact`). */
export type Redact = (text: string) => string;

/** For text quoted before any secret is known (lint's fetches): only long opaque runs are removed. */
export const NO_SECRETS_KNOWN: Redact = (text) => text;

/** How much of a header (Location, Content-Type) an error message quotes. */
export const HEADER_EXCERPT_LENGTH = 200;

/** A run this long of token or base64 characters never helps a reader and may be a secret nobody registered. */
const LONG_OPAQUE_RUN = /[A-Za-z0-9_\-+/=.]{80,}/g;

/**
 * Outside text made fit to quote: secrets redacted first, then whitespace collapsed onto one line, long
 * opaque runs removed, and only then cut to `maxLength` (marked with "..."). In that order a secret that
 * straddles the cut is already gone and cannot leave a visible prefix, which no mask would match.
 */
export function redactedExcerpt(text: string, redact: Redact, maxLength: number): string {
  const oneLine = redact(text).replace(/\s+/g, ' ').trim().replace(LONG_OPAQUE_RUN, '[long value removed]');
  if (oneLine.length <= maxLength) return oneLine;
  // Never end on half a surrogate pair.
  const end = /[\uD800-\uDBFF]/.test(oneLine[maxLength - 1] ?? '') ? maxLength - 1 : maxLength;
  return `${oneLine.slice(0, end)}\u2026`;
}
