/**
 * Runs `cleanup` (stop the servers, drop the database) however the run ends early: Ctrl-C,
 * SIGTERM, an exception nobody caught, or its output being cut (`... | head` closes the pipe: the
 * next write fails with EPIPE, which would otherwise kill the process and leave its servers and
 * database behind).
 */
export function cleanupOnExit(cleanup: () => Promise<void>, log: (message: string) => void): void {
  let running = false;
  const bail = (code: number) => {
    if (running) return;
    running = true;
    void cleanup().finally(() => process.exit(code));
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, () => bail(130));
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") bail(1);
    });
  }
  process.on("uncaughtException", (error) => {
    log(`uncaught: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    bail(1);
  });
  process.on("unhandledRejection", (reason) => {
    log(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
    bail(1);
  });
}
