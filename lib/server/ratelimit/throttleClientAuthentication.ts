import { isOAuthError } from "@/lib/oauth/errors/OAuthError";
import { presentedClientId } from "../http/presentedClientId";
import { getConfig } from "../config/getConfig";
import { clientAddress } from "./clientAddress";
import { getRateLimiter } from "./getRateLimiter";
import type { RateLimitEntry } from "./RateLimiter";
import { tooManyRequests } from "./tooManyRequests";

export interface ClientAuthenticationThrottle {
  /** The 429 to answer instead of authenticating the client, or null to go on. */
  refusal: Response | null;
  /** Counts a failed client authentication against the client and the address. */
  failed(): Promise<void>;
  /** Awaits `work`; when it fails with `invalid_client`, counts the failure, then rethrows. */
  guard<T>(work: Promise<T>): Promise<T>;
}

/**
 * Brute-force protection for client secrets at the token, introspection and revocation endpoints
 * (RFC 6749 §10.10, RFC 6819 §5.1.4.2.3: make guessing infeasible). Failed authentications
 * (`invalid_client`) count per client_id in the org and per address (RATE_LIMIT_RULES). The check
 * runs BEFORE the secret is compared, so that past the limit a right guess is refused like a wrong
 * one, and only when the request carries a secret (Basic or client_secret): that is what can be
 * guessed, and public clients refreshing their tokens, the hot path, pay no extra query.
 *
 * The client_id is the one the request names; it proves nothing, which is the point: the limit is
 * on attempts against that identity.
 *
 * Check, then count on failure: a burst of concurrent guesses all pass the check before any is
 * counted, so one window can see the limit plus the burst's size. Counting every attempt up front
 * would close that, at the price of two writes per successful machine-client request; with 256-bit
 * secrets the burst buys an attacker nothing.
 */
export async function throttleClientAuthentication(request: Request, form: URLSearchParams, orgId: string): Promise<ClientAuthenticationThrottle> {
  const authorization = request.headers.get("authorization");
  const clientId = presentedClientId(authorization, form);
  const rules = getConfig().rateLimits;
  const entries: RateLimitEntry[] = [
    { rule: rules.clientAuthPerClient, subject: clientId === null ? null : `${orgId}\n${clientId}` },
    { rule: rules.clientAuthPerAddress, subject: clientAddress(request.headers) },
  ];
  const limiter = await getRateLimiter();
  const presentsSecret = form.has("client_secret") || /^basic(\s|$)/i.test(authorization ?? "");
  const decision = presentsSecret ? await limiter.check(entries) : ({ allowed: true } as const);
  const failed = () => limiter.record(entries);
  return {
    refusal: decision.allowed ? null : tooManyRequests(decision.retryAfterSec, "Too many failed client authentication attempts"),
    failed,
    async guard(work) {
      try {
        return await work;
      } catch (error) {
        if (isOAuthError(error) && error.error === "invalid_client") await failed();
        throw error;
      }
    },
  };
}
