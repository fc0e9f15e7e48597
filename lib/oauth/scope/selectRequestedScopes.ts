import { invalidScope } from "../errors/OAuthError";
import type { ResourceRecord } from "../ports";
import { parseScope } from "./parseScope";

/**
 * The scopes a request obtains on its resource (RFC 6749 §3.3).
 *
 * - `scope` omitted: the resource's default scopes ("a pre-defined default value"), which may be
 *   none; with `allowed`, only the defaults the client may have.
 * - `scope` sent: each must be defined for the resource and, with `allowed`, be allowed for the
 *   client. Unknown scopes are refused rather than silently dropped, so a client learns why its
 *   token lacks them.
 *
 * `allowed` is the client's registered `scope` for client_credentials; authorization requests pass
 * none (a user consents instead, and step-up asks for scopes beyond the registered ones).
 * Refusals are `invalid_scope`.
 */
export function selectRequestedScopes(
  requested: string | undefined,
  resource: ResourceRecord,
  allowed?: readonly string[],
): string[] {
  if (requested === undefined) {
    return resource.scopes
      .filter((scope) => scope.isDefault && (!allowed || allowed.includes(scope.name)))
      .map((scope) => scope.name);
  }
  const scopes = parseScope(requested);
  if (!scopes) throw invalidScope("scope contains characters not allowed in a scope (RFC 6749 §3.3)");
  for (const scope of scopes) {
    if (!resource.scopes.some((defined) => defined.name === scope)) {
      throw invalidScope(`scope "${scope}" is not defined for resource "${resource.resource}"`);
    }
    if (allowed && !allowed.includes(scope)) {
      throw invalidScope(`scope "${scope}" is not allowed for this client`);
    }
  }
  return scopes;
}
