import type { JWTPayload } from 'jose';
import type { ActionError } from '../errors.js';
import { displayValue } from '../output/display.js';
import { visible } from '../output/escape.js';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

/** The non-secret claims people need to register a provider or debug a refusal, in a fixed order. */
const CLAIMS_SHOWN = [
  'iss',
  'sub',
  'aud',
  'exp',
  'repository',
  'ref',
  'environment',
  'workflow_ref',
  'job_workflow_ref',
  'event_name',
  'runner_environment',
] as const;

export function claimRows(claims: JWTPayload, nowSeconds: number): [string, string][] {
  const rows: [string, string][] = [];
  for (const name of CLAIMS_SHOWN) {
    const value = claims[name];
    if (value === undefined || value === null || value === '') continue;
    if (name === 'exp' && typeof value === 'number') {
      rows.push([name, `${value} (${Math.floor(value - nowSeconds)} s left)`]);
    } else {
      rows.push([name, display(value)]);
    }
  }
  return rows;
}

/**
 * Every claim, the ones people register and debug first, then the rest by name: what the CLI's `claims`
 * command prints. Claims are the signed, public part of a token; nothing here is secret.
 */
export function everyClaimRow(claims: JWTPayload, nowSeconds: number): [string, string][] {
  const rows = claimRows(claims, nowSeconds);
  const shown = new Set(rows.map(([name]) => name));
  const rest = Object.keys(claims)
    .filter((name) => !shown.has(name))
    .sort();
  for (const name of rest) {
    const value = claims[name];
    const isTime = (name === 'iat' || name === 'nbf') && typeof value === 'number';
    rows.push([name, isTime ? `${value} (${Math.floor(nowSeconds - value)} s ago)` : display(value)]);
  }
  return rows;
}

/**
 * Claims are JSON from whoever minted the token: arrays of strings (aud) read best joined, anything else
 * as bounded JSON, strings as they are; all of it safe to print (see output/display.ts).
 */
function display(value: unknown): string {
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return displayValue(value.join(', '));
  }
  return displayValue(value);
}

const IDENTITY_FAILURES = new Set(['sts-refused', 'issuer-mismatch']);

/** Targeted advice for why Mondoo would not match this token to a provider. */
export function hintsFor(error: ActionError, claims: JWTPayload | undefined): string[] {
  if (!claims || !IDENTITY_FAILURES.has(error.kind)) return [];
  const hints: string[] = [];
  const sub = typeof claims.sub === 'string' ? visible(claims.sub) : undefined;
  if (sub) {
    hints.push(
      `Mondoo must list this exact subject: \`${sub}\`. Matching is case-sensitive: \`Octo-Org\` and \`octo-org\` are different subjects.`,
    );
    if (/^repo:[^/:]+@\d+\/[^:]+@\d+:/.test(sub)) {
      hints.push(
        'This subject uses the `repo:OWNER@id/REPO@id:...` form GitHub gives repositories created after 2026-07-15: register it with the numeric ids, as shown.',
      );
    }
    if (sub.endsWith(':pull_request')) {
      hints.push(
        'Pull request runs carry the subject `repo:OWNER/REPO:pull_request`, not a branch subject: register that subject too if pull request jobs should authenticate.',
      );
    }
    if (sub.includes(':environment:')) {
      hints.push(
        'Jobs that use an `environment:` carry the subject `repo:OWNER/REPO:environment:NAME` instead of the branch form: register the environment subject.',
      );
    }
  }
  const workflowRef = typeof claims.workflow_ref === 'string' ? visible(claims.workflow_ref) : undefined;
  const jobWorkflowRef =
    typeof claims.job_workflow_ref === 'string' ? visible(claims.job_workflow_ref) : undefined;
  if (jobWorkflowRef !== undefined && workflowRef !== undefined && jobWorkflowRef !== workflowRef) {
    hints.push(
      `This job runs in the reusable workflow \`${jobWorkflowRef}\`, called from \`${workflowRef}\`. The subject names the caller's repository; a condition on the reusable workflow must use \`job_workflow_ref\`.`,
    );
  }
  const iss = typeof claims.iss === 'string' ? visible(claims.iss) : '';
  if (iss.startsWith(`${GITHUB_ISSUER}/`)) {
    hints.push(
      `This token comes from your enterprise's own issuer \`${iss}\`: register that exact issuer in Mondoo, not ${GITHUB_ISSUER}.`,
    );
  } else if (iss.endsWith('/_services/token')) {
    hints.push(
      `This token comes from GitHub Enterprise Server (\`${iss}\`): register that exact issuer in Mondoo, and make sure Mondoo's cloud can reach its /.well-known/openid-configuration.`,
    );
  }
  return hints;
}
