/** "1 error", "2 errors": the count with its noun (`many` for a noun whose plural is not noun + s). */
export function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : many}`;
}

/** The word that agrees with a count or a list: agree(1, 'is', 'are') is "is". */
export function agree(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

/** "`a`", "`a` and `b`", "`a`, `b` and `c`". */
export function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A sentence set inside another one, e.g. in parentheses: without its final full stop, so the outer sentence
 * does not read "(connection refused.); retrying". An ellipsis stays.
 */
export function asClause(sentence: string): string {
  const trimmed = sentence.trimEnd();
  return trimmed.endsWith('...') ? trimmed : trimmed.replace(/\.+$/, '');
}
