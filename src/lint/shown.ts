import { displayJson } from '../output/display.js';

const MAX_VALUE_CHARS = 120;

/**
 * A value as it appears in JSON, cut to a readable length and depth, safe to print on one line (see
 * output/display.ts). Never pass key material here: describe it instead (`describeType`).
 */
export function shown(value: unknown): string {
  return displayJson(value, { maxDepth: 4, maxChars: MAX_VALUE_CHARS - 1 });
}
