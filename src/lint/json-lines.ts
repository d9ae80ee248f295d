/** Deeper members are not located: discovery documents and key sets are shallow. */
const MAX_DEPTH = 8;

/**
 * The line on which each member and array element of a JSON text starts, keyed by JSON Pointer
 * ("/issuer", "/keys/0", "/keys/0/d"), so findings about a local file can point at the line to fix.
 * Only called on text JSON.parse accepted; iterative, so deep nesting cannot overflow the stack.
 */
export function jsonLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const stack: { path: string; index: number; isArray: boolean }[] = [];
  let line = 1;
  let pendingKey: string | undefined;
  let keyLine = 1;

  const valueStarts = () => {
    const parent = stack[stack.length - 1];
    if (!parent || stack.length > MAX_DEPTH) return undefined;
    if (parent.isArray) {
      const path = `${parent.path}/${parent.index}`;
      lines.set(path, line);
      return path;
    }
    const path = `${parent.path}/${escapePointer(pendingKey ?? '')}`;
    lines.set(path, keyLine);
    return path;
  };

  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) {
      // \n, \r\n and a lone \r (old Mac files) each end a line, as editors count them.
      line++;
    } else if (char === '"') {
      const end = stringEnd(text, i);
      const parent = stack[stack.length - 1];
      if (parent && !parent.isArray && pendingKey === undefined) {
        pendingKey = JSON.parse(text.slice(i, end + 1)) as string;
        keyLine = line;
      } else {
        valueStarts();
        pendingKey = undefined;
      }
      i = end;
    } else if (char === '{' || char === '[') {
      const path = stack.length === 0 ? '' : (valueStarts() ?? '\u0000');
      pendingKey = undefined;
      stack.push({ path, index: 0, isArray: char === '[' });
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',') {
      const parent = stack[stack.length - 1];
      if (parent?.isArray) parent.index++;
      pendingKey = undefined;
    } else if (char === ':' || char === ' ' || char === '\t' || char === '\r') {
      continue;
    } else if (isScalarStart(char)) {
      valueStarts();
      pendingKey = undefined;
      while (i + 1 < text.length && /[\w.+-]/.test(text[i + 1] ?? '')) i++;
    }
  }
  return lines;
}

/** The index of the quote that closes the string starting at `start` (the last index if none does). */
export function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}

function isScalarStart(char: string | undefined): boolean {
  return char !== undefined && /[-\dtfn]/.test(char);
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
