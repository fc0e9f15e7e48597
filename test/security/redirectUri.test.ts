import { describe, expect, it } from "vitest";
import { invalidRequest } from "@/lib/oauth/errors/OAuthError";
import { prepareAuthorization } from "@/lib/server/authorize/prepareAuthorization";
import { renderAuthorizationErrorPage } from "@/lib/server/authorize/renderAuthorizationErrorPage";
import { getOAuthRuntime } from "@/lib/server/oauth/getOAuthRuntime";
import { pkcePair, registerClient, setUpWorld } from "./securityFixtures";

// Open-redirect attempts at the authorization endpoint (RFC 6749 §4.1.2.1 and §10.15, RFC 9700
// §4.1): a redirect URI that is not exactly a registered one (loopback: any port, RFC 8252 §7.3)
// gets an error page for the person, never a redirect; so does a request whose client is unknown.
const world = setUpWorld();
const MISMATCH = "redirect_uri does not match any redirect URI registered for this client";
const REGISTERED = ["https://app.example/cb", "http://127.0.0.1/callback", "com.example.app:/oauth"];

async function authorize(query: Record<string, string>) {
  const runtime = await getOAuthRuntime();
  const { challenge } = pkcePair();
  return prepareAuthorization(runtime, world.org.slug, new URLSearchParams({ response_type: "code", code_challenge: challenge, code_challenge_method: "S256", state: "s", ...query }), { ...world.owner, name: null });
}

describe("redirect URI attacks", () => {
  let clientId = "";
  const client = async () => (clientId ||= (await registerClient(world, { redirect_uris: REGISTERED })).client_id);

  it.each([
    ["an unregistered URI", "https://evil.example/cb"],
    ["an extra path segment", "https://app.example/cb/extra"],
    ["a dot-segment escape", "https://app.example/cb/../evil"],
    ["a path prefix", "https://app.example/c"],
    ["an extra query", "https://app.example/cb?next=https://evil.example"],
    ["a fragment", "https://app.example/cb#https://evil.example"],
    ["an empty fragment", "https://app.example/cb#"],
    ["userinfo: https://good@evil", "https://app.example@evil.example/cb"],
    ["userinfo on the registered host", "https://attacker@app.example/cb"],
    ["a host in upper case", "https://APP.example/cb"],
    ["a scheme in upper case", "HTTPS://app.example/cb"],
    ["a path in upper case", "https://app.example/CB"],
    ["a percent-encoded path", "https://app.example/%63b"],
    ["a percent-encoded dot in the host", "https://app%2eexample/cb"],
    ["the default port spelled out", "https://app.example:443/cb"],
    ["another port on an https URI", "https://app.example:8443/cb"],
    ["a trailing dot on the host", "https://app.example./cb"],
    ["a subdomain of the registered host", "https://evil.app.example/cb"],
    ["a registered host as a subdomain of another", "https://app.example.evil.example/cb"],
    ["a backslash", "https://app.example\\@evil.example/cb"],
    ["a trailing slash", "https://app.example/cb/"],
    ["http instead of https", "http://app.example/cb"],
    ["a different loopback host: localhost", "http://localhost:5000/callback"],
    ["a different loopback host: [::1]", "http://[::1]:5000/callback"],
    ["a different loopback address: 127.0.0.2", "http://127.0.0.2:5000/callback"],
    ["https on the loopback redirect", "https://127.0.0.1:5000/callback"],
    ["userinfo on the loopback redirect", "http://127.0.0.1@evil.example/callback"],
    ["loopback with another path", "http://127.0.0.1:5000/callback/../steal"],
    ["loopback with an extra query", "http://127.0.0.1:5000/callback?x=1"],
    ["loopback with port 0", "http://127.0.0.1:0/callback"],
    ["loopback with an out-of-range port", "http://127.0.0.1:65536/callback"],
    ["a private-use scheme with another path", "com.example.app:/other"],
    ["a private-use scheme in another case", "COM.EXAMPLE.APP:/oauth"],
    ["javascript:", "javascript:alert(document.domain)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
  ])("refuses %s with an error page, never a redirect", async (_name, redirectUri) => {
    const step = await authorize({ client_id: await client(), redirect_uri: redirectUri });
    expect(step.kind).toBe("error-page");
    expect(step.kind === "error-page" && step.error.toResponseBody()).toEqual({ error: "invalid_request", error_description: MISMATCH });
  });

  it.each([
    ["no redirect_uri while several are registered", {}, "invalid_request", "redirect_uri is required: this client registered several redirect URIs"],
    ["an unknown client_id", { client_id: "gh_unknown", redirect_uri: "https://evil.example/cb" }, "invalid_request", "client_id is not registered with this authorization server"],
    ["no client_id", { client_id: "", redirect_uri: "https://evil.example/cb" }, "invalid_request", "client_id is required"],
    ["a client_id repeated (first one valid, then the attacker's)", { client_id: "__twice__", redirect_uri: "https://app.example/cb" }, "invalid_request", 'parameter "client_id" is included more than once'],
  ])("refuses %s with an error page", async (_name, query, error, description) => {
    const id = await client();
    const base = { client_id: id, ...query } as Record<string, string>;
    const params = new URLSearchParams(base);
    if (base.client_id === "__twice__") {
      params.set("client_id", id);
      params.append("client_id", "gh_attacker");
    }
    const runtime = await getOAuthRuntime();
    const { challenge } = pkcePair();
    for (const [k, v] of Object.entries({ response_type: "code", code_challenge: challenge, code_challenge_method: "S256" })) params.set(k, v);
    const step = await prepareAuthorization(runtime, world.org.slug, params, { ...world.owner, name: null });
    expect(step.kind === "error-page" && step.error.toResponseBody()).toEqual({ error, error_description: description });
  });

  it("refuses a disabled client with an error page", async () => {
    const disabled = await registerClient(world);
    await world.server.db.prisma.client.updateMany({ where: { clientId: disabled.client_id }, data: { disabledAt: new Date() } });
    await world.server.db.changes.caughtUp();
    const step = await authorize({ client_id: disabled.client_id, redirect_uri: "http://127.0.0.1:5000/callback" });
    expect(step.kind === "error-page" && step.error.toResponseBody()).toEqual({ error: "unauthorized_client", error_description: "this client has been disabled" });
  });

  it.each([
    ["an exact https match", "https://app.example/cb"],
    ["the loopback redirect on any port (RFC 8252 §7.3)", "http://127.0.0.1:53123/callback"],
    ["the private-use scheme", "com.example.app:/oauth"],
  ])("accepts %s (the refusals above are not a blanket no)", async (_name, redirectUri) => {
    const step = await authorize({ client_id: await client(), redirect_uri: redirectUri });
    expect(step.kind === "ready" && step.request.redirectUri).toBe(redirectUri);
  });

  it("shows the error as a page: no Location, not framable, no referrer, the description escaped", async () => {
    const step = await authorize({ client_id: await client(), redirect_uri: "https://evil.example/cb" });
    if (step.kind !== "error-page") throw new Error(step.kind);
    const page = renderAuthorizationErrorPage(step.error);
    expect(page.status).toBe(400);
    expect(page.headers.get("location")).toBeNull();
    expect(page.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    // Descriptions quote attacker-chosen values (a CIMD client_id, a scope): they are escaped.
    const quoted = renderAuthorizationErrorPage(invalidRequest('client_id "<script>alert(1)</script>" is not valid'));
    expect(await quoted.text()).toContain("client_id &#34;&#60;script&#62;alert(1)&#60;/script&#62;&#34; is not valid");
  });
});
