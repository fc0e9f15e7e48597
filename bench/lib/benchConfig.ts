/** The run's knobs, from the environment (defaults: the figures of issue 6). */
export interface BenchConfig {
  warmupSec: number;
  durationSec: number;
  connections: number;
  /** Codes and refresh tokens per pool: more than the fastest run can spend in warm-up plus measurement. */
  poolSize: number;
  /** Grants (and as many refresh tokens) for the scale phase; 0 skips it. */
  scaleRows: number;
  /** The maintenance database through which the bench database is created and dropped. */
  adminDatabaseUrl: string;
  /** The whole run, set-up included (not the one-time `next build`), is stopped past this. */
  deadlineMin: number;
  serverCore: number;
  loadCore: number;
  /** Extra flags for Gatehouse's node (BENCH_NODE_ARGS, space-separated): to try V8's heap settings. */
  nodeArgs: string[];
}

export function benchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const num = (name: string, fallback: number) => {
    const value = env[name];
    if (value === undefined || value === "") return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number`);
    return n;
  };
  return {
    warmupSec: num("BENCH_WARMUP_SEC", 2),
    durationSec: num("BENCH_DURATION_SEC", 10),
    connections: num("BENCH_CONNECTIONS", 16),
    poolSize: num("BENCH_POOL_SIZE", 60_000),
    scaleRows: num("BENCH_SCALE_ROWS", 1_000_000),
    adminDatabaseUrl: env.BENCH_ADMIN_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres",
    deadlineMin: num("BENCH_DEADLINE_MIN", 15),
    serverCore: 0,
    loadCore: 1,
    nodeArgs: (env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean),
  };
}
