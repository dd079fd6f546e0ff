export interface IpAddress {
  version: 4 | 6;
  /** 4 bytes for IPv4, 16 for IPv6, network order. */
  bytes: Uint8Array;
}

/**
 * Parses a canonical IP literal: dotted-quad IPv4 (no octal, hex or shorthand forms: URLs are
 * normalised before they get here and resolvers return canonical text), or IPv6 with `::`
 * compression, an embedded IPv4 tail, optional brackets and an optional zone (`%eth0`).
 * Returns `null` for anything that is not an IP literal, such as a host name.
 */
export function parseIpAddress(text: string): IpAddress | null {
  const unbracketed = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const ipv4 = parseIpv4(unbracketed);
  if (ipv4) return { version: 4, bytes: ipv4 };
  const ipv6 = parseIpv6(unbracketed.replace(/%[\w.-]+$/, ''));
  return ipv6 ? { version: 6, bytes: ipv6 } : null;
}

function parseIpv4(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = new Uint8Array(4);
  for (const [index, part] of parts.entries()) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes[index] = value;
  }
  return bytes;
}

function parseIpv6(text: string): Uint8Array | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = parseHextets(halves[0] ?? '', halves.length === 1);
  const tail = halves.length === 2 ? parseHextets(halves[1] ?? '', true) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const hextets = [
    ...head,
    ...new Array<number>(halves.length === 2 ? missing : 0).fill(0),
    ...tail,
  ];
  const bytes = new Uint8Array(16);
  for (const [index, hextet] of hextets.entries()) {
    bytes[index * 2] = hextet >> 8;
    bytes[index * 2 + 1] = hextet & 0xff;
  }
  return bytes;
}

/** Hextets of one side of `::`; the last group may be an IPv4 tail when `mayEndWithIpv4`. */
function parseHextets(text: string, mayEndWithIpv4: boolean): number[] | null {
  if (text === '') return [];
  const groups = text.split(':');
  const hextets: number[] = [];
  for (const [index, group] of groups.entries()) {
    const isLast = index === groups.length - 1;
    if (isLast && mayEndWithIpv4 && group.includes('.')) {
      const ipv4 = parseIpv4(group);
      if (!ipv4) return null;
      hextets.push(((ipv4[0] ?? 0) << 8) | (ipv4[1] ?? 0), ((ipv4[2] ?? 0) << 8) | (ipv4[3] ?? 0));
    } else if (/^[0-9a-fA-F]{1,4}$/.test(group)) {
      hextets.push(Number.parseInt(group, 16));
    } else {
      return null;
    }
  }
  return hextets;
}
