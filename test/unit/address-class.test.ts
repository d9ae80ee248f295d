import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { type AddressKind, admits, classifyAddress, describeAddressClass } from '../../src/address-class.js';
import { NetworkError } from '../../src/network-error.js';
import { guardedLookup, type Reach, refuseLiteralHost, type Resolve } from '../../src/reach.js';

describe('classifyAddress', () => {
  it.each<[string, AddressKind, string?]>([
    ['8.8.8.8', 'public'],
    ['2001:4860:4860::8888', 'public'],
    ['127.0.0.1', 'loopback', '127.0.0.0/8'],
    ['127.255.0.9', 'loopback', '127.0.0.0/8'],
    ['::1', 'loopback', '::1/128'],
    ['[::1]', 'loopback', '::1/128'],
    ['10.0.0.5', 'private', '10.0.0.0/8'],
    ['172.31.255.1', 'private', '172.16.0.0/12'],
    ['192.168.1.1', 'private', '192.168.0.0/16'],
    ['100.64.0.1', 'private', '100.64.0.0/10'],
    ['198.18.0.7', 'private', '198.18.0.0/15'],
    ['fd12:3456::1', 'private', 'fc00::/7'],
    ['fec0::1', 'private', 'fec0::/10'],
    ['169.254.1.1', 'link-local', '169.254.0.0/16'],
    ['fe80::1', 'link-local', 'fe80::/10'],
    ['fe80::1%eth0', 'link-local', 'fe80::/10'],
    ['169.254.169.254', 'metadata', '169.254.169.254'],
    ['169.254.170.2', 'metadata', '169.254.170.2'],
    ['169.254.170.23', 'metadata', '169.254.170.23'],
    ['fd00:ec2::254', 'metadata', 'fd00:ec2::254'],
    ['fd00:ec2:0:0:0:0:0:254', 'metadata', 'fd00:ec2::254'],
    ['fd00:ec2::23', 'metadata', 'fd00:ec2::23'],
    ['100.100.100.200', 'metadata', '100.100.100.200'],
    ['192.0.0.192', 'metadata', '192.0.0.192'],
    ['168.63.129.16', 'metadata', '168.63.129.16'],
    ['0.0.0.0', 'unspecified', '0.0.0.0/8'],
    ['::', 'unspecified', '::/128'],
    ['224.0.0.1', 'reserved', '224.0.0.0/4'],
    ['255.255.255.255', 'reserved', '240.0.0.0/4'],
    ['192.0.2.10', 'reserved', '192.0.2.0/24'],
    ['ff02::1', 'reserved', 'ff00::/8'],
    ['2001:db8::1', 'reserved', '2001:db8::/32'],
    ['2001::1', 'reserved', '2001::/23'],
    ['::7f00:1', 'reserved', 'outside 2000::/3'],
  ])('%s is %s', (address, kind, range) => {
    expect(classifyAddress(address)).toMatchObject(range ? { kind, range } : { kind });
  });

  it.each<[string, AddressKind, string, string]>([
    ['::ffff:127.0.0.1', 'loopback', '127.0.0.1', 'IPv4-mapped'],
    ['::ffff:7f00:1', 'loopback', '127.0.0.1', 'IPv4-mapped'],
    ['::ffff:a9fe:a9fe', 'metadata', '169.254.169.254', 'IPv4-mapped'],
    ['::ffff:10.1.2.3', 'private', '10.1.2.3', 'IPv4-mapped'],
    ['64:ff9b::a9fe:a9fe', 'metadata', '169.254.169.254', 'NAT64'],
    ['64:ff9b::808:808', 'public', '8.8.8.8', 'NAT64'],
    ['2002:a9fe:a9fe::1', 'metadata', '169.254.169.254', '6to4'],
    ['2002:7f00:1::', 'loopback', '127.0.0.1', '6to4'],
  ])('%s is judged by the IPv4 address it carries: %s', (address, kind, ipv4, form) => {
    expect(classifyAddress(address)).toMatchObject({ kind, embedded: { ipv4, form } });
  });

  it('is undefined for a name', () => {
    expect(classifyAddress('localhost')).toBeUndefined();
    expect(classifyAddress('idp.example.com')).toBeUndefined();
  });

  it('describes the kind with the range that decided it', () => {
    const describe = (address: string) =>
      describeAddressClass(classifyAddress(address) ?? { kind: 'public' });
    expect(describe('10.0.0.5')).toBe('a private-range address (10.0.0.0/8)');
    expect(describe('::ffff:7f00:1')).toBe('a loopback address (IPv4-mapped 127.0.0.1; 127.0.0.0/8)');
    expect(describe('100.64.0.1')).toBe(
      'a private-range address (100.64.0.0/10, shared address space (carrier-grade NAT))',
    );
    expect(describe('169.254.169.254')).toContain(
      'a cloud metadata address (169.254.169.254, instance metadata',
    );
    expect(describe('8.8.8.8')).toBe('a public address');
  });
});

describe('admits', () => {
  const kinds: AddressKind[] = [
    'public',
    'loopback',
    'private',
    'link-local',
    'metadata',
    'unspecified',
    'reserved',
  ];
  it.each<[Reach, AddressKind[]]>([
    ['public', ['public']],
    ['private', ['public', 'loopback', 'private']],
  ])('reach %s admits exactly %j', (reach, admitted) => {
    expect(kinds.filter((kind) => admits(reach, kind))).toEqual(admitted);
  });
});

