import { BlockList, isIP } from 'node:net';

const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::1', 128],
  ['::', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

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
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const family = isIP(host);
  if (family !== 0) {
    const type = family === 4 ? 'ipv4' : 'ipv6';
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host)?.[1];
    if (mapped ? NON_PUBLIC.check(mapped, 'ipv4') : NON_PUBLIC.check(host, type)) {
      return host.startsWith('127.') || host === '::1' ? 'a loopback address' : 'a private-range address';
    }
    return undefined;
  }
  if (host === 'localhost') return 'a loopback name';
  const suffix = NON_PUBLIC_SUFFIXES.find((ending) => host.endsWith(ending));
  if (suffix) return `a ${suffix === '.cluster.local' || suffix === '.svc' ? 'cluster-local' : 'local'} name`;
  if (!host.includes('.')) return 'a single-label name that only resolves inside a network';
  return undefined;
}
