export interface SoakOptions {
  /** How long new flows are started; flows under way then finish (bounded by flowLimitSec). */
  seconds: number;
  /** Flows running at once (each worker starts a new flow when its last one ends). */
  concurrency: number;
  /** Refresh-token rotations per flow (each followed by a gateway call). */
  rotations: number;
  /** An answer slower than this counts as a hang. */
  timeoutSec: number;
  /** A flow not completed this long after it started has failed. */
  flowLimitSec: number;
  /** How long PostgreSQL stays down in the second database fault. */
  databaseDownSec: number;
}

const USAGE = "usage: npm run soak -- [--seconds N] [--concurrency N] [--rotations N] [--timeout N] [--db-down N]";

/** `npm run soak -- --seconds 120 --concurrency 20`: the defaults suit a shared two-core machine. */
export function soakOptions(argv: readonly string[]): SoakOptions {
  const options: SoakOptions = { seconds: 150, concurrency: 20, rotations: 3, timeoutSec: 30, flowLimitSec: 240, databaseDownSec: 8 };
  const names: Record<string, keyof SoakOptions> = { "--seconds": "seconds", "--concurrency": "concurrency", "--flows": "concurrency", "--rotations": "rotations", "--timeout": "timeoutSec", "--db-down": "databaseDownSec" };
  for (let i = 0; i < argv.length; i += 2) {
    const name = names[argv[i]!];
    const value = Number(argv[i + 1]);
    if (!name || !Number.isInteger(value) || value < (name === "rotations" ? 1 : name === "seconds" ? 30 : 1)) throw new Error(`${USAGE}\n(${argv[i]} ${argv[i + 1] ?? ""}: expected a whole number; --seconds at least 30, the others at least 1)`);
    options[name] = value;
  }
  return options;
}
