import { parseArgs } from 'node:util';

/** A command-line mistake: exit code 2, with the command's usage line. */
export class UsageError extends Error {
  /** The command whose --help to point at, when the mistake is in one. */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
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
    throw new UsageError(describeParseError(error as NodeJS.ErrnoException), spec.name);
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
      throw new UsageError(`--${name} was given an empty value (an unset variable?).`, command);
    }
  }
}

/** Node's messages are good but long and mention parseArgs' own terms; keep their substance. */
function describeParseError(error: NodeJS.ErrnoException): string {
  const message = error.message.split('\n')[0] ?? String(error);
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(message)?.[1] ?? message;
    return `unknown option ${option}.`;
  }
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /'([^']+)'/.exec(message)?.[1] ?? message;
    return `unexpected argument ${argument}: this command takes options only.`;
  }
  return message.endsWith('.') ? message : `${message}.`;
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
