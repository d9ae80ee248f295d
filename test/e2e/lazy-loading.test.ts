import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runAction } from '../support/run-action.ts';
import { runCli } from '../support/run-cli.ts';
import { startOidcProvider } from '../support/oidc-provider.ts';
import { runFolder } from '../support/run-folder.ts';
import { SPACE_AUDIENCE } from '../support/scenario.ts';
import { expectAuthenticated, scenarioForTest } from './expectations.ts';

// Issue 13: a step pays at start-up only for what it uses. A preload hooks the first socket the process opens
// (its first request) and records which files of dist/ and which Node built-ins were loaded at that moment,
// and at exit. The lazy parts are undici (http-client's fetch path), tunnel (a proxy) and the lint halves.
const RECORDER = join(REPO_ROOT, 'test', 'support', 'loaded-at-first-connect.mjs');

interface Snapshot {
  files: string[];
  builtins: string[];
}
interface LoadRecord {
  atFirstConnect?: Snapshot;
  atExit: Snapshot;
}

async function recording(): Promise<{
  nodeArgs: string[];
  env: { LOADED_RECORD: string };
  read: () => Promise<LoadRecord>;
}> {
  const file = join(await runFolder('loaded-'), 'loaded.json');
  return {
    nodeArgs: ['--import', RECORDER],
    env: { LOADED_RECORD: file },
    read: async () => JSON.parse(await readFile(file, 'utf8')) as LoadRecord,
  };
}

/** The files of dist/ in a snapshot, by name. */
function distFiles(snapshot: Snapshot | undefined): string[] {
  const dist = join(REPO_ROOT, 'dist');
  return (snapshot?.files ?? [])
    .filter((file) => file.startsWith(`${dist}/`))
    .map((file) => file.slice(dist.length + 1));
}

/** Node's own undici (behind fetch and WebSocket), which an ESM import of node:http would load. */
const nodeUndici = (snapshot: Snapshot | undefined) =>
  (snapshot?.builtins ?? []).filter((name) => /internal\/deps\/undici/.test(name));

describe.concurrent('the built bundles load their lazy parts only when used', () => {
  it('the action: its first request goes out with none of them loaded, nor Node’s own undici', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const record = await recording();
    const run = await runAction({
      inputs: scenario.inputs(),
      env: { ...scenario.runnerEnv(), ...record.env },
      nodeArgs: record.nodeArgs,
    });

    expectAuthenticated(run, scenario);
    const { atFirstConnect, atExit } = await record.read();
    expect(distFiles(atFirstConnect)).toEqual(['index.js']);
    expect(nodeUndici(atFirstConnect)).toEqual([]);
    // Nor later: the exchange without a proxy never needs them.
    expect(distFiles(atExit)).toEqual(['index.js']);
  });

  it('the CLI exchange: its first request goes out with none of them loaded', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const record = await recording();
    const run = await runCli(
      ['exchange', '--universe-domain', scenario.sts.url, '--audience', SPACE_AUDIENCE],
      {
        env: {
          GITHUB_ACTIONS: 'true',
          NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile,
          ...scenario.runnerEnv(),
          ...record.env,
        },
        nodeArgs: record.nodeArgs,
      },
    );

    expect(run.code, run.stderr).toBe(0);
    expect(scenario.sts.requests).toHaveLength(1);
    const { atFirstConnect, atExit } = await record.read();
    expect(distFiles(atFirstConnect)).toEqual(['cli.js']);
    expect(nodeUndici(atFirstConnect)).toEqual([]);
    // Only a Buildkite job runs a program: child_process is loaded when one is run.
    expect(atFirstConnect?.builtins).not.toContain('NativeModule child_process');
    expect(distFiles(atExit)).toEqual(['cli.js']);
  });

  it('the action in lint mode loads its lint half, and only that', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const provider = await startOidcProvider(scenario.ca);
    onTestFinished(() => provider.close());
    const record = await recording();
    const run = await runAction({
      // The provider listens on loopback: lint connects there only with the opt-in.
      inputs: {
        mode: 'lint',
        issuer: provider.issuer,
        profile: 'oidc',
        'fail-on': 'never',
        'allow-private-hosts': 'true',
      },
      env: { NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile, ...record.env },
      nodeArgs: record.nodeArgs,
    });

    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.errors).toBe('0');
    const { atFirstConnect, atExit } = await record.read();
    expect(distFiles(atFirstConnect)).toEqual(['index.js', 'lint.js']);
    expect(distFiles(atExit)).toEqual(['index.js', 'lint.js']);
  });

  it('the CLI lint loads its lint half, and only that', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const provider = await startOidcProvider(scenario.ca);
    onTestFinished(() => provider.close());
    const record = await recording();
    const run = await runCli(
      ['lint', '--allow-private-hosts', '--profile', 'oidc', '--fail-on', 'never', provider.issuer],
      { env: { NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile, ...record.env }, nodeArgs: record.nodeArgs },
    );

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(provider.issuer);
    const { atFirstConnect, atExit } = await record.read();
    expect(distFiles(atFirstConnect)).toEqual(['cli.js', 'lint-cli.js']);
    expect(distFiles(atExit)).toEqual(['cli.js', 'lint-cli.js']);
  });
});
