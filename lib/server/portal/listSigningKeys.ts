import type { SigningKeyStatus } from "@/generated/prisma/client";
import { getDatabase } from "../db/getDatabase";

export interface SigningKeyRow {
  kid: string;
  alg: string;
  /** As verifiers see it now: a retiring key past its publication window is retired already. */
  status: SigningKeyStatus;
  createdAt: Date;
  rotatedAt: Date | null;
  publishUntil: Date | null;
}

/** The org's signing keys, active first, then newest first. */
export async function listSigningKeys(orgId: string, now = new Date()): Promise<SigningKeyRow[]> {
  const { prisma } = await getDatabase();
  const keys = await prisma.signingKey.findMany({
    where: { orgId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { kid: true, alg: true, status: true, createdAt: true, rotatedAt: true, publishUntil: true },
  });
  const rows = keys.map((key) => ({
    ...key,
    status: key.status === "retiring" && key.publishUntil && key.publishUntil <= now ? ("retired" as const) : key.status,
  }));
  return [...rows.filter((k) => k.status === "active"), ...rows.filter((k) => k.status !== "active")];
}
