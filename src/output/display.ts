import { visible } from './escape.js';

/** How much of a JSON value from outside is shown: deep or huge values are cut, never walked whole. */
export interface DisplayLimits {
  /** Arrays and objects nested deeper than this show as `[...]` / `{...}`. */
  maxDepth: number;
  /** Characters of output before the rest is cut with `...`. */
  maxChars: number;
}

export const DEFAULT_LIMITS: DisplayLimits = { maxDepth: 6, maxChars: 200 };

/**
 * A JSON value as compact JSON, safe to print on one line (see `visible`), within `limits`. Recursion is
 * bounded by `maxDepth` and output by `maxChars`, so a value nested thousands deep or megabytes long costs
 * no more than a small one and cannot overflow the stack.
 */
export function displayJson(value: unknown, limits: DisplayLimits = DEFAULT_LIMITS): string {
  const out = new Bounded(limits.maxChars);
  write(value, 0, limits.maxDepth, out);
  return visible(out.text());
}

/** A claim or member value for a person: strings as they are, everything else as bounded JSON. */
export function displayValue(value: unknown, limits: DisplayLimits = DEFAULT_LIMITS): string {
  if (typeof value === 'string') {
    const cut = value.length > limits.maxChars ? `${value.slice(0, limits.maxChars)}\u2026` : value;
    return visible(cut);
  }
  return displayJson(value, limits);
}

class Bounded {
  private parts: string[] = [];
  private length = 0;
  full = false;
  private readonly max: number;

  constructor(max: number) {
    this.max = max;
  }

  push(text: string): void {
    if (this.full) return;
    if (this.length + text.length > this.max) {
      this.parts.push(text.slice(0, this.max - this.length), '\u2026');
      this.full = true;
      return;
    }
    this.parts.push(text);
    this.length += text.length;
  }

  room(): number {
    return this.max - this.length;
  }

  text(): string {
    return this.parts.join('');
  }
}

function write(value: unknown, depth: number, maxDepth: number, out: Bounded): void {
  if (out.full) return;
  if (Array.isArray(value)) {
    if (depth >= maxDepth) return out.push(value.length === 0 ? '[]' : '[\u2026]');
    out.push('[');
    for (let index = 0; index < value.length && !out.full; index++) {
      if (index > 0) out.push(',');
      write(value[index], depth + 1, maxDepth, out);
    }
    return out.push(']');
  }
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    if (depth >= maxDepth) return out.push(keys.length === 0 ? '{}' : '{\u2026}');
    out.push('{');
    for (let index = 0; index < keys.length && !out.full; index++) {
      const key = keys[index] as string;
      if (index > 0) out.push(',');
      out.push(`${JSON.stringify(key)}:`);
      write((value as Record<string, unknown>)[key], depth + 1, maxDepth, out);
    }
    return out.push('}');
  }
  // A huge string is cut before it is serialised: only what can be shown is worth the work.
  const text = typeof value === 'string' && value.length > out.room() ? value.slice(0, out.room()) : value;
  // Strings, numbers, booleans, null; undefined (absent) shows as JavaScript names it.
  out.push(JSON.stringify(text) ?? String(text));
}

/**
 * A copy of a JSON value for JSON output, with everything nested deeper than `maxDepth` replaced by the
 * string "[...]" or "{...}": JSON.stringify walks by recursion and overflows the stack on a value nested a few
 * thousand deep, which any token's issuer can send.
 */
export function pruned(value: unknown, maxDepth = 32): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const isArray = Array.isArray(value);
  if (maxDepth <= 0) return isArray ? '[\u2026]' : '{\u2026}';
  if (isArray) return value.map((item) => pruned(item, maxDepth - 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, pruned(item, maxDepth - 1)]));
}
