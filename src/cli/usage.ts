import { parseArgs } from 'node:util';
import { nearest } from '../nearest.js';
import { visible } from '../output/escape.js';

/** The command's name, as people type it. */
export const TOOL_NAME = 'mondoo-keyless';

/**
 * A command-line mistake: exit code 2. It reads like every other failure (`error:` then `fix:`), and the fix
 * is never missing: a usage error always says what to type instead.
 */
export class UsageError extends Error {
  /** The command whose --help to point at, when the mistake is in one. */
  readonly command: string | undefined;
  /** What to type instead: a near option, the right form, or where the choices are listed. */
  readonly fix: string;

  constructor(message: string, fix: string, command?: string) {
    super(message);
    this.fix = fix;
    this.command = command;
    this.name = 'UsageError';
  }
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** What the value is, for help: `A`, `FILE`, `N`. */
  value?: string;
  multiple?: boolean;
  /** A one-letter alias, e.g. `h` for `-h`. */
  short?: string;
  help: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  /** Arguments after the options, for help: `ISSUER_OR_FILE...`. */
  positionals?: string;
  options: Record<string, OptionSpec>;
  /** Lines after the options in --help: examples, notes. */
  footer: string[];
}

export type ParsedOptions = Record<string, string | boolean | string[] | undefined>;

export interface ParsedCommand {
  values: ParsedOptions;
  positionals: string[];
}

const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', help: 'Show this help.' };

/** util.parseArgs in strict mode, its errors turned into usage errors that name the command. */
export function parseCommand(spec: CommandSpec, args: string[]): ParsedCommand {
  const options = Object.fromEntries(
    Object.entries({ ...spec.options, help: HELP_OPTION }).map(([name, option]) => [
      name,
      {
        type: option.type,
        multiple: option.multiple === true,
        ...(option.short ? { short: option.short } : {}),
      },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({
      args,
      options,
      strict: true,
      allowPositionals: spec.positionals !== undefined,
    });
    checkNoEmptyValues(values as ParsedOptions, spec.name);
    return { values: values as ParsedOptions, positionals };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw describeParseError(error as NodeJS.ErrnoException, spec);
  }
}

/**
 * `--output-file "$OUT"` with OUT unset arrives as an empty value; treating it as "not given" would print
 * the credential to the log instead. An empty value is always a mistake here.
 */
function checkNoEmptyValues(values: ParsedOptions, command: string): void {
  for (const [name, value] of Object.entries(values)) {
    const given = Array.isArray(value) ? value : [value];
    if (given.some((one) => typeof one === 'string' && one.trim() === '')) {
      throw new UsageError(
        `Option \`--${name}\` was given an empty value (an unset variable?).`,
        `Give \`--${name}\` a value (check that the variable is set), or leave the option out.`,
        command,
      );
    }
  }
}

/** The option a parseArgs message names: `--audience` in "Option '--audience <value>' argument missing". */
function optionIn(message: string): string {
  return /(--[^\s'<>]+)/.exec(message)?.[1] ?? /'(-[^'\s]+)/.exec(message)?.[1] ?? 'an option';
}

/** parseArgs' own words ("Option '--x <value>' argument missing") said as this tool says everything else. */
function describeParseError(error: NodeJS.ErrnoException, spec: CommandSpec): UsageError {
  const message = error.message.split('\n')[0] ?? String(error);
  const command = spec.name;
  const help = `\`${TOOL_NAME} ${command} --help\` lists every option.`;
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const given = /'([^']+)'/.exec(message)?.[1] ?? message;
    const names = Object.keys({ ...spec.options, help: HELP_OPTION }).map((name) => `--${name}`);
    const near = given.startsWith('--') ? nearest(given.split('=')[0] ?? given, names) : undefined;
    return new UsageError(
      `\`${TOOL_NAME} ${command}\` has no option \`${visible(given)}\`.`,
      near ? `Did you mean \`${near}\`? ${help}` : help,
      command,
    );
  }
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /'([^']+)'/.exec(message)?.[1] ?? message;
    return new UsageError(
      `Unexpected argument ${JSON.stringify(visible(argument))}: \`${TOOL_NAME} ${command}\` takes options only.`,
      `If it is an option's value, put it right after the option (\`--name value\`), quoted if it has spaces. ${help}`,
      command,
    );
  }
  const option = optionIn(message);
  const value = spec.options[option.replace(/^--/, '')]?.value ?? 'VALUE';
  if (/does not take an argument/.test(message)) {
    return new UsageError(
      `Option \`${option}\` takes no value.`,
      `Write \`${option}\` alone (it is a switch). ${help}`,
      command,
    );
  }
  if (/ambiguous/.test(message)) {
    return new UsageError(
      `Option \`${option}\` needs a value, and the next argument starts with a dash.`,
      `Give its value right after it (\`${option} ${value}\`); a value that starts with a dash goes after an equals sign (\`${option}=-${value}\`).`,
      command,
    );
  }
  if (/argument missing/.test(message)) {
    return new UsageError(
      `Option \`${option}\` needs a value.`,
      `Give its value right after it: \`${option} ${value}\`. ${help}`,
      command,
    );
  }
  return new UsageError(`${visible(message).replace(/\.$/, '')}.`, help, command);
}

export function commandHelp(tool: string, spec: CommandSpec): string {
  const usage = `Usage: ${tool} ${spec.name} [options]${spec.positionals ? ` ${spec.positionals}` : ''}`;
  const rows = Object.entries({ ...spec.options, help: HELP_OPTION }).map(([name, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : ''}--${name}${option.value ? ` ${option.value}` : ''}`;
    return [flag, option.help] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  return [
    usage,
    '',
    spec.summary,
    '',
    'Options:',
    ...rows.map(([flag, help]) => `  ${flag.padEnd(width)}${help}`),
    ...(spec.footer.length > 0 ? ['', ...spec.footer] : []),
    '',
  ].join('\n');
}

/** The one string option value, or '' when absent: the shape the settings readers take. */
export function stringOption(values: ParsedOptions, name: string): string {
  const value = values[name];
  return typeof value === 'string' ? value : '';
}
