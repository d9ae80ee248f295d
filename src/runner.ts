import { existsSync, readFileSync } from 'node:fs';
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
  /**
   * Registers a secret: nothing written afterwards shows it. Each line of it long enough to be a secret is
   * masked on its own (see output/secret-set.ts); a secret with no such line cannot be masked.
   */
  mask(secret: string): void;
  /** Replaces every registered secret in text this project writes where the runner does not mask it. */
  redact(text: string): string;
}

/** What the exchange hands to later steps: outputs and exported variables, as name-value pairs. */
export interface Publication {
  outputs: readonly (readonly [string, string])[];
  env: readonly (readonly [string, string])[];
}

/**
 * The GitHub runner: its log, plus annotations, outputs, exported variables and the job summary.
 * The one implementation is src/output/github-runner.ts, the output boundary.
 */
export interface Runner extends Log {
  /** An annotation on the run, and on a file's line when a location is given. */
  annotate(level: AnnotationLevel, message: string, where?: AnnotationPlace): void;
  /** Throws unless outputs (and, when asked, exported variables) can be written without printing them. */
  checkCanPublish(exportEnv: boolean): void;
  /** Writes every output and variable, or (if any write fails) none of them, then throws. */
  publish(publication: Publication): void;
  setOutput(name: string, value: string): void;
  /** Appends to the job summary, redacted and bounded in size; never fails the step. */
  appendSummary(markdown: string): Promise<void>;
  fail(message: string): void;
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
