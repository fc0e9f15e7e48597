import type pg from "pg";
import { sha256SecretHasher } from "@/lib/oauth/runtime/sha256SecretHasher";
import { cloneRows } from "./cloneRows";
import { secretPool } from "./secretPool";

// Stored timestamps are UTC `timestamp` values (Prisma's DateTime column).
const NOW_UTC = `(now() AT TIME ZONE 'UTC')`;

/**
 * Authorization codes for the code-exchange run: copies of one genuine, unused code (mintCode.ts),
 * each with its own value, unused and valid for an hour; same client, redirect URI, PKCE challenge
 * (so the same verifier works), resource, scopes and grant. Each is exchanged once.
 */
export async function seedCodePool(client: pg.Client, genuineCode: string, count: number): Promise<string[]> {
  const source = await client.query<{ id: string }>(`SELECT "id" FROM "AuthorizationCode" WHERE "codeHash" = $1`, [sha256SecretHasher.hashForLookup(genuineCode)]);
  if (!source.rows[0]) throw new Error("the genuine authorization code is not in the database");
  const pool = secretPool(count);
  await cloneRows(client, "AuthorizationCode", source.rows[0].id, { id: "gen_random_uuid()::text", codeHash: "v.value", usedAt: "NULL", expiresAt: `${NOW_UTC} + interval '1 hour'` }, { values: pool.hashes });
  return pool.secrets;
}

/**
 * Refresh tokens for the rotation, revocation and introspection runs: copies of one genuine
 * refresh token (issued by a real code exchange), each with its own value and its own family,
 * neither rotated nor revoked, under the same grant and client. Each rotation uses one.
 */
export async function seedRefreshPool(client: pg.Client, genuineRefreshToken: string, count: number): Promise<string[]> {
  const source = await client.query<{ id: string }>(`SELECT "id" FROM "RefreshToken" WHERE "tokenHash" = $1`, [sha256SecretHasher.hashForLookup(genuineRefreshToken)]);
  if (!source.rows[0]) throw new Error("the genuine refresh token is not in the database");
  const pool = secretPool(count);
  await cloneRows(client, "RefreshToken", source.rows[0].id, { id: "gen_random_uuid()::text", tokenHash: "v.value", familyId: "md5(v.value)", rotatedAt: "NULL", revokedAt: "NULL" }, { values: pool.hashes });
  return pool.secrets;
}
