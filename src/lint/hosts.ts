import { BlockList, isIP } from 'node:net';

/** A BlockList of CIDR ranges, IPv4 and IPv6 alike. */
function ranges(cidrs: readonly string[]): BlockList {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [network = '', prefix = ''] = cidr.split('/');
    list.addSubnet(network, Number(prefix), isIP(network) === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
}

/** Loopback, private, shared (CGNAT), link-local and benchmarking ranges, and the unspecified address. */
const NON_PUBLIC = ranges([
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '::1/128',
  '::/128',
  'fc00::/7',
  'fe80::/10',
  'fec0::/10',
]);

/** Multicast, reserved and documentation ranges: no provider can be served from them. */
const RESERVED = ranges([
  '192.0.2.0/24',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
  'ff00::/8',
  '2001:db8::/32',
]);

// Cluster-local endings first: `.cluster.local` also ends in `.local`.
const NON_PUBLIC_SUFFIXES = [
  '.cluster.local',
  '.svc',
  '.localhost',
  '.local',
  '.internal',
  '.lan',
  '.home.arpa',
];

/**
 * Why Mondoo's cloud could not reach this host, judged from the name alone (nothing is resolved):
 * undefined when it looks public.
 */
export function nonPublicReason(hostname: string): string | undefined {
  // A trailing dot makes a name absolute without changing where it points.
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  const family = isIP(host);
  if (family !== 0) {
    const address = family === 4 ? host : (ipv4MappedAddress(host) ?? host);
    const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (RESERVED.check(address, type)) return 'a multicast, reserved or documentation address';
    if (!NON_PUBLIC.check(address, type)) return undefined;
    if (address.startsWith('127.') || address === '::1') return 'a loopback address';
    return address.startsWith('0.') || address === '::'
      ? 'an unspecified address'
      : 'a private-range address';
  }
  if (host === 'localhost') return 'a loopback name';
  const suffix = NON_PUBLIC_SUFFIXES.find((ending) => host.endsWith(ending));
  if (suffix) return `a ${suffix === '.cluster.local' || suffix === '.svc' ? 'cluster-local' : 'local'} name`;
  if (!host.includes('.')) return 'a single-label name that only resolves inside a network';
  return undefined;
}

/** The IPv4 address inside ::ffff:a.b.c.d, in either notation (URL parsing rewrites it as ::ffff:7f00:1). */
function ipv4MappedAddress(host: string): string | undefined {
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host)?.[1];
  if (dotted) return dotted;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (!hex) return undefined;
  const high = parseInt(hex[1] ?? '0', 16);
  const low = parseInt(hex[2] ?? '0', 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}
