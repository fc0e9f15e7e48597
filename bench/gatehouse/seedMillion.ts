import type pg from "pg";
import { cloneRows } from "./cloneRows";

export interface MillionSeed {
  clients: number;
  grants: number;
  refreshTokens: number;
  seconds: number;
}

// A deterministic uuid from a tag and a number, so grants, their refresh tokens and their clients
// can name each other without a lookup.
const uuidOf = (tag: string, n: string) => `md5('${tag}' || ${n})::uuid::text`;
// A stored token hash of the shape Gatehouse writes (SHA-256, base64url, 43 characters).
const hashOf = (n: string) => `rtrim(translate(encode(sha256(convert_to('bench-rt-' || ${n}, 'UTF8')), 'base64'), '+/', '-_'), '=')`;

/**
 * The "a million grants in the database" state of issue 6: `count` grants and as many refresh
 * tokens in the bench org, spread over 1,000 clients, with a realistic mix (one grant in ten
 * revoked, half the refresh tokens rotated), written with generate_series as copies of genuine rows
 * (cloneRows), into the tables and indexes the migrations made, then ANALYZEd so the planner
 * knows. The hot paths' own rows stay as they were.
 */
export async function seedMillion(client: pg.Client, source: { clientRowId: string; grantId: string; refreshTokenId: string }, count: number): Promise<MillionSeed> {
  const started = Date.now();
  const clients = 1000;
  await client.query("SET synchronous_commit = off");
  await cloneRows(client, "Client", source.clientRowId, { id: uuidOf("c", "v.value"), clientId: `'gh_bench_' || v.value` }, { count: clients });
  const clientOfRow = uuidOf("c", `((v.n % ${clients}) + 1)::text`);
  await cloneRows(
    client,
    "Grant",
    source.grantId,
    {
      id: uuidOf("g", "v.value"),
      clientRowId: clientOfRow,
      createdAt: `(now() AT TIME ZONE 'UTC') - (v.n || ' seconds')::interval`,
      revokedAt: `CASE WHEN v.n % 10 = 0 THEN (now() AT TIME ZONE 'UTC') ELSE NULL END`,
    },
    { count },
  );
  await cloneRows(
    client,
    "RefreshToken",
    source.refreshTokenId,
    {
      id: uuidOf("r", "v.value"),
      tokenHash: hashOf("v.value"),
      familyId: `md5('f' || v.value)`,
      grantId: uuidOf("g", "v.value"),
      clientRowId: clientOfRow,
      rotatedAt: `CASE WHEN v.n % 2 = 0 THEN (now() AT TIME ZONE 'UTC') ELSE NULL END`,
    },
    { count },
  );
  await client.query(`ANALYZE "Client", "Grant", "RefreshToken"`);
  await client.query("RESET synchronous_commit");
  return { clients, grants: count, refreshTokens: count, seconds: Math.round((Date.now() - started) / 1000) };
}
