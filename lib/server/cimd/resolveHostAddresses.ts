import { lookup } from "node:dns/promises";

/** Every address a host resolves to, as the CIMD guard must check them all. */
export async function resolveHostAddresses(hostname: string): Promise<string[]> {
  return (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);
}
