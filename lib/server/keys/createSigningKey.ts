import { calculateJwkThumbprint, exportJWK, generateKeyPair } from "jose";
import type { Prisma } from "@/generated/prisma/client";
import { encryptSecret } from "../crypto/encryptSecret";

type Tx = Prisma.TransactionClient;

/**
 * Creates an org's ES256 signing key, active at once. The kid is the RFC 7638 thumbprint; the
 * private JWK is stored encrypted. The caller retires the previous key (rotation) in the same
 * transaction.
 */
export async function createSigningKey(tx: Tx, orgId: string, secretKey: string) {
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateJwk = await exportJWK(privateKey);
  return tx.signingKey.create({
    data: {
      orgId,
      kid,
      alg: "ES256",
      status: "active",
      publicJwk: { ...publicJwk, kid, alg: "ES256", use: "sig" },
      privateJwkEncrypted: encryptSecret(JSON.stringify({ ...privateJwk, kid, alg: "ES256" }), secretKey),
    },
  });
}
