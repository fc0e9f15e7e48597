import { randomUUID } from "node:crypto";
import type { NewRefreshToken } from "@/lib/oauth/ports";

/**
 * The raw INSERT of a RefreshToken row, for the statements that claim something and issue a
 * refresh token at once (rotation, code exchange): `head` names the columns, `values` holds the
 * placeholders from `$first` on, and `params` their values. Times are ISO strings stored as the
 * UTC `timestamp` Prisma uses for DateTime; the id is a UUID, as Prisma's `@default(uuid())`.
 */
export function refreshTokenInsert(first: number, token: NewRefreshToken): { head: string; values: string; params: unknown[] } {
  const utc = "::timestamptz AT TIME ZONE 'UTC'";
  const casts = ["", "", "", "", "", "", "::text[]", utc, utc];
  return {
    head: `INSERT INTO "RefreshToken" ("id", "tokenHash", "familyId", "grantId", "clientRowId", "resource", "scopes", "expiresAt", "createdAt")`,
    values: casts.map((cast, i) => `$${first + i}${cast}`).join(", "),
    params: [randomUUID(), token.tokenHash, token.familyId, token.grantId, token.clientRowId, token.resource, [...token.scopes], token.expiresAt.toISOString(), new Date().toISOString()],
  };
}
