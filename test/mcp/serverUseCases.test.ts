import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addScope } from "@/lib/server/servers/addScope";
import { getServer } from "@/lib/server/servers/getServer";
import { listServers } from "@/lib/server/servers/listServers";
import { removeScope } from "@/lib/server/servers/removeScope";
import type { ServerWriteContext } from "@/lib/server/servers/ServerContext";
import { updateScope } from "@/lib/server/servers/updateScope";
import { updateServer } from "@/lib/server/servers/updateServer";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { openTestDatabase, TEST_SECRET_KEY, type TestDatabase } from "../support/testDatabase";

// The use cases the portal calls (the management API covers create, update and delete over HTTP).
let db: TestDatabase;
let org: SeededOrg;
let ctx: ServerWriteContext;

beforeAll(async () => {
  db = await openTestDatabase();
  org = await seedOrg(db.prisma);
  ctx = { prisma: db.prisma, publicUrl: "https://auth.example.com", secretKey: TEST_SECRET_KEY, actor: { type: "user", id: org.ownerId, label: org.ownerEmail } };
});
afterAll(() => db.close());

describe("scope use cases", () => {
  it("adds a scope, refusing a name the server already has", async () => {
    const server = await addScope(ctx, org.orgId, "demo", { name: "mcp:billing", description: "See invoices" });
    expect(server.scopes.map((s) => [s.name, s.isDefault])).toEqual([["mcp:tools", true], ["mcp:admin", false], ["mcp:billing", false]]);
    await expect(addScope(ctx, org.orgId, "demo", { name: "mcp:billing" })).rejects.toMatchObject({ code: "conflict", field: "name", message: "The server already has the scope mcp:billing" });
  });

  it("updates a scope's description and default flag", async () => {
    const server = await updateScope(ctx, org.orgId, "demo", "mcp:billing", { description: "Invoices", isDefault: true });
    expect(server.scopes.find((s) => s.name === "mcp:billing")).toEqual({ name: "mcp:billing", description: "Invoices", isDefault: true, requiresConsent: true });
    await expect(updateScope(ctx, org.orgId, "demo", "nope", {})).rejects.toMatchObject({ code: "not_found" });
    await expect(updateScope(ctx, org.orgId, "demo", "mcp:billing", { name: "renamed" })).rejects.toMatchObject({ code: "invalid", message: "Unknown field name" });
  });

  it("removes a scope, but not one a tool still needs", async () => {
    await expect(removeScope(ctx, org.orgId, "demo", "mcp:admin")).rejects.toMatchObject({ code: "conflict", message: "The scope mcp:admin is needed by admin_report: change the tool map first" });
    const server = await removeScope(ctx, org.orgId, "demo", "mcp:billing");
    expect(server.scopes.map((s) => s.name)).toEqual(["mcp:tools", "mcp:admin"]);
  });

  it("changes the tool map and records each change in the audit log", async () => {
    await updateServer(ctx, org.orgId, "demo", { toolScopes: { whoami: ["mcp:tools"], echo: [], admin_report: ["mcp:admin", "mcp:tools"] } });
    expect((await getServer(ctx, org.orgId, "demo")).toolScopes).toEqual({ whoami: ["mcp:tools"], echo: [], admin_report: ["mcp:admin", "mcp:tools"] });
    const events = await db.prisma.auditEvent.findMany({ where: { orgId: org.orgId, kind: "server.updated" }, orderBy: { at: "asc" } });
    expect(events.map((e) => (e.details as { changed: string[] }).changed)).toEqual([["scopes"], ["scopes"], ["scopes"], ["toolScopes"]]);
    expect(events.every((e) => e.actorType === "user" && e.actorId === org.ownerId)).toBe(true);
  });

  it("lists the org's servers with identifiers derived from PUBLIC_URL", async () => {
    const [demo] = await listServers(ctx, org.orgId);
    expect(demo!.urls).toMatchObject({ resource: `https://auth.example.com/mcp/${org.slug}/demo`, gatewayUrl: `https://auth.example.com/mcp/${org.slug}/demo` });
  });
});
