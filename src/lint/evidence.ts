import type { Send } from '../http.js';
import { Deadline } from '../retry.js';
import { type FetchContext, type FetchRecord, fetchJson, type LoadedDocument } from './fetch.js';
import type { Observation } from './findings.js';
import { shown } from './shown.js';
import { inspectJwks, type JwksVerdict } from './jwks-rules.js';
import type { LintSettings } from './lint-settings.js';
import { type ReadFile, readLocalJson } from './local-file.js';
import { asMenderProvider } from './mender-provider.js';
import { inspectToken, type TokenVerdict } from './token-rules.js';
import { discoveryUrlOf, insertedDiscoveryUrl } from './well-known.js';

export interface LintIo {
  send: Send;
  readFile: ReadFile;
  nowSeconds: () => number;
}

/** Everything read about a provider, before any profile judges it. */
export interface Evidence {
  /** What the document's `issuer` must equal byte for byte: the issuer input. */
  expectedIssuer: string | undefined;
  /**
   * When the document was named by its discovery URL instead (a Mender well_known_url, or a pasted discovery
   * URL), the issuer only has to lead to that URL: with or without a trailing slash, both do.
   */
  expectedDiscoveryUrl: string | undefined;
  discovery: LoadedDocument | undefined;
  jwks: JwksVerdict | undefined;
  token: TokenVerdict | undefined;
  /** Findings made while reading: fetch failures, redirects, the Mender provider file. */
  observations: Observation[];
  fetches: FetchRecord[];
  /** Secrets found in the inputs (a Mender client_secret, private JWK members): the step masks them. */
  secrets: string[];
}

/** Reads the discovery document and JWKS (from files or the network) and inspects the keys and token. */
export async function gatherEvidence(settings: LintSettings, io: LintIo): Promise<Evidence> {
  const context: FetchContext = {
    send: io.send,
    deadline: new Deadline(settings.timeoutSeconds * 1000),
    records: [],
    reach: settings.allowPrivateHosts ? 'private' : 'public',
  };
  const observations: Observation[] = [];
  const expectedIssuer = settings.discoveryUrl ? undefined : settings.issuer;
  let expectedDiscoveryUrl = settings.discoveryUrl;
  let discovery: LoadedDocument | undefined;
  const secrets: string[] = [];

  if (settings.discovery) {
    const file = readLocalJson('discovery', settings.discovery, io.readFile, observations);
    const provider = file && asMenderProvider(file);
    if (provider) {
      observations.push(...provider.observations);
      if (provider.clientSecret) secrets.push(provider.clientSecret);
      discovery = provider.settings;
      if (!discovery && provider.wellKnownUrl) {
        if (!expectedIssuer) expectedDiscoveryUrl ??= provider.wellKnownUrl;
        discovery = settings.offline
          ? notFetched(
              observations,
              provider.wellKnownUrl,
              'the discovery document its `well_known_url` names',
            )
          : await fetchJson(provider.wellKnownUrl, 'discovery document', context, observations);
      }
    } else {
      discovery = file;
    }
  } else if (settings.issuer) {
    discovery = settings.offline
      ? notFetched(observations, discoveryUrlOf(settings.issuer), "the issuer's discovery document")
      : await fetchDiscovery(settings.issuer, context, observations);
  }

  let jwksDocument: LoadedDocument | undefined;
  if (settings.jwks) {
    jwksDocument = readLocalJson('jwks', settings.jwks, io.readFile, observations);
  } else {
    const jwksUri = discovery?.value.jwks_uri;
    // A non-https jwks_uri is reported by the document checks and not fetched.
    if (typeof jwksUri === 'string' && jwksUri.startsWith('https://')) {
      jwksDocument = settings.offline
        ? notFetched(observations, jwksUri, 'the JWK Set')
        : await fetchJson(jwksUri, 'JWKS', context, observations);
    }
  }
  const now = io.nowSeconds();
  const jwks = jwksDocument ? await inspectJwks(jwksDocument.value, jwksDocument.locate, now) : undefined;
  const documentIssuer = typeof discovery?.value.issuer === 'string' ? discovery.value.issuer : undefined;
  const token = settings.token
    ? await inspectToken(settings.token, expectedIssuer ?? documentIssuer, jwks, now)
    : undefined;
  secrets.push(...(jwks?.secrets ?? []));
  return {
    expectedIssuer,
    expectedDiscoveryUrl,
    discovery,
    jwks,
    token,
    observations,
    fetches: context.records,
    secrets,
  };
}

/** Offline, a document that only a fetch could give is a finding that asks for it as a file. */
function notFetched(observations: Observation[], url: string, what: string): undefined {
  observations.push({
    rule: 'offline-not-fetched',
    message: `Offline: ${what} is at ${shown(url)}, and nothing is fetched.`,
    value: shown(url),
  });
  return undefined;
}

/**
 * Fetches {issuer}/.well-known/openid-configuration. When that fails for an issuer with a path, tries the
 * RFC 8414 inserted form too, and says so if only that one answers.
 */
async function fetchDiscovery(
  issuer: string,
  context: FetchContext,
  observations: Observation[],
): Promise<LoadedDocument | undefined> {
  const url = discoveryUrlOf(issuer);
  const document = await fetchJson(url, 'discovery document', context, observations);
  const inserted = insertedDiscoveryUrl(issuer);
  if (document || !inserted || !inserted.startsWith('https://')) return document;

  const fallbackObservations: Observation[] = [];
  const fallback = await fetchJson(inserted, 'RFC 8414 discovery document', context, fallbackObservations);
  if (!fallback) return undefined;
  observations.push(...fallbackObservations, {
    rule: 'discovery-rfc8414-form',
    message: `Nothing usable at ${url}, but the RFC 8414 form ${inserted} answers; it was linted instead.`,
    value: shown(inserted),
  });
  return fallback;
}
