import { X509Certificate } from 'node:crypto';
import { ActionError } from '../errors.js';
import { isObject, jsonTypeName, parseJson } from '../json.js';
import { isMaskable, MIN_MASK_LENGTH, maskFormsOfAll } from '../secrets/mask-forms.js';
import { privateKeyProblem } from './private-key.js';
import { plural } from '../plural.js';

/** What the exchange asks Mondoo for: a key pair (every client reads it) or a bearer token (recent cnspec). */
export const CREDENTIAL_TYPES = ['certificate', 'token'] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

/** What Mondoo hands back, decoded: cnspec reads the same JSON from MONDOO_CONFIG_BASE64. */
export interface ServiceAccount {
  mrn: string;
  api_endpoint: string;
  /** The space, in cnspec's order of preference (see SPACE_MEMBERS); at least one is present. */
  scope_mrn?: string;
  space_mrn?: string;
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

const REQUIRED_MEMBERS = ['mrn', 'api_endpoint'] as const;
/**
 * Where cnspec finds the space when it reads the credential from its config (mql cli/config GetScopeMrn):
 * `scope_mrn`, else the older `space_mrn`, else `parent_mrn`; an empty string counts as absent.
 */
const SPACE_MEMBERS = ['scope_mrn', 'space_mrn', 'parent_mrn'] as const;
/** cnspec reads these into strings too: another type would fail it three steps later. */
const OPTIONAL_MEMBERS = [...SPACE_MEMBERS, 'private_key', 'certificate', 'token'] as const;
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
    throw invalid(
      `\`base64_credential\` is not standard padded base64 (${plural(base64.length, 'character')})`,
    );
  }
  const json = Buffer.from(base64, 'base64').toString('utf8');
  const parsed = parseJson(json);
  if (parsed === undefined) throw invalid('`base64_credential` does not decode to JSON');
  if (!isObject(parsed)) throw invalid('`base64_credential` does not decode to a JSON object');
  const account = readMembers(parsed);
  if (spaceOf(account) === '') {
    throw invalid('it names no space (`scope_mrn`, `space_mrn` or `parent_mrn`)');
  }
  checkApiEndpoint(account.api_endpoint);
  if (account.private_key === undefined && account.token === undefined) {
    throw invalid(
      account.certificate === undefined
        ? 'it has neither a `private_key` nor a `token`'
        : 'it has a `certificate` but neither a `private_key` nor a `token`',
    );
  }
  if (account.private_key !== undefined) checkPrivateKey(account.private_key);
  if (account.certificate !== undefined) checkCertificate(account.certificate);
  if (account.token !== undefined) checkTokenMaskable(account.token);
  return { base64, json, account };
}

/** The space the credential belongs to, as cnspec picks it: the first of SPACE_MEMBERS present. */
export function spaceOf(account: ServiceAccount): string {
  for (const name of SPACE_MEMBERS) {
    const value = account[name];
    if (value !== undefined) return value;
  }
  return '';
}

/**
 * What works but deserves a word: a key pair where a token was asked for (the service ignored
 * `response_type`), a token where a key pair was (not every client reads it), a key without certificate.
 */
export function credentialWarnings(account: ServiceAccount, requested: CredentialType): string[] {
  const warnings: string[] = [];
  const hasKey = account.private_key !== undefined;
  if (requested === 'token' && account.token === undefined) {
    warnings.push(
      '`credential-type` is `token`, but Mondoo answered with a key pair: this Mondoo service ignored the request for a token credential (`response_type: TOKEN`). The key pair was exported instead; every Mondoo client reads it.',
    );
  }
  if (requested === 'certificate' && !hasKey) {
    warnings.push(
      'Mondoo answered with a token credential, not a key pair: cnspec built on a recent mql reads it, but mondoo-go and the Terraform provider need a key pair.',
    );
  }
  if (hasKey && account.certificate === undefined) {
    warnings.push(
      "The credential has a `private_key` but no `certificate`. Mondoo's clients sign with the key alone, so it works; the certificate only describes the key.",
    );
  }
  return warnings;
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
    const empty = typeof value === 'string' && (name === 'token' ? value.trim() === '' : value === '');
    if (value === null || (empty && (name === 'token' || isSpaceMember(name)))) {
      delete account[name];
    } else if (value !== undefined && typeof value !== 'string') {
      throw invalid(`\`${name}\` is ${jsonTypeName(value)}, not a string`);
    }
  }
  return account as unknown as ServiceAccount;
}

function isSpaceMember(name: string): boolean {
  return (SPACE_MEMBERS as readonly string[]).includes(name);
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

/**
 * The key Mondoo's clients sign with: ranger-rpc's PrivateKeyFromBytes and mondoo-go's signer take only an
 * ECDSA key in PKCS#8 PEM, and both sign with ES384, which refuses any curve but P-384 at signing time. So
 * anything else is refused here, named by what it is, never by any of its text.
 */
function checkPrivateKey(pem: string): void {
  const problem = privateKeyProblem(pem);
  if (problem !== undefined) throw invalid(`\`private_key\` ${problem}`);
  if (!isMaskable(pem)) {
    throw invalid(
      `\`private_key\` has lines shorter than ${MIN_MASK_LENGTH} characters, too short to be masked in the log`,
    );
  }
}

/** The certificate is optional (nothing authenticates with it), but one that is there must be one. */
function checkCertificate(pem: string): void {
  try {
    new X509Certificate(pem);
  } catch {
    throw invalid('`certificate` is not a readable PEM certificate');
  }
}

function checkTokenMaskable(token: string): void {
  if (!isMaskable(token)) {
    throw invalid(
      `\`token\` is ${plural(token.trim().length, 'character')} long: below ${MIN_MASK_LENGTH}, too short to be a credential or to be masked in the log`,
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
