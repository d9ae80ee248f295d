import type { LoadedDocument } from './fetch.js';
import { type Observation } from './findings.js';
import { isObject } from '../json.js';

/** Mender's SSO provider JSON: `{name, client_id?, client_secret?, well_known_url}` or `{..., settings: {...}}`. */
export interface MenderProvider {
  wellKnownUrl: string | undefined;
  /** The discovery fields given inline, as a document of their own. */
  settings: LoadedDocument | undefined;
  /** The client secret, if the file holds one: masked by the step, never shown. */
  clientSecret: string | undefined;
  observations: Observation[];
}

/** Undefined when the file is a plain discovery document rather than a Mender provider. */
export function asMenderProvider(file: LoadedDocument): MenderProvider | undefined {
  const { value, locate } = file;
  const isProvider =
    'well_known_url' in value || 'settings' in value || ('client_id' in value && !('issuer' in value));
  if (!isProvider) return undefined;
  const observations: Observation[] = [];
  const wellKnownUrl = typeof value.well_known_url === 'string' ? value.well_known_url : undefined;
  const settings = isObject(value.settings)
    ? {
        where: `${file.where} (settings)`,
        value: value.settings,
        locate: (pointer: string) => locate(`/settings${pointer}`),
      }
    : undefined;
  if (typeof value.name !== 'string' || (!wellKnownUrl && !settings)) {
    const lacking = [
      typeof value.name !== 'string' ? '`name`' : '',
      !wellKnownUrl && !settings ? '`well_known_url` or `settings`' : '',
    ]
      .filter(Boolean)
      .join(' and ');
    observations.push({
      rule: 'mender-provider-invalid',
      message: `The Mender provider lacks ${lacking}.`,
      location: locate(''),
    });
  }
  const clientSecret =
    typeof value.client_secret === 'string' && value.client_secret !== '' ? value.client_secret : undefined;
  if (clientSecret) {
    // The value is never shown: it is the secret.
    observations.push({
      rule: 'mender-client-secret',
      message: `${file.where} holds a client_secret.`,
      value: 'client_secret',
      location: locate('/client_secret'),
    });
  }
  return { wellKnownUrl, settings, clientSecret, observations };
}
