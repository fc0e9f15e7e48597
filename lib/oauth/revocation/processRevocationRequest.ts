import { type AuthenticateClientDeps, authenticateClient } from "../client-authentication/authenticateClient";
import { parseOAuthParameters } from "../http/parseOAuthParameters";
import { type RevokeTokenDeps, revokeToken } from "./revokeToken";

/**
 * The revocation endpoint (RFC 7009 §2), one call per request: the form's parameters (each at
 * most once), client authentication (RFC 7009 §2.1: confidential clients authenticate, public
 * clients send client_id), then revokeToken. On success the route answers 200 with an empty body.
 *
 * Not checked here: HTTP method and content type (the route requires a form POST).
 */
export async function processRevocationRequest(
  request: { authorization?: string | null; form: URLSearchParams },
  deps: AuthenticateClientDeps & RevokeTokenDeps,
): Promise<void> {
  const params = parseOAuthParameters(request.form);
  const { client } = await authenticateClient({ authorization: request.authorization, params }, deps);
  await revokeToken({ client, params }, deps);
}
