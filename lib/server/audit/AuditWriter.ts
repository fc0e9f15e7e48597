import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import type { SqlSession } from "../db/SqlSession";
import { isDatabaseUnavailable } from "../http/isDatabaseUnavailable";

/** One AuditEvent row, as prisma/schema.prisma describes it. */
export interface AuditRow {
  orgId: string | null;
  at: Date;
  kind: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  clientId: string | null;
  serverId: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: object;
}

/**
 * One statement for any number of rows (its text never changes, so PostgreSQL plans it once):
 * each column arrives as an array. `at` crosses as an ISO string and becomes the UTC `timestamp`
 * Prisma uses for DateTime, whatever the session's TimeZone.
 */
const INSERT = `INSERT INTO "AuditEvent" ("id", "orgId", "at", "kind", "actorType", "actorId", "actorLabel", "clientId", "serverId", "targetType", "targetId", "ip", "userAgent", "details")
SELECT u.id, u.org, u.at::timestamptz AT TIME ZONE 'UTC', u.kind, u.atype, u.aid, u.alabel, u.cid, u.sid, u.ttype, u.tid, u.ip, u.ua, u.details::jsonb
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
  AS u(id, org, at, kind, atype, aid, alabel, cid, sid, ttype, tid, ip, ua, details)`;

interface Pending {
  row: AuditRow;
  done: () => void;
}

/** Rows written in one statement at the most. */
const MAX_BATCH = 500;

/**
 * The writer of each database client. On globalThis, as ChangeFeed's map: the custom server and
 * Next's bundle are separate copies of this module in one process and must share the writer that
 * openDatabase attached.
 */
const byClient = ((globalThis as { __gatehouseAuditWriters?: WeakMap<object, AuditWriter> }).__gatehouseAuditWriters ??= new WeakMap());

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
  /** Makes the writer of `client` send its batches through `sql` (the driver, without Prisma). */
  static attach(client: object, sql: Pick<SqlSession, "query">): void {
    byClient.set(client, new AuditWriter((text, params) => sql.query(text, params)));
  }

  /**
   * The writer for `client`: the one attached to it, or one that writes through Prisma's raw query
   * (a transaction client: the events then commit or roll back with the rest).
   */
  static for(client: Pick<PrismaClient, "$executeRawUnsafe">): AuditWriter {
    let writer = byClient.get(client);
    if (!writer) byClient.set(client, (writer = new AuditWriter((text, params) => client.$executeRawUnsafe(text, ...params))));
    return writer;
  }

  #queue: Pending[] = [];
  #flushing = false;

  private constructor(private readonly execute: (text: string, params: unknown[]) => Promise<unknown>) {}

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
      const column = <K extends keyof AuditRow>(name: K, as: (value: AuditRow[K]) => string | null = (v) => v as string | null) => rows.map((row) => as(row[name]));
      await this.execute(INSERT, [
        rows.map(() => randomUUID()),
        column("orgId"),
        column("at", (at) => at.toISOString()),
        column("kind"),
        column("actorType"),
        column("actorId"),
        column("actorLabel"),
        column("clientId"),
        column("serverId"),
        column("targetType"),
        column("targetId"),
        column("ip"),
        column("userAgent"),
        column("details", (details) => JSON.stringify(details)),
      ]);
      return;
    } catch (error) {
      // Row by row only helps when one row was refused; an unreachable database refuses them all,
      // and trying each in turn would hold every waiting request for as many round trips.
      if (rows.length === 1 || isDatabaseUnavailable(error)) {
        console.error(`[gatehouse] could not record ${rows.length} audit event(s), the first ${rows[0]!.kind}:`, error instanceof Error ? error.message : error);
        return;
      }
    }
    for (const row of rows) await this.#insert([row]);
  }
}
