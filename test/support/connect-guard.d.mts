export interface ConnectAttempt {
  /** The host the socket was asked to connect to (a name, or an address as written). */
  host: string;
  /** The address it would have connected to. */
  address: string;
  port: number | string | undefined;
  /** `loopback` connected, `routed` connected to loopback in its place, `blocked` stopped before connecting. */
  outcome: 'loopback' | 'routed' | 'blocked';
}

export interface ConnectGuardOptions {
  /** The only names that resolve, and their addresses. */
  names?: Record<string, string[]>;
  /** Addresses served from loopback instead (a stand-in for a host the test plays). */
  routes?: Record<string, string>;
  onAttempt?: (attempt: ConnectAttempt) => void;
  onLookup?: (hostname: string, addresses: string[]) => void;
}

/** Installs the guard in this process; returns the function that removes it. */
export function installConnectGuard(options: ConnectGuardOptions): () => void;