describe('refuseLiteralHost', () => {
  it('refuses an IP host out of reach, with what it is, and lets names through to the lookup', () => {
    expect(refuseLiteralHost('127.0.0.1', 'public')).toMatchObject({
      address: '127.0.0.1',
      literal: true,
      found: { kind: 'loopback' },
    });
    expect(refuseLiteralHost('127.0.0.1', 'private')).toBeUndefined();
    expect(refuseLiteralHost('[::ffff:a9fe:a9fe]', 'private')).toMatchObject({
      address: '::ffff:a9fe:a9fe',
      found: { kind: 'metadata' },
    });
    expect(refuseLiteralHost('8.8.8.8', 'public')).toBeUndefined();
    expect(refuseLiteralHost('idp.example.com', 'public')).toBeUndefined();
  });

  it.each([
    ['2130706433', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['127.0.0.1.', '127.0.0.1'],
    ['2852039166', '169.254.169.254'],
    ['0xa9.0xfe.0xa9.0xfe', '169.254.169.254'],
    ['0251.0376.0251.0376', '169.254.169.254'],
    ['169.254.43518', '169.254.169.254'],
    ['0', '0.0.0.0'],
    ['[0:0:0:0:0:ffff:7f00:1]', '::ffff:7f00:1'],
    ['[::ffff:169.254.169.254]', '::ffff:a9fe:a9fe'],
  ])('sees %s as %s once URL parsing has normalised it', (spelling, address) => {
    const hostname = new URL(`https://${spelling}/`).hostname;
    expect(
      refuseLiteralHost(hostname, 'private')?.address ?? refuseLiteralHost(hostname, 'public')?.address,
    ).toBe(address);
  });
});

/** A lookup run to completion: the error it gave, or what it would connect to. */
function lookUp(
  reach: Reach,
  answers: Record<string, string[]>,
  hostname: string,
  all = true,
): Promise<{ error?: NetworkError | NodeJS.ErrnoException; result?: unknown; asked: string[] }> {
  const asked: string[] = [];
  const resolve: Resolve = async (name) => {
    asked.push(name);
    const found = answers[name];
    if (!found) throw Object.assign(new Error(`no ${name}`), { code: 'ENOTFOUND' });
    return found.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return new Promise((done) => {
    guardedLookup(reach, resolve)(hostname, { all }, (error, address, family) =>
      done(error ? { error, asked } : { result: all ? address : [address, family], asked }),
    );
  });
}

describe('guardedLookup', () => {
  const answers = {
    'public.example.com': ['8.8.8.8', '2001:4860:4860::8888'],
    'private.example.com': ['10.0.0.5'],
    'rebind.example.com': ['8.8.8.8', '127.0.0.1'],
    'metadata.example.com': ['169.254.169.254'],
    'mapped.example.com': ['::ffff:a9fe:a9fe'],
    'loopback.example.com': ['127.0.0.1', '::1'],
  };

  it('passes on every address of a public name, in the form net asked for', async () => {
    expect((await lookUp('public', answers, 'public.example.com')).result).toEqual([
      { address: '8.8.8.8', family: 4 },
      { address: '2001:4860:4860::8888', family: 6 },
    ]);
    expect((await lookUp('public', answers, 'public.example.com', false)).result).toEqual(['8.8.8.8', 4]);
  });

  it.each([
    ['public', 'private.example.com', '10.0.0.5', 'private'],
    ['public', 'rebind.example.com', '127.0.0.1', 'loopback'],
    ['public', 'loopback.example.com', '127.0.0.1', 'loopback'],
    ['private', 'metadata.example.com', '169.254.169.254', 'metadata'],
    ['private', 'mapped.example.com', '::ffff:a9fe:a9fe', 'metadata'],
  ] as const)('under reach %s refuses %s for %s', async (reach, name, address, kind) => {
    const { error } = await lookUp(reach, answers, name);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({
      code: 'ADDRESS_REFUSED',
      refusal: { host: name, address, literal: false },
    });
    expect((error as NetworkError).refusal?.found.kind).toBe(kind);
    expect(error?.message).toMatch(new RegExp(`^${name} resolves to ${address.replace(/\./g, '\\.')}, `));
  });

  it('admits loopback and private names under reach private', async () => {
    expect((await lookUp('private', answers, 'loopback.example.com')).result).toHaveLength(2);
    expect((await lookUp('private', answers, 'private.example.com')).result).toEqual([
      { address: '10.0.0.5', family: 4 },
    ]);
  });

  it('judges a bracketed IPv6 host itself, without resolving it', async () => {
    const refused = await lookUp('private', answers, '[fe80::1]');
    expect(refused.asked).toEqual([]);
    expect(refused.error).toMatchObject({ refusal: { address: 'fe80::1', literal: true } });
    const admitted = await lookUp('private', answers, '[::1]');
    expect(admitted).toEqual({ result: [{ address: '::1', family: 6 }], asked: [] });
  });

  it('passes resolver errors on unchanged', async () => {
    expect((await lookUp('public', answers, 'nowhere.example.com')).error).toMatchObject({
      code: 'ENOTFOUND',
    });
  });
});
