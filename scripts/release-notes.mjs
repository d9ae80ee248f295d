// Release helper for .github/workflows/release.yml: checks that a `vX.Y.Z` tag names the version package.json
// declares, and prints that version's CHANGELOG.md entry (Keep a Changelog: `## [X.Y.Z] - YYYY-MM-DD`) as the
// release notes. Plain Node, no dependency, so the release job can run it before anything is installed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The version a release tag names, or undefined when the tag is not exactly `vMAJOR.MINOR.PATCH`. */
export function versionOfTag(tag) {
  return /^v(\d+\.\d+\.\d+)$/.exec(tag)?.[1];
}

/** The body of one version's entry in a Keep a Changelog text (between its heading and the next `## `). */
export function changelogEntry(changelog, version) {
  const lines = changelog.split(/\r?\n/);
  const heading = new RegExp(`^## \\[${version.replaceAll('.', '\\.')}\\](?: - \\d{4}-\\d{2}-\\d{2})?\\s*$`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start === -1) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith('## '));
  const body = (end === -1 ? rest : rest.slice(0, end))
    .filter((line) => !/^\[[^\]]+\]: /.test(line)) // link reference definitions belong to the whole file
    .join('\n')
    .trim();
  return body === '' ? undefined : body;
}

/** Checks a tag against package.json and the changelog; returns the notes or throws with what is wrong. */
export function releaseNotes({ tag, packageVersion, changelog }) {
  const version = versionOfTag(tag);
  if (!version) throw new Error(`tag ${JSON.stringify(tag)} is not vMAJOR.MINOR.PATCH`);
  if (version !== packageVersion) {
    throw new Error(`tag ${tag} does not match package.json's version ${packageVersion}: bump one of them`);
  }
  const notes = changelogEntry(changelog, version);
  if (!notes) throw new Error(`CHANGELOG.md has no entry "## [${version}] - YYYY-MM-DD" with text under it`);
  return notes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('../', import.meta.url);
  const tag = process.argv[2] ?? '';
  try {
    const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
    const changelog = readFileSync(new URL('CHANGELOG.md', root), 'utf8');
    process.stdout.write(`${releaseNotes({ tag, packageVersion: version, changelog })}\n`);
  } catch (error) {
    process.stderr.write(`release-notes: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
