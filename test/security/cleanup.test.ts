import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { runCli } from "@/lib/server/cli/runCli";
import { cleanupExpiredRows } from "@/lib/server/maintenance/cleanupExpiredRows";
import { DEFAULT_CLEANUP_POLICY } from "@/lib/server/maintenance/CleanupPolicy";
import { startMaintenance } from "@/lib/server/maintenance/startMaintenance";
import { RATE_LIMIT_RULES } from "@/lib/server/ratelimit/rateLimitRules";
import { openTestDatabase } from "../support/testDatabase";
import { setUpWorld } from "./securityFixtures";

// Tables must not grow without bound (an open registration endpoint invites it): dead rows are
// deleted, live ones and the ones still needed for replay and reuse detection are kept.
const world = setUpWorld();
const DAY = 86_400_000;
const ago = (ms: number) => new Date(Date.now() - ms);
const id = () => randomBytes(12).toString("hex");
let seeded: Awaited<ReturnType<typeof seed>>;

async function seed(prisma: PrismaClient, orgId: string) {
  const server = await prisma.mcpServer.findFirstOrThrow({ where: { orgId } });
  const client = (source: "dcr" | "cimd" | "admin", createdAt: Date, extra: object = {}) =>
    prisma.client.create({ data: { orgId, clientId: `gh_${id()}`, source, createdAt, redirectUris: ["http://127.0.0.1/cb"], grantTypes: ["authorization_code"], responseTypes: ["code"], ...extra } });
  const clients = {
    dcrUnused: await client("dcr", ago(10 * DAY)),
    cimdUnused: await client("cimd", ago(10 * DAY)),
    dcrUsed: await client("dcr", ago(10 * DAY), { lastUsedAt: ago(9 * DAY) }),
    dcrWithGrant: await client("dcr", ago(10 * DAY)),
    dcrRecent: await client("dcr", ago(1 * DAY)),
    adminUnused: await client("admin", ago(100 * DAY)),
  };
  const grant = await prisma.grant.create({ data: { orgId, clientRowId: clients.dcrWithGrant.id, serverId: server.id, resource: "http://x/mcp", scopes: [] } });
  const code = (expiresAt: Date, usedAt: Date | null = null) =>
    prisma.authorizationCode.create({ data: { codeHash: id(), grantId: grant.id, clientRowId: clients.dcrWithGrant.id, redirectUri: "http://127.0.0.1/cb", codeChallenge: "c".repeat(43), resource: "http://x/mcp", scopes: [], expiresAt, usedAt } });
  const refresh = (expiresAt: Date, extra: { revokedAt?: Date; rotatedAt?: Date } = {}) =>
    prisma.refreshToken.create({ data: { tokenHash: id(), familyId: "f", grantId: grant.id, clientRowId: clients.dcrWithGrant.id, resource: "http://x/mcp", scopes: [], expiresAt, ...extra } });
  const invite = (expiresAt: Date, usedAt: Date | null = null) => prisma.invite.create({ data: { orgId, tokenHash: id(), role: "member", expiresAt, usedAt } });
  return {
    clients,
    codes: { expiredLongAgo: await code(ago(2 * DAY), ago(2 * DAY)), expiredRecently: await code(ago(3600_000), ago(3600_000)), live: await code(new Date(Date.now() + 60_000)) },
    refreshTokens: {
      expired: await refresh(ago(8 * DAY)),
      revokedLongAgo: await refresh(new Date(Date.now() + 20 * DAY), { revokedAt: ago(8 * DAY) }),
      rotatedNotExpired: await refresh(new Date(Date.now() + 20 * DAY), { rotatedAt: ago(8 * DAY) }),
      revokedRecently: await refresh(new Date(Date.now() + 20 * DAY), { revokedAt: ago(DAY) }),
      live: await refresh(new Date(Date.now() + 20 * DAY)),
    },
    revoked: {
      expired: await prisma.revokedAccessToken.create({ data: { jti: id(), orgId, expiresAt: ago(600_000) } }),
      live: await prisma.revokedAccessToken.create({ data: { jti: id(), orgId, expiresAt: new Date(Date.now() + 60_000) } }),
    },
    buckets: {
      old: await prisma.rateLimitBucket.create({ data: { key: `old:${id()}`, windowStart: ago(2 * DAY), count: 5 } }),
      current: await prisma.rateLimitBucket.create({ data: { key: `now:${id()}`, windowStart: ago(600_000), count: 5 } }),
    },
    invites: { expiredUnused: await invite(ago(8 * DAY)), expiredUsed: await invite(ago(30 * DAY), ago(31 * DAY)), recentlyExpired: await invite(ago(DAY)), live: await invite(new Date(Date.now() + DAY)) },
  };
}

const exists = async (model: { count(args: { where: object }): Promise<number> }, where: object) => (await model.count({ where })) === 1;

beforeAll(async () => {
  seeded = await seed(world.server.db.prisma, world.org.orgId);
});

