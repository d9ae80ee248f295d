import { parse } from 'yaml';

/**
 * How Azure Pipelines expands a steps template and runs its steps, as far as this template uses it:
 * - parameters (https://learn.microsoft.com/azure/devops/pipelines/process/template-parameters and
 *   .../yaml-schema/parameters-parameter): each given one must be declared, one without `default` must be
 *   given, a `string` takes a string, `values:` lists the allowed ones; a mistake fails the run before any job.
 * - `${{ parameters.name }}` is replaced when the template is expanded; `$(Variable.Name)` macros in a step's
 *   `env:` are replaced from the pipeline's variables just before the step runs.
 * - a script's stdout line `##vso[task.setvariable variable=NAME;issecret=true]VALUE` sets a variable for
 *   later steps; a secret one is masked in the log and is in a later script's environment only if that
 *   step maps it in `env:` (https://learn.microsoft.com/azure/devops/pipelines/scripts/logging-commands).
 */

export interface TemplateParameter {
  name: string;
  type: string;
  default?: unknown;
  values?: string[];
  displayName?: string;
}

export interface ScriptStep {
  bash?: string;
  script?: string;
  displayName?: string;
  env?: Record<string, string>;
}

export interface StepsTemplate {
  parameters: TemplateParameter[];
  steps: ScriptStep[];
}

export function expandTemplate(text: string, given: Record<string, unknown>): ScriptStep[] {
  const template = parse(text) as StepsTemplate;
  const declared = new Map(template.parameters.map((parameter) => [parameter.name, parameter]));
  for (const name of Object.keys(given)) {
    if (!declared.has(name)) throw new Error(`Unexpected parameter '${name}'`);
  }
  const values: Record<string, unknown> = {};
  for (const parameter of template.parameters) {
    const value = parameter.name in given ? given[parameter.name] : parameter.default;
    if (value === undefined)
      throw new Error(`A value for the '${parameter.name}' parameter must be provided.`);
    if (parameter.type === 'string' && typeof value !== 'string') {
      throw new Error(`The '${parameter.name}' parameter is not a valid String.`);
    }
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (parameter.values && !parameter.values.includes(text)) {
      throw new Error(`The '${parameter.name}' parameter value '${text}' is not a valid value.`);
    }
    values[parameter.name] = value;
  }
  return replaceIn(template.steps, /\$\{\{\s*parameters\.([A-Za-z0-9_]+)\s*\}\}/g, values) as ScriptStep[];
}

/** `$(Name)` macros replaced from the pipeline's variables; an unknown one stays as written, as Azure leaves it. */
export function resolveMacros(
  env: Record<string, string>,
  variables: Record<string, string>,
): Record<string, string> {
  return replaceIn(env, /\$\(([A-Za-z0-9_.]+)\)/g, variables) as Record<string, string>;
}

function replaceIn(value: unknown, pattern: RegExp, values: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    return value.replace(pattern, (whole, name: string) => (name in values ? String(values[name]) : whole));
  }
  if (Array.isArray(value)) return value.map((item) => replaceIn(item, pattern, values));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, replaceIn(item, pattern, values)]),
    );
  }
  return value;
}

export interface SetVariable {
  name: string;
  value: string;
  secret: boolean;
}

/** The task.setvariable commands in a step's stdout, and the log the agent shows (those lines consumed). */
export function loggingCommands(stdout: string): { variables: SetVariable[]; shown: string } {
  const variables: SetVariable[] = [];
  const shown: string[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^##vso\[task\.setvariable ([^\]]*)\](.*)$/.exec(line);
    if (!match) {
      shown.push(line);
      continue;
    }
    const properties = Object.fromEntries(
      (match[1] ?? '')
        .split(';')
        .filter(Boolean)
        .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
    );
    variables.push({
      name: properties.variable ?? '',
      value: match[2] ?? '',
      secret: properties.issecret === 'true',
    });
  }
  return { variables, shown: shown.join('\n') };
}
