import { getDatabase } from "../db/getDatabase";

export interface Readiness {
  ready: boolean;
  database: { kind?: "pglite" | "postgres"; ok: boolean; latencyMs?: number; error?: string };
}

/** Ready when the database answers a query within `timeoutMs`. */
export async function checkReadiness(timeoutMs = 2000): Promise<Readiness> {
  const started = performance.now();
  try {
    const db = await withTimeout(getDatabase(), timeoutMs);
    await withTimeout(db.prisma.$queryRawUnsafe("SELECT 1"), timeoutMs);
    return { ready: true, database: { kind: db.kind, ok: true, latencyMs: Math.round(performance.now() - started) } };
  } catch (error) {
    // The reason goes to the log; the probe learns only that the database is not reachable.
    console.error("[gatehouse] readiness check failed:", error instanceof Error ? error.message : error);
    return { ready: false, database: { ok: false, error: "database unreachable" } };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
