import { exportJWK, generateKeyPair } from "jose";
import { describe, expect, it } from "vitest";
import { buildJsonWebKeySet } from "./buildJsonWebKeySet";

describe("buildJsonWebKeySet", () => {
  it("publishes only the public members, with use and alg", async () => {
    const { privateKey } = await generateKeyPair("ES256", { extractable: true });
    const leaked = { ...(await exportJWK(privateKey)), kid: "k1", ext: true, key_ops: ["sign"] };
    const { keys } = buildJsonWebKeySet([leaked]);
    expect(keys).toEqual([{ kty: "EC", crv: "P-256", x: leaked.x, y: leaked.y, kid: "k1", use: "sig", alg: "ES256" }]);
    expect(keys[0]).not.toHaveProperty("d");
  });

  it.each([[{ kty: "EC", crv: "P-256", x: "x", y: "y" }], [{ kty: "oct", k: "secret", kid: "k" }]])("refuses %j", (key) => {
    expect(() => buildJsonWebKeySet([key])).toThrow("published keys must be EC keys with a kid");
  });
});
