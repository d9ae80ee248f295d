// Every relative link in the README, docs/ and the repository's other Markdown pages resolves: the file exists,
// and a #fragment names a heading of that file (GitHub's anchors). Links to other sites are not fetched.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PAGES = [
  'README.md',
  'SECURITY.md',
  'CONTRIBUTING.md',
  'CHANGELOG.md',
  'BENCHMARKS.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
// The native integrations' READMEs: reached from docs/ci-systems.md rather than the README.
const INTEGRATION_PAGES = readdirSync(join(root, 'integrations'), { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('README.md'))
  .map((name) => `integrations/${name}`);

/** Markdown without fenced code blocks and inline code, where a bracket is not a link. */
function prose(markdown: string): string {
  return markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Link targets: inline `[text](target "title")` and reference definitions `[label]: target`. */
export function linkTargets(markdown: string): string[] {
  const text = prose(markdown);
  const inline = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(
    (match) => match[1] ?? '',
  );
  const definitions = [...text.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map(
    (match) => match[1] ?? '',
  );
  return [...inline, ...definitions];
}

/** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces to hyphens, -1 for repeats. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, heading = ''] of prose(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'); // a link in a heading keeps only its text
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
    seen.set(slug, count + 1);
  }
  return anchors;
}

// Headings are read from the raw page: inline code in a heading still gives its text to the anchor.
function anchorsOf(path: string): Set<string> {
  return headingAnchors(readFileSync(path, 'utf8').replace(/`([^`\n]*)`/g, '$1'));
}

/** The links of `markdown`, read as the page at `page`, that name no file or no heading. */
function brokenLinks(page: string, markdown = readFileSync(join(root, page), 'utf8')): string[] {
  const path = join(root, page);
  const broken: string[] = [];
  for (const target of linkTargets(markdown)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: and the like
    const [file = '', fragment] = target.split('#');
    const resolved = file === '' ? path : join(dirname(path), decodeURIComponent(file));
    if (!resolved.startsWith(root) || !existsSync(resolved)) {
      broken.push(`${target}: no such file`);
    } else if (fragment !== undefined && !statSync(resolved).isDirectory()) {
      if (!anchorsOf(resolved).has(decodeURIComponent(fragment))) {
        broken.push(`${target}: no heading #${fragment} in ${relative(root, resolved)}`);
      }
    }
  }
  return broken;
}

describe('relative links in the documentation', () => {
  it.each([...PAGES, ...INTEGRATION_PAGES])(
    '%s: every relative link resolves to a file and heading',
    (page) => {
      expect(existsSync(join(root, page)), page).toBe(true);
      expect(brokenLinks(page)).toEqual([]);
      if (page.startsWith('docs/'))
        expect(linkTargets(readFileSync(join(root, page), 'utf8'))).toContain('../README.md');
    },
  );

  it('reaches every page of docs/ and the repository pages from the README', () => {
    const fromReadme = new Set(
      linkTargets(readFileSync(join(root, 'README.md'), 'utf8')).map((t) => t.split('#')[0]),
    );
    for (const page of PAGES.filter((p) => p !== 'README.md')) expect(fromReadme, page).toContain(page);
  });

  it('reports a missing file and a missing heading, and accepts a good link of each kind', () => {
    const page = [
      '[gone](docs/gone.md), [no heading](docs/setup.md#no-such-heading), [here](#also-missing)',
      '[ok](docs/setup.md#registering-the-provider-in-mondoo), [ok](LICENSE), [ok](#inputs), [web](https://x.test/a.md)',
    ].join('\n');
    expect(brokenLinks('README.md', page)).toEqual([
      'docs/gone.md: no such file',
      'docs/setup.md#no-such-heading: no heading #no-such-heading in docs/setup.md',
      '#also-missing: no heading #also-missing in README.md',
    ]);
  });

  it('keeps the README within 15 KB', () => {
    expect(statSync(join(root, 'README.md')).size).toBeLessThanOrEqual(15_000);
  });

  it('finds links and anchors the way GitHub renders them', () => {
    const page = [
      '# Other CI systems: the `mondoo-keyless` command',
      '## Retries and timeouts',
      '## Retries and timeouts',
      'See [a](docs/x.md#y "title"), [b](<c.md>) and `[not](a-link.md)`.',
      '```md',
      '[nor](this.md)',
      '```',
      '[ref]: ../LICENSE',
    ].join('\n');
    expect(linkTargets(page)).toEqual(['docs/x.md#y', 'c.md', '../LICENSE']);
    expect([...headingAnchors(page.replace(/`/g, ''))]).toEqual([
      'other-ci-systems-the-mondoo-keyless-command',
      'retries-and-timeouts',
      'retries-and-timeouts-1',
    ]);
  });
});
