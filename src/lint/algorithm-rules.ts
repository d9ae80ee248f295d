import { acceptedBy, isSymmetric, MENDER_ALGS } from './algorithms.js';
import type { Profile } from './profiles.js';
import type { LoadedDocument } from './fetch.js';
import type { Observation } from './findings.js';
import { shown } from './shown.js';
import type { SigningKey } from './jwks-rules.js';

/** The advertised algorithms as strings; members of the wrong type are reported by the member checks. */
export function advertisedAlgs(document: LoadedDocument | undefined): string[] {
  const list = document?.value.id_token_signing_alg_values_supported;
  return Array.isArray(list) ? list.filter((alg): alg is string => typeof alg === 'string') : [];
}

/**
 * Whether the target can verify this provider's tokens: an advertised algorithm it accepts, served by a key.
 * `keys` is undefined when no key set could be read (then only the algorithm list is judged).
 */
export function checkAlgorithms(
  document: LoadedDocument,
  keys: readonly SigningKey[] | undefined,
  profile: Profile,
): Observation[] {
  const list = document.value.id_token_signing_alg_values_supported;
  if (!Array.isArray(list)) return checkMenderClientAuth(document, profile);
  const location = document.locate('/id_token_signing_alg_values_supported');
  const advertised = advertisedAlgs(document);
  const observations: Observation[] = [];
  const note = (rule: Observation['rule'], message: string, value?: string) =>
    observations.push({ rule, message, value, location });

  if (!advertised.includes('RS256'))
    note('alg-rs256-missing', 'RS256 is not advertised (Discovery 1.0 §3 requires it).', shown(advertised));
  if (advertised.includes('EdDSA'))
    note(
      'alg-eddsa-deprecated',
      '`EdDSA` is advertised: RFC 9864 deprecates it for Ed25519 and Ed448.',
      '"EdDSA"',
    );
  if (advertised.includes('none')) note('alg-none', '`none` is advertised: unsigned ID tokens.', '"none"');
  const symmetric = advertised.filter(isSymmetric);
  if (symmetric.length > 0) note('alg-symmetric', `${symmetric.join(', ')} advertised.`, shown(symmetric));

  const accepted = advertised.filter((alg) => acceptedBy(profile, alg));
  const served = keys ? accepted.filter((alg) => keys.some((key) => key.algs.includes(alg))) : accepted;
  if (served.length === 0) {
    const keyAlgs = keys ? [...new Set(keys.flatMap((key) => key.algs))] : [];
    const why =
      accepted.length === 0
        ? `none of ${shown(advertised)} is accepted by ${profile}`
        : `the keys serve ${keyAlgs.length > 0 ? keyAlgs.join(', ') : 'nothing'}, not ${accepted.join(', ')}`;
    note('alg-unusable', `No usable signing algorithm: ${why}.`, shown(advertised));
  } else if (keys) {
    const keyless = accepted.filter((alg) => !served.includes(alg));
    if (keyless.length > 0) {
      note(
        'alg-without-key',
        `${keyless.join(', ')} advertised, but no key in the JWKS serves ${keyless.length === 1 ? 'it' : 'them'}.`,
        shown(keyless),
      );
    }
  }
  if (served.length > 0 && profile === 'mender' && served.every((alg) => alg === 'RS256')) {
    note(
      'alg-mender-rs256',
      "Only RS256 is usable: it is outside Mender's documented list, although Mender's own example uses it; it probably works.",
      '"RS256"',
    );
  }
  return [...observations, ...checkMenderClientAuth(document, profile)];
}

function checkMenderClientAuth(document: LoadedDocument, profile: Profile): Observation[] {
  const list = document.value.token_endpoint_auth_signing_alg_values_supported;
  if (profile !== 'mender' || !Array.isArray(list)) return [];
  if (list.some((alg) => typeof alg === 'string' && MENDER_ALGS.includes(alg))) return [];
  return [
    {
      rule: 'mender-auth-alg',
      message: 'No client-authentication signing algorithm Mender supports is listed.',
      value: shown(list),
      location: document.locate('/token_endpoint_auth_signing_alg_values_supported'),
    },
  ];
}
