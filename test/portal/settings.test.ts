import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateOrgSettings, type OrgSettings } from "@/lib/server/settings/updateOrgSettings";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { openTestDatabase, type TestDatabase } from "../support/testDatabase";

let db: TestDatabase;
let org: SeededOrg;
let other: SeededOrg;
let defaults: OrgSettings;
beforeAll(async () => {
  db = await openTestDatabase();
  org = await seedOrg(db.prisma);
  other = await seedOrg(db.prisma);
  defaults = await db.prisma.org.findUniqueOrThrow({
    where: { id: org.orgId },
    select: { openRegistration: true, cimdPolicy: true, cimdAllowedHosts: true, authorizePolicy: true, accessTokenTtlSec: true, refreshTokenTtlSec: true, defaultServerId: true },
  });
});
afterAll(() => db.close());

const actor = () => ({ id: org.ownerId, email: org.ownerEmail });
const update = (settings: Partial<OrgSettings>) => updateOrgSettings(db.prisma, { orgId: org.orgId, settings: { ...defaults, ...settings }, actor: actor() });

describe("updateOrgSettings", () => {
  it("saves the settings and records what changed, from what to what", async () => {
    const result = await update({ openRegistration: false, authorizePolicy: "any_user", accessTokenTtlSec: 600, defaultServerId: null });
    expect(result.changed.sort()).toEqual(["accessTokenTtlSec", "authorizePolicy", "defaultServerId", "openRegistration"]);
    expect(await db.prisma.org.findUniqueOrThrow({ where: { id: org.orgId } })).toMatchObject({ openRegistration: false, authorizePolicy: "any_user", accessTokenTtlSec: 600, defaultServerId: null });
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { orgId: org.orgId, kind: "org.settings_updated" } });
    expect(event.details).toMatchObject({ openRegistration: { from: true, to: false }, accessTokenTtlSec: { from: 3600, to: 600 } });
    // Saving the same values again changes and records nothing.
    expect(await update({ openRegistration: false, authorizePolicy: "any_user", accessTokenTtlSec: 600, defaultServerId: null })).toEqual({ changed: [] });
    expect(await db.prisma.auditEvent.count({ where: { orgId: org.orgId, kind: "org.settings_updated" } })).toBe(1);
    await update({});
  });

  it("keeps lifetimes within their bounds", async () => {
    for (const [field, value] of [["accessTokenTtlSec", 59], ["accessTokenTtlSec", 86_401], ["refreshTokenTtlSec", 3599], ["refreshTokenTtlSec", 90 * 86_400 + 1], ["accessTokenTtlSec", 60.5]] as const) {
      await expect(update({ [field]: value })).rejects.toMatchObject({ code: "invalid", field });
    }
    await update({ accessTokenTtlSec: 60, refreshTokenTtlSec: 90 * 86_400 });
    await update({ accessTokenTtlSec: 86_400, refreshTokenTtlSec: 3600 });
  });

  it("refuses another org's server as the default resource", async () => {
    const foreign = await db.prisma.mcpServer.findFirstOrThrow({ where: { orgId: other.orgId } });
    await expect(update({ defaultServerId: foreign.id })).rejects.toMatchObject({ code: "not_found", field: "defaultServerId" });
    expect((await db.prisma.org.findUniqueOrThrow({ where: { id: other.orgId } })).defaultServerId).toBe(foreign.id);
  });
});
