import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { refusal } from "../test/refusal";
import { verifyPkceS256 } from "./verifyPkceS256";

// RFC 7636 Appendix B.
const VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

describe("verifyPkceS256", () => {
  it("accepts the RFC 7636 Appendix B pair", () => {
    expect(() => verifyPkceS256(VERIFIER, CHALLENGE)).not.toThrow();
  });

  it.each([["a".repeat(43)], ["~._-".repeat(32)], ["Z9".repeat(64)]])("accepts the well-formed verifier %s if it matches", (verifier) => {
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    expect(() => verifyPkceS256(verifier, challenge)).not.toThrow();
  });

  const FORMAT = "code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_', '~' (RFC 7636 §4.1)";
  it.each([
    [undefined, "code_verifier is required (PKCE)"],
    ["a".repeat(42), FORMAT],
    ["a".repeat(129), FORMAT],
    [`${VERIFIER.slice(0, 42)}+`, FORMAT],
    [`${VERIFIER.slice(0, 42)}=`, FORMAT],
    [`${VERIFIER.slice(0, 42)} `, FORMAT],
    [`${VERIFIER.slice(0, 42)}é`, FORMAT],
    [CHALLENGE, "code_verifier does not match the code_challenge of the authorization request"],
    [`${VERIFIER}x`, "code_verifier does not match the code_challenge of the authorization request"],
  ])("refuses %j with invalid_grant", (verifier, description) => {
    expect(refusal(() => verifyPkceS256(verifier, CHALLENGE))).toEqual({
      error: "invalid_grant",
      error_description: description,
      status: 400,
    });
  });

  it("refuses a plain-method attempt (verifier equal to the stored challenge)", () => {
    expect(refusal(() => verifyPkceS256(VERIFIER, VERIFIER)).error).toBe("invalid_grant");
  });
});
