import { describe, expect, it } from "vitest";
import { consentCsrfToken, verifyConsentCsrfToken } from "@/lib/server/authorize/consentCsrfToken";

// Consent CSRF (RFC 6749 §10.12, RFC 9700 §4.7): the consent form's token is an HMAC of the user,
// the org and the exact authorization request, so a token is worthless anywhere else. The form's
// POST itself (Next only) is attacked in e2e/security-consent.spec.ts.
const SECRET = "session-secret-that-is-long-enough-0123456789";
const USER = "user-1";
const ORG = "org-1";
const query = (clientId: string, extra: Record<string, string> = {}) =>
  new URLSearchParams({ response_type: "code", client_id: clientId, redirect_uri: "http://127.0.0.1/callback", code_challenge: "a".repeat(43), code_challenge_method: "S256", scope: "mcp:tools", ...extra }).toString();

describe("consent CSRF token", () => {
  const forA = consentCsrfToken(SECRET, USER, ORG, query("client-a"));

  it("verifies for the request it was minted for (the control)", () => {
    expect(verifyConsentCsrfToken(SECRET, USER, ORG, query("client-a"), forA)).toBe(true);
  });

  it.each([
    ["missing", () => verifyConsentCsrfToken(SECRET, USER, ORG, query("client-a"), null)],
    ["empty", () => verifyConsentCsrfToken(SECRET, USER, ORG, query("client-a"), "")],
    ["foreign (random)", () => verifyConsentCsrfToken(SECRET, USER, ORG, query("client-a"), "A".repeat(forA.length))],
    ["truncated", () => verifyConsentCsrfToken(SECRET, USER, ORG, query("client-a"), forA.slice(0, -1))],
    ["client A's token approving client B's request", () => verifyConsentCsrfToken(SECRET, USER, ORG, query("client-b"), forA)],
    ["reused for wider scopes", () => verifyConsentCsrfToken(SECRET, USER, ORG, query("client-a", { scope: "mcp:tools mcp:admin" }), forA)],
    ["reused for another redirect URI", () => verifyConsentCsrfToken(SECRET, USER, ORG, query("client-a", { redirect_uri: "http://127.0.0.1:9999/steal" }), forA)],
    ["reused for another PKCE challenge (the attacker's)", () => verifyConsentCsrfToken(SECRET, USER, ORG, query("client-a", { code_challenge: "b".repeat(43) }), forA)],
    ["minted for another user", () => verifyConsentCsrfToken(SECRET, "user-2", ORG, query("client-a"), forA)],
    ["minted for another org", () => verifyConsentCsrfToken(SECRET, USER, "org-2", query("client-a"), forA)],
    ["minted with another server secret", () => verifyConsentCsrfToken(`${SECRET}x`, USER, ORG, query("client-a"), forA)],
  ])("refuses a token that is %s", (_name, check) => {
    expect(check()).toBe(false);
  });
});
