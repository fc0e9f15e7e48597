import type { AccessContext } from "@/lib/mcp/access/authenticateAccessToken";
import { recordAuditEvent } from "../audit/recordAuditEvent";
import type { McpRuntime } from "./McpRuntime";
import type { ProtectedServer } from "./ProtectedServer";

const recent = new Map<string, number>();
const WINDOW_MS = 60_000;
const MAX_KEYS = 10_000;

/**
 * Audits a tool call the gateway refused for insufficient scope (`gateway.refused`): a user or an
 * admin wants to know that a client tried a tool it was not given. Bounded volume, by design:
 *
 * - 401s at the gateway (no token, expired, wrong audience) are not audited: every MCP client
 *   starts with one, and expired tokens are routine; they would drown the log;
 * - the same client, user, server and tools are recorded once a minute per instance.
 *
 * Not awaited by the caller's answer path beyond one insert.
 */
export async function recordGatewayRefusal(runtime: McpRuntime, server: ProtectedServer, caller: AccessContext, refusal: { tools: string[]; needed: string[] }, request: Request): Promise<void> {
  const key = `${server.id}|${caller.clientId}|${caller.subject}|${refusal.tools.join(",")}`;
  const now = runtime.oauth.clock.now().getTime();
  const last = recent.get(key);
  if (last !== undefined && now - last < WINDOW_MS) return;
  recent.delete(key);
  if (recent.size >= MAX_KEYS) recent.delete(recent.keys().next().value!);
  recent.set(key, now);
  await recordAuditEvent(runtime.oauth.prisma, {
    orgId: server.org.id,
    kind: "gateway.refused",
    actor: { type: caller.userId ? "user" : "client", id: caller.userId ?? caller.clientId },
    clientId: caller.clientId,
    serverId: server.id,
    request,
    details: { error: "insufficient_scope", tools: refusal.tools, needed: refusal.needed, granted: caller.scopes },
  });
}
