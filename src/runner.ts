import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import * as core from '@actions/core';
import { ActionError } from './errors.js';
import { isObject, parseJson } from './json.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface AnnotationPlace {
  title?: string;
  file?: string;
  line?: number;
}

/** What the core needs to tell the user: the runner's log in the action, stderr in the CLI. */
export interface Log {
  info(message: string): void;
  warning(message: string): void;
  group<T>(title: string, body: () => T): T;
  /** Registers a secret: nothing written afterwards shows it. */
  mask(secret: string): void;
  /** Replaces every registered secret in text we write ourselves (summaries are not masked by the runner). */
  redact(text: string): string;
}

/** The GitHub runner: its log, plus annotations, outputs, exported variables and the job summary. */
export interface Runner extends Log {
  /** An annotation on the run, and on a file's line when a location is given. */
  annotate(level: AnnotationLevel, message: string, where?: AnnotationPlace): void;
  /** Throws unless outputs (and, when asked, exported variables) can be written without printing them. */
  checkCanPublish(exportEnv: boolean): void;
  exportVariable(name: string, value: string): void;
  setOutput(name: string, value: string): void;
  appendSummary(markdown: string): Promise<void>;
  fail(message: string): void;
}

export function createGitHubRunner(env: NodeJS.ProcessEnv = process.env): Runner {
  const secrets = new Set<string>();
  return {
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    annotate(level, message, where = {}) {
      const file = where.file === undefined ? undefined : workspaceRelative(where.file, env.GITHUB_WORKSPACE);
      const properties = { title: where.title, file, startLine: where.line };
      if (level === 'error') core.error(message, properties);
      else if (level === 'warning') core.warning(message, properties);
      else core.notice(message, properties);
    },
    group(title, body) {
      core.startGroup(title);
      try {
        return body();
      } finally {
        core.endGroup();
      }
    },
    checkCanPublish(exportEnv) {
      checkFileCommand('GITHUB_OUTPUT', env.GITHUB_OUTPUT);
      if (exportEnv) checkFileCommand('GITHUB_ENV', env.GITHUB_ENV);
    },
    mask(secret) {
      if (!secret || secrets.has(secret)) return;
      secrets.add(secret);
      core.setSecret(secret);
    },
    redact: (text) => redactSecrets(text, secrets),
    exportVariable: (name, value) => core.exportVariable(name, value),
    setOutput: (name, value) => core.setOutput(name, value),
    async appendSummary(markdown) {
      if (!env.GITHUB_STEP_SUMMARY) return;
      try {
        await core.summary.addRaw(markdown, true).write();
      } catch (error) {
        // The summary is a courtesy: failing to write it must not fail (or half-undo) the step.
        core.warning(`Could not write the job summary: ${(error as Error).message}`);
      }
    },
    fail: (message) => core.setFailed(message),
  };
}

/**
 * Without the runner's file commands, @actions/core falls back to ::set-output / ::set-env, which would put
 * the credential on stdout: refuse before any token is requested instead.
 */
function checkFileCommand(name: string, path: string | undefined): void {
  if (!path) {
    throw new ActionError(
      `${name} is not set, so the credential cannot be handed to later steps without printing it.`,
      {
        kind: 'runner',
        fix: 'Run the step on a current GitHub Actions runner (it provides GITHUB_OUTPUT and GITHUB_ENV), or set `export-env: false` if only GITHUB_ENV is missing.',
      },
    );
  }
  try {
    accessSync(path, constants.W_OK);
  } catch (error) {
    throw new ActionError(
      `${name} points at ${path}, which this step cannot write (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      {
        kind: 'runner',
        fix: 'Check the runner: its file-command files must be writable by the job.',
      },
    );
  }
}

/** Annotations name files relative to the repository root, which is the workspace. */
function workspaceRelative(file: string, workspace: string | undefined): string {
  const root = workspace ?? process.cwd();
  const path = relative(root, resolve(root, file));
  return path.startsWith('..') || isAbsolute(path) ? file : path;
}

export function redactSecrets(text: string, secrets: Iterable<string>): string {
  // Longest first, so a secret that contains another is hidden whole.
  const ordered = [...secrets].filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
  return ordered.reduce((result, secret) => result.split(secret).join('***'), text);
}

/** The event payload GitHub wrote for this run, when there is one to read. */
export function readEventPayload(env: NodeJS.ProcessEnv): Record<string, unknown> | undefined {
  const path = env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = parseJson(text);
  return isObject(parsed) ? parsed : undefined;
}
