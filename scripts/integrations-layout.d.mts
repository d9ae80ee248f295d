// Types for scripts/integrations-layout.mjs, which tests import.
export interface Layout {
  folder: string;
  source: string;
  files: string[];
}
export const LAYOUTS: Layout[];
export const PINNED_VERSIONS: [string, RegExp][];
export function pinnedVersions(dir?: string): Record<string, string | undefined>;
export function packOrb(src: string): string;
export function layOut(outDir: string, options?: { dir?: string; repoRoot?: string }): string[];
