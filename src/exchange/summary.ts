import type { JWTPayload } from 'jose';
import type { ActionError } from '../errors.js';
import { type ServiceAccount, spaceOf } from './credential.js';
import { claimRows, hintsFor } from './diagnosis.js';
import { cellCode, markdownTable, messageLines, messageText } from '../output/markdown.js';

export interface SuccessFacts {
  account: ServiceAccount;
  subject: string;
  issuer: string;
  exported: boolean;
}

export function successSummary(facts: SuccessFacts): string {
  return [
    '### Mondoo keyless auth: authenticated',
    '',
    table(
      ['Identity', 'Value'],
      [
        ['Service account', facts.account.mrn],
        ['Space', spaceOf(facts.account)],
        ['API endpoint', facts.account.api_endpoint],
        ['Subject', facts.subject],
        ['Issuer', facts.issuer],
      ],
    ),
    '',
    facts.exported
      ? '`MONDOO_CONFIG_BASE64` is exported for the later steps of this job.'
      : '`MONDOO_CONFIG_BASE64` is not exported (`export-env: false`): later steps get the credential only from the `credential` output.',
    '',
  ].join('\n');
}

export function failureSummary(
  error: ActionError,
  claims: JWTPayload | undefined,
  nowSeconds: number,
): string {
  // The message and fix quote values from outside (Mondoo's answer, claims): see messageText.
  const lines = ['### Mondoo keyless auth: failed', '', ...quote(error.message)];
  if (error.fix) lines.push('', `**Fix:** ${messageText(error.fix)}`);
  if (claims) {
    lines.push(
      '',
      '#### The OIDC token this job presented',
      '',
      table(['Claim', 'Value'], claimRows(claims, nowSeconds)),
    );
  }
  const hints = hintsFor(error, claims);
  if (hints.length > 0) {
    lines.push('', '#### What to check', '', ...hints.map((hint) => `- ${messageText(hint)}`));
  }
  lines.push('');
  return lines.join('\n');
}

function quote(text: string): string[] {
  return messageLines(text).map((line) => `> ${line}`);
}

function table(head: [string, string], rows: [string, string][]): string {
  return markdownTable(
    head,
    rows.map(([name, value]) => [name, cellCode(value)]),
  );
}
