import { settingsError } from './errors.js';
import {
  type InputReader,
  otherModeInputsWarning,
  readBoolean,
  readChoice,
  readTimeout,
  readWholeNumber,
} from './input-values.js';
import { type LintSettings, readLintSettings } from './lint/lint-settings.js';
import { normalizeUniverseDomain } from './universe-domain.js';
import { JWT_TOKEN_IN_WIF_CONFIG, loadWifConfig, type MaskSecret, type WifConfig } from './wif-config.js';
import { CREDENTIAL_TYPES, type CredentialType } from './exchange/credential.js';

/** GitHub's tokens live about 300 s; Mondoo wants at least 180 s left when it sees one. */
export const MIN_VALIDITY_FLOOR_SECONDS = 180;
const MAX_MIN_VALIDITY_SECONDS = 3600;
export const GITHUB_TOKEN_LIFETIME_SECONDS = 300;
export const ISSUER_FROM_INPUT = 'Input `issuer`';
export const ISSUER_FROM_WIF_CONFIG = '`issuerUri` in `wif-config`';
/** Lint inputs set away from their default: a sign of a mix-up in exchange mode. */
const LINT_ONLY_INPUTS = ['discovery', 'jwks', 'report', 'allow-private-hosts'];

export type Mode = 'exchange' | 'lint';

/** The settings of whichever mode the step runs in. */
export type StepSettings = Settings | LintSettings;

/** Every input of exchange mode, read once and validated. */
export interface Settings {
  mode: 'exchange';
  universeDomain: string;
  audience: string;
  /** The issuer_uri to send; undefined means "the token's own iss". */
  issuer: string | undefined;
  /** Where `issuer` came from, for messages: the input or the WIF config. */
  issuerSource: string;
  /** A token the user passed in, instead of the runner's. */
  token: string | undefined;
  /** The aud to ask the runner's token service for. */
  tokenAudience: string;
  /** `token-audience` as set by the user (undefined when it defaults to `audience`). */
  explicitTokenAudience: string | undefined;
  minValiditySeconds: number;
  /** What to ask Mondoo for: a key pair (default, no `response_type` sent) or a bearer token. */
  credentialType: CredentialType;
  exportEnv: boolean;
  timeoutSeconds: number;
  /** Things that work but look like a mistake. */
  warnings: string[];
}

export function readSettings(
  getInput: InputReader,
  readFile?: (path: string) => string,
  mask?: MaskSecret,
): StepSettings {
  return readMode(getInput('mode')) === 'lint'
    ? readLintSettings(getInput)
    : readExchangeSettings(getInput, readFile, mask);
}

/** `mask` registers secrets found while reading (a `jwtToken` in `wif-config`) before anything can print. */
export function readExchangeSettings(
  getInput: InputReader,
  readFile?: (path: string) => string,
  mask?: MaskSecret,
): Settings {
  const wifText = getInput('wif-config').trim();
  const wif: WifConfig = wifText ? loadWifConfig(wifText, readFile, mask) : {};
  // allow-private-hosts has the default `false` in action.yml, so only `true` counts as set.
  const setForLint: InputReader = (name) =>
    name === 'allow-private-hosts' && getInput(name).trim().toLowerCase() === 'false' ? '' : getInput(name);
  const warnings = otherModeInputsWarning(setForLint, LINT_ONLY_INPUTS, 'Exchange', 'lint');
  if (wif.hadJwtToken) warnings.push(JWT_TOKEN_IN_WIF_CONFIG);

  const explicitUniverse = getInput('universe-domain').trim();
  const universeDomain = explicitUniverse
    ? normalizeUniverseDomain(explicitUniverse)
    : normalizeUniverseDomain(wif.universeDomain ?? '', 'wif-config');

  const audience = getInput('audience').trim() || wif.audience || '';
  if (!audience) {
    throw settingsError(
      'audience',
      'is required for the exchange.',
      'Set `audience` to the audience Mondoo shows for your workload identity provider, e.g. //captain.api.mondoo.app/spaces/<space-id>, or pass `wif-config`.',
    );
  }
  if (!audience.startsWith('//')) {
    const from = getInput('audience').trim() ? 'Input `audience`' : '`audience` in `wif-config`';
    warnings.push(
      `${from} is "${audience}"; Mondoo audiences look like //captain.api.mondoo.app/spaces/<space-id>. If the exchange fails, copy the audience from Mondoo's provider page.`,
    );
  }

  const explicitIssuer = getInput('issuer').trim();
  const issuer = explicitIssuer || wif.issuerUri || undefined;
  const issuerSource = explicitIssuer || !wif.issuerUri ? ISSUER_FROM_INPUT : ISSUER_FROM_WIF_CONFIG;
  const token = getInput('token').trim() || undefined;
  const explicitTokenAudience = getInput('token-audience').trim() || undefined;
  const tokenAudience = explicitTokenAudience ?? audience;

  const minValiditySeconds = readMinValidity(getInput('min-validity'));
  return {
    mode: 'exchange',
    universeDomain,
    audience,
    issuer,
    issuerSource,
    token,
    tokenAudience,
    explicitTokenAudience,
    minValiditySeconds,
    credentialType: readChoice<CredentialType>(
      'credential-type',
      getInput('credential-type'),
      CREDENTIAL_TYPES,
      'certificate',
    ),
    exportEnv: readBoolean('export-env', getInput('export-env'), true),
    timeoutSeconds: readTimeout(getInput('timeout')),
    warnings,
  };
}

function readMode(raw: string): Mode {
  const value = raw.trim().toLowerCase() || 'exchange';
  if (value === 'exchange' || value === 'lint') return value;
  throw settingsError('mode', `"${raw.trim()}" is not a mode.`, 'Use `exchange` (the default) or `lint`.');
}

function readMinValidity(raw: string): number {
  const seconds = readWholeNumber(
    'min-validity',
    raw,
    MIN_VALIDITY_FLOOR_SECONDS,
    0,
    Number.MAX_SAFE_INTEGER,
  );
  if (seconds < MIN_VALIDITY_FLOOR_SECONDS) {
    throw settingsError(
      'min-validity',
      `${seconds} seconds is below the floor of ${MIN_VALIDITY_FLOOR_SECONDS}: a token needs at least 3 minutes left to reach Mondoo and be exchanged safely.`,
      `Set it to ${MIN_VALIDITY_FLOOR_SECONDS} or more, or leave it unset.`,
    );
  }
  if (seconds > MAX_MIN_VALIDITY_SECONDS) {
    throw settingsError(
      'min-validity',
      `${seconds} is outside ${MIN_VALIDITY_FLOOR_SECONDS}..${MAX_MIN_VALIDITY_SECONDS} seconds.`,
      `Use ${MIN_VALIDITY_FLOOR_SECONDS} (the default) unless your tokens live longer.`,
    );
  }
  return seconds;
}
