/**
 * The text a Markdown renderer shows for backslash-escaped punctuation: summaries escape every ASCII
 * punctuation character of text from outside, so tests compare what a person reads.
 */
export function rendered(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
