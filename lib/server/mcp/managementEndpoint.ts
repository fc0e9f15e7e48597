import { OAuthError } from "@/lib/oauth/errors/OAuthError";
import { UseCaseError } from "../errors/UseCaseError";
import { type Endpoint, oauthEndpoint } from "../http/oauthEndpoint";
import { jsonFieldName } from "./serverJson";

const STATUS: Record<UseCaseError["code"], number> = { invalid: 400, conflict: 409, not_found: 404, forbidden: 403, expired: 400 };

/**
 * oauthEndpoint for the management API: a use case's refusal (UseCaseError) becomes an answer in
 * the same RFC 6749 §5.2 form as every other error, `invalid_request` with the status of its code
 * (400, 409 conflict, 404) and the field in JSON member names: `scopes.1.name: ...`.
 */
export function managementEndpoint<P>(run: Endpoint<P>): Endpoint<P> {
  return oauthEndpoint(async (request, params) => {
    try {
      return await run(request, params);
    } catch (error) {
      if (!(error instanceof UseCaseError)) throw error;
      const description = error.field ? `${jsonFieldName(error.field)}: ${error.message}` : error.message;
      throw new OAuthError(error.code === "forbidden" ? "access_denied" : "invalid_request", description, { status: STATUS[error.code] });
    }
  });
}
