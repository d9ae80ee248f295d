import { createServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';
import { testCaForFile } from '../support/file-ca.ts';

const ca = testCaForFile();

/**
 * A provider whose server drops a kept connection the moment a second request arrives on it, as a server
 * does that closes idle connections without announcing a Keep-Alive timeout, at the worst moment.
 */
async function providerThatDropsReusedConnections() {
  const { keyPem, certPem } = ca().issueServerCert();
  const { publicKey } = await generateKeyPair('RS256');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] };
  const served = new WeakMap<Socket, number>();
  const sockets = new Set<Socket>();
  let issuer = '';
  let dropped = 0;
  const server = createServer({ key: keyPem, cert: certPem }, (req, res) => {
    const socket = req.socket;
    const count = (served.get(socket) ?? 0) + 1;
    served.set(socket, count);
    if (count > 1) {
      dropped++;
      socket.destroy();
      return;
    }
    const body =
      req.url === '/.well-known/openid-configuration'
        ? {
            issuer,
            jwks_uri: `${issuer}/keys`,
            response_types_supported: ['id_token'],
            subject_types_supported: ['public'],
            id_token_signing_alg_values_supported: ['RS256'],
          }
        : jwks;
    res.writeHead(200, { 'content-type': 'application/json', connection: 'keep-alive' });
    res.end(JSON.stringify(body));
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    dropped: () => dropped,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('lint over a connection the server drops when it is reused', () => {
  it('fetches again over a new connection instead of reporting fetch-failed', async ({ onTestFinished }) => {
    const provider = await providerThatDropsReusedConnections();
    onTestFinished(() => provider.close());
    const run = await runCli(['lint', '--fail-on', 'never', '--format', 'json', provider.issuer], {
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
    expect(provider.dropped()).toBe(1);
  });
});
