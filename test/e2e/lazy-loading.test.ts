import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../support/run-action.ts';
import { expectAuthenticated, scenarioForTest } from './expectations.ts';

// Issue 13: the exchange step must not pay for undici or tunnel when no proxy is involved. A preload records
// which files the built bundle had loaded when the process ends; the exchange without a proxy must have
// loaded neither dist/undici.js nor dist/tunnel.js.
const RECORDER = `
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  writeFileSync(process.env.LOADED_RECORD, JSON.stringify(Object.keys(require.cache)));
});
`;

describe('the built action', () => {
  it('completes an exchange without loading undici or tunnel', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const dir = await mkdtemp(join(tmpdir(), 'lazy-'));
    const recorder = join(dir, 'recorder.cjs');
    const record = join(dir, 'loaded.json');
    await writeFile(recorder, RECORDER);
    const run = await runAction({
      inputs: scenario.inputs(),
      env: { ...scenario.runnerEnv(), LOADED_RECORD: record },
      nodeArgs: ['--require', recorder],
    });

    expectAuthenticated(run, scenario);
    const loaded = JSON.parse(await readFile(record, 'utf8')) as string[];
    expect(loaded.some((file) => file.endsWith(join('dist', 'index.js')))).toBe(true);
    expect(loaded.filter((file) => /dist[/\\](undici|tunnel)\.js$/.test(file))).toEqual([]);
  });
});
