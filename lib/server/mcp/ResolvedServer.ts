import type { ProtectedServer } from "./ProtectedServer";

/**
 * What `{org}/{server}` resolved to: the server, or nothing (kept briefly too, so that a flood of
 * unknown names costs one query per name); `orgId` names the org whose changes forget it.
 */
export interface ResolvedServer {
  orgId: string | null;
  server: ProtectedServer | null;
}
