import { getDatabase } from "../db/getDatabase";

export interface ActivityBucket {
  start: Date;
  issued: number;
  refused: number;
}

export interface TokenActivity {
  /** The last 24 hours, one bucket per UTC hour, the current hour last. */
  hourly: ActivityBucket[];
  /** The last 7 UTC days, today last. */
  daily: ActivityBucket[];
  issuedToday: number;
  refusedToday: number;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * Tokens issued and refused (audit kinds `token.issued` and `token.refused`) per hour and per day.
 * Counted by the database per hour, so a busy org costs a few hundred rows, not one per token.
 */
export async function getTokenActivity(orgId: string, now = new Date()): Promise<TokenActivity> {
  const { prisma } = await getDatabase();
  const thisHour = Math.floor(now.getTime() / HOUR) * HOUR;
  const today = Math.floor(now.getTime() / DAY) * DAY;
  const since = today - 6 * DAY;
  // Timestamps are stored as UTC without a zone, so epoch arithmetic on them is UTC arithmetic.
  const rows = await prisma.$queryRawUnsafe<{ kind: string; hour: number; n: number }[]>(
    `SELECT kind, floor(extract(epoch from "at") / 3600)::int AS hour, count(*)::int AS n
       FROM "AuditEvent"
      WHERE "orgId" = $1 AND kind IN ('token.issued', 'token.refused') AND "at" >= $2::timestamp
      GROUP BY kind, hour`,
    orgId,
    new Date(since).toISOString(),
  );

  const hourly = Array.from({ length: 24 }, (_, i) => ({ start: new Date(thisHour - (23 - i) * HOUR), issued: 0, refused: 0 }));
  const daily = Array.from({ length: 7 }, (_, i) => ({ start: new Date(today - (6 - i) * DAY), issued: 0, refused: 0 }));
  for (const row of rows) {
    const at = Number(row.hour) * HOUR;
    const key = row.kind === "token.issued" ? "issued" : "refused";
    const n = Number(row.n);
    const h = 23 - (thisHour - at) / HOUR;
    if (h >= 0 && h < 24) hourly[h]![key] += n;
    const d = 6 - Math.floor((today - Math.floor(at / DAY) * DAY) / DAY);
    if (d >= 0 && d < 7) daily[d]![key] += n;
  }
  const todayBucket = daily[6]!;
  return { hourly, daily, issuedToday: todayBucket.issued, refusedToday: todayBucket.refused };
}
