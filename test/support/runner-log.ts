// What tests ask of a step's output: the masks, the log a person sees, the commands the runner ran, and
// whether a secret shows anywhere. Everything goes through the runner stand-in (runner-stand-in.ts).
import type { ActionRun } from './run-action.ts';
import { unescapeData } from './runner-command-line.ts';
import {
  renderLog,
  runStep,
  type SeenCommand,
  type StandInOptions,
  type StepView,
} from './runner-stand-in.ts';

/** The runner's command-data unescaping ("%250A" is "%0A", not a newline). */
export const unescapeCommandData = unescapeData;

/** The text with this project's own `::add-mask::` lines taken out: what is left must hold no secret at all. */
export function withoutMaskCommands(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}

/** The values the runner accepted through `::add-mask::`, in order, unescaped. */
export function parseMasks(stdout: string): string[] {
  return runStep({ stdout }).addMaskValues;
}

/**
 * The step's log as the web view shows it, masked as the runner masks it: from the moment each mask is
 * registered, line by line. `preRegistered` are secrets masked before the step (the workflow's own).
 */
export function runnerView(stdout: string, preRegistered: string[] = []): string {
  return renderLog(runStep({ stdout }, { preRegistered }).log).join('\n');
}

/** Every workflow command the runner would execute (or, `certain: false`, might) for this stdout. */
export function commandsFrom(stdout: string, options: StandInOptions = {}): SeenCommand[] {
  return runStep({ stdout }, options).commands;
}

/** The names an action's own output uses through @actions/core. */
export const OWN_COMMAND_NAMES = ['add-mask', 'debug', 'notice', 'warning', 'error', 'group', 'endgroup'];

/**
 * Commands a test did not expect: anything not written the way @actions/core writes (a `::` command at the very
 * start of the line, its name in lower case and among `names`), anything uncertain, and every stop. Descriptions
 * name the command and its place, never its data, which may be secret.
 */
export function unexpectedCommands(stdout: string, names: readonly string[] = OWN_COMMAND_NAMES): string[] {
  const view = runStep({ stdout });
  const odd = view.commands.filter(
    (command) => !command.certain || !command.atLineStart || !names.includes(command.name),
  );
  return [
    ...odd.map(
      (command) =>
        `${command.certain ? '' : 'possible '}command ${JSON.stringify(command.name)} (${command.form} form) on ${command.stream} line ${command.line}`,
    ),
    ...view.stops.map((stop) => `commands stopped on ${stop.stream} line ${stop.line}`),
    ...(view.abortedAt
      ? [`output no longer read after ${view.abortedAt.stream} line ${view.abortedAt.line}`]
      : []),
  ];
}

export function expectOnlyOwnCommands(stdout: string, names: readonly string[] = OWN_COMMAND_NAMES): void {
  const unexpected = unexpectedCommands(stdout, names);
  if (unexpected.length > 0) {
    throw new Error(
      `The runner would see ${unexpected.length} unexpected command(s):\n  - ${unexpected.join('\n  - ')}`,
    );
  }
}

/**
 * The stand-in's view of an action run, with step debug on: the most a person can get to see (debug messages
 * and echoed commands included).
 */
export function viewOfRun(run: ActionRun, options: StandInOptions = {}): StepView {
  const { stdout, stderr, summary, outputs, env } = run;
  return runStep({ stdout, stderr, summary, outputs, env }, { stepDebug: true, ...options });
}

/**
 * Step outputs a workflow could not pass on as job outputs: the runner drops a job output that any mask of the
 * job would change (JobExtension). `credential` is masked on purpose, so it is left out by default.
 */
export function droppedJobOutputs(run: ActionRun, except: readonly string[] = ['credential']): string[] {
  return viewOfRun(run)
    .jobOutputs.skipped.filter((skipped) => skipped.reason === 'may contain secret')
    .map((skipped) => skipped.name)
    .filter((name) => !except.includes(name));
}

function logOf(view: StepView, stream: string): string {
  return view.log
    .filter((line) => line.stream === stream)
    .map((line) => line.text)
    .join('\n');
}

// Enough to tell secrets apart in a failure message without printing them.
function fingerprint(secret: string): string {
  return `${JSON.stringify(secret.slice(0, 6))}… (${secret.length} chars)`;
}

/**
 * Every place a secret is visible: the job log of stdout, stderr and the runner's own lines (with step debug
 * on), the annotations and the step summary as the runner shows them; outputs other than `credential` and
 * GITHUB_ENV entries other than MONDOO_CONFIG_BASE64 as they are. Descriptions never contain a whole secret.
 */
export function findLeaks(run: ActionRun, secrets: string[]): string[] {
  const view = viewOfRun(run);
  const places: [string, string][] = [
    ['stdout', logOf(view, 'stdout')],
    ['stderr', logOf(view, 'stderr')],
    ['runner log', logOf(view, 'runner')],
    ['annotations', view.annotations.map((annotation) => annotation.message).join('\n')],
    ['step summary', view.summary.kind === 'shown' ? view.summary.markdown : ''],
    ...Object.entries(run.outputs)
      .filter(([name]) => name !== 'credential')
      .map(([name, value]): [string, string] => [`output ${JSON.stringify(name)}`, value]),
    ...Object.entries(run.env)
      .filter(([name]) => name !== 'MONDOO_CONFIG_BASE64')
      .map(([name, value]): [string, string] => [`GITHUB_ENV ${JSON.stringify(name)}`, value]),
  ];
  return leaksIn(places, secrets);
}

/** Each secret found in each named text, as "<place> contains secret #N <fingerprint>". */
export function leaksIn(places: [string, string][], secrets: string[]): string[] {
  const leaks: string[] = [];
  const unique = [...new Set(secrets)].filter((secret) => secret !== '');
  unique.forEach((secret, index) => {
    for (const [place, text] of places) {
      if (text.includes(secret)) {
        leaks.push(`${place} contains secret #${index + 1} ${fingerprint(secret)}`);
      }
    }
  });
  return leaks;
}

/** Fails with every leak listed, never a whole secret. */
export function failOnLeaks(leaks: string[]): void {
  if (leaks.length > 0) {
    throw new Error(`${leaks.length} secret leak(s):\n  - ${leaks.join('\n  - ')}`);
  }
}

export function expectNoLeaks(run: ActionRun, secrets: string[]): void {
  failOnLeaks(findLeaks(run, secrets));
}
