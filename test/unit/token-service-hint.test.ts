import { describe, expect, it } from 'vitest';
import {
  explainMissingTokenService,
  type MissingTokenContext,
} from '../../src/exchange/token-service-hint.js';

function pullRequest(
  head: Record<string, unknown> | null,
  base: Record<string, unknown>,
): Record<string, unknown> {
  return { pull_request: { head: { repo: head }, base: { repo: base } }, sender: { login: 'octocat' } };
}

function onGitHub(overrides: Partial<MissingTokenContext> = {}): MissingTokenContext {
  return {
    runningOnGitHub: true,
    eventName: 'push',
    actor: 'octocat',
    event: { sender: { login: 'octocat' } },
    ...overrides,
  };
}

const BASE = { full_name: 'octo-org/app', fork: false };

describe('explainMissingTokenService', () => {
  it('says not-github outside GitHub Actions, whatever else the context says, and points at `token`', () => {
    const explanation = explainMissingTokenService({
      runningOnGitHub: false,
      eventName: 'pull_request',
      actor: 'dependabot[bot]',
      event: undefined,
    });
    expect(explanation.cause).toBe('not-github');
    expect(explanation.fix).toContain('`token`');
  });

  it('recognizes a Dependabot run by its actor', () => {
    const explanation = explainMissingTokenService(
      onGitHub({ actor: 'dependabot[bot]', eventName: 'pull_request' }),
    );
    expect(explanation.cause).toBe('dependabot');
    expect(explanation.fix).toContain("github.actor != 'dependabot[bot]'");
  });

  it('recognizes a Dependabot run by the event sender when the actor is someone else', () => {
    const explanation = explainMissingTokenService(
      onGitHub({ actor: 'octocat', event: { sender: { login: 'dependabot[bot]' } } }),
    );
    expect(explanation.cause).toBe('dependabot');
  });

  it('recognizes a pull request from a fork by head and base repositories differing', () => {
    const explanation = explainMissingTokenService(
      onGitHub({
        eventName: 'pull_request',
        event: pullRequest({ full_name: 'stranger/app', fork: true }, BASE),
      }),
    );
    expect(explanation.cause).toBe('fork-pull-request');
    expect(explanation.message).toContain('fork');
    expect(explanation.fix).toContain('github.event.pull_request.head.repo.fork');
  });

  it.each(['pull_request_review', 'pull_request_review_comment'])(
    'treats %s from a fork like pull_request',
    (eventName) => {
      const explanation = explainMissingTokenService(
        onGitHub({ eventName, event: pullRequest({ full_name: 'stranger/app', fork: true }, BASE) }),
      );
      expect(explanation.cause).toBe('fork-pull-request');
    },
  );

  it('recognizes a pull request from a deleted fork, whose head repository is null', () => {
    const explanation = explainMissingTokenService(
      onGitHub({ eventName: 'pull_request', event: pullRequest(null, BASE) }),
    );
    expect(explanation.cause).toBe('fork-pull-request');
  });

  it('calls a pull request within the same repository a missing permission', () => {
    const explanation = explainMissingTokenService(
      onGitHub({ eventName: 'pull_request', event: pullRequest(BASE, BASE) }),
    );
    expect(explanation.cause).toBe('missing-permission');
  });

  it('calls a pull request inside a fork (head.repo.fork true, same full_name as base) a missing permission', () => {
    const forkRepo = { full_name: 'stranger/app', fork: true };
    const explanation = explainMissingTokenService(
      onGitHub({ eventName: 'pull_request', event: pullRequest(forkRepo, forkRepo) }),
    );
    expect(explanation.cause).toBe('missing-permission');
  });

  it('falls back to head.repo.fork when the payload lacks full names', () => {
    const explanation = explainMissingTokenService(
      onGitHub({ eventName: 'pull_request', event: pullRequest({ fork: true }, {}) }),
    );
    expect(explanation.cause).toBe('fork-pull-request');
  });

  it('does not blame a fork for a push, even with fork data in the payload', () => {
    const explanation = explainMissingTokenService(
      onGitHub({ eventName: 'push', event: pullRequest({ full_name: 'stranger/app', fork: true }, BASE) }),
    );
    expect(explanation.cause).toBe('missing-permission');
  });

  it('tells a push run to add `id-token: write` while keeping `contents: read`', () => {
    const explanation = explainMissingTokenService(onGitHub());
    expect(explanation.cause).toBe('missing-permission');
    expect(explanation.message).toContain('`id-token: write`');
    expect(explanation.fix).toContain('id-token: write');
    expect(explanation.fix).toContain('contents: read');
    expect(explanation.fix).toContain('reusable workflow');
  });

  it('copes with a missing event payload', () => {
    const explanation = explainMissingTokenService(onGitHub({ eventName: 'pull_request', event: undefined }));
    expect(explanation.cause).toBe('missing-permission');
  });
});
