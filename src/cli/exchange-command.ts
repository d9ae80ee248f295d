import { ActionError } from '../errors.js';
import { maskForms, maskFormsOfAll } from '../secrets/mask-forms.js';
import { collisionSecrets, collisionWarnings } from '../exchange/collisions.js';
import { type Observed, runExchange, subjectOf, type ExchangeResult } from '../exchange/exchange.js';
import { readChoice } from '../input-values.js';
import type { Log } from '../runner.js';
import { type FileSetting, reservePrivateFile } from '../private-file.js';
import { readExchangeSettings } from '../settings.js';
import { spaceOf } from '../exchange/credential.js';
import type { CliIo } from './cli-io.js';
import { hintsFor } from '../exchange/diagnosis.js';
import { FailureWithHints } from './failure.js';
import { TOKEN_OPTIONS, tokenRequestOf } from './token-options.js';
import { chooseCliTokenSource } from './token-sources.js';
import { type CommandSpec, type ParsedCommand, stringOption } from './usage.js';

const FORMATS = ['base64', 'env', 'json'] as const;
type Format = (typeof FORMATS)[number];

const OUTPUT_FILE: FileSetting = {
  label: 'Option `--output-file`',
  fix: 'Give a file path in a folder only this job can write, e.g. under $RUNNER_TEMP or a `mktemp -d` folder.',
  mode: 0o600,
};

export const EXCHANGE_COMMAND: CommandSpec = {
  name: 'exchange',
  summary:
    "Exchanges the CI job's OIDC token for a short-lived Mondoo service account. Only the result goes to stdout; progress, warnings and errors go to stderr.",
  options: {
    audience: {
      type: 'string',
      value: 'A',
      help: 'Mondoo audience, e.g. //captain.api.mondoo.app/spaces/<space-id> (required unless --wif-config gives it).',
    },
    'universe-domain': {
      type: 'string',
      value: 'URL',
      help: 'Mondoo API base (default https://us.api.mondoo.com).',
    },
    issuer: {
      type: 'string',
      value: 'URL',
      help: "issuer_uri to send; must equal the token's iss (default: the token's iss).",
    },
    'wif-config': {
      type: 'string',
      value: 'JSON|FILE',
      help: "Mondoo's WIF config: supplies universe domain, audience and issuer.",
    },
    'token-audience': {
      type: 'string',
      value: 'A',
      help: 'aud to ask for, where the CI system takes one: GitHub, Buildkite (default: --audience).',
    },
    'min-validity': {
      type: 'string',
      value: 'S',
      help: 'Seconds the token must still be valid (default and minimum 180).',
    },
    'credential-type': {
      type: 'string',
      value: 'T',
      help: 'certificate (a key pair every Mondoo client reads, default) or token (a bearer token; cnspec on a recent mql only).',
    },
    timeout: {
      type: 'string',
      value: 'S',
      help: 'Seconds for the whole exchange, retries included (default 60).',
    },
    ...TOKEN_OPTIONS,
    format: {
      type: 'string',
      value: 'F',
      help: 'base64 (the credential alone, default), env (MONDOO_CONFIG_BASE64=...) or json.',
    },
    'output-file': {
      type: 'string',
      value: 'FILE',
      help: 'Write the result to FILE (mode 0600; never through a symlink, nor in a folder others can write) instead of stdout.',
    },
  },
  footer: [
    'Examples:',
    '  MONDOO_CONFIG_BASE64="$(mondoo-keyless exchange --token-env MONDOO_ID_TOKEN --wif-config "$MONDOO_WIF_CONFIG")"',
    '  export MONDOO_CONFIG_BASE64   # separately: `export X="$(...)"` would hide a failed exchange',
    '  mondoo-keyless exchange --wif-config wif.json --format env --output-file "$RUNNER_TEMP/mondoo.env"',
  ],
};

export async function exchangeCommand(parsed: ParsedCommand, io: CliIo, log: Log): Promise<void> {
  const { values } = parsed;
  const read = (name: string) => stringOption(values, name);
  const request = tokenRequestOf(values, 'exchange');
  for (const form of maskFormsOfAll(collisionSecrets(io.env))) log.mask(form);
  const settings = readExchangeSettings(read, io.readFile, (secret) => {
    for (const form of maskForms(secret)) log.mask(form);
  });
  for (const warning of [
    ...settings.warnings,
    ...collisionWarnings(io.env, 'cli', request.tokenEnv === 'JWT_TOKEN'),
  ])
    log.warning(warning);
  const format = readChoice<Format>('format', read('format'), FORMATS, 'base64');
  const outputFile = read('output-file');

  const needs = { audience: settings.tokenAudience, minValiditySeconds: settings.minValiditySeconds };
  const source = await chooseCliTokenSource(request, needs, { ...io, log });
  // Last check before any token is used: the credential must have somewhere to go.
  const reserved = outputFile ? reservePrivateFile(outputFile, OUTPUT_FILE) : undefined;
  const observed: Observed = {};
  let result: ExchangeResult;
  try {
    result = await runExchange(settings, source, { log, send: io.send, nowSeconds: io.nowSeconds }, observed);
  } catch (error) {
    reserved?.discard();
    if (!(error instanceof ActionError)) throw error;
    // Why Mondoo would not match the token, from its claims: what the action puts in its failure summary.
    throw new FailureWithHints(error, hintsFor(error, observed.token?.claims));
  }
  const text = formatResult(format, result);
  if (reserved) {
    reserved.commit(text);
    log.info(`Wrote the credential (${format}) to ${outputFile}, mode 0600.`);
  } else {
    io.writeOut(text);
  }
}

export function formatResult(format: Format, result: ExchangeResult): string {
  const { credential, token, issuer } = result;
  switch (format) {
    case 'base64':
      return `${credential.base64}\n`;
    case 'env':
      return `MONDOO_CONFIG_BASE64=${credential.base64}\n`;
    case 'json':
      return `${JSON.stringify(
        {
          service_account_mrn: credential.account.mrn,
          space_mrn: spaceOf(credential.account),
          api_endpoint: credential.account.api_endpoint,
          subject: subjectOf(token),
          issuer,
          credential: credential.base64,
        },
        null,
        2,
      )}\n`;
  }
}
