// Child of bench/profile.ts, pinned to the server's core while the server idles: the CPU one
// primary-key-style lookup costs this process through Prisma (the server's client and adapter,
// opened by lib/server/db/openDatabase) and through pg alone, the same row, the same pool size.
// It prices "one database round trip" for the optimization list. Prints one JSON line.
import pg from "pg";
import { openDatabase } from "@/lib/server/db/openDatabase";

const [databaseUrl, slug] = process.argv.slice(2) as [string, string];
const CONCURRENCY = 16;
const ROUNDS = 300;

async function cpuPerCall(call: () => Promise<unknown>): Promise<{ usPerCall: number; wallUsPerCall: number }> {
  for (let i = 0; i < 50; i++) await Promise.all(Array.from({ length: CONCURRENCY }, call));
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i++) await Promise.all(Array.from({ length: CONCURRENCY }, call));
  const used = process.cpuUsage(cpu);
  const calls = ROUNDS * CONCURRENCY;
  return { usPerCall: Math.round((used.user + used.system) / calls), wallUsPerCall: Math.round(Number(process.hrtime.bigint() - started) / 1000 / calls) };
}

const db = await openDatabase({ databaseUrl, dataDir: "memory" });
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
const result = {
  prismaFindUnique: await cpuPerCall(() => db.prisma.org.findUnique({ where: { slug } })),
  prismaFindUniqueSelect: await cpuPerCall(() => db.prisma.org.findUnique({ where: { slug }, select: { id: true } })),
  prismaCreateAuditEvent: await cpuPerCall(() => db.prisma.auditEvent.create({ data: { orgId: null, kind: "bench.cost", actorType: "system", details: {} } })),
  pgQuery: await cpuPerCall(() => pool.query(`SELECT * FROM "Org" WHERE "slug" = $1`, [slug])),
  pgQueryPrepared: await cpuPerCall(() => pool.query({ name: "bench-org-by-slug", text: `SELECT * FROM "Org" WHERE "slug" = $1`, values: [slug] })),
  pgInsertAuditEvent: await cpuPerCall(() =>
    pool.query(`INSERT INTO "AuditEvent" ("id", "kind", "actorType", "details") VALUES (gen_random_uuid()::text, 'bench.cost', 'system', '{}')`),
  ),
};
console.log(JSON.stringify(result));
await pool.end();
await db.close();
process.exit(0);
