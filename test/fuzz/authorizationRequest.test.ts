import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { matchRedirectUri } from "@/lib/oauth/authorization/matchRedirectUri";
import { prepareAuthorization } from "@/lib/server/authorize/prepareAuthorization";
import { getOAuthRuntime } from "@/lib/server/oauth/getOAuthRuntime";
import { pkcePair, registerClient, setUpWorld } from "../security/securityFixtures";
import { damaged, FUZZ_SEED, hostileString, parameterValue, RFC_ERROR_CODES, withoutRateLimits } from "./fuzzSupport";

// Property: for any authorization request (prepareAuthorization, what the authorization endpoint
// and the consent form run), the decision is an error page, a sign-in, a consent-ready request, or a
// redirect; never an exception; and a redirect only ever goes to a redirect URI the client
// registered (any port for loopback, RFC 8252), carrying `iss` (RFC 9207) and the client's state.
const world = setUpWorld();
withoutRateLimits();
const REGISTERED = ["https://app.example/cb", "http://127.0.0.1/callback", "com.example.app:/oauth", "https://app.example/cb?tenant=1"];
const clients: Record<string, string[]> = {};

beforeAll(async () => {
  // CIMD off: a random https client_id must not send the fuzz to DNS (CIMD is fuzzed in test/security).
  await world.server.db.prisma.org.update({ where: { id: world.org.orgId }, data: { cimdPolicy: "off" } });
  await world.server.db.changes.caughtUp();
  const several = await registerClient(world, { redirect_uris: REGISTERED });
  const single = await registerClient(world, { redirect_uris: ["https://single.example/cb"] });
  clients[several.client_id] = REGISTERED;
  clients[single.client_id] = ["https://single.example/cb"];
});

describe("fuzzing the authorization request", () => {
  it("never throws, never redirects to an unregistered URI, always says who answered", async () => {
    const { challenge } = pkcePair();
    const ids = Object.keys(clients);
    const redirect = parameterValue([...REGISTERED, "http://127.0.0.1:8080/callback", "http://localhost/callback", "https://single.example/cb", "https://evil.example/cb", "https://app.example/cb#x"]);
    const alternatives = {
      response_type: parameterValue(["code", "token", "code id_token", "none"]),
      client_id: parameterValue([...ids, "gh_unknown", "https://client.example/doc.json"]),
      redirect_uri: redirect,
      code_challenge: parameterValue([challenge, "a".repeat(43), "short"]),
      code_challenge_method: parameterValue(["S256", "plain", "s256"]),
      resource: parameterValue([world.demo, `${world.issuer}/api/v1`, "https://elsewhere.example/mcp", `${world.demo}#frag`]),
      scope: parameterValue(["mcp:tools", "mcp:tools mcp:admin", "servers:read", "openid offline_access"]),
      state: parameterValue(["abc", "x".repeat(500)]),
      response_mode: parameterValue(["query", "fragment", "form_post"]),
      prompt: hostileString,
    };
    const template = (clientId: string) => ({
      response_type: "code",
      client_id: clientId,
      redirect_uri: clients[clientId]!.length > 1 ? "http://127.0.0.1:8080/callback" : clients[clientId]![0]!,
      code_challenge: challenge,
      code_challenge_method: "S256",
      resource: world.demo,
      scope: "mcp:tools",
      state: "abc",
    });
    const query = fc.constantFrom(...ids).chain((id) => damaged(template(id), alternatives)).map((text) => new URLSearchParams(text));
    const kinds = new Set<string>();
    const runtime = await getOAuthRuntime();
    await fc.assert(
      fc.asyncProperty(query, fc.boolean(), async (params, signedIn) => {
        const step = await prepareAuthorization(runtime, world.org.slug, params, signedIn ? { ...world.owner, name: null } : null);
        kinds.add(step.kind);
        if (step.kind === "error-page") {
          expect(RFC_ERROR_CODES.has(step.error.error)).toBe(true);
          expect(step.error.status).toBeLessThan(500);
        }
        if (step.kind === "redirect") {
          const location = new URL(step.location);
          const registered = clients[params.get("client_id")!];
          expect(registered).toBeDefined();
          // The redirect URI before the parameters appended to it (error first): a registered one
          // exactly, or a registered loopback one on another port.
          const base = step.location.slice(0, step.location.search(/[?&]error=/));
          expect(matchRedirectUri(registered!, base)).toBe(true);
          expect(location.searchParams.get("iss")).toBe(world.issuer);
          expect(RFC_ERROR_CODES.has(location.searchParams.get("error") ?? "")).toBe(true);
          expect(location.searchParams.getAll("state")).toEqual(params.getAll("state").filter(Boolean).slice(0, 1));
        }
        if (step.kind === "ready") {
          expect(matchRedirectUri(clients[step.request.client.clientId]!, step.request.redirectUri)).toBe(true);
          expect(step.request.codeChallengeMethod).toBe("S256");
        }
      }),
      { seed: FUZZ_SEED, numRuns: 1500 },
    );
    expect([...kinds].sort()).toEqual(["error-page", "ready", "redirect", "sign-in"]);
  }, 120_000);
});
