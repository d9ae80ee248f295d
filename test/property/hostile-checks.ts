import { expect } from 'vitest';
import { expectInertSummary } from '../support/inert-summary.ts';
import type { InProcessCliRun } from '../support/in-process.ts';
import type { ActionRun } from '../support/run-action.ts';
import { commandNames, expectOwnCommandsOnly } from '../support/runner-commands.ts';
import { failOnLeaks, leaksIn, runnerView, withoutMaskCommands } from '../support/runner-log.ts';

/** Signs of a run that ended in a crash instead of a report or one clear error. */
const CRASH =
  /Unexpected error|This is a bug|Maximum call stack|RangeError|TypeError|^\s+at \S.*:\d+:\d+\)?$/m;

/**
 * What holds for every action run, whatever was injected: the runner sees only the action's own commands
 * (so processing is never paused), no secret is visible anywhere a person or a later step could see it,
 * the summary renders nothing from outside as a tag or link, and the run ends in success or in exactly one
 * `::error::` line, never a crash.
 */
export function expectSafeActionRun(run: ActionRun, secrets: string[]): void {
  expectOwnCommandsOnly(run);
  failOnLeaks(
    leaksIn(
      [
        ['the log as the runner shows it', runnerView(run.stdout)],
        ['stdout besides ::add-mask::', withoutMaskCommands(run.stdout)],
        ['stderr', run.stderr],
        ['step summary', run.summary],
        ...Object.entries(run.outputs)
          .filter(([name]) => name !== 'credential')
          .map(([name, value]): [string, string] => [`output ${name}`, value]),
        ...Object.entries(run.env)
          .filter(([name]) => name !== 'MONDOO_CONFIG_BASE64')
          .map(([name, value]): [string, string] => [`GITHUB_ENV ${name}`, value]),
      ],
      secrets,
    ),
  );
  expectInertSummary(run.summary);
  const failures = run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
  expect(failures, run.stdout).toHaveLength(run.code === 0 ? 0 : 1);
  expect([0, 1]).toContain(run.code);
  expect(`${run.stdout}\n${run.stderr}`).not.toMatch(CRASH);
}

/**
 * The same for a CLI run: no command at all on stdout, only its own `::add-mask::` on stderr, no secret
 * (stdout may hold what the command's job is to print), and success or exactly one `error:` line.
 */
export function expectSafeCliRun(
  run: InProcessCliRun,
  secrets: string[],
  allowedOnStdout: string[] = [],
): void {
  expect(commandNames(run.stdout), run.stdout).toEqual([]);
  expect(
    commandNames(run.stderr).filter((name) => name !== 'add-mask'),
    run.stderr,
  ).toEqual([]);
  const stdout = allowedOnStdout.reduce((text, allowed) => text.split(allowed).join(''), run.stdout);
  failOnLeaks(
    leaksIn(
      [
        ['stdout', stdout],
        ['stderr besides ::add-mask::', withoutMaskCommands(run.stderr)],
      ],
      secrets,
    ),
  );
  const errors = run.stderr.split('\n').filter((line) => line.startsWith('error:'));
  expect(errors, run.stderr).toHaveLength(run.code === 0 ? 0 : run.stdout === '' ? 1 : errors.length);
  // 1: failure or findings at --fail-on; 2: a usage or settings error.
  expect([0, 1, 2]).toContain(run.code);
  expect(`${run.stdout}\n${run.stderr}`).not.toMatch(CRASH);
}

/** A JWT whose payload is the given JSON text, unsigned-looking: for values no signer could serialise. */
export function jwtWithPayloadText(payload: string): string {
  const header = Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url');
  return `${header}.${Buffer.from(payload).toString('base64url')}.${'A'.repeat(342)}`;
}

/** A JSON object as text from member names and member values that are already JSON text. */
export function objectText(members: [string, string][]): string {
  return `{${members.map(([name, value]) => `${JSON.stringify(name)}:${value}`).join(',')}}`;
}
