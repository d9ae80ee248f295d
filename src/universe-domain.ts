import { settingsError } from './errors.js';
import { hasUrlScheme } from './input-values.js';

export const DEFAULT_UNIVERSE_DOMAIN = 'https://us.api.mondoo.com';
export const EXCHANGE_PATH = '/SecureTokenService/ExchangeExternalToken';

/**
 * Turns what people paste (a bare host, a trailing slash, the full exchange URL) into the API base,
 * and refuses anything that would send the token in clear text or somewhere odd.
 */
export function normalizeUniverseDomain(raw: string, input = 'universe-domain'): string {
  const value = raw.trim();
  if (value === '') return DEFAULT_UNIVERSE_DOMAIN;
  // Never repeat a password someone put in the URL: all of the authority up to its last @ goes.
  const shown = value.replace(/\/\/[^/?#]*@/, '//***@');
  const withScheme = hasUrlScheme(value) ? value : `https://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw settingsError(
      input,
      `"${shown}" is not a URL.`,
      `Use the API base Mondoo shows as universeDomain, e.g. ${DEFAULT_UNIVERSE_DOMAIN}.`,
    );
  }
  if (url.protocol === 'http:') {
    throw settingsError(
      input,
      `"${shown}" uses http://, which would send the OIDC token unencrypted.`,
      `Use https://${url.host}${apiPath(url.pathname)}.`,
    );
  }
  if (url.protocol !== 'https:') {
    throw settingsError(input, `"${shown}" is not an https:// URL.`, `Use e.g. ${DEFAULT_UNIVERSE_DOMAIN}.`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw settingsError(
      input,
      'must not carry credentials, a query or a fragment.',
      `Use only the scheme and host, e.g. ${DEFAULT_UNIVERSE_DOMAIN}.`,
    );
  }
  return `${url.origin}${apiPath(url.pathname)}`;
}

/** The path part of the API base: no trailing slash, no pasted exchange endpoint. */
function apiPath(pathname: string): string {
  const path = pathname.replace(/\/+$/, '');
  if (!path.toLowerCase().endsWith(EXCHANGE_PATH.toLowerCase())) return path;
  return path.slice(0, -EXCHANGE_PATH.length).replace(/\/+$/, '');
}

export function exchangeUrl(universeDomain: string): string {
  return `${universeDomain}${EXCHANGE_PATH}`;
}
