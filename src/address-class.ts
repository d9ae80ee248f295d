import { BlockList, isIP } from 'node:net';

/**
 * What kind of IP address a host is or resolves to, so lint can decide whether to connect to it.
 * Ranges: the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and the RFC of each entry)
 * and IANA's IPv6 Address Space registry, in which only 2000::/3 is global unicast.
 */
export type AddressKind =
  'public' | 'loopback' | 'private' | 'link-local' | 'metadata' | 'unspecified' | 'reserved';

/** Which addresses a request may connect to: `public` only, or also loopback and private ranges. */
export type Reach = 'public' | 'private';

export interface AddressClass {
  kind: AddressKind;
  /** The range or single address that decided it, e.g. `10.0.0.0/8`; none for a public address. */
  range?: string;
  /** What the range is, where its kind alone does not say (whose metadata service, which prefix). */
  note?: string;
  /** The IPv4 address inside an IPv6 one (IPv4-mapped, NAT64, 6to4): that address was judged instead. */
  embedded?: { ipv4: string; form: string };
}

interface Entry {
  cidr: string;
  family: 4 | 6;
  prefixLength: number;
  /** Built on first use: building ~40 lists at load cost the exchange step's start-up time it never needed. */
  list?: BlockList;
  kind: AddressKind;
  note?: string;
}

function entry(cidr: string, kind: AddressKind, note?: string): Entry {
  const [network = '', prefix] = cidr.split('/');
  // Not isIP(): these ~40 ranges are made at load, and Node's IPv6 test is a large regular expression, slow
  // to compile and then a fraction of a millisecond a call here: milliseconds at every start of an exchange
  // that classifies no address. A range written in this file is IPv6 exactly when it has a colon.
  const family = network.includes(':') ? 6 : 4;
  const prefixLength = Number(prefix ?? (family === 6 ? 128 : 32));
  return { cidr, family, prefixLength, kind, note };
}

function listOf(range: Entry): BlockList {
  if (!range.list) {
    const network = range.cidr.split('/')[0] ?? '';
    range.list = new BlockList();
    range.list.addSubnet(network, range.prefixLength, range.family === 6 ? 'ipv6' : 'ipv4');
  }
  return range.list;
}

/**
 * Addresses where a cloud serves a machine's own metadata and credentials. Never connected to: a document
 * that points there may be trying to read the runner's cloud credentials. Sources:
 * - 169.254.169.254 and fd00:ec2::254: AWS EC2 User Guide, "Retrieve instance metadata"; the same IPv4
 *   address serves Azure IMDS, Google Cloud (metadata.google.internal) and Oracle Cloud Infrastructure.
 * - 169.254.170.2: AWS ECS Developer Guide, "Amazon ECS task metadata endpoint version 2".
 * - 169.254.170.23 and fd00:ec2::23: AWS EKS User Guide, "Set up the Amazon EKS Pod Identity Agent".
 * - 100.100.100.200: Alibaba Cloud ECS metadata (cloud-init's AliYun datasource documentation).
 * - 192.0.0.192: Oracle Compute Cloud@Customer, "Retrieve Predefined Instance Metadata".
 * - 168.63.129.16: Microsoft Learn, "What is IP address 168.63.129.16?" (Azure's WireServer). It is in a
 *   public range, so without this entry it would pass as public.
 */
const METADATA = [
  entry(
    '169.254.169.254',
    'metadata',
    'instance metadata of AWS, Azure, Google Cloud, Oracle Cloud and others',
  ),
  entry('fd00:ec2::254', 'metadata', 'AWS instance metadata over IPv6'),
  entry('169.254.170.2', 'metadata', 'AWS ECS task metadata and credentials'),
  entry('169.254.170.23', 'metadata', 'AWS EKS Pod Identity Agent'),
  entry('fd00:ec2::23', 'metadata', 'AWS EKS Pod Identity Agent over IPv6'),
  entry('100.100.100.200', 'metadata', 'Alibaba Cloud instance metadata'),
  entry('192.0.0.192', 'metadata', 'Oracle Cloud@Customer instance metadata'),
  entry('168.63.129.16', 'metadata', 'Azure platform services (WireServer)'),
];

/** IPv6 prefixes that carry an IPv4 address, and which 16-bit words hold it. */
const EMBEDDING: { prefix: Entry; words: [number, number] }[] = [
  { prefix: entry('::ffff:0:0/96', 'reserved', 'IPv4-mapped'), words: [6, 7] },
  { prefix: entry('64:ff9b::/96', 'reserved', 'NAT64'), words: [6, 7] },
  { prefix: entry('2002::/16', 'reserved', '6to4'), words: [1, 2] },
];

