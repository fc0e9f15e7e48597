const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P03", "53300", "08006", "08001", "08003"]);

/**
 * Whether an error means the database cannot be reached right now (restart, failover, pool
 * exhausted), which the client should retry, rather than a bug. Prisma wraps driver errors, so the
 * code is searched along the cause chain and in the adapter's message.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown; message?: unknown } | undefined, depth = 0; e && depth < 6; e = e.cause as typeof e, depth++) {
    if (typeof e.code === "string" && (CONNECTION_CODES.has(e.code) || e.code === "P1001" || e.code === "P2024")) return true;
    if (typeof e.message === "string" && /ECONNREFUSED|Connection terminated|terminating connection|Can't reach database|connection timeout|Timed out fetching a new connection/i.test(e.message)) return true;
  }
  return false;
}
