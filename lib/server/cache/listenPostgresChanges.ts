import { randomUUID } from "node:crypto";
import pg from "pg";
import { CHANGES_CHANNEL } from "./CHANGES_CHANNEL";
import { parseChangePayload } from "./Change";
import type { ChangeFeed } from "./ChangeFeed";

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;
/**
 * A silent LISTEN connection cannot tell a quiet database from a dead link (a half-open TCP
 * connection after a network fault, a pooler that accepts LISTEN and delivers nothing): every
 * PROBE_EVERY_MS it notifies itself and must hear that ping back within PROBE_TIMEOUT_MS, or it is
 * dropped (and caches read through until it is back). That bounds how long a silently dead link
 * can hide a change: about 10 s.
 */
const PROBE_EVERY_MS = 5_000;
const PROBE_TIMEOUT_MS = 5_000;
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Feeds `feed` from PostgreSQL's NOTIFYs on one dedicated connection (LISTEN holds a session, so
 * it cannot share the pool's). The feed is live from the moment LISTEN succeeds; when the
 * connection fails it stops being live at once (caches read through) and the connection is
 * retried with backoff. Returns the function that stops it.
 */
export function listenPostgresChanges(connectionString: string, feed: ChangeFeed): () => Promise<void> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retryMs = RETRY_MIN_MS;
  let retryTimer: NodeJS.Timeout | undefined;
  let probeTimer: NodeJS.Timeout | undefined;

  /** Self-notifications awaited on the current connection, by nonce: probes and catch-ups. */
  const awaited = new Map<string, () => void>();
  const settleAwaited = () => {
    for (const resolve of awaited.values()) resolve();
    awaited.clear();
  };

  const drop = (connection: pg.Client) => {
    if (client !== connection) return;
    client = null;
    clearInterval(probeTimer);
    if (feed.live) feed.setLive(false);
    // Nothing is answered from memory while the feed is down, so whoever waited is caught up.
    settleAwaited();
    connection.removeAllListeners("notification");
    connection.on("error", () => undefined);
    connection.end().catch(() => undefined);
    if (!stopped) {
      retryTimer = setTimeout(connect, retryMs);
      retryTimer.unref();
      retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
    }
  };

  /**
   * Notifies this connection itself and resolves when that notification comes back. PostgreSQL
   * delivers notifications in commit order, so by then every change committed before the call
   * has been published. Resolves at once if the connection is lost meanwhile (see drop).
   */
  const notifySelf = (connection: pg.Client): Promise<void> => {
    const nonce = randomUUID();
    const heard = new Promise<void>((resolve) => awaited.set(nonce, resolve));
    connection.query("SELECT pg_notify($1, $2)", [CHANGES_CHANNEL, pingPayload(nonce)]).catch(() => drop(connection));
    return heard;
  };

  const connect = async () => {
    const connection = new pg.Client({
      connectionString,
      keepAlive: true,
      application_name: "gatehouse-change-feed",
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      query_timeout: PROBE_TIMEOUT_MS,
    });
    client = connection;
    connection.on("error", () => drop(connection));
    connection.on("end", () => drop(connection));
    connection.on("notification", (message) => {
      if (message.channel !== CHANGES_CHANNEL || message.payload === undefined) return;
      const ping = parsePingPayload(message.payload);
      if (ping !== null) {
        awaited.get(ping)?.();
        awaited.delete(ping);
        return;
      }
      const change = parseChangePayload(message.payload);
      if (change) feed.publish(change);
    });
    try {
      await connection.connect();
      await connection.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch {
      drop(connection);
      return;
    }
    if (stopped || client !== connection) return;
    retryMs = RETRY_MIN_MS;
    feed.setLive(true);
    let probing = false;
    probeTimer = setInterval(() => {
      if (probing) return;
      probing = true;
      const timer = setTimeout(() => drop(connection), PROBE_TIMEOUT_MS);
      timer.unref();
      void notifySelf(connection).then(() => {
        clearTimeout(timer);
        probing = false;
      });
    }, PROBE_EVERY_MS);
    probeTimer.unref();
  };

  feed.setCatchUp(async () => {
    if (client) await notifySelf(client);
  });
  void connect();
  return async () => {
    stopped = true;
    clearTimeout(retryTimer);
    clearInterval(probeTimer);
    const connection = client;
    client = null;
    if (feed.live) feed.setLive(false);
    settleAwaited();
    await connection?.end().catch(() => undefined);
  };
}

/** A self-notification (probe or catch-up): a table no trigger names, so parseChangePayload ignores it. */
function pingPayload(nonce: string): string {
  return JSON.stringify({ t: "ping", n: nonce });
}

function parsePingPayload(payload: string): string | null {
  if (!payload.startsWith('{"t":"ping"')) return null;
  try {
    const n = (JSON.parse(payload) as { n?: unknown }).n;
    return typeof n === "string" ? n : null;
  } catch {
    return null;
  }
}
