import { type IpAddress, parseIpAddress } from './parseIpAddress';

export type AddressClass =
  | { public: true; version: 4 | 6 }
  | { public: false; version: 4 | 6; range: string };

/**
 * Tells whether an IP literal is a public unicast address an outbound request may reach, or
 * names the special-purpose range it belongs to (loopback, private, link-local and cloud
 * metadata, CGNAT, multicast, documentation...). IPv6 forms that carry an IPv4 address
 * (`::ffff:127.0.0.1`, NAT64 `64:ff9b::a00:5`) are judged by that IPv4 address. Returns `null`
 * when the text is not an IP literal.
 */
export function classifyAddress(address: string): AddressClass | null {
  const parsed = parseIpAddress(address);
  if (!parsed) return null;
  if (parsed.version === 4) return classifyIpv4(parsed.bytes);
  const embedded = embeddedIpv4(parsed.bytes);
  if (embedded) {
    const verdict = classifyIpv4(embedded.bytes);
    return verdict.public
      ? { public: true, version: 6 }
      : { public: false, version: 6, range: `${embedded.form} ${verdict.range}` };
  }
  const reserved = ipv6Ranges.find((range) => inRange(parsed.bytes, range));
  if (reserved) return { public: false, version: 6, range: reserved.name };
  if (!inRange(parsed.bytes, globalUnicast)) {
    return { public: false, version: 6, range: 'reserved' };
  }
  return { public: true, version: 6 };
}

interface Range {
  bytes: Uint8Array;
  prefixLength: number;
  name: string;
}

function range(cidr: string, name: string): Range {
  const [address = '', prefixLength = ''] = cidr.split('/');
  const parsed = parseIpAddress(address) as IpAddress;
  return { bytes: parsed.bytes, prefixLength: Number(prefixLength), name };
}

// The IANA special-purpose registries, most specific first, plus everything else that is not
// reachable on the public internet (multicast, class E, 6to4 and Teredo relays).
const ipv4Ranges: Range[] = [
  range('255.255.255.255/32', 'broadcast'),
  range('0.0.0.0/8', 'this network'),
  range('10.0.0.0/8', 'private'),
  range('100.64.0.0/10', 'shared address space (CGNAT)'),
  range('127.0.0.0/8', 'loopback'),
  range('169.254.169.254/32', 'cloud metadata'),
  range('169.254.0.0/16', 'link-local'),
  range('172.16.0.0/12', 'private'),
  range('192.0.0.0/24', 'IETF protocol assignments'),
  range('192.0.2.0/24', 'documentation'),
  range('192.88.99.0/24', '6to4 relay anycast'),
  range('192.168.0.0/16', 'private'),
  range('198.18.0.0/15', 'benchmarking'),
  range('198.51.100.0/24', 'documentation'),
  range('203.0.113.0/24', 'documentation'),
  range('224.0.0.0/4', 'multicast'),
  range('240.0.0.0/4', 'reserved'),
];

const ipv6Ranges: Range[] = [
  range('::/128', 'unspecified'),
  range('::1/128', 'loopback'),
  range('::/96', 'IPv4-compatible'),
  range('64:ff9b:1::/48', 'local-use NAT64'),
  range('100::/64', 'discard-only'),
  range('2001:db8::/32', 'documentation'),
  range('2001::/23', 'IETF protocol assignments'),
  range('2002::/16', '6to4'),
  range('3fff::/20', 'documentation'),
  range('fd00:ec2::254/128', 'cloud metadata'),
  range('fc00::/7', 'unique local'),
  range('fe80::/10', 'link-local'),
  range('fec0::/10', 'site-local'),
  range('ff00::/8', 'multicast'),
];

const globalUnicast = range('2000::/3', 'global unicast');
const ipv4Mapped = range('::ffff:0:0/96', 'IPv4-mapped');
const nat64 = range('64:ff9b::/96', 'NAT64');

function classifyIpv4(bytes: Uint8Array): AddressClass {
  const reserved = ipv4Ranges.find((candidate) => inRange(bytes, candidate));
  return reserved
    ? { public: false, version: 4, range: reserved.name }
    : { public: true, version: 4 };
}

function embeddedIpv4(bytes: Uint8Array): { form: string; bytes: Uint8Array } | null {
  for (const form of [ipv4Mapped, nat64]) {
    if (inRange(bytes, form)) return { form: form.name, bytes: bytes.slice(12) };
  }
  return null;
}

function inRange(bytes: Uint8Array, candidate: Range): boolean {
  if (bytes.length !== candidate.bytes.length) return false;
  const fullBytes = Math.floor(candidate.prefixLength / 8);
  for (let index = 0; index < fullBytes; index++) {
    if (bytes[index] !== candidate.bytes[index]) return false;
  }
  const remainingBits = candidate.prefixLength % 8;
  if (remainingBits === 0) return true;
  const mask = (0xff << (8 - remainingBits)) & 0xff;
  return ((bytes[fullBytes] ?? 0) & mask) === ((candidate.bytes[fullBytes] ?? 0) & mask);
}