describe("cleanup of expired rows", () => {
  it("keeps its rate-limit buckets longer than any limit's window", () => {
    expect(DEFAULT_CLEANUP_POLICY.rateLimitBucketAgeSec).toBeGreaterThan(Math.max(...Object.values(RATE_LIMIT_RULES).map((r) => r.windowSec)));
  });

  it("deletes exactly the dead rows, then finds nothing more to do", async () => {
    const prisma = world.server.db.prisma;
    const report = await world.server.db.withSession((sql) => cleanupExpiredRows(sql));
    expect(report).toEqual({ ran: true, deleted: { authorizationCodes: 1, refreshTokens: 2, revokedAccessTokens: 1, rateLimitBuckets: 1, invites: 1, unusedClients: 2 } });

    const { clients, codes, refreshTokens, revoked, buckets, invites } = seeded;
    for (const c of [clients.dcrUnused, clients.cimdUnused]) expect(await exists(prisma.client, { id: c.id })).toBe(false);
    for (const c of [clients.dcrUsed, clients.dcrWithGrant, clients.dcrRecent, clients.adminUnused]) expect(await exists(prisma.client, { id: c.id })).toBe(true);
    expect(await exists(prisma.authorizationCode, { id: codes.expiredLongAgo.id })).toBe(false);
    for (const c of [codes.expiredRecently, codes.live]) expect(await exists(prisma.authorizationCode, { id: c.id })).toBe(true);
    for (const t of [refreshTokens.expired, refreshTokens.revokedLongAgo]) expect(await exists(prisma.refreshToken, { id: t.id })).toBe(false);
    for (const t of [refreshTokens.rotatedNotExpired, refreshTokens.revokedRecently, refreshTokens.live]) expect(await exists(prisma.refreshToken, { id: t.id })).toBe(true);
    expect(await exists(prisma.revokedAccessToken, { jti: revoked.expired.jti })).toBe(false);
    expect(await exists(prisma.revokedAccessToken, { jti: revoked.live.jti })).toBe(true);
    expect(await exists(prisma.rateLimitBucket, { key: buckets.old.key })).toBe(false);
    expect(await exists(prisma.rateLimitBucket, { key: buckets.current.key })).toBe(true);
    expect(await exists(prisma.invite, { id: invites.expiredUnused.id })).toBe(false);
    for (const i of [invites.expiredUsed, invites.recentlyExpired, invites.live]) expect(await exists(prisma.invite, { id: i.id })).toBe(true);

    expect((await world.server.db.withSession((sql) => cleanupExpiredRows(sql))).deleted).toEqual({ authorizationCodes: 0, refreshTokens: 0, revokedAccessTokens: 0, rateLimitBuckets: 0, invites: 0, unusedClients: 0 });
  });

  it("works through a backlog larger than one batch", async () => {
    const prisma = world.server.db.prisma;
    await prisma.rateLimitBucket.createMany({ data: Array.from({ length: 4500 }, (_, i) => ({ key: `backlog:${i}`, windowStart: ago(3 * DAY), count: 1 })) });
    const report = await world.server.db.withSession((sql) => cleanupExpiredRows(sql));
    expect(report.deleted.rateLimitBuckets).toBe(4500);
    expect(await prisma.rateLimitBucket.count({ where: { key: { startsWith: "backlog:" } } })).toBe(0);
  });

  it("is safe when several instances run it at once: every dead row deleted once, none twice", async () => {
    const prisma = world.server.db.prisma;
    await prisma.rateLimitBucket.createMany({ data: Array.from({ length: 300 }, (_, i) => ({ key: `race:${i}`, windowStart: ago(3 * DAY), count: 1 })) });
    const reports = await Promise.all([1, 2, 3].map(() => world.server.db.withSession((sql) => cleanupExpiredRows(sql))));
    expect(reports.some((r) => r.ran)).toBe(true);
    expect(reports.reduce((sum, r) => sum + r.deleted.rateLimitBuckets, 0)).toBe(300);
    expect(await prisma.rateLimitBucket.count({ where: { key: { startsWith: "race:" } } })).toBe(0);
  });

  it("runs in the server process on a timer (startMaintenance)", async () => {
    const prisma = world.server.db.prisma;
    await prisma.revokedAccessToken.create({ data: { jti: `timer-${id()}`, orgId: world.org.orgId, expiresAt: ago(DAY) } });
    const lines: string[] = [];
    const maintenance = startMaintenance({ firstRunMs: 0, intervalMs: 3600_000, log: (line) => lines.push(line) });
    try {
      await expect.poll(() => lines.length, { timeout: 10_000 }).toBeGreaterThan(0);
    } finally {
      maintenance.stop();
    }
    expect(lines[0]).toBe("[gatehouse] cleanup deleted 1 revokedAccessTokens");
    expect(await prisma.revokedAccessToken.count({ where: { jti: { startsWith: "timer-" } } })).toBe(0);
  });

  it("runs from the command line: gatehouse cleanup", async () => {
    // runCli closes the process's database when it is done: give it one of its own.
    const holder = globalThis as { __gatehouseDatabase?: Promise<unknown> };
    const kept = holder.__gatehouseDatabase;
    const db = await openTestDatabase();
    holder.__gatehouseDatabase = Promise.resolve(db);
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), readStdin: async () => "" };
    try {
      await db.prisma.rateLimitBucket.create({ data: { key: "cli", windowStart: ago(2 * DAY), count: 1 } });
      expect(await runCli(["cleanup", "--json"], io)).toBe(0);
      expect(JSON.parse(out.at(-1)!)).toEqual({ ran: true, deleted: { authorizationCodes: 0, refreshTokens: 0, revokedAccessTokens: 0, rateLimitBuckets: 1, invites: 0, unusedClients: 0 } });
      holder.__gatehouseDatabase = undefined;
      expect(await runCli(["cleanup", "--unused-client-days", "abc"], io)).toBe(2);
      expect(err.join("\n")).toContain("--unused-client-days must be a whole number of days");
    } finally {
      holder.__gatehouseDatabase = kept;
    }
  });
});
