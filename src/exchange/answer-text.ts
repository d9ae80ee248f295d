const EXCERPT_LENGTH = 160;

/** A short, single-line look at a body for error messages: HTML reduced to its title or text. */
export function excerpt(body: string): string {
  const trimmed = body.trim();
  if (trimmed === '') return '(empty body)';
  if (looksLikeHtml(trimmed)) {
    const text = htmlTitle(trimmed) ?? stripTags(trimmed);
    return `an HTML page: "${shorten(text)}"`;
  }
  return `"${shorten(trimmed)}"`;
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

function shorten(text: string): string {
  // Long opaque runs (tokens, base64) are cut first: they never help a reader and might be secret.
  const oneLine = text.replace(/\s+/g, ' ').replace(/[A-Za-z0-9_\-+/=.]{80,}/g, '[long value removed]');
  return oneLine.length > EXCERPT_LENGTH ? `${oneLine.slice(0, EXCERPT_LENGTH)}…` : oneLine;
}
