import { isObject } from '../json.js';

/**
 * Why GitHub gave this job no OIDC token service, in the user's terms. GitHub leaves
 * ACTIONS_ID_TOKEN_REQUEST_URL unset when the job lacks `id-token: write`, and always for pull requests from
 * forks and for Dependabot runs, where no permission setting can turn it on.
 */
export interface MissingTokenContext {
  runningOnGitHub: boolean;
  eventName: string | undefined;
  actor: string | undefined;
  /** The parsed event payload, when GITHUB_EVENT_PATH was readable. */
  event: Record<string, unknown> | undefined;
}

export interface MissingTokenExplanation {
  cause: 'not-github' | 'fork-pull-request' | 'dependabot' | 'missing-permission';
  message: string;
  fix: string;
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment']);

export function explainMissingTokenService(context: MissingTokenContext): MissingTokenExplanation {
  if (!context.runningOnGitHub) {
    return {
      cause: 'not-github',
      message: 'This is not a GitHub Actions job, so there is no runner token service to ask.',
      fix: "Pass your CI system's OIDC token in the `token` input.",
    };
  }
  if (context.actor === 'dependabot[bot]' || senderLogin(context.event) === 'dependabot[bot]') {
    return {
      cause: 'dependabot',
      message: 'GitHub issues no OIDC token to runs triggered by Dependabot.',
      fix: "Skip this step for Dependabot (`if: github.actor != 'dependabot[bot]'`) and authenticate on the merge to the default branch instead.",
    };
  }
  if (context.eventName && PULL_REQUEST_EVENTS.has(context.eventName) && isFromFork(context.event)) {
    return {
      cause: 'fork-pull-request',
      message:
        'This run is for a pull request from a fork, and GitHub issues no OIDC token to those runs, whatever the permissions say.',
      fix: 'Skip this step for forks (`if: github.event.pull_request.head.repo.fork != true`), or scan after merge. Avoid `pull_request_target` with untrusted code.',
    };
  }
  return {
    cause: 'missing-permission',
    message: 'The job has no OIDC token service: it lacks the `id-token: write` permission.',
    fix: 'Add `permissions: { id-token: write, contents: read }` to the job (or workflow). Setting `permissions` replaces the defaults, so list `contents: read` too; a reusable workflow needs the permission granted by its caller.',
  };
}

function isFromFork(event: Record<string, unknown> | undefined): boolean {
  const pullRequest = asRecord(event?.pull_request);
  // A pull request whose fork was deleted has `head.repo: null`; only forks can vanish like that.
  if (pullRequest && asRecord(pullRequest.head)?.repo === null) return true;
  const head = asRecord(asRecord(pullRequest?.head)?.repo);
  const base = asRecord(asRecord(pullRequest?.base)?.repo);
  // A pull request inside a fork has head.repo.fork true too; what matters is head and base differing.
  if (typeof head?.full_name === 'string' && typeof base?.full_name === 'string') {
    return head.full_name !== base.full_name;
  }
  return head?.fork === true;
}

function senderLogin(event: Record<string, unknown> | undefined): unknown {
  return asRecord(event?.sender)?.login;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return isObject(value) ? value : undefined;
}
