import type { Profile } from './profiles.js';
import { stringsOf } from './discovery-values.js';
import type { LoadedDocument } from './fetch.js';
import type { Observation } from './findings.js';
import { shown } from './shown.js';
import { nonPublicReason } from './hosts.js';

/**
 * What a profile's login flow needs from the discovery document. Mender implements only the Implicit Flow
 * (its SSO documentation): ID tokens straight from the authorization endpoint, no token endpoint.
 */
export function checkFlow(document: LoadedDocument, profile: Profile): Observation[] {
  return [
    ...checkTokenEndpoint(document, profile),
    ...(profile === 'mender' ? checkMenderFlow(document) : []),
  ];
}

/** Discovery 1.0 §3: `token_endpoint` is REQUIRED unless only the Implicit Flow is used. */
function checkTokenEndpoint(document: LoadedDocument, profile: Profile): Observation[] {
  const { value, locate } = document;
  if (value.token_endpoint !== undefined && value.token_endpoint !== null) return [];
  const codeTypes = stringsOf(value.response_types_supported).filter((type) =>
    type.split(' ').includes('code'),
  );
  // Mender never uses the token endpoint; oidc needs it only for a flow with `code`.
  if (profile === 'mender' || (profile === 'oidc' && codeTypes.length === 0)) return [];
  return [
    {
      rule: 'document-token-endpoint-missing',
      message:
        codeTypes.length > 0
          ? `\`token_endpoint\` is missing, but response types ${shown(codeTypes)} need it.`
          : '`token_endpoint` is missing.',
      value: 'token_endpoint',
      location: locate(''),
    },
  ];
}

function checkMenderFlow(document: LoadedDocument): Observation[] {
  const { value, locate } = document;
  const observations: Observation[] = [];
  const note = (rule: Observation['rule'], member: string, message: string) =>
    observations.push({ rule, message, value: shown(value[member]), location: locate(`/${member}`) });

  const responseTypes = value.response_types_supported;
  const implicit = stringsOf(responseTypes).filter((type) => {
    const parts = type.split(' ');
    return parts.includes('id_token') && !parts.includes('code');
  });
  if (Array.isArray(responseTypes) && implicit.length === 0) {
    note(
      'mender-no-id-token',
      'response_types_supported',
      'No `id_token` response type: Mender implements only the Implicit Flow, which needs one.',
    );
  }
  const modes = value.response_modes_supported;
  if (Array.isArray(modes) && !modes.includes('fragment')) {
    note(
      'mender-response-mode',
      'response_modes_supported',
      "`response_modes_supported` lacks `fragment`, the Implicit Flow's default mode; Mender's docs name no other.",
    );
  }
  const claims = value.claims_supported;
  if (Array.isArray(claims) && !claims.includes('email')) {
    note(
      'mender-email-claim',
      'claims_supported',
      '`claims_supported` lacks `email`: Mender rejects ID tokens without an `email` claim.',
    );
  }
  if (value.require_pushed_authorization_requests === true) {
    note(
      'mender-par-required',
      'require_pushed_authorization_requests',
      'The provider requires pushed authorization requests; Mender sends plain ones.',
    );
  }
  const problem = authorizationEndpointProblem(value.authorization_endpoint);
  if (problem) note('mender-authorization-endpoint', 'authorization_endpoint', problem);
  return observations;
}

/** Why a browser sent to this authorization endpoint could not log in; undefined when it looks fine or is absent. */
function authorizationEndpointProblem(endpoint: unknown): string | undefined {
  if (typeof endpoint !== 'string') return undefined; // missing or wrong type: other rules say so
  if (endpoint.trim() === '') return '`authorization_endpoint` is empty.';
  if (!endpoint.startsWith('https://')) return '`authorization_endpoint` is not https://.';
  let hostname: string;
  try {
    hostname = new URL(endpoint).hostname;
  } catch {
    return '`authorization_endpoint` is not a valid URL.';
  }
  const reason = nonPublicReason(hostname);
  return reason ? `\`authorization_endpoint\` is on ${shown(hostname)}, ${reason}.` : undefined;
}
