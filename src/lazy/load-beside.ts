import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Loads a file that scripts/package.mjs bundles beside the action and the CLI in dist/, at the moment it is
 * first needed. Only the bundles use this (through the aliases in scripts/package.mjs): the path is built at
 * run time so that the bundler leaves the `require` alone instead of inlining the file.
 */
export function loadBeside<T>(file: string): T {
  return createRequire(__filename)(join(__dirname, file)) as T;
}
