import { createPrivateKey, X509Certificate } from 'node:crypto';
import { ActionError } from '../errors.js';
import { isObject, jsonTypeName, parseJson } from '../json.js';
import { isMaskable, MIN_MASK_LENGTH, maskFormsOfAll } from '../secrets/mask-forms.js';

/** What Mondoo hands back, decoded: cnspec reads the same JSON from MONDOO_CONFIG_BASE64. */
export interface ServiceAccount {
  mrn: string;
  space_mrn: string;
  api_endpoint: string;
  scope_mrn?: string;
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

const REQUIRED_MEMBERS = ['mrn', 'space_mrn', 'api_endpoint'] as const;
/** cnspec reads these into strings too: another type would fail it three steps later. */
const OPTIONAL_MEMBERS = ['scope_mrn', 'parent_mrn', 'private_key', 'certificate', 'token'] as const;
/** The members whose values are secret, besides the JSON and its base64 as a whole. */
const SECRET_MEMBERS = ['private_key', 'token'] as const;

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
  const account = readMembers(parsed);
  checkApiEndpoint(account.api_endpoint);
  if (account.private_key !== undefined || account.certificate !== undefined) {
    checkKeyPair(account);
  } else if (account.token === undefined) {
    throw invalid('it has neither `private_key` with `certificate` nor `token`');
  }
  if (account.token !== undefined) checkTokenMaskable(account.token);
  return { base64, json, account };
}

/**
 * The members' types, named precisely: the value is never quoted (it may be the key). A null optional member
 * counts as absent, as it does for cnspec's JSON decoding; so does an empty `token`, which carries nothing.
 */
function readMembers(parsed: Record<string, unknown>): ServiceAccount {
  const account: Record<string, unknown> = { ...parsed };
  for (const name of REQUIRED_MEMBERS) {
    const value = parsed[name];
    if (value === undefined || value === '') throw invalid(`it has no \`${name}\``);
    if (typeof value !== 'string') throw invalid(`\`${name}\` is ${jsonTypeName(value)}, not a string`);
  }
  for (const name of OPTIONAL_MEMBERS) {
    const value = parsed[name];
    if (value === null || (name === 'token' && typeof value === 'string' && value.trim() === '')) {
      delete account[name];
    } else if (value !== undefined && typeof value !== 'string') {
      throw invalid(`\`${name}\` is ${jsonTypeName(value)}, not a string`);
    }
  }
  return account as unknown as ServiceAccount;
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
  if (account.private_key === undefined) throw invalid('it has `certificate` but no `private_key`');
  if (account.certificate === undefined) throw invalid('it has `private_key` but no `certificate`');
  try {
    createPrivateKey(account.private_key);
  } catch {
    throw invalid('`private_key` is not a readable PEM private key');
  }
  if (!isMaskable(account.private_key)) {
    throw invalid(
      `\`private_key\` has lines shorter than ${MIN_MASK_LENGTH} characters, too short to be masked in the log`,
    );
  }
  try {
    new X509Certificate(account.certificate);
  } catch {
    throw invalid('`certificate` is not a readable PEM certificate');
  }
}

function checkTokenMaskable(token: string): void {
  if (!isMaskable(token)) {
    throw invalid(
      `\`token\` is ${token.trim().length} characters long: below ${MIN_MASK_LENGTH}, too short to be a credential or to be masked in the log`,
    );
  }
}

/**
 * Every string to mask for a credential answer, computed from the raw answer before anything is validated
 * (an error path must not be able to print any of it): the base64 value, the decoded JSON, and each secret
 * member of it, each in every form this project can print (see maskForms). It reads leniently what
 * decodeCredential will refuse (non-standard base64, a member of the wrong type): whatever was received is
 * still a secret.
 */
export function credentialMaskForms(base64: string): string[] {
  const json = Buffer.from(base64, 'base64').toString('utf8');
  const parsed = parseJson(json);
  const members = isObject(parsed) ? SECRET_MEMBERS.flatMap((name) => textsOf(parsed[name])) : [];
  return maskFormsOfAll([base64, json, ...members]);
}

/** The text of a secret member of any type, as it could be printed: a wrong type is refused, not made public. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return value.flatMap((item) => (typeof item === 'object' ? [] : textsOf(item)));
  return isObject(value)
    ? Object.values(value).flatMap((item) => (typeof item === 'object' ? [] : textsOf(item)))
    : [];
}
