import { createServer, type IncomingMessage } from 'node:http';
import { connect, isIP, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** One CONNECT the proxy received: the target as asked for and the Proxy-Authorization header, if any. */
export interface ConnectRecord {
  target: string;
  authorization: string | undefined;
}

export interface ConnectProxy {
  /** http://127.0.0.1:port */
  url: string;
  port: number;
  connects: ConnectRecord[];
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy that really tunnels CONNECT. Only the names in `names` resolve (to a loopback address,
 * here and nowhere else, so the client must go through the proxy to reach them); loopback addresses pass as
 * they are; every other target is refused, so nothing leaves the machine.
 */
export async function startConnectProxy(names: Record<string, string>): Promise<ConnectProxy> {
  const connects: ConnectRecord[] = [];
  const open = new Set<Socket>();
  const server = createServer((_req, res) => {
    res.writeHead(405).end();
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    const target = req.url ?? '';
    connects.push({ target, authorization: req.headers['proxy-authorization'] });
    const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(target);
    const host = match?.[1] ?? '';
    const address = names[host] ?? (isIP(host) && /^(127\.|::1$)/.test(host) ? host : undefined);
    if (!match || address === undefined) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(Number(match[2]), address, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    open.add(upstream);
    upstream.on('close', () => open.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    connects,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
