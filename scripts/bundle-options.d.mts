import type { BuildOptions, Plugin } from 'esbuild';

export const ROOT: string;
export const BUNDLE_OPTIONS: BuildOptions;
export const LAZY_DEPENDENCY_SHIMS: Record<string, string>;
export function lazyDependencyEntries(): Record<string, string>;
export const ONLY_THE_VERSION: Plugin;
