import { accessSync, constants, lstatSync, statSync, truncateSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import * as core from '@actions/core';
import { ActionError } from '../errors.js';
import type { Publication, Runner } from '../runner.js';
import { safeLines, visible } from './escape.js';
import { SecretSet } from './secret-set.js';
import { boundedSummary } from './summary-limit.js';

/** The action's inputs, as the runner passes them. Reading is not output, but it is @actions/core's. */
export const actionInput = (name: string): string => core.getInput(name);

/**
 * The GitHub runner behind the output boundary: every line it prints has secrets redacted and outside text
 * neutralised (see escape.ts), every summary is redacted and bounded, and the credential is published
 * all or nothing.
 */
export function createGitHubRunner(env: NodeJS.ProcessEnv = process.env): Runner {
  const secrets = new SecretSet((line) => core.setSecret(line));
  const clean = (text: string) => safeLines(secrets.redact(text));
  let summaryBytes = 0;
  return {
    info: (message) => core.info(clean(message)),
    warning: (message) => core.warning(clean(message)),
    annotate(level, message, where = {}) {
      const file = where.file === undefined ? undefined : workspaceRelative(where.file, env.GITHUB_WORKSPACE);
      const properties = {
        title: where.title === undefined ? undefined : visible(secrets.redact(where.title)),
        file: file === undefined ? undefined : visible(file),
        startLine: where.line,
      };
      if (level === 'error') core.error(clean(message), properties);
      else if (level === 'warning') core.warning(clean(message), properties);
      else core.notice(clean(message), properties);
    },
    group(title, body) {
      core.startGroup(visible(secrets.redact(title)));
      try {
        return body();
      } finally {
        core.endGroup();
      }
    },
    checkCanPublish(exportEnv) {
      checkFileCommand('GITHUB_OUTPUT', env.GITHUB_OUTPUT);
      if (exportEnv) checkFileCommand('GITHUB_ENV', env.GITHUB_ENV);
      if (env.GITHUB_STEP_SUMMARY) checkFileCommand('GITHUB_STEP_SUMMARY', env.GITHUB_STEP_SUMMARY);
    },
    mask: (secret) => secrets.add(secret),
    redact: (text) => secrets.redact(text),
    publish: (publication) => publishAllOrNothing(publication, env),
    setOutput: (name, value) => core.setOutput(name, value),
    async appendSummary(markdown) {
      if (!env.GITHUB_STEP_SUMMARY) return;
      const bounded = boundedSummary(secrets.redact(markdown), summaryBytes);
      try {
        await core.summary.addRaw(bounded, true).write();
        summaryBytes += Buffer.byteLength(bounded);
      } catch (error) {
        // The summary is a courtesy: failing to write it must not fail (or half-undo) the step.
        core.warning(clean(`Could not write the job summary: ${(error as Error).message}`));
      }
    },
    fail: (message) => core.setFailed(clean(message)),
  };
}

/**
 * Outputs, then the exported variables, written through the runner's file commands; if any write fails,
 * both files are cut back to what they held before, so a failed step never leaves the credential exported.
 */
function publishAllOrNothing(publication: Publication, env: NodeJS.ProcessEnv): void {
  const files = [env.GITHUB_OUTPUT, env.GITHUB_ENV].filter((path): path is string => Boolean(path));
  const sizes = new Map(files.map((path) => [path, sizeOf(path)]));
  try {
    for (const [name, value] of publication.outputs) core.setOutput(name, value);
    for (const [name, value] of publication.env) core.exportVariable(name, value);
  } catch (error) {
    for (const [path, size] of sizes) rollBack(path, size);
    for (const [name] of publication.env) delete process.env[name];
    throw error;
  }
}

function sizeOf(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

function rollBack(path: string, size: number | undefined): void {
  try {
    if (size !== undefined && lstatSync(path).isFile()) truncateSync(path, size);
  } catch {
    // The write that failed is reported; a file that cannot even be cut back is the runner's to clean up.
  }
}

/**
 * Without the runner's file commands, @actions/core falls back to ::set-output / ::set-env, which would put
 * the credential on stdout; a path that is a folder or unwritable would fail only after the credential was
 * issued. Refuse before any token is requested instead.
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
  const problem = fileCommandProblem(path);
  if (problem) {
    throw new ActionError(`${name} points at ${visible(path)}, which ${problem}.`, {
      kind: 'runner',
      fix: 'Check the runner: its file-command files must be regular files the job can write.',
    });
  }
}

function fileCommandProblem(path: string): string | undefined {
  try {
    if (!statSync(path).isFile()) return 'is not a regular file';
    accessSync(path, constants.W_OK);
    return undefined;
  } catch (error) {
    return `this step cannot write (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
}

/** Annotations name files relative to the repository root, which is the workspace. */
function workspaceRelative(file: string, workspace: string | undefined): string {
  const root = workspace ?? process.cwd();
  const path = relative(root, resolve(root, file));
  return path.startsWith('..') || isAbsolute(path) ? file : path;
}
