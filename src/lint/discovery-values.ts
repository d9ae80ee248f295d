import type { LoadedDocument } from './fetch.js';
import type { Observation } from './findings.js';
import { shown } from './shown.js';

/** Optional Discovery 1.0 §3 / RFC 8414 §2 / RFC 9126 §5 members and the JSON type each must have. */
const OPTIONAL_ARRAYS = [
  'scopes_supported',
  'response_modes_supported',
  'grant_types_supported',
  'acr_values_supported',
  'claims_supported',
  'claim_types_supported',
  'token_endpoint_auth_methods_supported',
  'token_endpoint_auth_signing_alg_values_supported',
  'userinfo_signing_alg_values_supported',
  'id_token_encryption_alg_values_supported',
  'id_token_encryption_enc_values_supported',
  'request_object_signing_alg_values_supported',
  'display_values_supported',
  'claims_locales_supported',
  'ui_locales_supported',
  'code_challenge_methods_supported',
];
const OPTIONAL_BOOLEANS = [
  'claims_parameter_supported',
  'request_parameter_supported',
  'request_uri_parameter_supported',
  'require_request_uri_registration',
  'require_pushed_authorization_requests',
  'frontchannel_logout_supported',
  'backchannel_logout_supported',
];
/** OAuth 2.0 Multiple Response Type Encoding Practices §3–5 and Core §3: the parts a response type is made of. */
const RESPONSE_TYPE_PARTS = new Set(['code', 'id_token', 'token']);
const SUBJECT_TYPES = new Set(['public', 'pairwise']);

/** Optional members of the wrong JSON type: `null` or a string where an array or a boolean is defined. */
export function checkOptionalMembers(document: LoadedDocument): Observation[] {
  const { value, locate } = document;
  const observations: Observation[] = [];
  const wrong = (member: string, wanted: string) =>
    observations.push({
      rule: 'optional-member-type',
      message: `\`${member}\` must be ${wanted}.`,
      value: shown(value[member]),
      location: locate(`/${member}`),
    });
  for (const member of OPTIONAL_ARRAYS) {
    const actual = value[member];
    if (actual === undefined) continue;
    if (!Array.isArray(actual) || !actual.every((item) => typeof item === 'string'))
      wrong(member, 'a JSON array of strings');
  }
  for (const member of OPTIONAL_BOOLEANS) {
    const actual = value[member];
    if (actual !== undefined && typeof actual !== 'boolean') wrong(member, 'a JSON boolean (true or false)');
  }
  return observations;
}

/** Values of the listed members that no client can use, and a scope list without `openid`. */
export function checkValues(document: LoadedDocument): Observation[] {
  const { value, locate } = document;
  const observations: Observation[] = [];
  for (const responseType of stringsOf(value.response_types_supported)) {
    if (!isResponseType(responseType)) {
      observations.push({
        rule: 'response-type-invalid',
        message: `Response type ${shown(responseType)} is not a space-separated combination of code, id_token and token (or none).`,
        value: shown(responseType),
        location: locate('/response_types_supported'),
      });
    }
  }
  for (const subjectType of stringsOf(value.subject_types_supported)) {
    if (!SUBJECT_TYPES.has(subjectType)) {
      observations.push({
        rule: 'subject-type-unknown',
        message: `Subject type ${shown(subjectType)} is neither public nor pairwise.`,
        value: shown(subjectType),
        location: locate('/subject_types_supported'),
      });
    }
  }
  const scopes = value.scopes_supported;
  if (Array.isArray(scopes) && !scopes.includes('openid')) {
    observations.push({
      rule: 'scopes-no-openid',
      message: '`scopes_supported` does not list `openid`.',
      value: shown(scopes),
      location: locate('/scopes_supported'),
    });
  }
  return observations;
}

/** `none` alone, or distinct parts from code, id_token and token, separated by single spaces. */
export function isResponseType(value: string): boolean {
  if (value === 'none') return true;
  const parts = value.split(' ');
  return (
    parts.length > 0 &&
    parts.every((part) => RESPONSE_TYPE_PARTS.has(part)) &&
    new Set(parts).size === parts.length
  );
}

/** The strings of a member that should be an array of strings; other types are reported elsewhere. */
export function stringsOf(member: unknown): string[] {
  return Array.isArray(member) ? member.filter((item): item is string => typeof item === 'string') : [];
}
