import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../src/http.js';
import { type FetchContext, fetchJson } from '../../src/lint/fetch.js';
import type { Observation } from '../../src/lint/findings.js';
import type { Reach } from '../../src/reach.js';
import { Deadline } from '../../src/retry.js';
import { type ConnectAttempt, installConnectGuard } from '../support/connect-guard.mjs';

// The lint's own fetch code and the real send function, in this process, with the connect guard recording
// every address a socket is about to connect to and stopping all but loopback: nothing leaves the machine.
// A name resolves only through this table.
const NAMES: Record<string, string[]> = {
  'public.example.test': ['8.8.8.8'],
  'loopback.example.test': ['127.0.0.1'],
  localhost: ['127.0.0.1', '::1'],
  'private.example.test': ['10.0.0.5'],
  'cgnat.example.test': ['100.64.0.9'],
  'ula.example.test': ['fd12:3456::1'],
  'link-local.example.test': ['169.254.7.7'],
  'metadata.example.test': ['169.254.169.254'],
  'mapped-metadata.example.test': ['::ffff:a9fe:a9fe'],
  'imds-v6.example.test': ['fd00:ec2::254'],
  'rebind.example.test': ['8.8.8.8', '127.0.0.1'],
};

const attempts: ConnectAttempt[] = [];
const lookups: string[] = [];
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY'];
const savedProxyVariables = new Map<string, string | undefined>();
let removeGuard: () => void = () => undefined;

/** A loopback TCP server that counts connections and closes each at once: a fetch there fails, visibly. */
function countingServer(onData?: (socket: Socket, data: string) => void) {
  let connections = 0;
  const received: string[] = [];
  const server: Server = createServer((socket) => {
    connections++;
    socket.on('error', () => undefined);
    if (!onData) return void socket.destroy();
    socket.once('data', (data: Buffer) => {
      received.push(data.toString('latin1'));
      onData(socket, data.toString('latin1'));
    });
  });
  const started = new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
  return { started, connections: () => connections, received, close: () => server.close() };
}

const target = countingServer();
let port = 0;

beforeAll(async () => {
  for (const name of PROXY_VARIABLES) {
    savedProxyVariables.set(name, process.env[name]);
    delete process.env[name];
  }
  port = await target.started;
  removeGuard = installConnectGuard({
    names: NAMES,
    onAttempt: (attempt) => attempts.push(attempt),
    onLookup: (name) => lookups.push(name),
  });
});

