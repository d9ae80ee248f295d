import { readFileSync, statSync } from 'node:fs';
import { settingsError } from '../errors.js';
import { type LoadedDocument, MAX_DOCUMENT_BYTES } from './fetch.js';
import type { Observation } from './findings.js';
import { shown } from './shown.js';
import { isObject } from '../json.js';
import { jsonLines, stringEnd } from './json-lines.js';

export type ReadFile = (path: string) => string;

/**
 * Reads a JSON object from a file named by an input. A file that cannot be read is a usage error (the step
 * fails); a file that is not a JSON object is a finding on that file.
 */
export function readLocalJson(
  input: string,
  path: string,
  readFile: ReadFile,
  observations: Observation[],
): LoadedDocument | undefined {
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const problem =
      code === 'ENOTFILE'
        ? `${shown(path)} is not a regular file.`
        : code === 'ENOENT'
          ? `${shown(path)} does not exist (no such file).`
          : code === 'EFBIG'
            ? `${shown(path)} is larger than ${MAX_DOCUMENT_BYTES} bytes; discovery documents and key sets are a few kilobytes.`
            : `cannot read ${shown(path)} (${code}).`;
    throw settingsError(
      input,
      problem,
      'Give the path of the JSON file, relative to the workspace (check out the repository first).',
    );
  }
  if (text.startsWith('\uFEFF')) {
    // RFC 8259 §8.1: a parser may ignore a byte order mark; editors on Windows often write one.
    text = text.slice(1);
    observations.push({
      rule: 'file-bom',
      message: `${shown(path)} starts with a UTF-8 byte order mark; it was ignored.`,
      location: { file: path, line: 1 },
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // Only the error's position is used: its message may quote the file.
    observations.push({
      rule: 'fetch-not-json',
      message: `${path} is not valid JSON.`,
      location: { file: path, line: firstBadLine(text, String((error as Error).message)) },
    });
    return undefined;
  }
  if (!isObject(value)) {
    observations.push({
      rule: 'fetch-not-object',
      message: `${path} is JSON but not an object.`,
      location: { file: path, line: 1 },
    });
    return undefined;
  }
  const lines = jsonLines(text);
  return {
    where: path,
    value,
    locate: (pointer) => ({ file: path, line: lines.get(pointer) ?? 1 }),
  };
}

/** Reads a local document the way lint mode allows: a regular file, no larger than a fetched one may be. */
export function readRegularFile(path: string): string {
  const stats = statSync(path);
  if (!stats.isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: 'ENOTFILE' });
  if (stats.size > MAX_DOCUMENT_BYTES)
    throw Object.assign(new Error(`${path} is too large`), { code: 'EFBIG' });
  return readFileSync(path, 'utf8');
}

/**
 * The line of the first syntax error. JSON.parse gives a position for some errors ("... at position 41");
 * for an unexpected token it only quotes the text, so the first character no JSON text can hold is used.
 */
function firstBadLine(text: string, parseError: string): number {
  const position = /position (\d+)/.exec(parseError)?.[1];
  const offset = position !== undefined ? Number(position) : firstStrayCharacter(text);
  return offset === undefined ? 1 : text.slice(0, offset).split(/\r\n|\r|\n/).length;
}

/** Outside strings, JSON holds only punctuation, whitespace, numbers and the words true, false and null. */
function firstStrayCharacter(text: string): number | undefined {
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char === '"') {
      i = stringEnd(text, i);
    } else if (/[a-z]/i.test(char)) {
      const word = /^[a-z]+/i.exec(text.slice(i, i + 16))?.[0] ?? '';
      if (!['true', 'false', 'null'].includes(word) && !/^[eE]$/.test(word)) return i;
      i += word.length - 1;
    } else if (!/[\s{}[\]:,\d.+-]/.test(char)) {
      return i;
    }
  }
  return undefined;
}
