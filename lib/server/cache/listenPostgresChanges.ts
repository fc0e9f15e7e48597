import pg from "pg";
import { CHANGES_CHANNEL } from "./CHANGES_CHANNEL";
import { parseChangePayload } from "./Change";
import type { ChangeFeed } from "./ChangeFeed";

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;
/**
 * A silent LISTEN connection cannot tell a quiet database from a dead link (a half-open TCP
 * connection after a network fault): it is probed this often, and dropped when the probe fails.
 */
const PROBE_EVERY_MS = 10_000;
const PROBE_TIMEOUT_MS = 5_000;

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

  const drop = (connection: pg.Client) => {
    if (client !== connection) return;
    client = null;
    clearInterval(probeTimer);
    if (feed.live) feed.setLive(false);
    connection.removeAllListeners("notification");
    connection.on("error", () => undefined);
    connection.end().catch(() => undefined);
    if (!stopped) {
      retryTimer = setTimeout(connect, retryMs);
      retryTimer.unref();
      retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
    }
  };

  const connect = async () => {
    const connection = new pg.Client({ connectionString, keepAlive: true, application_name: "gatehouse-change-feed" });
    client = connection;
    connection.on("error", () => drop(connection));
    connection.on("end", () => drop(connection));
    connection.on("notification", (message) => {
      if (message.channel !== CHANGES_CHANNEL || message.payload === undefined) return;
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
    probeTimer = setInterval(() => {
      const timeout = setTimeout(() => drop(connection), PROBE_TIMEOUT_MS);
      connection.query("SELECT 1").then(
        () => clearTimeout(timeout),
        () => drop(connection),
      );
    }, PROBE_EVERY_MS);
    probeTimer.unref();
  };

  void connect();
  return async () => {
    stopped = true;
    clearTimeout(retryTimer);
    clearInterval(probeTimer);
    const connection = client;
    client = null;
    if (feed.live) feed.setLive(false);
    await connection?.end().catch(() => undefined);
  };
}
