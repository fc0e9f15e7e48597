import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createAdminClient } from "@/lib/server/clients/createAdminClient";
import { rotateSigningKey } from "@/lib/server/keys/rotateSigningKey";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { startTestServer, type TestServer } from "../support/startTestServer";
import { TEST_SECRET_KEY } from "../support/testDatabase";

let server: TestServer;
let org: SeededOrg;
let service: { clientId: string; clientSecret: string };
beforeAll(async () => {
  server = await startTestServer();
  org = await seedOrg(server.db.prisma);
  service = await createAdminClient(server.db.prisma, { orgId: org.orgId, name: "svc", grantTypes: ["client_credentials"], scope: "mcp:tools", actor: { type: "system", label: "test" } });
});
afterAll(() => server.close());

const issuer = () => `${server.origin}/orgs/${org.slug}`;
const token = async () => {
  const response = await fetch(`${issuer()}/api/v1/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${service.clientId}:${service.clientSecret}`).toString("base64")}` },
    body: "grant_type=client_credentials",
  });
  return (await response.json()).access_token as string;
};
const jwks = async () => (await (await fetch(`${issuer()}/api/v1/oauth/jwks`)).json()) as { keys: { kid: string }[] };
const introspect = async (jwt: string) =>
  (await fetch(`${issuer()}/api/v1/oauth/introspect`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${service.clientId}:${service.clientSecret}`).toString("base64")}` },
    body: new URLSearchParams({ token: jwt }),
  }).then((r) => r.json())) as { active: boolean };

it("signs new tokens with the new key while tokens of the old key stay valid until they expire", async () => {
  const before = await token();
  const oldKid = decodeProtectedHeader(before).kid!;

  const rotation = await rotateSigningKey(server.db.prisma, org.orgId, TEST_SECRET_KEY, { type: "system", label: "test" });
  expect(rotation.previous).toEqual([oldKid]);

  const after = await token();
  expect(decodeProtectedHeader(after).kid).toBe(rotation.kid);
  expect(rotation.kid).not.toBe(oldKid);

  const published = await jwks();
  expect(published.keys.map((k) => k.kid).sort()).toEqual([oldKid, rotation.kid].sort());
  const set = createLocalJWKSet(published as never);
  await expect(jwtVerify(before, set, { issuer: issuer() })).resolves.toBeTruthy();
  await expect(jwtVerify(after, set, { issuer: issuer() })).resolves.toBeTruthy();
  expect((await introspect(before)).active).toBe(true);

  const keys = await server.db.prisma.signingKey.findMany({ where: { orgId: org.orgId }, orderBy: { createdAt: "asc" } });
  expect(keys.map((k) => k.status)).toEqual(["retiring", "active"]);
  // Published for the access-token lifetime (1 h) plus a minute of clock skew.
  expect(keys[0]!.publishUntil!.getTime() - keys[0]!.rotatedAt!.getTime()).toBe((3600 + 60) * 1000);
  expect(await server.db.prisma.auditEvent.count({ where: { orgId: org.orgId, kind: "key.rotated" } })).toBe(1);
});

it("stops publishing the old key once its tokens have expired, and its tokens are then refused", async () => {
  const old = await token();
  const oldKid = decodeProtectedHeader(old).kid!;
  await rotateSigningKey(server.db.prisma, org.orgId, TEST_SECRET_KEY, { type: "system", label: "test" });
  await server.db.prisma.signingKey.update({ where: { kid: oldKid }, data: { publishUntil: new Date(Date.now() - 1000) } });
  await server.db.changes.caughtUp();
  expect((await jwks()).keys.map((k) => k.kid)).not.toContain(oldKid);
  expect(await introspect(old)).toEqual({ active: false });
});
