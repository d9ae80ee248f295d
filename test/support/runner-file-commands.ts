// What the GitHub runner does with a step's file commands once the step has ended, and with job outputs at
// the end of the job. Written from actions/runner src/Runner.Worker/FileCommandManager.cs,
// src/Runner.Worker/JobExtension.cs and src/Runner.Common/Constants.cs.
import { readLines } from './runner-text.ts';
import type { RunnerSecretMasker } from './runner-secret-masker.ts';

/**
 * EnvFileKeyValuePairs as built for Linux: lines end at LF only (a CR stays in the value; CRLF is split only on
 * Windows), `name=value` when `=` comes before any `<<`, else `name<<DELIMITER` up to a line equal to the
 * delimiter. The runner rejects the whole file on a malformed line; so does this, with the runner's message.
 */
export function parseEnvFile(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  // A final LF does not start another line; a last line without LF still counts.
  if (text.endsWith('\n')) lines.pop();
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line === '') continue;
    const equals = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      result[line.slice(0, equals)] = line.slice(equals + 1);
    } else if (heredoc >= 0) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      if (name === '' || delimiter === '') {
        throw new Error(`Invalid format '${line}'. Name must not be empty and delimiter must not be empty`);
      }
      const end = lines.indexOf(delimiter, index + 1);
      if (end < 0) {
        // A value line that is the file's last line has no LF; the runner says so before "not found".
        const lastHasNoNewline = !text.endsWith('\n') && index + 1 < lines.length;
        throw new Error(
          lastHasNoNewline
            ? 'Invalid value. EOF marker missing new line.'
            : `Invalid value. Matching delimiter not found '${delimiter}'`,
        );
      }
      result[name] = lines.slice(index + 1, end).join('\n');
      index = end;
    } else {
      throw new Error(`Invalid format '${line}'`);
    }
  }
  return result;
}

/** CreateStepSummaryCommand.AttachmentSizeLimit: 1024 * 1024 bytes. */
export const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;

export type SummaryOutcome =
  { kind: 'none' } | { kind: 'dropped'; error: string } | { kind: 'shown'; markdown: string };

/**
 * An empty (or absent) summary is skipped; one over the limit is dropped whole with an error annotation;
 * otherwise each line (ReadLine: CR, LF or CRLF) is masked with every mask registered by the end of the step
 * and written back with LF (StreamWriter.WriteLine on Linux).
 */
export function processStepSummary(text: string, masker: RunnerSecretMasker): SummaryOutcome {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes === 0) return { kind: 'none' };
  if (bytes > STEP_SUMMARY_LIMIT_BYTES) {
    // Constants.Runner.UnsupportedSummarySize, with integer kilobytes.
    const error = `$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of ${STEP_SUMMARY_LIMIT_BYTES / 1024}k, got ${Math.floor(bytes / 1024)}k. For more information see: https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-markdown-summary`;
    return { kind: 'dropped', error };
  }
  return {
    kind: 'shown',
    markdown: readLines(text)
      .map((line) => `${masker.mask(line)}\n`)
      .join(''),
  };
}

export interface JobOutputs {
  kept: Record<string, string>;
  /** Each with the runner's reason; the secret case is also a warning in the job's log. */
  skipped: { name: string; reason: 'empty' | 'may contain secret' }[];
}

/**
 * JobExtension (job completion): an empty job output is skipped, and one that masking would change is skipped
 * with a warning, using every mask registered during the job. Step outputs themselves are stored unmasked
 * (SetOutputFileCommand, ExecutionContext.SetOutput); the rule bites where a workflow maps them to job outputs.
 */
export function evaluateJobOutputs(values: Record<string, string>, masker: RunnerSecretMasker): JobOutputs {
  const result: JobOutputs = { kept: {}, skipped: [] };
  for (const [name, value] of Object.entries(values)) {
    if (value === '') result.skipped.push({ name, reason: 'empty' });
    else if (masker.changes(value)) result.skipped.push({ name, reason: 'may contain secret' });
    else result.kept[name] = value;
  }
  return result;
}

export function jobOutputWarning(name: string): string {
  return `Skip output '${name}' since it may contain secret.`;
}
