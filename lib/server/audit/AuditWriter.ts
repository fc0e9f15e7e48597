import type { Prisma, PrismaClient } from "@/generated/prisma/client";

type AuditRow = Prisma.AuditEventCreateManyInput;

interface Pending {
  row: AuditRow;
  done: () => void;
}

/** Rows written in one statement at the most. */
const MAX_BATCH = 500;

/**
 * Group commit for the audit log: every event is written before its request answers (an audit
 * trail that a crash can silently shorten is not one), but the events of concurrent requests share
 * one INSERT. The first event finds the writer idle and goes at once, alone; those that arrive
 * while it is in flight wait for it and then go together. One statement's cost is shared by as
 * many requests as are waiting, so under load the log costs a fraction of a query per request.
 *
 * A failed batch is retried row by row, so one bad row (the log is the audit trail, a row the
 * database refuses is logged) does not lose the others. A write failure is logged and swallowed:
 * the audit trail must not turn a successful protocol step into an error for the client.
 */
export class AuditWriter {
  #queue: Pending[] = [];
  #flushing = false;

  constructor(private readonly client: Pick<PrismaClient, "auditEvent">) {}

  write(row: AuditRow): Promise<void> {
    return new Promise((done) => {
      this.#queue.push({ row, done });
      if (!this.#flushing) void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    this.#flushing = true;
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, MAX_BATCH);
        await this.#insert(batch.map((p) => p.row));
        for (const pending of batch) pending.done();
      }
    } finally {
      this.#flushing = false;
    }
  }

  async #insert(rows: AuditRow[]): Promise<void> {
    try {
      await this.client.auditEvent.createMany({ data: rows });
      return;
    } catch (error) {
      if (rows.length === 1) {
        console.error(`[gatehouse] could not record audit event ${rows[0]!.kind}:`, error instanceof Error ? error.message : error);
        return;
      }
    }
    for (const row of rows) await this.#insert([row]);
  }
}
