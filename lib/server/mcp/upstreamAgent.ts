import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";

/**
 * Connections to one upstream origin in use at once. Past it, calls wait in the agent for a free
 * connection (within the gateway's upstream timeout, else 504). Event streams hold theirs for as
 * long as they are open.
 */
const MAX_SOCKETS_PER_ORIGIN = 256;
/** Idle connections kept per origin for the next calls. */
const MAX_FREE_SOCKETS_PER_ORIGIN = 64;
/**
 * An idle connection is closed after this long, below the 5 s that Node's and most servers' idle
 * timeouts default to, so that a call rarely goes out on a connection the upstream is closing.
 * An upstream announcing a shorter `Keep-Alive: timeout` is honoured (Node's agent reads it).
 */
const IDLE_MS = 4_000;

const holder = globalThis as unknown as { __gatehouseUpstreamAgents?: { http: HttpAgent; https: HttpsAgent } };

/**
 * The process's keep-alive agents for the gateway's upstream calls (one for http, one for https),
 * shared by every server behind the gateway: requests of different clients and sessions may follow
 * each other on one connection, each with its own headers (HTTP/1.1 keeps no state between them).
 * LIFO: the most recently used connection is the one least likely to have been closed.
 */
export function upstreamAgent(https: boolean): HttpAgent {
  holder.__gatehouseUpstreamAgents ??= {
    http: new HttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_ORIGIN, maxFreeSockets: MAX_FREE_SOCKETS_PER_ORIGIN, timeout: IDLE_MS, scheduling: "lifo" }),
    https: new HttpsAgent({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_ORIGIN, maxFreeSockets: MAX_FREE_SOCKETS_PER_ORIGIN, timeout: IDLE_MS, scheduling: "lifo" }),
  };
  return https ? holder.__gatehouseUpstreamAgents.https : holder.__gatehouseUpstreamAgents.http;
}
