import type { LoadedDocument } from './fetch.js';
import type { Observation } from './findings.js';
import { shown } from './shown.js';
import { checkOptionalMembers, checkValues } from './discovery-values.js';
import { checkIssuer, checkPublicHost, type IssuerExpectation } from './issuer-rules.js';
import { editDistance } from '../nearest.js';

type MemberType = 'string' | 'string[]';

/** OpenID Connect Discovery 1.0 §3 members every profile needs, with their types. */
export const REQUIRED_MEMBERS: Record<string, MemberType> = {
  issuer: 'string',
  jwks_uri: 'string',
  response_types_supported: 'string[]',
  subject_types_supported: 'string[]',
  id_token_signing_alg_values_supported: 'string[]',
};
/** Every profile's SSO needs this one; `token_endpoint` depends on the flow (see flow-rules.ts). */
const SSO_ENDPOINTS = ['authorization_endpoint'];
const OTHER_ENDPOINTS = [
  'authorization_endpoint',
  'token_endpoint',
  'userinfo_endpoint',
  'end_session_endpoint',
  'registration_endpoint',
  'revocation_endpoint',
  'introspection_endpoint',
];

/** The document's shape, issuer and URLs; algorithms are checked separately (they need the keys). */
export function checkDiscovery(document: LoadedDocument, expected: IssuerExpectation): Observation[] {
  const { value, locate } = document;
  const observations: Observation[] = [];
  if (looksLikeOAuthMetadata(value)) {
    observations.push({
      rule: 'document-oauth-metadata',
      message: `${document.where} has OAuth fields but neither subject_types_supported nor id_token_signing_alg_values_supported.`,
      location: locate(''),
    });
  }
  for (const [member, type] of Object.entries(REQUIRED_MEMBERS)) {
    observations.push(...checkMember(value, member, type, locate(`/${member}`) ?? locate('')));
  }
  observations.push(...checkOptionalMembers(document), ...checkValues(document));
  for (const member of SSO_ENDPOINTS) {
    if (value[member] === undefined || value[member] === null) {
      observations.push({
        rule: 'endpoint-missing',
        message: `\`${member}\` is missing.`,
        value: member,
        location: locate(''),
      });
    }
  }
  if (typeof value.issuer === 'string') {
    observations.push(...checkIssuer(value.issuer, expected, locate('/issuer')));
  }
  if (typeof value.jwks_uri === 'string')
    observations.push(...checkJwksUri(value.jwks_uri, value.issuer, locate('/jwks_uri')));
  for (const member of OTHER_ENDPOINTS) {
    const url = value[member];
    if (url === undefined || url === null) continue;
    if (typeof url !== 'string') {
      observations.push({
        rule: 'member-type',
        message: `\`${member}\` must be a string (a URL).`,
        value: shown(url),
        location: locate(`/${member}`),
      });
    } else if (!url.startsWith('https://')) {
      observations.push({
        rule: 'endpoint-not-https',
        message: url.trim() === '' ? `\`${member}\` is empty.` : `\`${member}\` is not https://.`,
        value: shown(url),
        location: locate(`/${member}`),
      });
    }
  }
  return observations;
}

function looksLikeOAuthMetadata(value: Record<string, unknown>): boolean {
  const oidcMarkers = ['subject_types_supported', 'id_token_signing_alg_values_supported'];
  const oauthMarkers = ['authorization_endpoint', 'token_endpoint', 'grant_types_supported'];
  return (
    oidcMarkers.every((member) => value[member] === undefined) &&
    oauthMarkers.some((member) => value[member] !== undefined)
  );
}

function checkMember(
  value: Record<string, unknown>,
  member: string,
  type: MemberType,
  location: Observation['location'],
): Observation[] {
  const actual = value[member];
  if (actual === undefined) {
    const guess = closestMember(Object.keys(value), member);
    return [
      {
        rule: 'member-missing',
        message: guess
          ? `\`${member}\` is missing; the document has \`${guess}\`: did you mean \`${member}\`?`
          : `\`${member}\` is missing.`,
        value: member,
        fix: guess ? `Rename \`${guess}\` to \`${member}\`.` : undefined,
        location,
      },
    ];
  }
  const fits =
    type === 'string'
      ? typeof actual === 'string'
      : Array.isArray(actual) && actual.every((item) => typeof item === 'string');
  if (fits) {
    if (
      type === 'string[]' &&
      (actual as unknown[]).length === 0 &&
      member !== 'id_token_signing_alg_values_supported'
    ) {
      return [{ rule: 'member-type', message: `\`${member}\` is an empty array.`, value: '[]', location }];
    }
    if (type === 'string' && (actual as string).trim() === '') {
      return [{ rule: 'member-type', message: `\`${member}\` is empty.`, value: shown(actual), location }];
    }
    return [];
  }
  return [
    {
      rule: 'member-type',
      message: `\`${member}\` must be ${type === 'string' ? 'a string' : 'an array of strings'}.`,
      value: shown(actual),
      location,
    },
  ];
}

function checkJwksUri(jwksUri: string, issuer: unknown, location: Observation['location']): Observation[] {
  const observations: Observation[] = [];
  if (!jwksUri.startsWith('https://')) {
    observations.push({
      rule: 'jwks-uri-not-https',
      message: jwksUri.trim() === '' ? '`jwks_uri` is empty.' : '`jwks_uri` is not https://.',
      value: shown(jwksUri),
      location,
    });
  }
  observations.push(...checkPublicHost('jwks_uri', jwksUri, location));
  const jwksHost = hostOf(jwksUri);
  const issuerHost = typeof issuer === 'string' ? hostOf(issuer) : undefined;
  if (jwksHost && issuerHost && jwksHost !== issuerHost) {
    observations.push({
      rule: 'jwks-uri-other-host',
      message: `\`jwks_uri\` is on ${jwksHost}, the issuer on ${issuerHost}.`,
      value: shown(jwksUri),
      location,
    });
  }
  return observations;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/**
 * A key of the document that is likely a misspelling of `member`: at most 2 edits away, or the same words
 * with one left out (id_token_alg_values_supported). Registered metadata names are never suggested: they
 * are members in their own right.
 */
function closestMember(keys: string[], member: string): string | undefined {
  const words = member.split('_');
  for (const key of keys) {
    if (key.length > 100 || REGISTERED_MEMBERS.has(key) || key in REQUIRED_MEMBERS) continue;
    const keyWords = key.split('_');
    const oneWordShort =
      keyWords.length === words.length - 1 && keyWords.every((word) => words.includes(word));
    if (oneWordShort || editDistance(key, member) <= 2) return key;
  }
  return undefined;
}

/** Discovery and OAuth server metadata members (OIDC Discovery 1.0 §3, RFC 8414 §2) that end like ours. */
const REGISTERED_MEMBERS = new Set([
  'response_modes_supported',
  'grant_types_supported',
  'acr_values_supported',
  'userinfo_signing_alg_values_supported',
  'userinfo_encryption_alg_values_supported',
  'id_token_encryption_alg_values_supported',
  'request_object_signing_alg_values_supported',
  'token_endpoint_auth_signing_alg_values_supported',
  'introspection_endpoint_auth_signing_alg_values_supported',
  'revocation_endpoint_auth_signing_alg_values_supported',
  'dpop_signing_alg_values_supported',
  'authorization_signing_alg_values_supported',
  'code_challenge_methods_supported',
  'claim_types_supported',
]);
