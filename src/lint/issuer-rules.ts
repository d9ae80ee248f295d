import type { Location, Observation } from './findings.js';
import { shown } from './shown.js';
import { nonPublicReason } from './hosts.js';
import { discoveryUrlOf, isDiscoveryUrlOf } from './well-known.js';

/** What a document's `issuer` is compared with. */
export interface IssuerExpectation {
  /** The issuer URL it was fetched for: must match byte for byte. */
  issuer?: string;
  /** The discovery URL it was named by (Mender's well_known_url): the issuer must lead back to it. */
  discoveryUrl?: string;
}

/**
 * Checks an `issuer` value on its own and against what it was fetched for, byte for byte: Mondoo compares
 * the token's `iss` with the registered issuer exactly.
 */
export function checkIssuer(issuer: string, expected: IssuerExpectation, location?: Location): Observation[] {
  const observations: Observation[] = [];
  const note = (rule: Observation['rule'], message: string, fix?: string) =>
    observations.push({ rule, message, value: shown(issuer), location, fix });

  if (expected.discoveryUrl !== undefined && !isDiscoveryUrlOf(issuer, expected.discoveryUrl)) {
    note(
      'issuer-mismatch',
      `\`issuer\` is ${shown(issuer)}, whose discovery URL is ${shown(discoveryUrlOf(issuer))}, not ${shown(expected.discoveryUrl)} where the document was read.`,
    );
  }
  checkAgainst(issuer, expected.issuer, note);
  checkShape(issuer, note);
  observations.push(...checkPublicHost('issuer', issuer, location));
  return observations;
}

type Note = (rule: Observation['rule'], message: string, fix?: string) => void;

function checkAgainst(issuer: string, expected: string | undefined, note: Note): void {
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
}

function checkShape(issuer: string, note: Note): void {
  const isTemplate = /\{[^}]*\}/.test(issuer);
  if (isTemplate) {
    note('issuer-template', '`issuer` is a template, not a URL a token can carry.');
  }
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    if (/^https:\/\//i.test(issuer)) {
      note('issuer-url-invalid', '`issuer` starts with https:// but its host or port is not valid.');
    } else {
      note(
        'issuer-not-https',
        issuer.trim() === '' ? '`issuer` is empty.' : '`issuer` is not a URL (no https:// scheme).',
      );
    }
    return;
  }
  if (url.protocol !== 'https:') {
    note('issuer-not-https', `\`issuer\` uses ${url.protocol.replace(/:$/, '')}://, not https://.`);
  }
  const hasExtraParts = Boolean(
    url.search || url.hash || url.username || url.password || /[?#]/.test(issuer),
  );
  if (hasExtraParts) {
    note('issuer-url-parts', '`issuer` has a query, a fragment or user information.');
  }
  // A bare origin normalises with a "/" path; that slash alone is not a difference worth reporting.
  const canonical = url.pathname === '/' && !issuer.endsWith('/') ? url.href.slice(0, -1) : url.href;
  if (issuer !== canonical && !hasExtraParts && !isTemplate) {
    note(
      'issuer-not-canonical',
      `\`issuer\` is not written as URLs normalise (${shown(canonical)}): a validator that normalises will not match it byte for byte.`,
    );
  }
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*:\d*(?=[/?#]|$)/i.test(issuer)) {
    note('issuer-port', `\`issuer\` names port ${url.port || 'explicitly'}.`);
  }
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