const RANGES = [
  entry('0.0.0.0/8', 'unspecified'),
  entry('10.0.0.0/8', 'private'),
  entry('100.64.0.0/10', 'private', 'shared address space (carrier-grade NAT)'),
  entry('127.0.0.0/8', 'loopback'),
  entry('169.254.0.0/16', 'link-local'),
  entry('172.16.0.0/12', 'private'),
  entry('192.0.0.0/24', 'reserved', 'IETF protocol assignments'),
  entry('192.0.2.0/24', 'reserved', 'documentation'),
  entry('192.88.99.0/24', 'reserved', 'former 6to4 relays'),
  entry('192.168.0.0/16', 'private'),
  // Reserved for benchmarking, but used inside some networks (and by proxies' fake-IP DNS): a network of
  // one's own, not the internet.
  entry('198.18.0.0/15', 'private', 'benchmarking'),
  entry('198.51.100.0/24', 'reserved', 'documentation'),
  entry('203.0.113.0/24', 'reserved', 'documentation'),
  entry('224.0.0.0/4', 'reserved', 'multicast'),
  entry('240.0.0.0/4', 'reserved', 'reserved and broadcast'),
  entry('::/128', 'unspecified'),
  entry('::1/128', 'loopback'),
  entry('64:ff9b:1::/48', 'private', 'local-use NAT64'),
  entry('100::/64', 'reserved', 'discard-only'),
  entry('2001::/23', 'reserved', 'IETF protocol assignments (Teredo, benchmarking, ORCHID)'),
  entry('2001:db8::/32', 'reserved', 'documentation'),
  entry('3fff::/20', 'reserved', 'documentation'),
  entry('5f00::/16', 'reserved', 'segment routing'),
  entry('fc00::/7', 'private', 'unique local'),
  entry('fe80::/10', 'link-local'),
  entry('fec0::/10', 'private', 'site-local'),
  entry('ff00::/8', 'reserved', 'multicast'),
];

const GLOBAL_UNICAST = entry('2000::/3', 'public');

function contains(range: Entry, address: string, family: 4 | 6): boolean {
  // BlockList matches IPv4 rules against IPv4-mapped IPv6 addresses and back; families are kept apart here.
  return range.family === family && listOf(range).check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * What `text` is as an IP address (brackets and an IPv6 zone are ignored), or undefined when it is not one.
 * Other spellings of IPv4 (2130706433, 0x7f.1, 0177.0.0.1, 127.1) are normalised by URL parsing before they
 * get here, and name resolution only ever answers with standard forms.
 */
export function classifyAddress(text: string): AddressClass | undefined {
  const address = text
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/%.*$/, '')
    .toLowerCase();
  const ipFamily = isIP(address);
  if (ipFamily === 0) return undefined;
  const family = ipFamily === 6 ? 6 : 4;
  const metadata = METADATA.find((known) => contains(known, address, family));
  if (metadata) return { kind: 'metadata', range: metadata.cidr, note: metadata.note };
  if (family === 6) {
    const carrier = EMBEDDING.find(({ prefix }) => contains(prefix, address, 6));
    if (carrier) {
      const ipv4 = ipv4In(address, carrier.words);
      const inner = classifyAddress(ipv4) ?? { kind: 'reserved' };
      return { ...inner, embedded: { ipv4, form: carrier.prefix.note ?? '' } };
    }
  }
  const range = RANGES.find((known) => contains(known, address, family));
  if (range) return { kind: range.kind, range: range.cidr, note: range.note };
  if (family === 6 && !contains(GLOBAL_UNICAST, address, 6)) {
    return { kind: 'reserved', range: 'outside 2000::/3', note: 'not global unicast' };
  }
  return { kind: 'public' };
}

/** Public addresses always; loopback and private ranges only when the reach includes them; nothing else. */
export function admits(reach: Reach, kind: AddressKind): boolean {
  return kind === 'public' || (reach === 'private' && (kind === 'loopback' || kind === 'private'));
}

const LABELS: Record<AddressKind, string> = {
  public: 'a public address',
  loopback: 'a loopback address',
  private: 'a private-range address',
  'link-local': 'a link-local address',
  metadata: 'a cloud metadata address',
  unspecified: 'an unspecified address',
  reserved: 'a multicast, reserved or documentation address',
};

export function addressLabel(kind: AddressKind): string {
  return LABELS[kind];
}

/** E.g. `a private-range address (10.0.0.0/8)`, `a loopback address (IPv4-mapped 127.0.0.1; 127.0.0.0/8)`. */
export function describeAddressClass(found: AddressClass): string {
  const inside = found.embedded ? `${found.embedded.form} ${found.embedded.ipv4}` : undefined;
  const range = [found.range, found.note].filter(Boolean).join(', ');
  const detail = [inside, range].filter(Boolean).join('; ');
  return detail ? `${LABELS[found.kind]} (${detail})` : LABELS[found.kind];
}

/** The dotted IPv4 address held in two 16-bit words of an IPv6 address. */
function ipv4In(address: string, [high, low]: [number, number]): string {
  const words = ipv6Words(address);
  const a = words[high] ?? 0;
  const b = words[low] ?? 0;
  return [a >> 8, a & 255, b >> 8, b & 255].join('.');
}

/** The eight 16-bit words of a valid IPv6 address, `::` and a trailing dotted quad expanded. */
function ipv6Words(address: string): number[] {
  const hex = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_match, a, b, c, d) =>
    [Number(a) * 256 + Number(b), Number(c) * 256 + Number(d)].map((word) => word.toString(16)).join(':'),
  );
  const [head = '', tail] = hex.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((word) => parseInt(word, 16)));
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}
