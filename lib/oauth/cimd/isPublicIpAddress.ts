import { isIPv4, isIPv6 } from "node:net";

/**
 * Whether an outgoing request to this IP address may leave for the public Internet: the SSRF
 * guard for fetching Client ID Metadata Documents (CIMD draft, Security Considerations: the
 * server "SHOULD NOT" fetch from internal addresses; RFC 9700 §4.16 on server-side fetches).
 *
 * Refused IPv4 (IANA IPv4 Special-Purpose Address Registry, RFC 6890): 0/8 "this network",
 * 10/8, 172.16/12, 192.168/16 private, 100.64/10 CGNAT, 127/8 loopback, 169.254/16 link-local
 * (cloud metadata), 192.0.0/24 protocol assignments, 192.0.2/24, 198.51.100/24, 203.0.113/24
 * documentation, 192.88.99/24 6to4 relay, 198.18/15 benchmarking, 224/4 multicast, 240/4 reserved
 * and broadcast.
 *
 * IPv6: only global unicast 2000::/3 can be public, minus 2001::/23 IETF protocol assignments
 * (Teredo, ORCHID, ...), 2001:db8::/32 and 3fff::/20 documentation, 2002::/16 6to4. Everything
 * outside 2000::/3 is refused, which covers ::, ::1, IPv4-mapped ::ffff:0:0/96 and the other
 * IPv4-embedding forms (NAT64 64:ff9b::/96), discard 100::/64, unique-local fc00::/7, link-local
 * fe80::/10, site-local fec0::/10 and multicast ff00::/8. IPv4-mapped addresses are refused
 * outright rather than judged by their IPv4 part: a mapped address is never what DNS should hand
 * us for a public host, and refusing keeps the rule simple.
 *
 * Anything that is not a plain IP address (a hostname, a zone id `fe80::1%eth0`, brackets) is
 * refused. Not checked: DNS; the caller resolves and asks about every address.
 */
export function isPublicIpAddress(ip: string): boolean {
  if (isIPv4(ip)) return isPublicIPv4(ip.split(".").map(Number));
  if (isIPv6(ip) && !ip.includes("%")) return isPublicIPv6(parseIPv6(ip));
  return false;
}

const IPV4_REFUSED: readonly [number[], number][] = [
  [[0, 0, 0, 0], 8],
  [[10, 0, 0, 0], 8],
  [[100, 64, 0, 0], 10],
  [[127, 0, 0, 0], 8],
  [[169, 254, 0, 0], 16],
  [[172, 16, 0, 0], 12],
  [[192, 0, 0, 0], 24],
  [[192, 0, 2, 0], 24],
  [[192, 88, 99, 0], 24],
  [[192, 168, 0, 0], 16],
  [[198, 18, 0, 0], 15],
  [[198, 51, 100, 0], 24],
  [[203, 0, 113, 0], 24],
  [[224, 0, 0, 0], 4],
  [[240, 0, 0, 0], 4],
];

function isPublicIPv4(bytes: number[]): boolean {
  return !IPV4_REFUSED.some(([prefix, length]) => inPrefix(bytes, prefix, length));
}

const IPV6_REFUSED_WITHIN_GLOBAL: readonly [number[], number][] = [
  [[0x20, 0x01, 0x00, 0x00], 23],
  [[0x20, 0x01, 0x0d, 0xb8], 32],
  [[0x20, 0x02], 16],
  [[0x3f, 0xff], 20],
];

function isPublicIPv6(bytes: number[]): boolean {
  if (!inPrefix(bytes, [0x20], 3)) return false;
  return !IPV6_REFUSED_WITHIN_GLOBAL.some(([prefix, length]) => inPrefix(bytes, prefix, length));
}

function inPrefix(bytes: readonly number[], prefix: readonly number[], length: number): boolean {
  for (let bit = 0; bit < length; bit += 1) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if ((bytes[byte]! & mask) !== ((prefix[byte] ?? 0) & mask)) return false;
  }
  return true;
}

/** 16 bytes of an address node:net already validated (so "::" appears at most once). */
function parseIPv6(ip: string): number[] {
  let text = ip.toLowerCase();
  const tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    tail.push(...dotted[1]!.split(".").map(Number));
    text = text.slice(0, -dotted[1]!.length) + "0:0";
  }
  const [head, rest] = text.split("::") as [string, string | undefined];
  const groups = (part: string) => (part === "" ? [] : part.split(":").map((group) => parseInt(group, 16)));
  const left = groups(head);
  const right = rest === undefined ? [] : groups(rest);
  const words = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  const bytes = words.flatMap((word) => [word >> 8, word & 0xff]);
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}
