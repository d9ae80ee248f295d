import { E, W, I, type RuleSpec } from './rule-spec.js';

/** What Mender's login (the Implicit Flow only) needs from the discovery document. */
export const MENDER_FLOW_RULES = {
  'mender-no-id-token': {
    group: 'mender',
    levels: ['off', E, 'off'],
    source:
      'Mender SSO documentation (Implicit Flow only, ID tokens required); Core §3.2.2.1 (`id_token` or `id_token token`)',
    checks:
      '`response_types_supported` offers no Implicit Flow response type with `id_token` (e.g. a code-only provider).',
    fix: 'Enable the Implicit Flow with ID tokens for the Mender application and advertise `id_token`.',
  },
  'mender-response-mode': {
    group: 'mender',
    levels: ['off', W, 'off'],
    source:
      'OAuth 2.0 Multiple Response Type Encoding Practices §3 (`id_token`: default mode `fragment`, never `query`); Discovery 1.0 §3',
    checks:
      "`response_modes_supported` is given without `fragment`, the Implicit Flow's default mode (Mender's docs name no mode).",
    fix: 'Support the `fragment` response mode (and list it), or confirm with a test login that Mender gets its tokens.',
  },
  'mender-email-claim': {
    group: 'mender',
    levels: ['off', W, 'off'],
    source:
      'Mender SSO documentation (ID tokens without `email` are rejected); Discovery 1.0 §3 (`claims_supported`)',
    checks:
      '`claims_supported` is given without `email`: Mender looks users up by the `email` claim and rejects tokens without it.',
    fix: 'Make the provider put `email` in ID tokens for the Mender application (and list it in `claims_supported`).',
  },
  'mender-authorization-endpoint': {
    group: 'mender',
    levels: ['off', E, 'off'],
    source:
      'Discovery 1.0 §3 (`authorization_endpoint` MUST use https); Core §3.1.2, §3.2.2 (the browser is sent there); Mender SSO documentation',
    checks:
      '`authorization_endpoint` is empty, not https://, or on a single-label, local or private host: Mender sends browsers there.',
    fix: "Publish the authorization endpoint at an https:// URL on a host your users' browsers can reach.",
  },
  'mender-par-required': {
    group: 'mender',
    levels: ['off', E, I],
    source:
      'RFC 9126 §5 (`require_pushed_authorization_requests`: request data only via PAR); Mender SSO documentation (a plain redirect)',
    checks:
      '`require_pushed_authorization_requests` is true: the provider refuses plain authorization requests, the only kind Mender sends.',
    fix: 'Turn off the PAR requirement for the Mender application.',
  },
} as const satisfies Record<string, RuleSpec>;
