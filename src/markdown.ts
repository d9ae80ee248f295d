/** Inline code that survives pipes and backticks inside values. */
export function inlineCode(value: string): string {
  const escaped = cell(value);
  const fence = escaped.includes('`') ? '`` ' : '`';
  return `${fence}${escaped}${fence.split('').reverse().join('')}`;
}

/** Text for a table cell: pipes escaped, one line. */
export function cell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A GitHub-flavoured Markdown table; cells are inserted as given (escape them with `cell` or `inlineCode`). */
export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}
