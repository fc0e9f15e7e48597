/** The embedded database's folder is in use by another running process. */
export class DatabaseLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another Gatehouse process (pid ${holderPid}). ` +
        `PGlite serves one process at a time: stop that process first, or use PostgreSQL (DATABASE_URL) to run several instances.`,
    );
    this.name = "DatabaseLockedError";
  }
}
