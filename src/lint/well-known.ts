const WELL_KNOWN_SUFFIX = '/.well-known/openid-configuration';

/** The issuer a well-known URL belongs to: the URL without its /.well-known/openid-configuration suffix. */
export function issuerOfWellKnownUrl(url: string): string | undefined {
  return url.endsWith(WELL_KNOWN_SUFFIX) ? url.slice(0, -WELL_KNOWN_SUFFIX.length) : undefined;
}

export function discoveryUrlOf(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}${WELL_KNOWN_SUFFIX}`;
}

/** RFC 8414 §3.1: the well-known segment goes between the host and the issuer's path. */
export function insertedDiscoveryUrl(issuer: string): string | undefined {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return undefined;
  }
  const path = url.pathname.replace(/\/+$/, '');
  return path ? `${url.origin}${WELL_KNOWN_SUFFIX}${path}` : undefined;
}

/**
 * Whether `url` is where `issuer`'s discovery document lives, in the OIDC or the RFC 8414 form, comparing
 * parsed URLs: the origin's case and a query (Entra adds ?appid=...) do not matter.
 */
export function isDiscoveryUrlOf(issuer: string, url: string): boolean {
  const target = comparable(url);
  return (
    target !== undefined &&
    [discoveryUrlOf(issuer), insertedDiscoveryUrl(issuer)].some(
      (candidate) => candidate !== undefined && comparable(candidate) === target,
    )
  );
}

function comparable(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    parsed.search = '';
    parsed.hash = '';
    return parsed.href;
  } catch {
    return undefined;
  }
}
