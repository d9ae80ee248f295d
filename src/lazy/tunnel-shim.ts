import { loadBeside } from './load-beside.js';

// The bundles see this file as `tunnel` (an alias in scripts/package.mjs). @actions/http-client imports it at
// the top, yet needs it only to reach a server through a proxy; the real tunnel, bundled as dist/tunnel.js,
// is loaded on the first proxied request.

type MakeAgent = (options: unknown) => unknown;
interface Tunnel {
  httpOverHttp: MakeAgent;
  httpsOverHttp: MakeAgent;
  httpOverHttps: MakeAgent;
  httpsOverHttps: MakeAgent;
}

let tunnel: Tunnel | undefined;
const real = (): Tunnel => (tunnel ??= loadBeside<Tunnel>('tunnel.js'));

export const httpOverHttp: MakeAgent = (options) => real().httpOverHttp(options);
export const httpsOverHttp: MakeAgent = (options) => real().httpsOverHttp(options);
export const httpOverHttps: MakeAgent = (options) => real().httpOverHttps(options);
export const httpsOverHttps: MakeAgent = (options) => real().httpsOverHttps(options);
