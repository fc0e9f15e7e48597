import type { AuthOptions } from "next-auth";
// next-auth's request handler without Next's request context (its package exports do not list it).
import { AuthHandler } from "../../node_modules/next-auth/core";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RATE_LIMIT_RULES } from "@/lib/server/ratelimit/rateLimitRules";
import { setUpWorld } from "./securityFixtures";

// The portal sign-in (next-auth credentials) run through next-auth's own handler, as the
// /api/auth route runs it, with PUBLIC_URL on https: password guessing is throttled, and the
// session cookie is HttpOnly, Secure, SameSite=Lax and __Secure- prefixed.
const world = setUpWorld({ PUBLIC_URL: "https://auth.example.test" });
let authOptions: AuthOptions;

beforeAll(async () => {
  // authOptions reads the configuration when it loads: after the world set PUBLIC_URL.
  ({ authOptions } = await import("@/lib/server/auth/authOptions"));
});
beforeEach(() => world.server.db.prisma.rateLimitBucket.deleteMany());

const ADDRESS = { "x-gatehouse-client-ip": "203.0.113.7" };

async function signIn(email: string, password: string, headers: Record<string, string> = ADDRESS) {
  const csrf = await AuthHandler<{ csrfToken: string }>({ req: { action: "csrf", method: "GET", headers: { ...headers }, cookies: {}, query: {}, body: {} }, options: authOptions });
  const csrfCookie = csrf.cookies!.find((c) => c.name.endsWith("next-auth.csrf-token"))!;
  const response = await AuthHandler({
    req: {
      action: "callback",
      providerId: "credentials",
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      cookies: { [csrfCookie.name]: csrfCookie.value },
      query: {},
      body: { csrfToken: csrf.body!.csrfToken, email, password, json: "true" },
    },
    options: authOptions,
  });
  return { redirect: response.redirect ?? "", error: new URL(response.redirect ?? "https://x/").searchParams.get("error"), cookies: response.cookies ?? [], csrfCookie };
}

describe("sign-in", () => {
  it("sets the session cookie HttpOnly, Secure, SameSite=Lax, __Secure- prefixed (PUBLIC_URL on https)", async () => {
    const result = await signIn(world.org.ownerEmail, world.org.password);
    expect(result.error).toBeNull();
    const session = result.cookies.find((c) => c.name.endsWith("next-auth.session-token"))!;
    expect(session.name).toBe("__Secure-next-auth.session-token");
    expect(session.options).toMatchObject({ httpOnly: true, secure: true, sameSite: "lax", path: "/" });
    expect(result.csrfCookie.name).toBe("__Host-next-auth.csrf-token");
    expect(result.csrfCookie.options).toMatchObject({ httpOnly: true, secure: true, sameSite: "lax" });
  });

  it("refuses a wrong password with CredentialsSignin", async () => {
    expect((await signIn(world.org.ownerEmail, "wrong password")).error).toBe("CredentialsSignin");
  });

  it("throttles password guessing per email: past the limit even the right password is refused", async () => {
    const limit = RATE_LIMIT_RULES.signInPerEmail.limit;
    for (let i = 0; i < limit; i++) {
      // Each guess from another address: the per-email limit holds on its own.
      expect((await signIn(world.org.ownerEmail, `guess ${i}`, { "x-gatehouse-client-ip": `198.51.100.${i}` })).error).toBe("CredentialsSignin");
    }
    const blocked = await signIn(world.org.ownerEmail.toUpperCase(), world.org.password);
    expect(blocked.error).toMatch(/^TooManySignInAttempts:(1[0-5]|[1-9])$/);
    expect(blocked.cookies.find((c) => c.name.endsWith("session-token"))).toBeUndefined();
  });

  it("throttles unknown emails the same way, so the limit reveals no account", async () => {
    for (let i = 0; i < RATE_LIMIT_RULES.signInPerEmail.limit; i++) await signIn("nobody@example.com", `guess ${i}`);
    expect((await signIn("nobody@example.com", "another guess")).error).toMatch(/^TooManySignInAttempts:\d+$/);
  });

  it("throttles one address spraying passwords over many emails", async () => {
    for (let i = 0; i < RATE_LIMIT_RULES.signInPerAddress.limit; i++) await signIn(`victim-${i}@example.com`, "Summer2026!");
    expect((await signIn(world.org.ownerEmail, world.org.password)).error).toMatch(/^TooManySignInAttempts:\d+$/);
    // Another address is not affected.
    expect((await signIn(world.org.ownerEmail, world.org.password, { "x-gatehouse-client-ip": "192.0.2.1" })).error).toBeNull();
  });

  it("signs in again once the window has passed", async () => {
    for (let i = 0; i < RATE_LIMIT_RULES.signInPerEmail.limit; i++) await signIn(world.org.ownerEmail, `guess ${i}`);
    await world.server.db.prisma.rateLimitBucket.updateMany({ data: { windowStart: new Date(Date.now() - RATE_LIMIT_RULES.signInPerEmail.windowSec * 1000 - 1000) } });
    expect((await signIn(world.org.ownerEmail, world.org.password)).error).toBeNull();
  });
});
