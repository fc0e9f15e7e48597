import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/server/config/ConfigError";
import { loadConfig } from "@/lib/server/config/loadConfig";

const SECRET = "x".repeat(40);
const cwd = () => mkdtempSync(path.join(tmpdir(), "gh-config-"));

describe("loadConfig", () => {
  it("runs with nothing set: embedded database in ./.data, port 3000, secrets generated and kept", () => {
    const dir = cwd();
    const config = loadConfig({}, dir);
    expect(config).toMatchObject({ port: 3000, publicUrl: "http://localhost:3000", databaseUrl: undefined, dataDir: path.join(dir, ".data"), autoMigrate: true, bootstrap: undefined });
    const file = path.join(dir, ".data", "secrets.json");
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ sessionSecret: config.sessionSecret, secretKey: config.secretKey });
    expect(loadConfig({}, dir).secretKey).toBe(config.secretKey);
  });

  it("takes PUBLIC_URL without its trailing slash", () => {
    expect(loadConfig({ PUBLIC_URL: "https://auth.example.com/", GATEHOUSE_SECRET_KEY: SECRET, GATEHOUSE_SESSION_SECRET: SECRET }, cwd()).publicUrl).toBe("https://auth.example.com");
  });

  it.each([
    [{ PORT: "eighty" }, "PORT: PORT must be a number"],
    [{ PORT: "70000" }, "PORT: PORT must be 1-65535"],
    [{ PUBLIC_URL: "auth.example.com" }, "PUBLIC_URL: PUBLIC_URL must be an absolute http(s) URL"],
    [{ PUBLIC_URL: "https://example.com/gatehouse" }, "PUBLIC_URL: must be an origin without a path"],
    [{ DATABASE_URL: "mysql://localhost/db" }, "DATABASE_URL: DATABASE_URL must start with postgresql://"],
    [{ DATABASE_URL: "postgresql://localhost/db" }, "GATEHOUSE_SESSION_SECRET, GATEHOUSE_SECRET_KEY: required with DATABASE_URL"],
    [{ DATABASE_URL: "postgresql://localhost/db", GATEHOUSE_SESSION_SECRET: SECRET }, "GATEHOUSE_SECRET_KEY: required with DATABASE_URL"],
    [{ GATEHOUSE_SECRET_KEY: "short" }, "GATEHOUSE_SECRET_KEY: GATEHOUSE_SECRET_KEY must be at least 32 characters"],
    [{ GATEHOUSE_AUTO_MIGRATE: "maybe" }, "GATEHOUSE_AUTO_MIGRATE: GATEHOUSE_AUTO_MIGRATE must be true or false"],
    [{ GATEHOUSE_ADMIN_EMAIL: "a@b.co" }, "GATEHOUSE_ADMIN_EMAIL, GATEHOUSE_ADMIN_PASSWORD and GATEHOUSE_ORG go together"],
    [{ GATEHOUSE_ADMIN_EMAIL: "a@b.co", GATEHOUSE_ADMIN_PASSWORD: "long-enough", GATEHOUSE_ORG: "Not A Slug" }, "GATEHOUSE_ORG: GATEHOUSE_ORG must be a slug"],
  ])("refuses %j naming the variable", (env, message) => {
    expect(() => loadConfig(env, cwd())).toThrow(ConfigError);
    expect(() => loadConfig(env, cwd())).toThrow(message);
  });

  it("reads the bootstrap trio", () => {
    const config = loadConfig({ GATEHOUSE_ADMIN_EMAIL: "ops@example.com", GATEHOUSE_ADMIN_PASSWORD: "long-enough", GATEHOUSE_ORG: "acme" }, cwd());
    expect(config.bootstrap).toEqual({ email: "ops@example.com", password: "long-enough", org: "acme", orgName: "acme" });
  });
});
