import { readFileSync } from 'node:fs';
import { settingsError } from './errors.js';
import { plural } from './plural.js';

/** The parts of Mondoo's generated "WIF config" this action uses. */
export interface WifConfig {
  universeDomain?: string;
  audience?: string;
  issuerUri?: string;
  /** The config carried a `jwtToken`: a secret that does not belong there. It was masked and is ignored. */
  hadJwtToken?: boolean;
}

/** Registers a secret before anything can print it (the runner's or the terminal's mask). */
export type MaskSecret = (secret: string) => void;

const INPUT = 'wif-config';

/** Accepts the config as JSON text or as a path to a file holding it. */
export function loadWifConfig(
  value: string,
  readFile: (path: string) => string = readUtf8,
  mask: MaskSecret = () => {},
): WifConfig {
  const trimmed = value.trim();
  if (trimmed.startsWith('{')) return parseWifConfig(trimmed, 'the JSON text given', mask);
  let text: string;
  try {
    text = readFile(trimmed);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    // Someone may paste a credential here by mistake: name the value only when it looks like a path.
    const shown = looksLikePath(trimmed)
      ? `"${trimmed}"`
      : `the value (${plural(trimmed.length, 'character')})`;
    throw settingsError(
      INPUT,
      `${shown} is neither JSON text nor a readable file (${code}).`,
      "Pass the JSON Mondoo generated for the provider, or the path of the file you saved it to (relative to the job's working directory).",
    );
  }
  return parseWifConfig(text, `the file ${trimmed}`, mask);
}

export function parseWifConfig(text: string, where: string, mask: MaskSecret = () => {}): WifConfig {
  // A config that is not even valid JSON may still hold a token: masked before any error can be reported.
  for (const match of text.matchAll(/"jwtToken"\s*:\s*"([^"\\]+)"/g)) mask(match[1] ?? '');
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
  // Mondoo's generated config may carry the OIDC token itself (mql reads `jwtToken` first). It is a secret:
  // masked before any check below can fail and print anything, and never used.
  const hadJwtToken = Object.hasOwn(config, 'jwtToken');
  if (typeof config.jwtToken === 'string' && config.jwtToken.trim() !== '') mask(config.jwtToken.trim());
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
    ...(hadJwtToken ? { hadJwtToken } : {}),
  };
}

function optionalString(config: Record<string, unknown>, key: string, where: string): string | undefined {
  const value = config[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw settingsError(
      INPUT,
      `\`${key}\` in ${where} is not a string.`,
      'Paste the WIF config exactly as Mondoo generated it.',
    );
  }
  return value.trim() || undefined;
}

/** The warning for a config that carried `jwtToken`; it names the key, never any part of its value. */
export const JWT_TOKEN_IN_WIF_CONFIG =
  "`wif-config` holds a `jwtToken`: an OIDC token, which is a secret. Its value is masked and never sent: the token exchanged is the one requested from the CI system (or handed in). Remove it from the config: anyone who can read the config can use the token while it lives, and a config passed as text that did not come from a secret may already be in the log (the GitHub runner prints a step's inputs before it starts; a shell may echo a command line).";

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
