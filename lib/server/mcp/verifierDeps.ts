import type { AuthenticateAccessTokenDeps } from "@/lib/mcp/access/authenticateAccessToken";
import type { McpRuntime } from "./McpRuntime";

/** What authenticateAccessToken needs, from the runtime: cached keys, grant and jti lookups. */
export function verifierDeps(runtime: McpRuntime): AuthenticateAccessTokenDeps {
  const { grants, revokedAccessTokens, clock } = runtime.oauth;
  return { keys: runtime.keys, grants, revokedAccessTokens, clock };
}
