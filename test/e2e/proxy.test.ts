import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startConnectProxy } from '../support/connect-proxy.ts';
import { REPO_ROOT, runAction } from '../support/run-action.ts';
import { expectAuthenticated, scenarioForTest } from './expectations.ts';

// Issue 13: proxy behaviour must stay exactly as @actions/http-client gives it. http-client never proxies a
// loopback-looking host, so the stand-ins are addressed as sts.test and tokens.test: names that resolve to
// 127.0.0.1 in the proxy and, for a bypassed direct connection, in the child's connect guard (no DNS query
// leaves the process). Each case is a full exchange; the proxy records every CONNECT it tunnelled.
const GUARD = join(REPO_ROOT, 'test', 'support', 'connect-guard-preload.mjs');
const NAMES = { 'sts.test': '127.0.0.1', 'tokens.test': '127.0.0.1' };

// Records the files the bundle had loaded when the process ends (see lazy-loading.test.ts).
const RECORDER = `
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  writeFileSync(process.env.LOADED_RECORD, JSON.stringify(Object.keys(require.cache)));
});
`;

interface Case {
  proxyEnv: (proxyUrl: string) => Record<string, string>;
  /** Address the stand-ins by their loopback URLs instead of the .test names. */
  loopback?: boolean;
  proxied: boolean;
  auth?: string;
}

const cases: Record<string, Case> = {
  https_proxy: { proxyEnv: (url) => ({ https_proxy: url }), proxied: true },
  HTTPS_PROXY: { proxyEnv: (url) => ({ HTTPS_PROXY: url }), proxied: true },
  'credentials in the proxy URL': {
    proxyEnv: (url) => ({ https_proxy: url.replace('http://', 'http://proxy-user:proxy-pass@') }),
    proxied: true,
    auth: `Basic ${Buffer.from('proxy-user:proxy-pass').toString('base64')}`,
  },
  'a proxy value without http://': {
    proxyEnv: (url) => ({ https_proxy: url.slice('http://'.length) }),
    proxied: true,
  },
  'no_proxy with a parent domain': {
    proxyEnv: (url) => ({ https_proxy: url, no_proxy: 'test' }),
    proxied: false,
  },
  'no_proxy with a leading dot': {
    proxyEnv: (url) => ({ https_proxy: url, no_proxy: '.test' }),
    proxied: false,
  },
  'no_proxy with the exact hosts': {
    proxyEnv: (url) => ({ https_proxy: url, no_proxy: 'sts.test,tokens.test' }),
    proxied: false,
  },
  'no_proxy *': { proxyEnv: (url) => ({ https_proxy: url, no_proxy: '*' }), proxied: false },
  'loopback targets': { proxyEnv: (url) => ({ https_proxy: url }), loopback: true, proxied: false },
  'no proxy at all': { proxyEnv: () => ({}), proxied: false },
};

function renamed(url: string, host: string): string {
  const parsed = new URL(url);
  parsed.hostname = host;
  return parsed.toString().replace(/\/$/, '');
}

describe('the built action behind a proxy', () => {
  for (const [name, spec] of Object.entries(cases)) {
    it(`${name}: ${spec.proxied ? 'tunnels' : 'goes direct'} and completes the exchange`, async ({
      onTestFinished,
    }) => {
      const scenario = await scenarioForTest(onTestFinished);
      const proxy = await startConnectProxy(NAMES);
      onTestFinished(() => proxy.close());
      const dir = await mkdtemp(join(tmpdir(), 'proxy-'));
      const recorder = join(dir, 'recorder.cjs');
      const record = join(dir, 'loaded.json');
      await writeFile(recorder, RECORDER);

      const runnerEnv = scenario.runnerEnv();
      const tokenUrl = runnerEnv.ACTIONS_ID_TOKEN_REQUEST_URL ?? '';
      const inputs = scenario.inputs();
      const stsUrl = inputs['universe-domain'] ?? '';
      const run = await runAction({
        inputs: spec.loopback ? inputs : { ...inputs, 'universe-domain': renamed(stsUrl, 'sts.test') },
        env: {
          ...runnerEnv,
          ...(spec.loopback ? {} : { ACTIONS_ID_TOKEN_REQUEST_URL: renamed(tokenUrl, 'tokens.test') }),
          ...spec.proxyEnv(proxy.url),
          CONNECT_GUARD: JSON.stringify({
            names: { 'sts.test': ['127.0.0.1'], 'tokens.test': ['127.0.0.1'] },
            routes: {},
            log: join(dir, 'connects.jsonl'),
          }),
          LOADED_RECORD: record,
        },
        nodeArgs: ['--import', GUARD, '--require', recorder],
      });

      expectAuthenticated(run, scenario);
      const loaded = (JSON.parse(await readFile(record, 'utf8')) as string[]).filter((file) =>
        /dist[/\\](undici|tunnel)\.js$/.test(file),
      );
      // What the child itself connected to, as its connect guard saw it.
      const attempts = (await readFile(join(dir, 'connects.jsonl'), 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { port: number; outcome: string });
      expect(attempts.length).toBeGreaterThan(0);
      expect(attempts.filter((attempt) => attempt.outcome !== 'loopback')).toEqual([]);
      const viaProxy = attempts.filter((attempt) => Number(attempt.port) === proxy.port);
      if (spec.proxied) {
        expect(viaProxy).toEqual(attempts);
        const stsTarget = `sts.test:${new URL(stsUrl).port}`;
        const tokenTarget = `tokens.test:${new URL(tokenUrl).port}`;
        expect(proxy.connects.map((c) => c.target)).toEqual(expect.arrayContaining([tokenTarget, stsTarget]));
        expect(new Set(proxy.connects.map((c) => c.target))).toEqual(new Set([tokenTarget, stsTarget]));
        for (const seen of proxy.connects) expect(seen.authorization).toBe(spec.auth);
        // The action's own proxied requests go through tunnel; undici serves only http-client's fetch path.
        expect(loaded.map((file) => file.replace(/^.*[/\\]/, ''))).toEqual(['tunnel.js']);
      } else {
        expect(proxy.connects).toEqual([]);
        expect(viaProxy).toEqual([]);
        expect(loaded).toEqual([]);
      }
    });
  }
});
