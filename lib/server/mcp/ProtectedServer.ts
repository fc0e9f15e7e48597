import type { ProtectedResourceContext } from "@/lib/mcp/access/authenticateAccessToken";
import type { ToolScopeMap } from "@/lib/mcp/scopes/ToolScopeMap";
import type { ScopeView } from "../servers/ServerView";
import type { ServerUrls } from "../servers/serverUrls";

/** An MCP server of an org, resolved for the resource side (metadata, challenge, gateway). */
export interface ProtectedServer {
  org: { id: string; slug: string; name: string; issuer: string };
  id: string;
  slug: string;
  name: string;
  mode: "gateway" | "external";
  urls: ServerUrls;
  scopes: ScopeView[];
  defaultScopes: string[];
  toolScopes: ToolScopeMap;
  upstreamUrl: string | null;
  /** Decrypted; sent upstream as the Authorization header value. */
  upstreamCredential: string | null;
  /** What authenticateAccessToken checks tokens against, with the challenge of a 401. */
  resourceContext: ProtectedResourceContext;
}
