import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { testCaForFile } from '../support/file-ca.ts';
import { sendJson } from '../support/https-stub.ts';
import { DISCOVERY_PATH, JWKS_PATH, providersFor, type Route } from '../support/oidc-provider.ts';
import { runCli } from '../support/run-cli.ts';

const ca = testCaForFile();

describe('lint over a connection the server drops when it is reused', () => {
  it('fetches again over a new connection instead of reporting fetch-failed', async ({ onTestFinished }) => {
    // A server that drops a kept connection the moment a second request arrives on it, as a server does
    // that closes idle connections without announcing a Keep-Alive timeout, at the worst moment.
    const served = new WeakMap<Socket, number>();
    let dropped = 0;
    const dropSecondRequest =
      (answer: Route): Route =>
      (req, res, provider) => {
        const socket = res.socket;
        const count = (socket ? (served.get(socket) ?? 0) : 0) + 1;
        if (socket) served.set(socket, count);
        if (count > 1) {
          dropped++;
          socket?.destroy();
          return;
        }
        return answer(req, res, provider);
      };
    const provider = await providersFor(
      ca(),
      onTestFinished,
    )({
      routes: {
        [DISCOVERY_PATH]: dropSecondRequest((_req, res, p) => sendJson(res, 200, p.discovery())),
        [JWKS_PATH]: dropSecondRequest((_req, res, p) => sendJson(res, 200, p.jwks)),
      },
    });
    // The provider is on loopback: lint connects there only with the opt-in.
    const args = ['--allow-private-hosts', '--fail-on', 'never', '--format', 'json', provider.issuer];
    const run = await runCli(['lint', ...args], {
      env: { NODE_EXTRA_CA_CERTS: ca().caCertFile },
    });
    const [report] = JSON.parse(run.stdout) as {
      findings: { rule: string }[];
      fetches: { url: string; status?: number }[];
    }[];
    expect(report?.findings.map((finding) => finding.rule)).not.toContain('fetch-failed');
    expect(report?.fetches.map((fetch) => [fetch.url, fetch.status])).toEqual([
      [`${provider.issuer}/.well-known/openid-configuration`, 200],
      [`${provider.issuer}/keys`, 200],
    ]);
    // The key set was asked for on the kept connection first: the case this guards really happened.
    expect(dropped).toBe(1);
  });
});
