import { everyClaimRow } from '../exchange/diagnosis.js';
import { fetchToken, subjectOf } from '../exchange/exchange.js';
import { readChoice, readTimeout } from '../input-values.js';
import { Deadline } from '../retry.js';
import { pruned } from '../output/display.js';
import { visible } from '../output/escape.js';
import type { Log } from '../runner.js';
import { MIN_VALIDITY_FLOOR_SECONDS } from '../settings.js';
import type { CliIo } from './cli-io.js';
import { TOKEN_OPTIONS, tokenRequestOf } from './token-options.js';
import { chooseCliTokenSource } from './token-sources.js';
import { type CommandSpec, type ParsedCommand, stringOption } from './usage.js';

const FORMATS = ['text', 'json'] as const;

export const CLAIMS_COMMAND: CommandSpec = {
  name: 'claims',
  summary:
    "Prints the CI token's claims (none of them secret) and the exact issuer and subject to register in Mondoo. The token itself is never printed.",
  options: {
    audience: {
      type: 'string',
      value: 'A',
      help: "aud to ask for, where the CI system takes one: GitHub, Buildkite (default: the system's own).",
    },
    ...TOKEN_OPTIONS,
    format: { type: 'string', value: 'F', help: 'text (default) or json.' },
    timeout: { type: 'string', value: 'S', help: 'Seconds to wait for the token (default 60).' },
  },
  footer: [
    'Example:',
    '  mondoo-keyless claims --ci github --audience //captain.api.mondoo.app/spaces/<space-id>',
  ],
};

export async function claimsCommand(parsed: ParsedCommand, io: CliIo, log: Log): Promise<void> {
  const { values } = parsed;
  const request = tokenRequestOf(values, 'claims');
  const format = readChoice('format', stringOption(values, 'format'), FORMATS, 'text');
  const timeoutSeconds = readTimeout(stringOption(values, 'timeout'));
  const audience = stringOption(values, 'audience').trim();
  const needs = { audience, minValiditySeconds: MIN_VALIDITY_FLOOR_SECONDS };
  const source = await chooseCliTokenSource(request, needs, { ...io, log });
  const token = await fetchToken(source, log, new Deadline(timeoutSeconds * 1000));
  const subject = subjectOf(token);
  if (format === 'json') {
    const claims = pruned(token.claims);
    io.writeOut(`${JSON.stringify({ issuer: token.issuer, subject, claims }, null, 2)}\n`);
    return;
  }
  // Claim names come from the token's issuer as much as their values do.
  const rows = everyClaimRow(token.claims, io.nowSeconds()).map(([name, value]): [string, string] => [
    visible(name),
    value,
  ]);
  const width = Math.max(...rows.map(([name]) => name.length)) + 2;
  io.writeOut(
    [
      `Claims of ${source.label.replace(/^The /, 'the ')} (not secret):`,
      ...rows.map(([name, value]) => `  ${`${name}:`.padEnd(width)}${value}`),
      '',
      'Register in Mondoo (matched byte for byte, case-sensitive):',
      `  issuer:  ${visible(token.issuer)}`,
      `  subject: ${subject ? visible(subject) : '(the token has no sub claim)'}`,
      '',
    ].join('\n'),
  );
}
