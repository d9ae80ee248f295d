export function versionOfTag(tag: string): string | undefined;
export function changelogEntry(changelog: string, version: string): string | undefined;
export function releaseNotes(release: { tag: string; packageVersion: string; changelog: string }): string;
