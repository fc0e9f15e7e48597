import { unauthorizedClient, unsupportedGrantType } from "../errors/OAuthError";
import type { OAuthParameters } from "../http/parseOAuthParameters";
import type { ClientRecord, GrantType } from "../ports";

/**
 * The first two checks of every token-endpoint operation: the request's `grant_type` is the one
 * this operation handles (processTokenRequest already routed on it; checked again so that an
 * operation called directly cannot be fed another grant), and the client registered that grant
 * type (RFC 6749 §5.2 `unauthorized_client`).
 */
export function checkGrantType(params: OAuthParameters, client: ClientRecord, grantType: GrantType): void {
  if (params.get("grant_type") !== grantType) {
    throw unsupportedGrantType(`this operation handles grant_type "${grantType}" only`);
  }
  if (!client.grantTypes.includes(grantType)) {
    throw unauthorizedClient(`this client is not registered for the ${grantType} grant`);
  }
}
