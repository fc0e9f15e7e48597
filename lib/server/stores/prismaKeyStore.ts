import type { JWK } from "jose";
import type { PrismaClient } from "@/generated/prisma/client";
import type { KeyStore, SigningKeyRecord } from "@/lib/oauth/ports";
import { decryptSecret } from "../crypto/encryptSecret";

/**
 * Signing keys from the database. Decrypted private keys are cached by kid (a kid names one key
 * forever), but which key is active is read each time, so a rotation on another instance takes
 * effect at once.
 */
export function prismaKeyStore(prisma: PrismaClient, secretKey: string): KeyStore {
  const decrypted = new Map<string, JWK>();
  return {
    async getActiveSigningKey(orgId) {
      const row = await prisma.signingKey.findFirst({ where: { orgId, status: "active" }, orderBy: { createdAt: "desc" } });
      if (!row) throw new Error(`org ${orgId} has no active signing key`);
      let privateJwk = decrypted.get(row.kid);
      if (!privateJwk) {
        privateJwk = JSON.parse(decryptSecret(row.privateJwkEncrypted, secretKey)) as JWK;
        decrypted.set(row.kid, privateJwk);
      }
      return { kid: row.kid, alg: "ES256", privateJwk, publicJwk: row.publicJwk as JWK } satisfies SigningKeyRecord;
    },

    async getPublishedKeys(orgId) {
      const rows = await prisma.signingKey.findMany({
        where: { orgId, OR: [{ status: "active" }, { status: "retiring", publishUntil: { gt: new Date() } }] },
        orderBy: { createdAt: "desc" },
        select: { publicJwk: true },
      });
      return rows.map((r) => r.publicJwk as JWK);
    },
  };
}
