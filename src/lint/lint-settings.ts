import {
  hasUrlScheme,
  type InputReader,
  otherModeInputsWarning,
  readBoolean,
  readChoice,
  readTimeout,
} from '../input-values.js';
import { existsSync } from 'node:fs';
import { settingsError } from '../errors.js';
import { looksLikeHost } from './target-kind.js';
import { type Profile, PROFILES } from './profiles.js';
import { issuerOfWellKnownUrl } from './well-known.js';

export type FailOn = 'error' | 'warning' | 'never';

export interface LintSettings {
  mode: 'lint';
  /** The issuer to lint, exactly as typed: documents are compared with it byte for byte. */
  issuer: string | undefined;
  /** Set when `issuer` was given as its discovery URL: the document's issuer must lead back to it. */
  discoveryUrl?: string;
  /** Local discovery document or Mender provider JSON. */
  discovery: string | undefined;
  /** Local JWK Set, read instead of fetching jwks_uri. */
  jwks: string | undefined;
  profile: Profile;
  failOn: FailOn;
  /** Where to write the JSON report. */
  report: string | undefined;
  /** A sample ID token to check against the provider. */
  token: string | undefined;
  timeoutSeconds: number;
  /**
   * Fetch from loopback and private-range addresses too (a provider on the team's own network). Link-local
   * and cloud metadata addresses stay refused.
   */
  allowPrivateHosts: boolean;
  /**
   * Fetch nothing at all: the CLI's --offline, and always when both `discovery` and `jwks` are given. A
   * document that could only be fetched becomes a finding that asks for it as a file.
   */
  offline: boolean;
  warnings: string[];
}

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];
/** Exchange inputs without a default: setting one in lint mode is a sign of a mix-up. */
const EXCHANGE_ONLY_INPUTS = ['audience', 'universe-domain', 'wif-config', 'token-audience'];

export function readLintSettings(
  getInput: InputReader,
  pathExists: (path: string) => boolean = existsSync,
): LintSettings {
  const warnings = otherModeInputsWarning(getInput, EXCHANGE_ONLY_INPUTS, 'Lint', 'exchange');
  let issuer = getInput('issuer').trim() || undefined;
  let discoveryUrl: string | undefined;
  const withoutSlash = issuer?.replace(/\/$/, '');
  const pastedIssuer = withoutSlash && issuerOfWellKnownUrl(withoutSlash);
  if (withoutSlash && pastedIssuer !== undefined) {
    discoveryUrl = withoutSlash;
    issuer = pastedIssuer;
    warnings.push(
      `Input \`issuer\` is a discovery URL; linting the issuer it belongs to (${issuer}, with or without a trailing slash).`,
    );
  }
  if (issuer && !hasUrlScheme(issuer)) {
    if (looksLikeHost(issuer)) {
      throw settingsError(
        'issuer',
        `"${issuer}" is not a URL.`,
        `Give the full issuer URL, e.g. https://${issuer}.`,
      );
    }
    throw settingsError(
      'issuer',
      `"${issuer}" is a file path, not a URL${pathExists(issuer) ? '' : ', and there is no such file'}.`,
      'To lint a local discovery document, give its path in `discovery` (relative to the workspace: check out the repository first), and in `issuer` the URL the document must name, or nothing.',
    );
  }
  const discovery = getInput('discovery').trim() || undefined;
  if (!issuer && !discovery) {
    throw settingsError(
      'issuer',
      'is required in lint mode (or `discovery`).',
      'Set `issuer` to the provider URL to lint, e.g. https://token.actions.githubusercontent.com, or `discovery` to a local discovery document.',
    );
  }
  const jwks = getInput('jwks').trim() || undefined;
  return {
    mode: 'lint',
    issuer,
    discoveryUrl,
    discovery,
    jwks,
    profile: readChoice('profile', getInput('profile'), PROFILES, 'mondoo'),
    failOn: readChoice('fail-on', getInput('fail-on'), FAIL_ON, 'error'),
    report: getInput('report').trim() || undefined,
    token: getInput('token').trim() || undefined,
    timeoutSeconds: readTimeout(getInput('timeout')),
    allowPrivateHosts: readBoolean('allow-private-hosts', getInput('allow-private-hosts'), false),
    // The action has no `offline` input: there, giving both files is what makes a run offline.
    offline: readBoolean('offline', getInput('offline'), false) || Boolean(discovery && jwks),
    warnings,
  };
}
