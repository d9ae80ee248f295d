import { readFileSync } from 'node:fs';
import { settingsError } from './errors.js';

/** The parts of Mondoo's generated "WIF config" this action uses. */
export interface WifConfig {
  universeDomain?: string;
  audience?: string;
  issuerUri?: string;
}

const INPUT = 'wif-config';

/** Accepts the config as JSON text or as a path to a file holding it. */
export function loadWifConfig(value: string, readFile: (path: string) => string = readUtf8): WifConfig {
  const trimmed = value.trim();
  if (trimmed.startsWith('{')) return parseWifConfig(trimmed, 'the JSON text given');
  let text: string;
  try {
    text = readFile(trimmed);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    // Someone may paste a credential here by mistake: name the value only when it looks like a path.
    const shown = looksLikePath(trimmed) ? `"${trimmed}"` : `the value (${trimmed.length} characters)`;
    throw settingsError(
      INPUT,
      `${shown} is neither JSON text nor a readable file (${code}).`,
      "Pass the JSON Mondoo generated for the provider, or the path of the file you saved it to (relative to the job's working directory).",
    );
  }
  return parseWifConfig(text, `the file ${trimmed}`);
}

export function parseWifConfig(text: string, where: string): WifConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw settingsError(
      INPUT,
      `${where} is not valid JSON (${jsonErrorPosition(error)}).`,
      'Paste the WIF config exactly as Mondoo generated it.',
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw settingsError(
      INPUT,
      `${where} is not a JSON object.`,
      'Paste the WIF config exactly as Mondoo generated it.',
    );
  }
  const config = parsed as Record<string, unknown>;
  if (config.type !== 'external_account') {
    throw settingsError(
      INPUT,
      `${where} has "type": ${JSON.stringify(config.type ?? null)}, not "external_account".`,
      'Use the workload identity federation config Mondoo generates for an external account, not a service-account credential.',
    );
  }
  return {
    universeDomain: optionalString(config, 'universeDomain', where),
    audience: optionalString(config, 'audience', where),
    issuerUri: optionalString(config, 'issuerUri', where),
  };
}

function optionalString(config: Record<string, unknown>, key: string, where: string): string | undefined {
  const value = config[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw settingsError(
      INPUT,
      `"${key}" in ${where} is not a string.`,
      'Paste the WIF config exactly as Mondoo generated it.',
    );
  }
  return value.trim() || undefined;
}

/** Only a value that ends like a config file is echoed; anything else might be a pasted secret. */
function looksLikePath(value: string): boolean {
  return value.length <= 260 && /^[^\s{}"]+\.json$/i.test(value);
}

/** Newer Node versions quote part of the input in JSON.parse errors; keep only where it broke. */
export function jsonErrorPosition(error: unknown): string {
  const match = /position (\d+)/.exec(String((error as Error)?.message));
  return match ? `syntax error at character ${match[1]}` : 'syntax error';
}

function readUtf8(path: string): string {
  return readFileSync(path, 'utf8');
}
