import { createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runAction } from '../support/run-action.ts';
import { SPACE_AUDIENCE } from '../support/scenario.ts';
import { expectFailedCleanly, scenarioForTest } from './expectations.ts';

/** A loopback "proxy" that accepts connections, records what it is asked, and never answers. */
async function startSilentProxy(): Promise<{
  url: string;
  received: () => string;
  close: () => Promise<void>;
}> {
  const sockets = new Set<Socket>();
  let received = '';
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    received: () => received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe.concurrent('the runner environment', () => {
  it('ends within `timeout` when the proxy never answers the CONNECT', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const proxy = await startSilentProxy();
    onTestFinished(() => proxy.close());
    const token = await scenario.tokenService.mint({ audience: SPACE_AUDIENCE });
    // A non-loopback name, so http-client sends it through the proxy (it bypasses proxies for loopback).
    // Only the loopback proxy is ever contacted: the client does not resolve the target itself.
    const run = await runAction({
      inputs: {
        'universe-domain': 'https://sts.mondoo-keyless.invalid',
        audience: SPACE_AUDIENCE,
        token,
        timeout: '3',
      },
      env: { https_proxy: proxy.url, NODE_EXTRA_CA_CERTS: scenario.ca.caCertFile },
      timeoutMs: 20_000,
    });

    expect(run.timedOut).toBe(false);
    expect(proxy.received()).toMatch(/^CONNECT sts\.mondoo-keyless\.invalid:443 HTTP\/1\.1/);
    expectFailedCleanly(run, scenario, /did not answer within \d+ s[\s\S]*`timeout` of 3 s/);
    expect(run.durationMs).toBeLessThan(3000 + 3000);
  });

  it('refuses to run without GITHUB_ENV, before requesting a token, rather than print the credential', async ({
    onTestFinished,
  }) => {
    const scenario = await scenarioForTest(onTestFinished);
    const run = await runAction({
      inputs: scenario.inputs(),
      env: { ...scenario.runnerEnv(), GITHUB_ENV: undefined },
    });

    expectFailedCleanly(run, scenario, /GITHUB_ENV is not set/);
    expect(scenario.tokenService.requests).toHaveLength(0);
    expect(run.stdout).not.toMatch(/::set-(env|output)/);
  });

  it('explains a redirect from the token service instead of following it', async ({ onTestFinished }) => {
    const scenario = await scenarioForTest(onTestFinished);
    scenario.tokenService.script.push({ kind: 'status', status: 302, body: '' });
    const run = await runAction({ inputs: scenario.inputs(), env: scenario.runnerEnv() });

    expectFailedCleanly(
      run,
      scenario,
      /token service answered HTTP 302, a redirect.*not followed[\s\S]*no_proxy/,
    );
    expect(scenario.tokenService.requests).toHaveLength(1);
  });
});
