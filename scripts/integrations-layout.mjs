// Lays out each CI system's integration from integrations/ the way that system consumes it, ready to mirror
// to its own repository or publish:
//   gitlab-component/                 a GitLab CI/CD catalog project: templates/ at its root, README.md, LICENSE
//   mondoo-keyless-buildkite-plugin/  a Buildkite plugin repository: plugin.yml and hooks/ at its root
//   circleci-orb/                     orb.yml packed from src/ as `circleci orb pack src` does, and src/ itself
//   azure-pipelines-template/         a repository a pipeline names as a resource: the template at its root
// Each integration pins the CLI version it runs; the layout refuses one that is not package.json's version, so
// a release never ships integrations that run another release's CLI.
//
// Usage: node scripts/integrations-layout.mjs OUT_DIR
import {
  chmodSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const root = fileURLToPath(new URL('../', import.meta.url));
const integrations = join(root, 'integrations');

/** The folder each system consumes, and the files of integrations/<source> that go in it. */
export const LAYOUTS = [
  { folder: 'gitlab-component', source: 'gitlab', files: ['README.md', 'templates/mondoo-keyless.yml'] },
  {
    folder: 'mondoo-keyless-buildkite-plugin',
    source: 'buildkite',
    files: ['README.md', 'plugin.yml', 'hooks/environment'],
  },
  {
    folder: 'circleci-orb',
    source: 'circleci',
    files: [
      'README.md',
      'src/@orb.yml',
      'src/commands/exchange.yml',
      'src/examples/scan.yml',
      'src/scripts/exchange.sh',
    ],
  },
  {
    folder: 'azure-pipelines-template',
    source: 'azure-pipelines',
    files: ['README.md', 'mondoo-keyless.yml'],
  },
];

/** Where each integration states the CLI version it runs by default, as a pattern whose group 1 is it. */
export const PINNED_VERSIONS = [
  ['gitlab/templates/mondoo-keyless.yml', /\n {4}version:\n(?: {6}.*\n)*? {6}default: ([0-9.]+)\n/],
  ['circleci/src/commands/exchange.yml', /\n {2}version:\n(?: {4}.*\n)*? {4}default: ([0-9.]+)\n/],
  ['buildkite/hooks/environment', /BUILDKITE_PLUGIN_MONDOO_KEYLESS_VERSION:-([0-9.]+)\}/],
  ['azure-pipelines/mondoo-keyless.yml', /- name: version\n(?: {4}.*\n)*? {4}default: ([0-9.]+)\n/],
];

/** Each integration's pinned CLI version, keyed by file; undefined where the pattern finds none. */
export function pinnedVersions(dir = integrations) {
  return Object.fromEntries(
    PINNED_VERSIONS.map(([file, pattern]) => [
      file,
      pattern.exec(readFileSync(join(dir, file), 'utf8'))?.[1],
    ]),
  );
}

/**
 * `circleci orb pack SRC`: @orb.yml is the orb's root; each YAML file in commands/, jobs/, executors/ and
 * examples/ becomes the entry of its file name (without .yml) under that key; a value that is exactly
 * `<<include(PATH)>>` becomes the text of PATH, relative to SRC.
 */
export function packOrb(src) {
  const orb = /** @type {Record<string, unknown>} */ (parse(readFileSync(join(src, '@orb.yml'), 'utf8')));
  for (const kind of ['commands', 'jobs', 'executors', 'examples']) {
    const folder = join(src, kind);
    if (!isFolder(folder)) continue;
    const entries = readdirSync(folder)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => [
        basename(name).replace(/\.ya?ml$/, ''),
        parse(readFileSync(join(folder, name), 'utf8')),
      ]);
    orb[kind] = Object.fromEntries(entries);
  }
  return stringify(includeFiles(orb, src), { lineWidth: 0 });
}

/** @param {unknown} value @param {string} src @returns {unknown} */
function includeFiles(value, src) {
  if (typeof value === 'string') {
    const path = /^<<include\(([^()]+)\)>>$/.exec(value.trim())?.[1];
    return path === undefined ? value : readFileSync(join(src, path), 'utf8');
  }
  if (Array.isArray(value)) return value.map((item) => includeFiles(item, src));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, includeFiles(item, src)]));
  }
  return value;
}

function isFolder(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Writes every layout into outDir (emptied first) and gives the folders it made. */
export function layOut(outDir, { dir = integrations, repoRoot = root } = {}) {
  const { version } = /** @type {{ version: string }} */ (
    JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'))
  );
  const wrong = Object.entries(pinnedVersions(dir)).filter(([, pinned]) => pinned !== version);
  if (wrong.length > 0) {
    const list = wrong.map(([file, pinned]) => `${file} (${pinned ?? 'no version found'})`).join(', ');
    throw new Error(`package.json is ${version}, but these integrations pin another CLI version: ${list}`);
  }
  rmSync(outDir, { recursive: true, force: true });
  const made = [];
  for (const layout of LAYOUTS) {
    const target = join(outDir, layout.folder);
    for (const file of layout.files) {
      mkdirSync(dirname(join(target, file)), { recursive: true });
      cpSync(join(dir, layout.source, file), join(target, file));
    }
    cpSync(join(repoRoot, 'LICENSE'), join(target, 'LICENSE'));
    made.push(target);
  }
  // Buildkite runs hooks as programs; git keeps the mode when the folder is mirrored.
  chmodSync(join(outDir, 'mondoo-keyless-buildkite-plugin', 'hooks', 'environment'), 0o755);
  writeFileSync(join(outDir, 'circleci-orb', 'orb.yml'), packOrb(join(dir, 'circleci', 'src')));
  return made;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) {
    console.error('Usage: node scripts/integrations-layout.mjs OUT_DIR');
    process.exit(2);
  }
  for (const folder of layOut(resolve(out))) console.log(folder);
}
