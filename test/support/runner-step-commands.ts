// The GitHub runner's command extensions, as far as they change what a person sees, the masks, outputs or
// the step's result. Written from actions/runner src/Runner.Worker/ActionCommandManager.cs.
// Not modelled: problem matchers (`add-matcher` loads a file whose patterns can turn later lines into
// annotations; those lines are still shown) and the deprecation warning the server may enable for
// `set-output` / `save-state`.
import { type ParsedCommand, sameName } from './runner-command-line.ts';
import type { Place, RunnerStepLog } from './runner-step-log.ts';
import { isCSharpWhiteSpace, trimCSharp } from './runner-text.ts';

interface Extension {
  /** OmitEcho: never echoed, even with echo on (their data may be secret or is shown otherwise). */
  omitEcho: boolean;
  run(step: RunnerStepLog, command: ParsedCommand, place: Place): void;
}

/** What ArgUtil.NotNullOrEmpty throws (ArgumentNullException's message). */
function requireValue(value: string, name: string): void {
  if (value === '') throw new Error(`Value cannot be null. (Parameter '${name}')`);
}

function requireName(command: ParsedCommand): string {
  const name = command.properties.name ?? '';
  if (name === '')
    throw new Error(`Required field 'name' is missing in ##[${command.name.toLowerCase()}] command.`);
  return name;
}

function requireUnsecureOptIn(step: RunnerStepLog, command: string): void {
  // Constants.Runner.UnsupportedCommandMessageDisabled, first sentence (the runner adds how to opt in).
  if (!step.options.allowUnsecureCommands) throw new Error(`The \`${command}\` command is disabled.`);
}

const isBlank = (text: string) => [...text].every(isCSharpWhiteSpace);

const annotation = (level: 'error' | 'warning' | 'notice'): Extension => ({
  omitEcho: true,
  run: (step, command, place) => step.annotate(level, command.data, command.properties, place),
});

const EXTENSIONS: Record<string, Extension> = {
  'add-mask': {
    omitEcho: true,
    run(step, command, place) {
      if (isBlank(command.data)) {
        step.annotate(
          'warning',
          "Can't add secret mask for empty string in ##[add-mask] command.",
          {},
          place,
        );
        return;
      }
      if (step.echo) step.output('::add-mask::***', place);
      step.addMaskValues.push(command.data);
      // The whole value, then each line of it trimmed, empty lines dropped; no minimum length anywhere.
      step.masker.addValue(command.data);
      for (const line of command.data.split(/[\r\n]/)) {
        const trimmed = trimCSharp(line);
        if (trimmed !== '') step.masker.addValue(trimmed);
      }
    },
  },
  warning: annotation('warning'),
  error: annotation('error'),
  notice: annotation('notice'),
  debug: { omitEcho: true, run: (step, command, place) => step.debug(command.data, place) },
  group: { omitEcho: false, run: (step, command, place) => step.output(`##[group]${command.data}`, place) },
  endgroup: { omitEcho: false, run: (step, _command, place) => step.output('##[endgroup]', place) },
  echo: {
    omitEcho: false,
    run(step, command, place) {
      requireValue(command.data, 'value');
      const value = trimCSharp(command.data).toUpperCase();
      if (value !== 'ON' && value !== 'OFF') {
        throw new Error(
          `Invalid echo command value. Possible values can be: 'on', 'off'. Current value is: '${command.data}'.`,
        );
      }
      step.echo = value === 'ON';
      step.debug(`Setting echo command value to '${value.toLowerCase()}'`, place);
    },
  },
  'set-output': {
    omitEcho: false,
    run(step, command, place) {
      const name = requireName(command);
      step.outputs[name] = command.data;
      step.debug(`steps.outputs.${name}='${command.data}'`, place);
    },
  },
  'save-state': {
    omitEcho: false,
    run(step, command, place) {
      const name = requireName(command);
      step.debug(`Save intra-action state ${name} = ${command.data}`, place);
    },
  },
  'set-env': {
    omitEcho: false,
    run(step, command, place) {
      requireUnsecureOptIn(step, 'set-env');
      const name = requireName(command);
      if (sameName(name, 'NODE_OPTIONS')) {
        step.annotate(
          'error',
          "Can't update NODE_OPTIONS environment variable using ::set-env:: command.",
          {},
          place,
        );
        return;
      }
      step.env[name] = command.data;
      step.debug(`${name}='${command.data}'`, place);
    },
  },
  'add-path': {
    omitEcho: false,
    run(step, command) {
      requireUnsecureOptIn(step, 'add-path');
      requireValue(command.data, 'path');
    },
  },
  'add-matcher': {
    omitEcho: false,
    run(step, command, place) {
      if (command.data === '') step.annotate('warning', 'File path must be specified.', {}, place);
    },
  },
  'remove-matcher': {
    omitEcho: false,
    run(step, command, place) {
      const owner = command.properties.owner ?? '';
      if (owner !== '' && command.data !== '') {
        step.annotate(
          'warning',
          'Either specify an owner name or a file path in ##[remove-matcher] command. Both values cannot be set.',
          {},
          place,
        );
      } else if (owner === '' && command.data === '') {
        step.annotate(
          'warning',
          'Either an owner name or a file path must be specified in ##[remove-matcher] command.',
          {},
          place,
        );
      }
    },
  },
};

/**
 * Echo first (when on and the command allows it), then the extension; an extension's exception becomes two
 * error annotations (the failing command, quoted unless it omits echo, then the exception's message) and
 * fails the step, while later lines are still processed.
 */
export function runCommandExtension(
  step: RunnerStepLog,
  command: ParsedCommand,
  input: string,
  place: Place,
): void {
  const key = command.name.toLowerCase();
  const extension = EXTENSIONS[key];
  if (!extension) {
    step.annotate('warning', `Can't find command extension for ##[${command.name}.command].`, {}, place);
    return;
  }
  if (step.echo && !extension.omitEcho) step.output(input, place);
  try {
    extension.run(step, command, place);
  } catch (error) {
    step.annotate(
      'error',
      `Unable to process command '${extension.omitEcho ? key : input}' successfully.`,
      {},
      place,
    );
    step.annotate('error', (error as Error).message, {}, place);
    step.failed = true;
  }
}
