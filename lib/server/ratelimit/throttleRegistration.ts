import { getConfig } from "../config/getConfig";
import { clientAddress } from "./clientAddress";
import { getRateLimiter } from "./getRateLimiter";
import { tooManyRequests } from "./tooManyRequests";

/**
 * Open dynamic registration is anonymous (RFC 7591 §3), so each attempt, accepted or not, counts
 * against the caller's address (RFC 7591 §5 leaves abuse to the server). Returns the 429 to answer,
 * or null.
 */
export async function throttleRegistration(request: Request): Promise<Response | null> {
  const limiter = await getRateLimiter();
  const decision = await limiter.consume([{ rule: getConfig().rateLimits.registrationPerAddress, subject: clientAddress(request.headers) }]);
  return decision.allowed ? null : tooManyRequests(decision.retryAfterSec, "Too many client registrations from this address");
}
