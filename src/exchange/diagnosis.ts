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

/*
 * GitHub's subjects. GitHub's docs (github/docs content/actions/reference/security/oidc.md, "Immutable subject
 * claims") say repositories created after July 15, 2026, renamed or transferred after it, or opted in, carry
 * `repo:OWNER@OWNER-ID/REPO@REPO-ID:...`; GitHub's earlier changelog (2026-04-23) gave June 18 and a hyphen
 * form, which the docs replaced. Hints therefore never assume a form or a date: they show the form the token
 * carries and how to read the repository's setting. The REST answer of
 * GET /repos/{owner}/{repo}/actions/oidc/customization/sub has `sub_claim_prefix`, the prefix tokens really
 * carry; `use_immutable_subject` only says whether the repository opted in itself (new repositories show
 * `false` with an `@` prefix), so hints point at `sub_claim_prefix`.
 */
const GITHUB_ID_FORM = /^repo:[^/:@]+@\d+\/[^:@]+@\d+:/;
const GITHUB_NAME_FORM = /^repo:[^/:@]+\/[^:@]+:/;

/** Targeted advice for why Mondoo would not match this token to a provider. */
export function hintsFor(error: ActionError, claims: JWTPayload | undefined): string[] {
  if (!claims || !IDENTITY_FAILURES.has(error.kind)) return [];
  const hints: string[] = [];
  const rawSub = typeof claims.sub === 'string' ? claims.sub : undefined;
  const sub = rawSub === undefined ? undefined : visible(rawSub);
  if (rawSub !== undefined && sub) {
    hints.push(
      `The subject of the provider in Mondoo must match this token's \`sub\`: ${JSON.stringify(sub)}. Matching is case-sensitive: "Octo-Org" and "octo-org" are different subjects.`,
    );
    const fromGitHub = typeof claims.iss === 'string' && isGitHubIssuer(claims.iss);
    if (fromGitHub && (GITHUB_ID_FORM.test(rawSub) || GITHUB_NAME_FORM.test(rawSub))) {
      hints.push(subjectFormHint(rawSub, claims.repository));
    }
    if (rawSub.endsWith(':pull_request')) {
      hints.push(
        'Pull request runs carry a subject ending in `:pull_request`, not the branch form: match that subject too if pull request jobs should authenticate.',
      );
    }
    if (rawSub.includes(':environment:')) {
      hints.push(
        'Jobs that use an `environment:` carry a subject with `:environment:NAME` where the branch form has `:ref:...`: match the environment subject.',
      );
    }
  }
  const workflowRef = typeof claims.workflow_ref === 'string' ? visible(claims.workflow_ref) : undefined;
  const jobWorkflowRef =
    typeof claims.job_workflow_ref === 'string' ? visible(claims.job_workflow_ref) : undefined;
  if (jobWorkflowRef !== undefined && workflowRef !== undefined && jobWorkflowRef !== workflowRef) {
    hints.push(
      `This job runs in the reusable workflow ${JSON.stringify(jobWorkflowRef)}, called from ${JSON.stringify(workflowRef)}. The subject names the caller's repository; a condition on the reusable workflow must use \`job_workflow_ref\`.`,
    );
  }
  const iss = typeof claims.iss === 'string' ? visible(claims.iss) : '';
  if (iss.startsWith(`${GITHUB_ISSUER}/`)) {
    hints.push(
      `This token comes from your enterprise's own issuer ${JSON.stringify(iss)}: register that exact issuer in Mondoo, not ${GITHUB_ISSUER}.`,
    );
  } else if (iss.endsWith('/_services/token')) {
    hints.push(
      `This token comes from GitHub Enterprise Server (${JSON.stringify(iss)}): register that exact issuer in Mondoo, and make sure Mondoo's cloud can reach its /.well-known/openid-configuration.`,
    );
  }
  return hints;
}

function isGitHubIssuer(iss: string): boolean {
  return iss === GITHUB_ISSUER || iss.startsWith(`${GITHUB_ISSUER}/`);
}

/** Which of GitHub's two subject forms this token carries, and how to read the repository's own setting. */
function subjectFormHint(sub: string, repository: unknown): string {
  const repo =
    typeof repository === 'string' && /^[^/\s]+\/[^/\s]+$/.test(repository)
      ? visible(repository)
      : 'OWNER/REPO';
  const read = `\`gh api repos/${repo}/actions/oidc/customization/sub\` shows the repository's setting: its \`sub_claim_prefix\` is the prefix its tokens carry (\`use_immutable_subject\` only says whether it opted in itself).`;
  return GITHUB_ID_FORM.test(sub)
    ? `This token carries GitHub's immutable subject form, with owner and repository ids (\`repo:OWNER@OWNER-ID/REPO@REPO-ID:...\`): a subject written with names only (\`repo:OWNER/REPO:...\`) does not match it. ${read}`
    : `This token carries GitHub's subject form with names (\`repo:OWNER/REPO:...\`); repositories that GitHub moved to the immutable form (created, renamed or transferred after its cut-over, or opted in) carry \`repo:OWNER@OWNER-ID/REPO@REPO-ID:...\` instead. Match the form the token carries. ${read}`;
}
