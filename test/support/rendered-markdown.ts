import { marked, type Tokens } from 'marked';

/**
 * The text a Markdown renderer shows for backslash-escaped punctuation: summaries escape every ASCII
 * punctuation character of text from outside, so tests compare what a person reads.
 */
export function rendered(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** A table as a reader sees it: its header row, its body rows, and how many cells each source line had. */
export interface SeenTable {
  header: string[];
  /** Header rows in the rendered HTML: a table has exactly one. */
  headerRows: number;
  rows: string[][];
  /** Cells per source line (header, delimiter, rows): GFM silently drops a cell too many. */
  sourceCells: number[];
}

/** A job summary rendered as GitHub-flavoured Markdown, reduced to what a reader sees. */
export interface SeenSummary {
  html: string;
  tables: SeenTable[];
  /** The whole text a reader sees, tags removed and entities decoded. */
  text: string;
  /** The same, without the contents of code spans: where no Markdown syntax may show. */
  prose: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

function textOf(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/** GFM splits a table line at every pipe that no backslash escapes, code spans included. */
function cellsInLine(line: string): number {
  const inner = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).length;
}

/** Renders with marked (GFM on), the independent reader of what the summaries write. */
export function seeSummary(markdown: string): SeenSummary {
  const html = marked.parse(markdown, { gfm: true, async: false });
  const tables: SeenTable[] = [];
  // Summaries put tables at the top level only: a table nested in a list or a quote would be a bug anyway.
  for (const token of marked.lexer(markdown, { gfm: true })) {
    if (token.type !== 'table') continue;
    const table = token as Tokens.Table;
    tables.push({
      header: table.header.map((cell) => textOf(marked.parseInline(cell.text, { async: false }))),
      headerRows: 1,
      rows: table.rows.map((row) =>
        row.map((cell) => textOf(marked.parseInline(cell.text, { async: false }))),
      ),
      sourceCells: table.raw.trimEnd().split('\n').map(cellsInLine),
    });
  }
  // Header rows as rendered: every <thead> holds them.
  const theads = [...html.matchAll(/<thead>([\s\S]*?)<\/thead>/g)].map((match) => match[1] ?? '');
  theads.forEach((thead, index) => {
    const table = tables[index];
    if (table) table.headerRows = (thead.match(/<tr>/g) ?? []).length;
  });
  return {
    html,
    tables,
    text: textOf(html),
    prose: textOf(html.replace(/<code>[\s\S]*?<\/code>/g, ' ')),
  };
}

/** Markdown syntax that would show as characters if it reached a reader: escapes, code fences, emphasis. */
export const RAW_MARKUP = /\\[!-/:-@[-`{-~]|`|\*\*|__|^\s*#|\]\(/m;

/** The only HTML elements a summary may render to: no link, image or raw HTML from any value. */
export const SUMMARY_ELEMENTS = new Set([
  'h3',
  'h4',
  'p',
  'ul',
  'li',
  'blockquote',
  'br',
  'strong',
  'code',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);
