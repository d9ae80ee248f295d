import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  discardPendingFiles,
  type FileSetting,
  reservePrivateFile,
  writePrivateFile,
} from '../../src/private-file.js';
import { runFolderSync } from '../support/run-folder.ts';
import { thrownBy } from './helpers.js';

const SETTING: FileSetting = { label: 'Option `--out`', fix: 'Pick another path.', mode: 0o600 };
const folder = () => runFolderSync('private-file-');

function sharedFolder(mode: number): string {
  const dir = join(folder(), 'shared');
  mkdirSync(dir);
  chmodSync(dir, mode);
  return dir;
}

describe('reservePrivateFile', () => {
  it('writes the whole text with the mode asked for, replacing a file, and leaves no scratch file', () => {
    const dir = folder();
    const path = join(dir, 'out.env');
    writeFileSync(path, 'old\n', { mode: 0o644 });
    const reserved = reservePrivateFile(path, SETTING);
    // Nothing at the path changes until the commit.
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toHaveLength(1);
    reserved.commit('new\n');
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(lstatSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['out.env']);
  });

  it.for([
    ['a symbolic link', (dir: string, path: string) => symlinkSync(join(dir, 'elsewhere'), path)],
    ['a folder', (_dir: string, path: string) => mkdirSync(path)],
  ] as const)('refuses a path that is %s, naming the setting and the fix', ([, plant]) => {
    const dir = folder();
    const path = join(dir, 'out.env');
    plant(dir, path);
    const error = thrownBy(() => reservePrivateFile(path, SETTING));
    expect(error.message).toMatch(
      new RegExp(
        `^Option \`--out\`: ${path} (is a symbolic link, which is never followed|exists and is not a regular file)\\.$`,
      ),
    );
    expect(error.fix).toBe('Pick another path.');
    expect(error.kind).toBe('settings');
    expect(readdirSync(dir)).toEqual(['out.env']);
  });

  it.for([
    [0o777, 'every user'],
    [0o757, 'every user'],
    [0o775, 'its group'],
    [0o770, 'its group'],
  ] as const)('refuses a folder of mode %o, which %s can write without the sticky bit', ([mode, who]) => {
    const dir = sharedFolder(mode);
    const path = join(dir, 'out.env');
    const error = thrownBy(() => reservePrivateFile(path, SETTING));
    expect(error.message).toBe(
      `Option \`--out\`: ${path} is in ${dir}, a folder ${who} can write without the sticky bit (mode ${mode.toString(8).padStart(4, '0')}): another user could replace the file after it is written.`,
    );
    expect(error.kind).toBe('settings');
    expect(readdirSync(dir)).toEqual([]);
  });

  it.for([0o1777, 0o1770, 0o755, 0o700])('accepts a folder of mode %o', (mode) => {
    const path = join(sharedFolder(mode), 'out.env');
    writePrivateFile(path, 'x', SETTING);
    expect(readFileSync(path, 'utf8')).toBe('x');
  });

  it('judges the folder of a relative path by the working directory', () => {
    const dir = sharedFolder(0o777);
    const before = process.cwd();
    process.chdir(dir);
    try {
      expect(thrownBy(() => reservePrivateFile('out.env', SETTING)).message).toContain('out.env is in .,');
    } finally {
      process.chdir(before);
    }
  });

  it('discard removes the scratch file and leaves the path as it was', () => {
    const dir = folder();
    const path = join(dir, 'out.env');
    writeFileSync(path, 'old\n');
    reservePrivateFile(path, SETTING).discard();
    expect(readdirSync(dir)).toEqual(['out.env']);
    expect(readFileSync(path, 'utf8')).toBe('old\n');
  });

  it('a failed commit is an output error and removes the scratch file', () => {
    const dir = join(folder(), 'sub');
    mkdirSync(dir);
    const path = join(dir, 'out.env');
    const reserved = reservePrivateFile(path, SETTING);
    rmSync(dir, { recursive: true });
    const error = thrownBy(() => reserved.commit('secret'));
    expect(error.kind).toBe('output');
    expect(error.message).toBe(`Option \`--out\`: ${path} could not be written (ENOENT).`);
    expect(error.message).not.toContain('secret');
  });
});

describe('discardPendingFiles', () => {
  it('removes the scratch files still reserved, and nothing that was committed or discarded', () => {
    const dir = folder();
    const committed = reservePrivateFile(join(dir, 'a'), SETTING);
    const discarded = reservePrivateFile(join(dir, 'b'), SETTING);
    reservePrivateFile(join(dir, 'c'), SETTING);
    reservePrivateFile(join(dir, 'd'), SETTING);
    committed.commit('a');
    discarded.discard();
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toHaveLength(2);
    discardPendingFiles();
    expect(readdirSync(dir)).toEqual(['a']);
    expect(readFileSync(join(dir, 'a'), 'utf8')).toBe('a');
  });
});
