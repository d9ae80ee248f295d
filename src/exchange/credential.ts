import { createPrivateKey, X509Certificate } from 'node:crypto';
import { ActionError } from '../errors.js';
import { isObject, jsonEscaped, parseJson } from '../json.js';

/** What Mondoo hands back, decoded: cnspec reads the same JSON from MONDOO_CONFIG_BASE64. */
export interface ServiceAccount {
  mrn: string;
  space_mrn: string;
  api_endpoint: string;
  parent_mrn?: string;
  private_key?: string;
  certificate?: string;
  token?: string;
}

export interface MondooCredential {
  /** Standard padded base64, exactly as exported. */
  base64: string;
  /** The decoded JSON text. */
  json: string;
  account: ServiceAccount;
}

const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function invalid(problem: string): ActionError {
  return new ActionError(`Mondoo's token exchange returned an unusable credential: ${problem}.`, {
    kind: 'credential-invalid',
    fix: 'Nothing was exported. Re-run the job; if it persists, report it to Mondoo with the time of the failure.',
  });
}

/** Validates everything cnspec will rely on, so a bad credential fails here and not three steps later. */
export function decodeCredential(base64: string): MondooCredential {
  if (!STANDARD_BASE64.test(base64)) {
    throw invalid(`\`base64_credential\` is not standard padded base64 (${base64.length} characters)`);
  }
  const json = Buffer.from(base64, 'base64').toString('utf8');
  const parsed = parseJson(json);
  if (parsed === undefined) throw invalid('`base64_credential` does not decode to JSON');
  if (!isObject(parsed)) throw invalid('`base64_credential` does not decode to a JSON object');
  for (const name of ['mrn', 'space_mrn', 'api_endpoint']) {
    if (typeof parsed[name] !== 'string' || parsed[name] === '') throw invalid(`it has no \`${name}\``);
  }
  const account = parsed as unknown as ServiceAccount;
  checkApiEndpoint(account.api_endpoint);
  if (account.private_key !== undefined || account.certificate !== undefined) {
    checkKeyPair(account);
  } else if (typeof account.token !== 'string' || account.token === '') {
    throw invalid('it has neither `private_key` with `certificate` nor `token`');
  }
  return { base64, json, account };
}

function checkApiEndpoint(value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid('`api_endpoint` is not a URL');
  }
  if (url.protocol !== 'https:') throw invalid('`api_endpoint` is not an https:// URL');
}

function checkKeyPair(account: ServiceAccount): void {
  if (typeof account.private_key !== 'string' || typeof account.certificate !== 'string') {
    throw invalid('it has `private_key` or `certificate` but not both');
  }
  try {
    createPrivateKey(account.private_key);
  } catch {
    throw invalid('`private_key` is not a readable PEM private key');
  }
  try {
    new X509Certificate(account.certificate);
  } catch {
    throw invalid('`certificate` is not a readable PEM certificate');
  }
}

/** The PEM armour lines name the format and appear in harmless logs; masking them would blank those. */
const PEM_ARMOUR = /^-----(BEGIN|END) [A-Z0-9 ]+-----$/;

/**
 * Every string that must never show in a log: the base64 value, the decoded JSON, each secret field, and each
 * line of every multi-line one (the runner matches masks within a line, so a key printed line by line would
 * otherwise leak), plus the JSON-escaped form in which a secret appears inside printed JSON. Lines of the JSON
 * itself are not masked one by one: `{` or `"mrn": ...` are not secret, and the escaped forms cover the rest.
 */
export function secretsToMask(credential: MondooCredential): string[] {
  const secrets = new Set<string>([credential.base64, credential.json]);
  const secretFields = [credential.account.private_key, credential.account.token];
  for (const value of secretFields) {
    if (!value) continue;
    secrets.add(value);
    if (value.includes('\n')) {
      secrets.add(jsonEscaped(value));
      for (const line of secretLines(value)) secrets.add(line);
    }
  }
  return [...secrets];
}

function secretLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !PEM_ARMOUR.test(line));
}
