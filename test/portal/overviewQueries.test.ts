import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEventCsvLine, csvCell } from "@/lib/server/audit/auditEventsCsv";
import { parseAuditFilter } from "@/lib/server/portal/auditFilter";
import { findAuditEvents } from "@/lib/server/portal/findAuditEvents";
import { getGettingStarted } from "@/lib/server/portal/getGettingStarted";
import { getTokenActivity } from "@/lib/server/portal/getTokenActivity";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { openTestDatabase, type TestDatabase } from "../support/testDatabase";
import { addClient, addGrant, addMember } from "./portalFixtures";

// The portal's read queries open the process database; here that is this file's test database.
let db: TestDatabase;
let org: SeededOrg;
beforeAll(async () => {
  db = await openTestDatabase();
  (globalThis as Record<string, unknown>).__gatehouseDatabase = Promise.resolve(db);
  org = await seedOrg(db.prisma);
});
afterAll(() => db.close());

const HOUR = 3600_000;

describe("getTokenActivity", () => {
  it("counts issued and refused tokens per UTC hour and day, ignoring other kinds and other orgs", async () => {
    const now = new Date("2030-03-10T15:30:00Z");
    const other = await seedOrg(db.prisma);
    const at = (iso: string) => new Date(iso);
    await db.prisma.auditEvent.createMany({
      data: [
        { orgId: org.orgId, kind: "token.issued", actorType: "client", at: at("2030-03-10T15:05:00Z") },
        { orgId: org.orgId, kind: "token.issued", actorType: "client", at: at("2030-03-10T15:10:00Z") },
        { orgId: org.orgId, kind: "token.refused", actorType: "client", at: at("2030-03-10T14:59:59Z") },
        { orgId: org.orgId, kind: "token.issued", actorType: "client", at: at("2030-03-09T16:00:00Z") },
        { orgId: org.orgId, kind: "token.issued", actorType: "client", at: at("2030-03-04T00:00:00Z") },
        { orgId: org.orgId, kind: "token.issued", actorType: "client", at: at("2030-03-03T23:59:59Z") },
        { orgId: org.orgId, kind: "client.registered", actorType: "client", at: at("2030-03-10T15:00:00Z") },
        { orgId: other.orgId, kind: "token.issued", actorType: "client", at: at("2030-03-10T15:00:00Z") },
      ],
    });
    const activity = await getTokenActivity(org.orgId, now);
    expect(activity.hourly).toHaveLength(24);
    expect(activity.hourly[23]).toEqual({ start: at("2030-03-10T15:00:00Z"), issued: 2, refused: 0 });
    expect(activity.hourly[22]).toEqual({ start: at("2030-03-10T14:00:00Z"), issued: 0, refused: 1 });
    expect(activity.hourly[0]).toEqual({ start: new Date(at("2030-03-10T15:00:00Z").getTime() - 23 * HOUR), issued: 1, refused: 0 });
    expect(activity.daily.map((d) => [d.start.toISOString().slice(0, 10), d.issued, d.refused])).toEqual([
      ["2030-03-04", 1, 0],
      ["2030-03-05", 0, 0],
      ["2030-03-06", 0, 0],
      ["2030-03-07", 0, 0],
      ["2030-03-08", 0, 0],
      ["2030-03-09", 1, 0],
      ["2030-03-10", 2, 1],
    ]);
    expect(activity).toMatchObject({ issuedToday: 2, refusedToday: 1 });
  });
});

describe("getGettingStarted", () => {
  it("ticks each item from what the org has done", async () => {
    const fresh = await seedOrg(db.prisma);
    expect(await getGettingStarted(fresh.orgId)).toEqual({ connectedClient: false, confidentialClient: false, invitedTeammate: false, reviewedSigningKey: false });
    const client = await addClient(db.prisma, fresh.orgId);
    await addGrant(db.prisma, { orgId: fresh.orgId, userId: fresh.ownerId, clientRowId: client.id });
    await db.prisma.client.update({ where: { id: client.id }, data: { source: "admin" } });
    await addMember(db.prisma, fresh.orgId, "member");
    await db.prisma.signingKey.updateMany({ where: { orgId: fresh.orgId }, data: { status: "retiring" } });
    const key = await db.prisma.signingKey.findFirstOrThrow({ where: { orgId: fresh.orgId } });
    await db.prisma.signingKey.create({ data: { orgId: fresh.orgId, kid: `${key.kid}-2`, publicJwk: key.publicJwk as object, privateJwkEncrypted: key.privateJwkEncrypted } });
    expect(await getGettingStarted(fresh.orgId)).toEqual({ connectedClient: true, confidentialClient: true, invitedTeammate: true, reviewedSigningKey: true });
  });
});

describe("the audit log's filter and export", () => {
  it("filters by kind, actor, client and time, within the org, 50 per page", async () => {
    const base = new Date("2031-01-01T00:00:00Z").getTime();
    await db.prisma.auditEvent.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({ orgId: org.orgId, kind: "audit.test", actorType: "user", actorLabel: i % 2 ? "Odd@Example.com" : "even@example.com", clientId: i < 5 ? "gh_five" : null, at: new Date(base + i * 60_000) })),
    });
    const page1 = await findAuditEvents(org.orgId, { kind: "audit.test" });
    expect(page1).toMatchObject({ total: 60, pageCount: 2 });
    expect(page1.events).toHaveLength(50);
    expect(page1.events[0]!.at).toEqual(new Date(base + 59 * 60_000));
    expect((await findAuditEvents(org.orgId, { kind: "audit.test" }, 2)).events).toHaveLength(10);
    expect((await findAuditEvents(org.orgId, { kind: "audit.test", actor: "odd@" })).total).toBe(30);
    expect((await findAuditEvents(org.orgId, { kind: "audit.test", client: "gh_five" })).total).toBe(5);

    const { filter, errors } = parseAuditFilter({ kind: "audit.test", from: "2031-01-01T00:10", to: "2031-01-01T00:19" });
    expect(errors).toEqual({});
    expect((await findAuditEvents(org.orgId, filter)).total).toBe(10);
    expect(parseAuditFilter({ from: "yesterday" }).errors).toHaveProperty("from");
    expect(parseAuditFilter({ from: "2031-01-02T00:00", to: "2031-01-01T00:00" }).errors).toHaveProperty("to");
    const stranger = await seedOrg(db.prisma);
    expect((await findAuditEvents(stranger.orgId, { kind: "audit.test" })).total).toBe(0);
  });

  it("escapes CSV cells and neutralizes formulas", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    for (const formula of ["=HYPERLINK(\"x\")", "+1", "-1+2", "@SUM(A1)", "\t=1"]) expect(csvCell(formula).replace(/^"/, "").startsWith("'")).toBe(true);
    expect(csvCell(null)).toBe("");
    expect(csvCell(new Date("2030-01-01T00:00:00Z"))).toBe("2030-01-01T00:00:00.000Z");
    const line = auditEventCsvLine({ id: "1", at: new Date("2030-01-01T00:00:00Z"), kind: "client.registered", actorType: "client", actorId: null, actorLabel: "=cmd|' /C calc'!A0", clientId: null, serverId: null, targetType: null, targetId: null, ip: null, userAgent: null, details: { a: 1 } });
    expect(line).toBe(`2030-01-01T00:00:00.000Z,client.registered,client,,'=cmd|' /C calc'!A0,,,,,,,"{""a"":1}"\r\n`);
  });
});
