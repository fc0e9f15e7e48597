/**
 * A committed change to state that an instance caches, as announced by the database triggers of
 * migration `change_feed` (one NOTIFY per changed row, on the `gatehouse_changes` channel) and by
 * this process's own writes (ChangeFeed.publish). Named by what a cache must forget, not by table.
 *
 * - `org`: the org's row, one of its MCP servers or their scopes (settings, resources, metadata);
 * - `client`: one client of an org, by its OAuth client_id;
 * - `grant`: one grant (revoked, re-scoped or deleted), with the client row it belongs to;
 * - `key`: the org's signing keys (rotation);
 * - `jti`: one access token revoked by RFC 7009;
 * - `rate`: a rate-limit bucket counted a failure (the key is hashed already).
 */
export type Change =
  | { kind: "org"; orgId: string }
  | { kind: "client"; orgId: string; clientId: string }
  | { kind: "grant"; grantId: string; clientRowId: string }
  | { kind: "key"; orgId: string }
  | { kind: "jti"; jti: string }
  | { kind: "rate"; key: string };

/** The NOTIFY payload as the triggers write it: `{"t": table, ...columns}`. */
export function parseChangePayload(payload: string): Change | null {
  let row: Record<string, unknown>;
  try {
    row = JSON.parse(payload) as Record<string, unknown>;
  } catch {
    return null;
  }
  const text = (name: string) => (typeof row[name] === "string" ? (row[name] as string) : null);
  switch (row.t) {
    case "Org":
    case "McpServer":
    case "Scope": {
      const orgId = text("org");
      return orgId === null ? null : { kind: "org", orgId };
    }
    case "Client": {
      const orgId = text("org");
      const clientId = text("client_id");
      return orgId === null || clientId === null ? null : { kind: "client", orgId, clientId };
    }
    case "Grant": {
      const grantId = text("id");
      const clientRowId = text("client");
      return grantId === null || clientRowId === null ? null : { kind: "grant", grantId, clientRowId };
    }
    case "SigningKey": {
      const orgId = text("org");
      return orgId === null ? null : { kind: "key", orgId };
    }
    case "RevokedAccessToken": {
      const jti = text("id");
      return jti === null ? null : { kind: "jti", jti };
    }
    case "RateLimitBucket": {
      const key = text("id");
      return key === null ? null : { kind: "rate", key };
    }
    default:
      return null;
  }
}
