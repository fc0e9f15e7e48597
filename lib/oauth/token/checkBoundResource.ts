import { invalidTarget } from "../errors/OAuthError";
import type { OAuthParameters } from "../http/parseOAuthParameters";
import { canonicalizeResource } from "../resource/canonicalizeResource";

/**
 * RFC 8707 §2.2: at the token endpoint, `resource` may be repeated to ask for a token for a
 * subset of what was authorized. A Gatehouse grant covers exactly one resource, so a sent
 * `resource` must name that one (after canonicalization); omitting it means the bound resource.
 */
export function checkBoundResource(params: OAuthParameters, boundResource: string): void {
  const requested = params.getAll("resource");
  if (requested.length === 0) return;
  if (requested.length > 1) throw invalidTarget("only one resource may be requested per token");
  if (canonicalizeResource(requested[0]!) !== boundResource) {
    throw invalidTarget(`resource "${canonicalizeResource(requested[0]!)}" is not the resource this grant was issued for`);
  }
}
