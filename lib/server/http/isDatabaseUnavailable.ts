// Socket errors, PostgreSQL's connection-level SQLSTATEs (57P01 admin shutdown, 57P02 crash
// shutdown, 57P03 cannot connect now: shutting down or starting up, 53300 too many connections,
// class 08 connection exceptions), and Prisma's P1001 (cannot reach), P1002 (timed out reaching),
// P1017 (server closed the connection) and P2024 (no pool connection in time).
const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08006", "P1001", "P1002", "P1017", "P2024"]);

// What @prisma/adapter-pg calls those conditions once it has mapped the driver's error.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

const MESSAGES =
  /ECONNREFUSED|Connection terminated|terminating connection|Can't reach database|connection timeout|Timed out fetching a new connection|the database system is (shutting down|starting up|in recovery mode)|Server has closed the connection|encountered a connection error and is not queryable/i;

type ErrorLike = { code?: unknown; kind?: unknown; cause?: unknown; message?: unknown; meta?: { driverAdapterError?: unknown } };

/**
 * Whether an error means the database cannot be reached right now (restart, failover, pool
 * exhausted), which the client should retry, rather than a bug.
 *
 * Prisma wraps what the driver reported, and not along one chain: a PrismaClientKnownRequestError
 * carries its own code (P2039 for "a database error", which says nothing) and keeps the driver
 * adapter's error in `meta.driverAdapterError`, whose `cause` is the mapped error (`kind`, and for
 * PostgreSQL errors the SQLSTATE as `code`). So every `cause` and `meta.driverAdapterError` link is
 * followed, and codes, adapter kinds and messages are all checked. Found by `npm run soak`: during
 * a PostgreSQL restart, 57P03 ("shutting down"), P1017 and pg's "not queryable" reached clients as
 * 500s before they were recognized here.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length > 0 && seen < 12; seen++) {
    const e = pending.shift() as ErrorLike | null | undefined;
    if (!e || typeof e !== "object") continue;
    if (typeof e.code === "string" && CONNECTION_CODES.has(e.code)) return true;
    if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
    if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
    pending.push(e.cause, e.meta?.driverAdapterError);
  }
  return false;
}
