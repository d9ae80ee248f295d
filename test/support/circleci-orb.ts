import { parse } from 'yaml';

/**
 * How CircleCI expands an orb command invoked with parameters, as https://circleci.com/docs/reusing-config/
 * describes it: every parameter given must be declared; one without a `default` must be given; `string`
 * takes a string, `boolean` a boolean, `enum` one of its `enum` values; then `<< parameters.NAME >>` in the
 * command's steps becomes the value (a boolean as `true` or `false`). CircleCI reports a wrong value when it
 * processes the config, before any job runs: here that is the thrown error.
 */

export interface OrbParameter {
  type: 'string' | 'boolean' | 'enum' | 'integer' | 'env_var_name' | 'steps' | 'executor';
  default?: unknown;
  enum?: string[];
  description?: string;
}

export interface OrbCommand {
  description?: string;
  parameters?: Record<string, OrbParameter>;
  steps: unknown[];
}

export interface RunStep {
  name?: string;
  command: string;
  environment?: Record<string, string>;
}

export function orbCommand(packedOrb: string, name: string): OrbCommand {
  const orb = parse(packedOrb) as { commands?: Record<string, OrbCommand> };
  const command = orb.commands?.[name];
  if (!command) throw new Error(`the orb has no command ${name}`);
  return command;
}

export function expandCommand(command: OrbCommand, given: Record<string, unknown>): RunStep[] {
  const declared = command.parameters ?? {};
  for (const name of Object.keys(given)) {
    if (!(name in declared)) throw new Error(`Unexpected argument(s): ${name}`);
  }
  const values: Record<string, unknown> = {};
  for (const [name, parameter] of Object.entries(declared)) {
    const value = name in given ? given[name] : parameter.default;
    if (value === undefined) throw new Error(`Missing required argument(s): ${name}`);
    checkType(name, parameter, value);
    values[name] = value;
  }
  return command.steps.map((step) => {
    const run = (step as { run?: RunStep }).run;
    if (!run) throw new Error(`only run steps are expanded here, got ${JSON.stringify(step)}`);
    return substitute(run, values) as RunStep;
  });
}

function checkType(name: string, parameter: OrbParameter, value: unknown): void {
  const ok =
    parameter.type === 'string'
      ? typeof value === 'string'
      : parameter.type === 'boolean'
        ? typeof value === 'boolean'
        : parameter.type === 'enum'
          ? typeof value === 'string' && (parameter.enum ?? []).includes(value)
          : false;
  if (!ok)
    throw new Error(
      `Type error for argument ${name}: expected type: ${parameter.type}, actual value: ${JSON.stringify(value)}`,
    );
}

function substitute(value: unknown, values: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    return value.replace(/<<\s*parameters\.([A-Za-z0-9_-]+)\s*>>/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    );
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, values));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, values)]));
  }
  return value;
}
