import { describe, expect, it } from "vitest";
import { prepareAuthorization } from "@/lib/server/authorize/prepareAuthorization";
import { getOAuthRuntime } from "@/lib/server/oauth/getOAuthRuntime";
import { createUser } from "@/lib/server/users/createUser";
import { seedOrg } from "../support/seedOrg";
import { authorizeAs } from "../support/authorizeAs";
import { pkcePair, registerClient, setUpWorld } from "./securityFixtures";

// Mix-up attacks (RFC 9207, RFC 9700 §4.4): a client talking to several authorization servers
// must learn which one answered. Every authorization response, success or error, carries `iss`,
// equal byte for byte to the issuer of the metadata; each org is its own issuer.
const world = setUpWorld();
const REDIRECT = "http://127.0.0.1:52000/callback";

async function responseFor(orgSlug: string, clientId: string, query: Record<string, string>, user = world.owner) {
  const { challenge } = pkcePair();
  const full = { response_type: "code", client_id: clientId, redirect_uri: REDIRECT, code_challenge: challenge, code_challenge_method: "S256", state: "xyz", ...query };
  const runtime = await getOAuthRuntime();
  const step = await prepareAuthorization(runtime, orgSlug, new URLSearchParams(full), { ...user, name: null });
  if (step.kind === "redirect") return new URL(step.location);
  if (step.kind !== "ready") throw new Error(`unexpected step ${step.kind}`);
  return authorizeAs(user, orgSlug, full);
}

const metadataIssuer = async (slug: string) => (await (await fetch(`${world.server.origin}/.well-known/oauth-authorization-server/orgs/${slug}`)).json()).issuer as string;

describe("mix-up: iss on every authorization response", () => {
  it("a successful response carries the metadata's issuer", async () => {
    const client = await registerClient(world);
    const location = await responseFor(world.org.slug, client.client_id, {});
    expect(location.searchParams.get("code")).toBeTruthy();
    expect(location.searchParams.get("iss")).toBe(await metadataIssuer(world.org.slug));
    expect(location.searchParams.get("iss")).toBe(world.issuer);
  });

  it.each([
    ["unsupported_response_type", { response_type: "token" }, 'response_type "token" is not supported; use "code"'],
    ["invalid_scope", { scope: "mcp:tools nonsense" }, 'scope "nonsense" is not defined for resource "{demo}"'],
    ["invalid_target", { resource: "https://elsewhere.example/mcp" }, 'resource "https://elsewhere.example/mcp" is not protected by this authorization server'],
    ["invalid_request (PKCE)", { code_challenge_method: "plain" }, 'code_challenge_method "plain" is not supported; use "S256"'],
    ["invalid_request (response_mode)", { response_mode: "fragment" }, 'response_mode "fragment" is not supported; use "query"'],
  ])("an error response (%s) carries iss and state", async (error, query, description) => {
    const client = await registerClient(world);
    const location = await responseFor(world.org.slug, client.client_id, query);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      error: error.split(" ")[0],
      error_description: description.replace("{demo}", world.demo),
      state: "xyz",
      iss: world.issuer,
    });
  });

  it("an access_denied for a person who may not authorize carries iss", async () => {
    const client = await registerClient(world);
    const stranger = await world.server.db.prisma.$transaction((tx) => createUser(tx, { email: `stranger-${Date.now()}@example.com`, password: "correct horse battery" }));
    const location = await responseFor(world.org.slug, client.client_id, {}, { id: stranger.id, email: stranger.email });
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("iss")).toBe(world.issuer);
  });

  it("each org answers with its own issuer, so a response of org B cannot pass as org A's", async () => {
    const other = await seedOrg(world.server.db.prisma);
    const registered = await fetch(`${world.server.origin}/orgs/${other.slug}/api/v1/oauth/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ redirect_uris: [REDIRECT], token_endpoint_auth_method: "none" }),
    });
    const { client_id } = await registered.json();
    const location = await responseFor(other.slug, client_id, { resource: `${world.server.origin}/mcp/${other.slug}/demo` }, { id: other.ownerId, email: other.ownerEmail });
    expect(location.searchParams.get("iss")).toBe(`${world.server.origin}/orgs/${other.slug}`);
    expect(location.searchParams.get("iss")).not.toBe(world.issuer);
    expect(location.searchParams.get("iss")).toBe(await metadataIssuer(other.slug));
  });
});
