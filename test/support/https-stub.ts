import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { TestCa } from './test-ca.ts';

export interface RecordedRequest {
  method: string;
  /** The request target as sent, including any query string. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Date.now() when the request arrived. */
  at: number;
}

export interface StubServer {
  /** https://127.0.0.1:PORT, no trailing slash. */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** TCP connections accepted so far: requests over fewer connections means connections were reused. */
  connections(): number;
  close(): Promise<void>;
}

export type StubHandler = (req: RecordedRequest, res: ServerResponse) => void | Promise<void>;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** `hosts`: the names and addresses the certificate is for (default 127.0.0.1 and localhost). */
export async function startHttpsServer(
  ca: TestCa,
  handler: StubHandler,
  hosts?: string[],
): Promise<StubServer> {
  const { keyPem, certPem } = ca.issueServerCert(hosts);
  const requests: RecordedRequest[] = [];
  // closeAllConnections() only knows sockets that finished the TLS handshake and reached HTTP, so
  // track raw sockets too: a client stuck mid-handshake must not keep close() waiting.
  const sockets = new Set<Socket>();
  let accepted = 0;

  const server = createServer({ key: keyPem, cert: certPem }, (req, res) => {
    const at = Date.now();
    void (async () => {
      const body = await readBody(req);
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: { ...req.headers },
        body,
        at,
      };
      requests.push(recorded);
      await handler(recorded, res);
    })().catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendText(res, 500, `stub handler failed: ${String(error)}`, 'text/plain');
    });
  });
  server.on('connection', (socket: Socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  function close(): Promise<void> {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
      for (const socket of sockets) {
        socket.destroy();
      }
    });
    return closing;
  }

  return { url: `https://127.0.0.1:${port}`, port, requests, connections: () => accepted, close };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

export function sendText(res: ServerResponse, status: number, text: string, contentType: string): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Ends the exchange with a transport error instead of an HTTP answer. */
export function dropConnection(res: ServerResponse): void {
  res.socket?.destroy();
}
