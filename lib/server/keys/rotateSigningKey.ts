import type { PrismaClient } from "@/generated/prisma/client";
import { recordAuditEvent } from "../audit/recordAuditEvent";
import { createSigningKey } from "./createSigningKey";
import { ChangeFeed } from "../cache/ChangeFeed";

/**
 * Rotation: a new key signs from now on; the previous one stops signing but stays in the JWKS
 * until every token it signed has expired (the org's access-token lifetime, plus a minute of clock
 * skew), so verifiers never meet a token whose key vanished. Runs under a row lock on the org so
 * two concurrent rotations cannot leave two active keys.
 */
export async function rotateSigningKey(prisma: PrismaClient, orgId: string, secretKey: string, actor: { type: "user" | "system"; id?: string; label: string }) {
  const result = await prisma.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT id FROM "Org" WHERE id = $1 FOR UPDATE`, orgId);
    const org = await tx.org.findUniqueOrThrow({ where: { id: orgId }, select: { accessTokenTtlSec: true } });
    const now = new Date();
    const publishUntil = new Date(now.getTime() + (org.accessTokenTtlSec + 60) * 1000);
    const previous = await tx.signingKey.findMany({ where: { orgId, status: "active" }, select: { kid: true } });
    await tx.signingKey.updateMany({ where: { orgId, status: "active" }, data: { status: "retiring", rotatedAt: now, publishUntil } });
    await tx.signingKey.updateMany({ where: { orgId, status: "retiring", publishUntil: { lte: now } }, data: { status: "retired" } });
    const key = await createSigningKey(tx, orgId, secretKey);
    return { kid: key.kid, previous: previous.map((k) => k.kid), publishUntil };
  });
  ChangeFeed.announce(prisma, { kind: "key", orgId });
  await recordAuditEvent(prisma, { orgId, kind: "key.rotated", actor, target: { type: "signing_key", id: result.kid }, details: { previous: result.previous, previousPublishedUntil: result.publishUntil.toISOString() } });
  return result;
}