afterAll(() => {
  removeGuard();
  target.close();
  for (const [name, value] of savedProxyVariables) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

afterEach(() => {
  attempts.length = 0;
  lookups.length = 0;
});

async function fetchUnder(reach: Reach, url: string): Promise<Observation[]> {
  const observations: Observation[] = [];
  const context: FetchContext = { send, deadline: new Deadline(5_000), records: [], reach };
  await fetchJson(url, 'discovery document', context, observations);
  return observations;
}

function expectRefusedBeforeConnecting(observations: Observation[], address: string, kind: string): void {
  expect(observations.map((observation) => observation.rule)).toEqual(['fetch-address-refused']);
  expect(observations[0]?.message).toContain(address);
  expect(observations[0]?.message).toContain(kind);
  expect(attempts).toEqual([]);
}

/** IP hosts in the spellings URL parsing accepts, with the address each one is. */
const LOOPBACK_SPELLINGS = () => [
  [`https://127.0.0.1:${port}/`, '127.0.0.1'],
  [`https://2130706433:${port}/`, '127.0.0.1'],
  [`https://0177.0.0.1:${port}/`, '127.0.0.1'],
  [`https://0x7f.1:${port}/`, '127.0.0.1'],
  [`https://127.1:${port}/`, '127.0.0.1'],
  [`https://0x7f000001:${port}/`, '127.0.0.1'],
  [`https://[::1]:${port}/`, '::1'],
  [`https://[::ffff:127.0.0.1]:${port}/`, '::ffff:7f00:1'],
  [`https://[0:0:0:0:0:ffff:7f00:1]:${port}/`, '::ffff:7f00:1'],
];

const NEVER_FETCHED: [string, string, string][] = [
  ['https://169.254.169.254/latest/meta-data/', '169.254.169.254', 'a cloud metadata address'],
  ['https://2852039166/', '169.254.169.254', 'a cloud metadata address'],
  ['https://0xa9.0xfe.0xa9.0xfe/', '169.254.169.254', 'a cloud metadata address'],
  ['https://0251.0376.0251.0376/', '169.254.169.254', 'a cloud metadata address'],
  ['https://169.254.43518/', '169.254.169.254', 'a cloud metadata address'],
  ['https://[::ffff:169.254.169.254]/', '::ffff:a9fe:a9fe', 'a cloud metadata address'],
  ['https://[64:ff9b::a9fe:a9fe]/', '64:ff9b::a9fe:a9fe', 'a cloud metadata address'],
  ['https://[2002:a9fe:a9fe::]/', '2002:a9fe:a9fe::', 'a cloud metadata address'],
  ['https://[fd00:ec2::254]/', 'fd00:ec2::254', 'a cloud metadata address'],
  ['https://100.100.100.200/', '100.100.100.200', 'a cloud metadata address'],
  ['https://168.63.129.16/', '168.63.129.16', 'a cloud metadata address'],
  ['https://192.0.0.192/', '192.0.0.192', 'a cloud metadata address'],
  ['https://169.254.7.7/', '169.254.7.7', 'a link-local address'],
  ['https://[fe80::1]/', 'fe80::1', 'a link-local address'],
  ['https://0.0.0.0/', '0.0.0.0', 'an unspecified address'],
  ['https://0/', '0.0.0.0', 'an unspecified address'],
  ['https://[::]/', '::', 'an unspecified address'],
  ['https://224.0.0.1/', '224.0.0.1', 'a multicast, reserved or documentation address'],
  ['https://[ff02::1]/', 'ff02::1', 'a multicast, reserved or documentation address'],
];

describe('lint fetches in process, every connect attempt recorded', () => {
  it('refuses loopback in every spelling by default, before connecting', async () => {
    for (const [url, address] of LOOPBACK_SPELLINGS()) {
      const observations = await fetchUnder('public', url ?? '');
      expectRefusedBeforeConnecting(observations, address ?? '', 'a loopback address');
      expect(observations[0]?.fix).toContain('allow-private-hosts: true');
    }
    expect(target.connections()).toBe(0);
  });

  it.each([
    ['https://10.0.0.5/', '10.0.0.5'],
    ['https://172.16.0.1/', '172.16.0.1'],
    ['https://192.168.1.1/', '192.168.1.1'],
    ['https://100.64.0.1/', '100.64.0.1'],
    ['https://[fd12:3456::1]/', 'fd12:3456::1'],
    ['https://[::ffff:10.0.0.5]/', '::ffff:a00:5'],
  ])('refuses the private address %s by default, before connecting', async (url, address) => {
    expectRefusedBeforeConnecting(await fetchUnder('public', url), address, 'a private-range address');
  });

  it.each(NEVER_FETCHED)(
    'never fetches %s, not even with allow-private-hosts',
    async (url, address, kind) => {
      for (const reach of ['public', 'private'] as const) {
        const observations = await fetchUnder(reach, url);
        expectRefusedBeforeConnecting(observations, address, kind);
        expect(observations[0]?.message).toContain('which lint never connects to');
        expect(observations[0]?.fix).toContain('stay refused with `allow-private-hosts`');
      }
    },
  );

  it.each([
    ['loopback.example.test', '127.0.0.1', 'a loopback address', 'public'],
    ['localhost', '127.0.0.1', 'a loopback address', 'public'],
    ['private.example.test', '10.0.0.5', 'a private-range address', 'public'],
    ['cgnat.example.test', '100.64.0.9', 'a private-range address', 'public'],
    ['ula.example.test', 'fd12:3456::1', 'a private-range address', 'public'],
    ['rebind.example.test', '127.0.0.1', 'a loopback address', 'public'],
    ['link-local.example.test', '169.254.7.7', 'a link-local address', 'private'],
    ['metadata.example.test', '169.254.169.254', 'a cloud metadata address', 'private'],
    ['mapped-metadata.example.test', '::ffff:a9fe:a9fe', 'a cloud metadata address', 'private'],
    ['imds-v6.example.test', 'fd00:ec2::254', 'a cloud metadata address', 'private'],
  ] as const)('refuses %s, which resolves to %s (%s), under reach %s', async (name, address, kind, reach) => {
    const observations = await fetchUnder(reach, `https://${name}:${port}/.well-known/openid-configuration`);
    expectRefusedBeforeConnecting(observations, address, kind);
    expect(observations[0]?.message).toContain(`"${name}" resolves to ${address}, ${kind}`);
    expect(lookups).toEqual([name]);
  });

  it('admits loopback and private addresses with allow-private-hosts, by address and by name', async () => {
    const loopback = [
      [`https://127.0.0.1:${port}/`, ['127.0.0.1']],
      // Both of localhost's addresses are passed on: Node tries one after the other.
      [`https://localhost:${port}/`, ['127.0.0.1', '::1']],
      [`https://loopback.example.test:${port}/`, ['127.0.0.1']],
    ] as const;
    for (const [url, addresses] of loopback) {
      attempts.length = 0;
      await fetchUnder('private', url);
      // The server closes at once, so the reset connection is tried once more: each address may show twice.
      expect(new Set(attempts.map(({ address }) => address))).toEqual(new Set(addresses));
      expect(attempts.every(({ outcome }) => outcome === 'loopback')).toBe(true);
    }
    expect(target.connections()).toBeGreaterThanOrEqual(3);
    attempts.length = 0;

    // The lint lets these through; the guard stops them, so the only packet is the one never sent.
    const observations = [
      ...(await fetchUnder('private', 'https://10.0.0.5/')),
      ...(await fetchUnder('private', 'https://private.example.test/')),
      ...(await fetchUnder('private', 'https://[fd12:3456::1]/')),
    ];
    expect(attempts.map(({ address, outcome }) => [address, outcome])).toEqual([
      ['10.0.0.5', 'blocked'],
      ['10.0.0.5', 'blocked'],
      ['fd12:3456::1', 'blocked'],
    ]);
    expect(observations.map((observation) => observation.rule)).toEqual([
      'fetch-failed',
      'fetch-failed',
      'fetch-failed',
    ]);
  });

  it('admits a public address by default, judged on the address the name resolves to', async () => {
    const observations = await fetchUnder('public', 'https://public.example.test/');
    expect(attempts.map(({ address, outcome }) => [address, outcome])).toEqual([['8.8.8.8', 'blocked']]);
    expect(observations[0]?.rule).toBe('fetch-failed');
  });

  it('leaves the exchange path unrestricted: a request without a reach connects anywhere', async () => {
    const request = { method: 'GET', timeoutMs: 5_000 } as const;
    await expect(send({ ...request, url: 'https://10.0.0.5/' })).rejects.toMatchObject({ code: 'EGUARDED' });
    await expect(send({ ...request, url: `https://127.0.0.1:${port}/` })).rejects.toBeDefined();
    expect(attempts.map(({ address, outcome }) => [address, outcome])).toEqual([
      ['10.0.0.5', 'blocked'],
      ['127.0.0.1', 'loopback'],
    ]);
  });

  it('behind a proxy, judges IP hosts itself and leaves names to the proxy it always uses', async () => {
    const proxy = countingServer((socket) =>
      socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\nconnection: close\r\n\r\n'),
    );
    const proxyPort = await proxy.started;
    process.env.https_proxy = `http://127.0.0.1:${proxyPort}`;
    try {
      const refused = [
        ...(await fetchUnder('public', 'https://10.0.0.5/')),
        ...(await fetchUnder('private', 'https://[::ffff:a9fe:a9fe]/')),
      ];
      expect(refused.map((observation) => observation.rule)).toEqual([
        'fetch-address-refused',
        'fetch-address-refused',
      ]);
      expect(proxy.connections()).toBe(0);

      const proxied = await fetchUnder('public', 'https://private.example.test/');
      expect(proxied[0]?.rule).toBe('fetch-failed');
      expect(proxy.received[0]).toMatch(/^CONNECT private\.example\.test:443 HTTP\/1\.1\r\n/);
      // The target's name is the proxy's to resolve: it is never looked up here.
      expect(lookups).not.toContain('private.example.test');
      // Only ever the proxy (a refused tunnel may be tried once more, as a reset connection is).
      expect(
        new Set(attempts.map(({ address, port: to, outcome }) => `${address}:${to} ${outcome}`)),
      ).toEqual(new Set([`127.0.0.1:${proxyPort} loopback`]));
    } finally {
      delete process.env.https_proxy;
      proxy.close();
    }
  });
});
