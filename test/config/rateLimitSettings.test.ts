import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/server/config/ConfigError";
import { loadConfig } from "@/lib/server/config/loadConfig";
import { setUpWorld } from "../security/securityFixtures";

const cwd = () => mkdtempSync(path.join(tmpdir(), "gh-config-"));
const rulesOf = (env: Record<string, string>) => loadConfig(env, cwd()).rateLimits;
const shape = "must be <limit>/<window>, e.g. 50/1h: 1 to 1000000000 events per 1s to 12h (window in s, m or h)";

describe("GATEHOUSE_RATE_LIMIT_* settings", () => {
  it("keeps the documented defaults when none is set", () => {
    expect(rulesOf({})).toEqual({
      signInPerEmail: { name: "signin-email", limit: 10, windowSec: 900 },
      signInPerAddress: { name: "signin-ip", limit: 50, windowSec: 900 },
      clientAuthPerClient: { name: "client-auth-client", limit: 20, windowSec: 300 },
      clientAuthPerAddress: { name: "client-auth-ip", limit: 100, windowSec: 300 },
      registrationPerAddress: { name: "register-ip", limit: 50, windowSec: 3600 },
    });
  });

  it.each([
    ["GATEHOUSE_RATE_LIMIT_SIGNIN_EMAIL", "5/30m", "signInPerEmail", { name: "signin-email", limit: 5, windowSec: 1800 }],
    ["GATEHOUSE_RATE_LIMIT_SIGNIN_ADDRESS", "200/15m", "signInPerAddress", { name: "signin-ip", limit: 200, windowSec: 900 }],
    ["GATEHOUSE_RATE_LIMIT_CLIENT_AUTH_CLIENT", "10/60s", "clientAuthPerClient", { name: "client-auth-client", limit: 10, windowSec: 60 }],
    ["GATEHOUSE_RATE_LIMIT_CLIENT_AUTH_ADDRESS", "1000/1h", "clientAuthPerAddress", { name: "client-auth-ip", limit: 1000, windowSec: 3600 }],
    ["GATEHOUSE_RATE_LIMIT_REGISTRATION", "1000000000/12h", "registrationPerAddress", { name: "register-ip", limit: 1_000_000_000, windowSec: 43200 }],
    ["GATEHOUSE_RATE_LIMIT_REGISTRATION", "1/1s", "registrationPerAddress", { name: "register-ip", limit: 1, windowSec: 1 }],
    ["GATEHOUSE_RATE_LIMIT_REGISTRATION", " 7/2m ", "registrationPerAddress", { name: "register-ip", limit: 7, windowSec: 120 }],
  ] as const)("%s=%j sets that rule only", (variable, value, rule, expected) => {
    const rules = rulesOf({ [variable]: value });
    expect(rules[rule]).toEqual(expected);
    const others = Object.entries(rules).filter(([name]) => name !== rule);
    const defaults = Object.entries(rulesOf({})).filter(([name]) => name !== rule);
    expect(others).toEqual(defaults);
  });

  it.each([
    ["GATEHOUSE_RATE_LIMIT_REGISTRATION", "50"],
    ["GATEHOUSE_RATE_LIMIT_REGISTRATION", "50/"],
    ["GATEHOUSE_RATE_LIMIT_REGISTRATION", "50/60"],
    ["GATEHOUSE_RATE_LIMIT_REGISTRATION", "/1h"],
    ["GATEHOUSE_RATE_LIMIT_REGISTRATION", "50/1d"],
    ["GATEHOUSE_RATE_LIMIT_REGISTRATION", "50/1H"],
    ["GATEHOUSE_RATE_LIMIT_REGISTRATION", "50 / 1h"],
    ["GATEHOUSE_RATE_LIMIT_REGISTRATION", "0/1h"],
    ["GATEHOUSE_RATE_LIMIT_REGISTRATION", "-5/1h"],
    ["GATEHOUSE_RATE_LIMIT_REGISTRATION", "1.5/1h"],
    ["GATEHOUSE_RATE_LIMIT_REGISTRATION", "1000000001/1h"],
    ["GATEHOUSE_RATE_LIMIT_REGISTRATION", "50/0s"],
    ["GATEHOUSE_RATE_LIMIT_REGISTRATION", "50/13h"],
    ["GATEHOUSE_RATE_LIMIT_REGISTRATION", "50/43201s"],
    ["GATEHOUSE_RATE_LIMIT_SIGNIN_EMAIL", "ten per minute"],
    ["GATEHOUSE_RATE_LIMIT_SIGNIN_ADDRESS", "50/15min"],
    ["GATEHOUSE_RATE_LIMIT_CLIENT_AUTH_CLIENT", "20/5m/1"],
    ["GATEHOUSE_RATE_LIMIT_CLIENT_AUTH_ADDRESS", "off"],
  ])("refuses %s=%j with a message naming the variable", (variable, value) => {
    expect(() => loadConfig({ [variable]: value }, cwd())).toThrow(new ConfigError(`Invalid configuration:\n  ${variable}: ${variable} ${shape}`));
  });

  it("names every bad variable at once", () => {
    expect(() => loadConfig({ GATEHOUSE_RATE_LIMIT_SIGNIN_EMAIL: "x", GATEHOUSE_RATE_LIMIT_REGISTRATION: "0/1h" }, cwd())).toThrow(
      new ConfigError(`Invalid configuration:\n  GATEHOUSE_RATE_LIMIT_SIGNIN_EMAIL: GATEHOUSE_RATE_LIMIT_SIGNIN_EMAIL ${shape}\n  GATEHOUSE_RATE_LIMIT_REGISTRATION: GATEHOUSE_RATE_LIMIT_REGISTRATION ${shape}`),
    );
  });
});

describe("an overridden limit is the one the server enforces", () => {
  const world = setUpWorld({ GATEHOUSE_RATE_LIMIT_REGISTRATION: "3/2m" });
  const register = () =>
    fetch(world.endpoint("register"), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ redirect_uris: ["https://app.example/cb"] }) });

  it("refuses the fourth registration from one address within two minutes", async () => {
    for (let i = 0; i < 3; i++) expect((await register()).status).toBe(201);
    const blocked = await register();
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(120);
    expect(await blocked.json()).toEqual({ error: "temporarily_unavailable", error_description: `Too many client registrations from this address; retry after ${retryAfter} seconds` });
  });
});
