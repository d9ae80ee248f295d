import type { Location, Observation } from './findings.js';
import { shown } from './findings.js';
import { nonPublicReason } from './hosts.js';

/**
 * Checks an `issuer` value on its own and against the URL it was fetched for (`expected`), byte for byte:
 * Mondoo compares the token's `iss` with the registered issuer exactly.
 */
export function checkIssuer(
  issuer: string,
  expected: string | undefined,
  location?: Location,
): Observation[] {
  const observations: Observation[] = [];
  const note = (rule: Observation['rule'], message: string, fix?: string) =>
    observations.push({ rule, message, value: shown(issuer), location, fix });

  if (expected !== undefined && issuer !== expected) {
    if (issuer.replace(/\/+$/, '') === expected.replace(/\/+$/, '')) {
      note(
        'issuer-trailing-slash',
        `\`issuer\` is ${shown(issuer)} but the document was fetched for ${shown(expected)}: only a trailing slash differs.`,
        `Register and use ${shown(issuer)} exactly (what tokens carry in \`iss\`), or make the provider drop or add the slash.`,
      );
    } else {
      note(
        'issuer-mismatch',
        `\`issuer\` is ${shown(issuer)} but the document was fetched for ${shown(expected)}.`,
      );
    }
  }
  if (/\{[^}]*\}/.test(issuer)) {
    note('issuer-template', '`issuer` is a template, not a URL a token can carry.');
  }
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    note('issuer-not-https', '`issuer` is not a URL (no https:// scheme).');
    return observations;
  }
  if (url.protocol !== 'https:') {
    note('issuer-not-https', `\`issuer\` uses ${url.protocol.replace(/:$/, '')}://, not https://.`);
  }
  if (url.search || url.hash || url.username || url.password || /[?#]/.test(issuer)) {
    note('issuer-url-parts', '`issuer` has a query, a fragment or user information.');
  }
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*:\d*(?=[/?#]|$)/i.test(issuer)) {
    note('issuer-port', `\`issuer\` names port ${url.port || 'explicitly'}.`);
  }
  observations.push(...checkPublicHost('issuer', issuer, location));
  return observations;
}

/** A URL member (`issuer`, `jwks_uri`) on a host Mondoo's cloud cannot reach, judged from the name alone. */
export function checkPublicHost(member: string, value: string, location?: Location): Observation[] {
  let hostname: string;
  try {
    hostname = new URL(value).hostname;
  } catch {
    return [];
  }
  const reason = nonPublicReason(hostname);
  if (!reason) return [];
  return [
    {
      rule: 'host-not-public',
      message: `\`${member}\` is on ${shown(hostname)}, ${reason}.`,
      value: shown(value),
      location,
    },
  ];
}
