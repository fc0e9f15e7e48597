import { handleAuthorizationServerMetadata } from "../endpoints/handleAuthorizationServerMetadata";
import { handleClientDelete, handleClientRead, handleClientUpdate } from "../endpoints/handleClientConfiguration";
import { handleIntrospection } from "../endpoints/handleIntrospection";
import { handleJwks } from "../endpoints/handleJwks";
import { handleManagementApiMetadata } from "../endpoints/handleManagementApiMetadata";
import { handleManagementOpenApi } from "../endpoints/handleManagementOpenApi";
import { handleCreateServer, handleDeleteServer, handleListServers, handleReadServer, handleUpdateServer } from "../endpoints/handleManagementServers";
import { handleMcpGateway } from "../endpoints/handleMcpGateway";
import { handleGatewayResourceMetadata, handleServerResourceMetadata } from "../endpoints/handleProtectedResourceMetadata";
import { handleRegistration } from "../endpoints/handleRegistration";
import { handleResourceChallenge } from "../endpoints/handleResourceChallenge";
import { handleRevocation } from "../endpoints/handleRevocation";
import { handleToken } from "../endpoints/handleToken";
import type { Endpoint } from "./oauthEndpoint";

type Params = Record<string, string>;

export interface ProtocolRoute {
  /** Path with `:name` segments; matched exactly, segment by segment. */
  path: string;
  methods: Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", Endpoint<Params>>>;
  /**
   * Its answers may be streams from elsewhere (the gateway's upstream), written as they come;
   * every other endpoint's answer is built in memory and written in one piece.
   */
  streamsAnswers?: boolean;
}

/**
 * The protocol endpoints the server answers without going through Next (the lean path): the same
 * functions the app/ route handlers export, so both paths behave identically. Everything not
 * listed here goes to Next. Keep this table in step with app/(protocol).
 */
export const PROTOCOL_ROUTES: readonly ProtocolRoute[] = [
  { path: "/.well-known/oauth-authorization-server/orgs/:org", methods: { GET: handleAuthorizationServerMetadata as Endpoint<Params> } },
  { path: "/.well-known/openid-configuration/orgs/:org", methods: { GET: handleAuthorizationServerMetadata as Endpoint<Params> } },
  { path: "/orgs/:org/.well-known/openid-configuration", methods: { GET: handleAuthorizationServerMetadata as Endpoint<Params> } },
  { path: "/orgs/:org/api/v1/.well-known/oauth-authorization-server", methods: { GET: handleAuthorizationServerMetadata as Endpoint<Params> } },
  { path: "/orgs/:org/api/v1/oauth/jwks", methods: { GET: handleJwks as Endpoint<Params> } },
  { path: "/orgs/:org/api/v1/oauth/token", methods: { POST: handleToken as Endpoint<Params> } },
  { path: "/orgs/:org/api/v1/oauth/introspect", methods: { POST: handleIntrospection as Endpoint<Params> } },
  { path: "/orgs/:org/api/v1/oauth/revoke", methods: { POST: handleRevocation as Endpoint<Params> } },
  { path: "/orgs/:org/api/v1/oauth/register", methods: { POST: handleRegistration as Endpoint<Params> } },
  {
    path: "/orgs/:org/api/v1/oauth/register/:clientId",
    methods: { GET: handleClientRead as Endpoint<Params>, PUT: handleClientUpdate as Endpoint<Params>, DELETE: handleClientDelete as Endpoint<Params> },
  },
  // Protected resources (issue 4): the gateway, RFC 9728 metadata, challenges, the management API.
  {
    path: "/mcp/:org/:server",
    methods: { POST: handleMcpGateway as Endpoint<Params>, GET: handleMcpGateway as Endpoint<Params>, DELETE: handleMcpGateway as Endpoint<Params> },
    streamsAnswers: true,
  },
  { path: "/.well-known/oauth-protected-resource/mcp/:org/:server", methods: { GET: handleGatewayResourceMetadata as Endpoint<Params> } },
  { path: "/orgs/:org/api/v1/.well-known/oauth-protected-resource/mcp/:server", methods: { GET: handleServerResourceMetadata as Endpoint<Params> } },
  { path: "/orgs/:org/api/v1/.well-known/oauth-protected-resource", methods: { GET: handleManagementApiMetadata as Endpoint<Params> } },
  { path: "/.well-known/oauth-protected-resource/orgs/:org/api/v1", methods: { GET: handleManagementApiMetadata as Endpoint<Params> } },
  // Before /mcp/:server/challenge: a server slug is never "servers", so /mcp/servers/challenge reads the server "challenge".
  { path: "/orgs/:org/api/v1/mcp/servers", methods: { GET: handleListServers as Endpoint<Params>, POST: handleCreateServer as Endpoint<Params> } },
  {
    path: "/orgs/:org/api/v1/mcp/servers/:server",
    methods: { GET: handleReadServer as Endpoint<Params>, PATCH: handleUpdateServer as Endpoint<Params>, DELETE: handleDeleteServer as Endpoint<Params> },
  },
  { path: "/orgs/:org/api/v1/mcp/openapi.json", methods: { GET: handleManagementOpenApi as Endpoint<Params> } },
  { path: "/orgs/:org/api/v1/mcp/:server/challenge", methods: { GET: handleResourceChallenge as Endpoint<Params>, POST: handleResourceChallenge as Endpoint<Params> } },
];
