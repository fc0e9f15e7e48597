import { randomBytes } from "node:crypto";
import type { PrismaClient, Role } from "@/generated/prisma/client";
import { createUser } from "@/lib/server/users/createUser";

const token = () => randomBytes(16).toString("hex");

/** A new account with a role in the org. */
export async function addMember(prisma: PrismaClient, orgId: string, role: Role, email = `${role}-${token().slice(0, 8)}@example.com`) {
  const user = await prisma.$transaction((tx) => createUser(tx, { email, password: "correct horse battery" }));
  const membership = await prisma.membership.create({ data: { orgId, userId: user.id, role } });
  return { id: user.id, email: user.email, role, membershipId: membership.id };
}

/** A public client, as DCR would store it. */
export async function addClient(prisma: PrismaClient, orgId: string, name = "Test client") {
  return prisma.client.create({
    data: { orgId, clientId: `gh_${token()}`, source: "dcr", name, redirectUris: ["http://127.0.0.1/callback"], grantTypes: ["authorization_code", "refresh_token"], responseTypes: ["code"] },
  });
}

/** A live grant with one live refresh token and one unused authorization code under it. */
export async function addGrant(prisma: PrismaClient, input: { orgId: string; userId: string | null; clientRowId: string }) {
  const server = await prisma.mcpServer.findFirstOrThrow({ where: { orgId: input.orgId, slug: "demo" } });
  const resource = `http://localhost/mcp/demo`;
  const grant = await prisma.grant.create({ data: { ...input, serverId: server.id, resource, scopes: ["mcp:tools"] } });
  const expiresAt = new Date(Date.now() + 3600_000);
  await prisma.refreshToken.create({ data: { tokenHash: token(), familyId: token(), grantId: grant.id, clientRowId: input.clientRowId, resource, scopes: ["mcp:tools"], expiresAt } });
  await prisma.authorizationCode.create({
    data: { codeHash: token(), grantId: grant.id, clientRowId: input.clientRowId, redirectUri: "http://127.0.0.1/callback", codeChallenge: "x".repeat(43), resource, scopes: ["mcp:tools"], expiresAt },
  });
  return grant;
}

/** Whether the grant and everything under it is dead: the grant revoked, its refresh tokens revoked, its codes used. */
export async function grantIsDead(prisma: PrismaClient, grantId: string) {
  const grant = await prisma.grant.findUnique({ where: { id: grantId }, include: { refreshTokens: true, codes: true } });
  if (!grant) return true;
  return grant.revokedAt !== null && grant.refreshTokens.every((t) => t.revokedAt !== null) && grant.codes.every((c) => c.usedAt !== null);
}
