import { type AuthenticateClientDeps, authenticateClient } from "../client-authentication/authenticateClient";
import { parseOAuthParameters } from "../http/parseOAuthParameters";
import { type IntrospectionResponse, type IntrospectTokenDeps, introspectToken } from "./introspectToken";

/**
 * The introspection endpoint (RFC 7662 §2), one call per request: the form's parameters (each at
 * most once), client authentication (authenticateClient; RFC 7662 §2.1 requires the caller to be
 * authorized), then introspectToken. The route answers the result as JSON (200) with
 * `Cache-Control: no-store`.
 *
 * Not checked here: HTTP method and content type (the route requires a form POST).
 */
export async function processIntrospectionRequest(
  request: { authorization?: string | null; form: URLSearchParams },
  deps: AuthenticateClientDeps & IntrospectTokenDeps,
): Promise<IntrospectionResponse> {
  const params = parseOAuthParameters(request.form);
  const { client } = await authenticateClient({ authorization: request.authorization, params }, deps);
  return introspectToken({ client, params }, deps);
}
