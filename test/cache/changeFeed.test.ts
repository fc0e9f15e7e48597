import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminClient } from "@/lib/server/clients/createAdminClient";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { startTestServer, type TestServer } from "../support/startTestServer";
import { TEST_DATABASE_URL } from "../support/testDatabase";

/**
 * The protocol endpoints keep orgs, clients, keys, grants and revocations in memory (lib/server/
 * cache). These tests change the database BEHIND the server's back, with plain SQL, as another
 * instance, the CLI or an operator would: the database's triggers announce each change, and the
 * server must stop answering from memory. The change is seen within moments (a notification's
 * trip), so each check polls for a few seconds rather than expecting it on the very next request.
 */
let server: TestServer;
let org: SeededOrg;
let service: { clientId: string; clientSecret: string; id: string };

beforeAll(async () => {
  server = await startTestServer();
  org = await seedOrg(server.db.prisma);
  const created = await createAdminClient(server.db.prisma, { orgId: org.orgId, name: "svc", grantTypes: ["client_credentials"], scope: "mcp:tools", canIntrospect: true, actor: { type: "system", label: "test" } });
  const row = await server.db.prisma.client.findFirstOrThrow({ where: { clientId: created.clientId }, select: { id: true } });
  service = { ...created, id: row.id };
});
afterAll(() => server.close());

const issuer = () => `${server.origin}/orgs/${org.slug}`;
const basic = () => `Basic ${Buffer.from(`${service.clientId}:${service.clientSecret}`).toString("base64")}`;
const sql = (text: string, params: unknown[] = []) => server.db.withSession((session) => session.query(text, params));

const requestToken = () =>
  fetch(`${issuer()}/api/v1/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: basic() },
    body: "grant_type=client_credentials",
  });
const introspect = async (token: string) =>
  (await (
    await fetch(`${issuer()}/api/v1/oauth/introspect`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: basic() },
      body: new URLSearchParams({ token }),
    })
  ).json()) as { active: boolean; jti?: string; grant_id?: string };
const metadata = async () => (await (await fetch(`${issuer()}/api/v1/.well-known/oauth-authorization-server`)).json()) as Record<string, unknown>;

/** Polls `check` until it passes or 5 s have gone by (the notification's trip, on a loaded machine). */
async function eventually(check: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function liveToken(): Promise<{ token: string; grantId: string; jti: string }> {
  const token = ((await (await requestToken()).json()) as { access_token: string }).access_token;
  const claims = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as { grant_id: string; jti: string };
  // Twice: the second answer comes from memory.
  expect((await introspect(token)).active).toBe(true);
  expect((await introspect(token)).active).toBe(true);
  return { token, grantId: claims.grant_id, jti: claims.jti };
}

describe("changes made behind the server's back", () => {
  it("a grant revoked by SQL makes its tokens inactive and its client get a new grant", async () => {
    const { token, grantId } = await liveToken();
    await sql(`UPDATE "Grant" SET "revokedAt" = now(), "revokedReason" = 'operator' WHERE id = $1`, [grantId]);
    await eventually(async () => expect(await introspect(token)).toEqual({ active: false }));
    const next = await liveToken();
    expect(next.grantId).not.toBe(grantId);
  });

  it("an access token revoked by another instance (a RevokedAccessToken row) is inactive", async () => {
    const { token, jti } = await liveToken();
    await sql(`INSERT INTO "RevokedAccessToken" ("jti", "orgId", "expiresAt") VALUES ($1, $2, now() + interval '1 hour')`, [jti, org.orgId]);
    await eventually(async () => expect(await introspect(token)).toEqual({ active: false }));
  });

  it("a client disabled by SQL can no longer authenticate", async () => {
    const other = await createAdminClient(server.db.prisma, { orgId: org.orgId, name: "svc2", grantTypes: ["client_credentials"], scope: "mcp:tools", actor: { type: "system", label: "test" } });
    const ask = () =>
      fetch(`${issuer()}/api/v1/oauth/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${other.clientId}:${other.clientSecret}`).toString("base64")}` },
        body: "grant_type=client_credentials",
      });
    expect((await ask()).status).toBe(200);
    expect((await ask()).status).toBe(200);
    await sql(`UPDATE "Client" SET "disabledAt" = now() WHERE "clientId" = $1`, [other.clientId]);
    await eventually(async () => {
      const response = await ask();
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "invalid_client", error_description: "client authentication failed: this client has been disabled" });
    });
  });

  it("org settings and scopes changed by SQL show in the metadata", async () => {
    expect(await metadata()).toHaveProperty("registration_endpoint");
    await sql(`UPDATE "Org" SET "openRegistration" = false WHERE id = $1`, [org.orgId]);
    await eventually(async () => expect(await metadata()).not.toHaveProperty("registration_endpoint"));
    await sql(`INSERT INTO "Scope" ("id", "serverId", "name") SELECT gen_random_uuid(), id, 'mcp:extra' FROM "McpServer" WHERE "orgId" = $1 AND slug = 'demo'`, [org.orgId]);
    await eventually(async () => expect((await metadata()).scopes_supported).toContain("mcp:extra"));
  });

  it("failures counted by another instance throttle the client here", async () => {
    expect((await requestToken()).status).toBe(200);
    // The bucket key RateLimiter derives for this client's failed authentications.
    const key = `client-auth-client:${createHash("sha256").update(`${org.orgId}\n${service.clientId}`).digest("base64url").slice(0, 32)}`;
    await sql(`INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES ($1, now() AT TIME ZONE 'UTC', 1000)`, [key]);
    await eventually(async () => {
      const response = await requestToken();
      expect(response.status).toBe(429);
      expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    });
    // The next tests use this client again.
    await sql(`DELETE FROM "RateLimitBucket" WHERE "key" = $1`, [key]);
    await eventually(async () => expect((await requestToken()).status).toBe(200));
  });
});

describe("waiting for the feed to catch up (caughtUp)", () => {
  it("once it resolves, a change committed before the call is no longer answered from memory", async () => {
    const { token, grantId } = await liveToken();
    await sql(`UPDATE "Grant" SET "revokedAt" = now() WHERE id = $1`, [grantId]);
    await server.db.changes.caughtUp();
    expect(await introspect(token)).toEqual({ active: false });
  });

  it("resolves at once for callers that wait together", async () => {
    await Promise.all(Array.from({ length: 20 }, () => server.db.changes.caughtUp()));
  });
});

describe.runIf(TEST_DATABASE_URL)("the change feed's connection (PostgreSQL)", () => {
  it("after the listening connection is cut, nothing stale is served and the feed reconnects", async () => {
    const { token, grantId } = await liveToken();
    await sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'gatehouse-change-feed' AND datname = current_database()`);
    await sql(`UPDATE "Grant" SET "revokedAt" = now() WHERE id = $1`, [grantId]);
    await eventually(async () => expect(await introspect(token)).toEqual({ active: false }));
    await eventually(async () => {
      const listening = await sql(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'gatehouse-change-feed' AND datname = current_database()`);
      expect((listening.rows[0] as { n: number }).n).toBe(1);
    });
    const again = await liveToken();
    await sql(`UPDATE "Grant" SET "revokedAt" = now() WHERE id = $1`, [again.grantId]);
    await eventually(async () => expect(await introspect(again.token)).toEqual({ active: false }));
  });
});
