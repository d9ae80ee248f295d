import { readFile, realpath, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BUNDLE_OPTIONS, LAZY_DEPENDENCY_SHIMS } from '../../scripts/bundle-options.mjs';
import { startConnectProxy } from '../support/connect-proxy.ts';
import { startOidcProvider } from '../support/oidc-provider.ts';
import { REPO_ROOT } from '../support/run-action.ts';
import { runFolder } from '../support/run-folder.ts';
import { spawnCollect } from '../support/spawn-collect.ts';
import { scenarioForTest } from './expectations.ts';

// Issue 13: in the bundles, undici is a shim whose ProxyAgent loads dist/undici.js when first made. The action
// never takes @actions/http-client's fetch path (getAgentDispatcher), the one place undici serves, so the
// bundles cannot be driven down it. A harness that takes it is bundled here with the action's own esbuild
// options and shim, beside a link to the built dist/undici.js, and run behind a loopback CONNECT proxy that
// really tunnels: the ProxyAgent it gets must be undici's own, loaded on first use, and carry a real request.
const HARNESS = join(REPO_ROOT, 'test', 'support', 'fetch-path-harness.ts');
const GUARD = join(REPO_ROOT, 'test', 'support', 'connect-guard-preload.mjs');

interface HarnessReport {
  before: string[];
  afterDispatcher: string[];
  undicisOwn: boolean;
  status: number;
  body: string;
}

describe("http-client's fetch path in a bundle", () => {
  it('loads the built undici on first use and tunnels through the proxy', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    // Only the proxy can reach idp.test: in the harness the connect guard resolves no name at all.
    const provider = await startOidcProvider(scenario.ca, { host: 'idp.test' });
    onTestFinished(() => provider.close());
    const proxy = await startConnectProxy({ 'idp.test': '127.0.0.1' });
    onTestFinished(() => proxy.close());

    const dir = await runFolder('fetch-path-');
    await build({
      ...BUNDLE_OPTIONS,
      entryPoints: { harness: HARNESS },
      outdir: dir,
      outExtension: { '.js': '.cjs' },
      alias: LAZY_DEPENDENCY_SHIMS,
      logLevel: 'silent',
    });
    await symlink(join(REPO_ROOT, 'dist', 'undici.js'), join(dir, 'undici.js'));
    const builtUndici = await realpath(join(REPO_ROOT, 'dist', 'undici.js'));
    const connects = join(dir, 'connects.jsonl');
    await writeFile(connects, '');

    const url = `${provider.issuer}/.well-known/openid-configuration`;
    const run = await spawnCollect(process.execPath, ['--import', GUARD, join(dir, 'harness.cjs'), url], {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        https_proxy: proxy.url,
        NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile,
        CONNECT_GUARD: JSON.stringify({ names: {}, routes: {}, log: connects }),
      },
      timeoutMs: 30_000,
    });

    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as HarnessReport;
    // Not loaded at start, loaded by the first ProxyAgent: the real one, from dist/.
    expect(report.before).toEqual([]);
    expect(report.afterDispatcher).toEqual([builtUndici]);
    expect(report.undicisOwn).toBe(true);
    expect(report.status).toBe(200);
    expect((JSON.parse(report.body) as { issuer: string }).issuer).toBe(provider.issuer);
    // It went through the proxy, as a tunnel to the provider, and the harness connected nowhere else.
    expect(proxy.connects.map((seen) => seen.target)).toEqual([`idp.test:${new URL(url).port}`]);
    const attempts = (await readFile(connects, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { port: number | string; outcome: string });
    expect(attempts.map((attempt) => [Number(attempt.port), attempt.outcome])).toEqual([
      [proxy.port, 'loopback'],
    ]);
  });
});
