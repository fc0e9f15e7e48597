import { execFile, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const BIN = "/usr/lib/postgresql/15/bin";
const run = promisify(execFile);

export interface SoakCluster {
  port: number;
  /** postgresql:// URL of the `postgres` database in this cluster (Gatehouse migrates it at start-up). */
  url: string;
  dir: string;
  /** `pg_ctl restart -m fast`: every connection is cut, the server is back when it returns. Resolves to its duration in ms. */
  restart(): Promise<number>;
  /** `pg_ctl stop -m fast`, `downMs` with no server at all, then `pg_ctl start`. Resolves to the whole outage in ms. */
  stopFor(downMs: number): Promise<number>;
  /** Stops the cluster and removes its directory. Idempotent; also safe after a failed start. */
  destroy(): void;
}

/**
 * A PostgreSQL 15 cluster of the soak's own, so that restarting it never touches the machine's
 * server (other people's tests use it): initdb in a temporary directory, listening on `port` on
 * loopback only, its Unix socket in that directory too. initdb refuses to run as root, so the
 * cluster belongs to the `postgres` user and every pg_ctl call runs as that user (runuser). Trust
 * authentication: nothing but this machine's loopback can reach it, and it lives for one run.
 */
export async function startSoakCluster(port: number): Promise<SoakCluster> {
  const dir = mkdtempSync(path.join(tmpdir(), "gatehouse-soak-pg-"));
  const uid = Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim());
  const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error("there is no `postgres` user to own the soak's cluster");
  chownSync(dir, uid, gid);
  const data = path.join(dir, "data");
  // Asynchronous: the flows keep running (and timing their requests) while pg_ctl waits.
  const asPostgres = async (args: string[]) => {
    try {
      await run("runuser", ["-u", "postgres", "--", ...args], { encoding: "utf8", timeout: 120_000 });
    } catch (error) {
      const e = error as { code?: unknown; stderr?: string; stdout?: string };
      throw new Error(`${path.basename(args[0]!)} ${args.at(-1)} failed (${String(e.code)}): ${e.stderr || e.stdout}`);
    }
  };
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100`;
  const start = () => asPostgres([`${BIN}/pg_ctl`, "-D", data, "-l", path.join(dir, "postgres.log"), "-o", options, "-w", "-t", "60", "start"]);

  const cluster: SoakCluster = {
    port,
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    dir,
    async restart() {
      const started = performance.now();
      await asPostgres([`${BIN}/pg_ctl`, "-D", data, "-l", path.join(dir, "postgres.log"), "-m", "fast", "-w", "-t", "60", "-o", options, "restart"]);
      return Math.round(performance.now() - started);
    },
    async stopFor(downMs) {
      const started = performance.now();
      await asPostgres([`${BIN}/pg_ctl`, "-D", data, "-m", "fast", "-w", "stop"]);
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await start();
      return Math.round(performance.now() - started);
    },
    destroy() {
      // Whatever state a fault left it in: a postmaster.pid means a server may be running.
      if (existsSync(path.join(data, "postmaster.pid"))) {
        spawnSync("runuser", ["-u", "postgres", "--", `${BIN}/pg_ctl`, "-D", data, "-m", "immediate", "-w", "stop"], { encoding: "utf8", timeout: 60_000 });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await asPostgres([`${BIN}/initdb`, "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-instructions"]);
    await start();
  } catch (error) {
    cluster.destroy();
    throw error;
  }
  return cluster;
}
