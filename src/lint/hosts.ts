import { addressLabel, classifyAddress } from '../address-class.js';

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
  const address = classifyAddress(host);
  if (address) return address.kind === 'public' ? undefined : addressLabel(address.kind);
  if (host === 'localhost') return 'a loopback name';
  const suffix = NON_PUBLIC_SUFFIXES.find((ending) => host.endsWith(ending));
  if (suffix) return `a ${suffix === '.cluster.local' || suffix === '.svc' ? 'cluster-local' : 'local'} name`;
  if (!host.includes('.')) return 'a single-label name that only resolves inside a network';
  return undefined;
}
