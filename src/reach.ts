import dns, { type LookupAddress, type LookupAllOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import {
  type AddressClass,
  admits,
  classifyAddress,
  describeAddressClass,
  type Reach,
} from './address-class.js';
import { NetworkError } from './network-error.js';

export type { Reach };

/** A connection not made: the host's address is outside the request's reach. */
export interface Refusal {
  /** The host as the URL names it. */
  host: string;
  /** The address judged: the host itself, or what it resolved to. */
  address: string;
  /** The host is an IP address, not a name. */
  literal: boolean;
  found: AddressClass;
  reach: Reach;
}

/** Name resolution: every address a name has. */
export type Resolve = (hostname: string, options: LookupAllOptions) => Promise<LookupAddress[]>;

/**
 * The system resolver, as Node's own connections use it. Called through the module object, so whatever
 * stands in for dns.lookup in the whole process (a test's stand-in DNS) stands in here too.
 */
export const systemResolve: Resolve = (hostname, options) =>
  new Promise((resolve, reject) => {
    dns.lookup(hostname, options, (error, addresses) => (error ? reject(error) : resolve(addresses)));
  });

/**
 * The refusal for a host that is an IP address, or undefined. Node connects to an IP address without
 * calling the lookup, and a proxy is handed the host as written, so such hosts are judged before any
 * connection is set up.
 */
export function refuseLiteralHost(hostname: string, reach: Reach): Refusal | undefined {
  const address = hostname.replace(/^\[(.*)\]$/, '$1');
  const found = classifyAddress(address);
  if (!found || admits(reach, found.kind)) return undefined;
  return { host: hostname, address, literal: true, found, reach };
}

/**
 * A lookup for net.connect that resolves the name and connects only if every address it has is within
 * reach. All of them are judged, not only the one tried first: Node tries the others when the first fails
 * (happy eyeballs), and a name with one public and one private address is what DNS rebinding looks like.
 */
export function guardedLookup(reach: Reach, resolve: Resolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    // @actions/http-client passes an IPv6 host in its URL brackets; net.connect then calls the lookup.
    const bare = hostname.replace(/^\[(.*)\]$/, '$1');
    const family = isIP(bare);
    const answer =
      family !== 0
        ? Promise.resolve([{ address: bare, family }])
        : resolve(hostname, { ...options, all: true });
    answer.then(
      (addresses) => {
        for (const { address } of addresses) {
          const found = classifyAddress(address) ?? { kind: 'reserved' as const };
          if (!admits(reach, found.kind)) {
            callback(refusedError({ host: hostname, address, literal: family !== 0, found, reach }), '');
            return;
          }
        }
        const first = addresses[0];
        if (!first)
          callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
        else if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

export const REFUSED_CODE = 'ADDRESS_REFUSED';

export function refusedError(refusal: Refusal): NetworkError {
  return new NetworkError(refusalText(refusal), REFUSED_CODE, false, refusal);
}

/** E.g. `idp.example.com resolves to 10.0.0.5, a private-range address (10.0.0.0/8)`. */
export function refusalText(refusal: Refusal): string {
  const { host, address, literal, found } = refusal;
  return literal
    ? `${host} is ${describeAddressClass(found)}`
    : `${host} resolves to ${address}, ${describeAddressClass(found)}`;
}

/** Whether allow-private-hosts would have admitted the address (loopback, private) or nothing would. */
export function refusedForGood(refusal: Refusal): boolean {
  return !admits('private', refusal.found.kind);
}
