import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The consent form's CSRF token: an HMAC of the user, the org and the exact authorization request.
 * A token lifted from another session, or from the consent screen of another client or request,
 * does not verify, so a forged POST cannot approve anything (RFC 6749 §10.12).
 */
export function consentCsrfToken(secret: string, userId: string, orgId: string, query: string): string {
  return createHmac("sha256", `gatehouse-consent-v1:${secret}`).update(`${userId}\n${orgId}\n${query}`).digest("base64url");
}

export function verifyConsentCsrfToken(secret: string, userId: string, orgId: string, query: string, presented: string | null): boolean {
  if (!presented) return false;
  const expected = Buffer.from(consentCsrfToken(secret, userId, orgId, query));
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
