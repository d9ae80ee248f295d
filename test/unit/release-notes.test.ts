// scripts/release-notes.mjs, which release.yml runs before it creates a release: the tag must name package.json's
// version and CHANGELOG.md must have that version's entry, which becomes the release notes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changelogEntry, releaseNotes, versionOfTag } from '../../scripts/release-notes.mjs';

const changelog = readFileSync(new URL('../../CHANGELOG.md', import.meta.url), 'utf8');

describe('release notes', () => {
  it('reads only exact vMAJOR.MINOR.PATCH tags', () => {
    expect(versionOfTag('v1.0.0')).toBe('1.0.0');
    expect(versionOfTag('v12.3.45')).toBe('12.3.45');
    for (const tag of ['1.0.0', 'v1', 'v1.0', 'v1.0.0-rc.1', 'refs/tags/v1.0.0', 'v1.0.0 ']) {
      expect(versionOfTag(tag), tag).toBeUndefined();
    }
  });

  it('takes the 1.0.0 entry of CHANGELOG.md, in Keep a Changelog form, without the link definitions', () => {
    expect(changelog).toMatch(/^## \[Unreleased\]$/m);
    expect(changelog).toMatch(/^## \[1\.0\.0\] - \d{4}-\d{2}-\d{2}$/m);
    const notes = changelogEntry(changelog, '1.0.0') ?? '';
    expect(notes).toMatch(/^The first release/);
    expect(notes).toContain('### Added');
    expect(notes).not.toContain('## [');
    expect(notes).not.toMatch(/^\[1\.0\.0\]: /m);
  });

  it('refuses a tag that is not package.json’s version, and a version without an entry', () => {
    expect(releaseNotes({ tag: 'v1.0.0', packageVersion: '1.0.0', changelog })).toBe(
      changelogEntry(changelog, '1.0.0'),
    );
    expect(() => releaseNotes({ tag: 'v1.0.1', packageVersion: '1.0.0', changelog })).toThrow(
      "tag v1.0.1 does not match package.json's version 1.0.0",
    );
    expect(() => releaseNotes({ tag: 'v2.0.0', packageVersion: '2.0.0', changelog })).toThrow(
      'CHANGELOG.md has no entry "## [2.0.0] - YYYY-MM-DD"',
    );
    expect(() => releaseNotes({ tag: 'v1.0', packageVersion: '1.0.0', changelog })).toThrow(
      'is not vMAJOR.MINOR.PATCH',
    );
    // An entry with a heading and nothing under it is no release note.
    expect(
      changelogEntry('## [1.0.1] - 2026-12-02\n\n## [1.0.0] - 2026-12-01\n- x\n', '1.0.1'),
    ).toBeUndefined();
    // A dot in the version is not a wildcard.
    expect(changelogEntry('## [1x0x0] - 2026-12-01\n- x\n', '1.0.0')).toBeUndefined();
  });
});
