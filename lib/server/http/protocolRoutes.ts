import { handleAuthorizationServerMetadata } from "../endpoints/handleAuthorizationServerMetadata";
import { handleClientDelete, handleClientRead, handleClientUpdate } from "../endpoints/handleClientConfiguration";
import { handleIntrospection } from "../endpoints/handleIntrospection";
import { handleJwks } from "../endpoints/handleJwks";
import { handleRegistration } from "../endpoints/handleRegistration";
import { handleRevocation } from "../endpoints/handleRevocation";
import { handleToken } from "../endpoints/handleToken";
import type { Endpoint } from "./oauthEndpoint";

type Params = Record<string, string>;

export interface ProtocolRoute {
  /** Path with `:name` segments; matched exactly, segment by segment. */
  path: string;
  methods: Partial<Record<"GET" | "POST" | "PUT" | "DELETE", Endpoint<Params>>>;
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
];
