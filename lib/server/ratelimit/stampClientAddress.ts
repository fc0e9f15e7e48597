import type { IncomingMessage } from "node:http";
import { CLIENT_ADDRESS_HEADER } from "./clientAddressHeader";

/**
 * Sets CLIENT_ADDRESS_HEADER on an incoming request from its socket, replacing any value the
 * client sent. IPv4-mapped IPv6 addresses (`::ffff:203.0.113.7`) are written as IPv4, so one client
 * has one address whichever way the server listens.
 *
 * `trustedProxyHops`: behind N reverse proxies that each append to X-Forwarded-For, the client is
 * the Nth address from the right (the ones further left were written by the client and prove
 * nothing). 0, the default, ignores X-Forwarded-For entirely. Wire it to a GATEHOUSE_TRUST_PROXY
 * setting when the deployment has a proxy; without it every client behind the proxy shares the
 * proxy's address, and so its per-address limits.
 */
export function stampClientAddress(req: IncomingMessage, trustedProxyHops = 0): void {
  let address = req.socket.remoteAddress ?? "";
  if (trustedProxyHops > 0) {
    const forwarded = String(req.headers["x-forwarded-for"] ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
    const hop = forwarded[forwarded.length - trustedProxyHops];
    if (hop) address = hop;
  }
  address = address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
  if (address) req.headers[CLIENT_ADDRESS_HEADER] = address.slice(0, 64);
  else delete req.headers[CLIENT_ADDRESS_HEADER];
}
