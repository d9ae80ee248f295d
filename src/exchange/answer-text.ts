import { type Redact, redactedExcerpt } from '../secrets/redacted-excerpt.js';

/** How much of a body (or an HTML page's title or text) an error message quotes. */
const EXCERPT_LENGTH = 160;

/**
 * A short, single-line look at a body for error messages: HTML reduced to its title or text. Secrets are
 * redacted before anything is cut (see redactedExcerpt).
 */
export function excerpt(body: string, redact: Redact): string {
  const trimmed = body.trim();
  if (trimmed === '') return '(empty body)';
  if (looksLikeHtml(trimmed)) {
    // Redacted as the page was sent, before tags are stripped: that is the text the masks were made for.
    const page = redact(trimmed);
    const text = htmlTitle(page) ?? stripTags(page);
    return `an HTML page: "${redactedExcerpt(text, redact, EXCERPT_LENGTH)}"`;
  }
  return `"${redactedExcerpt(trimmed, redact, EXCERPT_LENGTH)}"`;
}

/** The page's <title>, whitespace collapsed; undefined when it has none or it is empty. */
export function htmlTitle(html: string): string | undefined {
  return /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.replace(/\s+/g, ' ').trim() || undefined;
}

export function looksLikeHtml(body: string): boolean {
  return /^\s*(<!doctype html|<html|<head|<body|<\?xml|<h1|<center)/i.test(body);
}

function stripTags(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
