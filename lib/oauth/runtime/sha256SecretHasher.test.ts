import { describe, expect, it } from "vitest";
import { sha256SecretHasher } from "./sha256SecretHasher";

describe("sha256SecretHasher", () => {
  it("hashes deterministically to base64url SHA-256", () => {
    expect(sha256SecretHasher.hashForLookup("abc")).toBe("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
  });

  it.each([
    ["s3cret", true],
    ["s3cret ", false],
    ["", false],
    ["S3cret", false],
  ])("verifies %j against the hash of s3cret: %s", async (presented, expected) => {
    expect(await sha256SecretHasher.verifyClientSecret(presented, sha256SecretHasher.hashForLookup("s3cret"))).toBe(expected);
  });

  it("answers false for a malformed stored hash instead of throwing", async () => {
    expect(await sha256SecretHasher.verifyClientSecret("s3cret", "short")).toBe(false);
  });
});
