import { asActionError } from '../errors.js';
import type { Log } from '../runner.js';
import { createTerminalLog } from '../output/terminal.js';
import { VERSION } from '../version.js';
import { CLAIMS_COMMAND, claimsCommand } from './claims-command.js';
import type { CliIo } from './cli-io.js';
import { EXCHANGE_COMMAND, exchangeCommand } from './exchange-command.js';
import { FailureWithHints } from './failure.js';
import { LINT_COMMAND } from './lint-spec.js';
import { cliWording } from './wording.js';
import { maskFormsOfAll } from '../secrets/mask-forms.js';
import { tokensIn } from './token-shape.js';
import { type CommandSpec, commandHelp, parseCommand, TOOL_NAME, UsageError } from './usage.js';
import { nearest } from '../nearest.js';
import { visible } from '../output/escape.js';

export const TOOL = TOOL_NAME;

/** Exit codes, as documented in --help and the README. */
export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130, terminated: 143 } as const;

const COMMANDS: readonly CommandSpec[] = [EXCHANGE_COMMAND, LINT_COMMAND, CLAIMS_COMMAND];

function toolHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length)) + 2;
  return [
    `Usage: ${TOOL} <command> [options]`,
    '',
    'Keyless CI authentication to Mondoo, for every CI system.',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}${command.summary.split('. ')[0]}.`),
    '',
    'Options:',
    '  --help      Show this help; `<command> --help` for a command.',
    '  --version   Print the version.',
    '',
    'Exit codes: 0 success; 1 failure, or lint findings at --fail-on; 2 usage error;',
    '130 and 143 stopped by SIGINT and SIGTERM.',
    '',
  ].join('\n');
}

/** Runs one command line and gives its exit code; never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const log = createTerminalLog(io, { githubActions: io.env.GITHUB_ACTIONS === 'true' });
  // A token pasted where a name, path or command belongs must not come back in an error message.
  for (const form of maskFormsOfAll(argv.flatMap(tokensIn))) log.mask(form);
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.writeErr : io.writeOut)(toolHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.writeOut(`${VERSION}\n`);
    return EXIT.ok;
  }
  const spec = COMMANDS.find((command) => command.name === name);
  try {
    if (!spec) throw unknownCommand(name);
    const parsed = parseCommand(spec, args);
    if (parsed.values.help === true) {
      io.writeOut(commandHelp(TOOL, spec));
      return EXIT.ok;
    }
    // Loaded only for lint: the exchange, the command run in every pipeline, skips its parse and evaluation.
    if (spec === LINT_COMMAND) return await (await import('./lint-command.js')).lintCommand(parsed, io, log);
    if (spec === EXCHANGE_COMMAND) await exchangeCommand(parsed, io, log);
    else await claimsCommand(parsed, io, log);
    return EXIT.ok;
  } catch (caught) {
    return reportFailure(caught, io, log);
  }
}

function unknownCommand(name: string): UsageError {
  const names = COMMANDS.map((command) => command.name);
  const near = nearest(name, names);
  const listed = `The commands are ${names.map((command) => `\`${command}\``).join(', ')}; \`${TOOL} --help\` says what each does.`;
  return new UsageError(
    `${JSON.stringify(visible(name))} is not a command of \`${TOOL}\`.`,
    near ? `Did you mean \`${near}\`? ${listed}` : listed,
  );
}

function reportFailure(caught: unknown, io: CliIo, log: Log): number {
  if (caught instanceof UsageError) {
    io.writeErr(log.redact(`error: ${caught.message}\nfix: ${caught.fix}\n`));
    return EXIT.usage;
  }
  const hints = caught instanceof FailureWithHints ? caught.hints : [];
  const error = caught instanceof FailureWithHints ? caught.error : asActionError(caught, 'this output');
  const lines = [`error: ${cliWording(error.message)}`];
  if (error.fix) lines.push(`fix: ${cliWording(error.fix)}`);
  lines.push(...hints.map((hint) => `hint: ${hint}`));
  io.writeErr(`${log.redact(lines.join('\n'))}\n`);
  return error.kind === 'settings' ? EXIT.usage : EXIT.failure;
}
