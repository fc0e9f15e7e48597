import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { RateLimitRule } from "../ratelimit/RateLimitRule";
import { RATE_LIMIT_RULES, type RateLimitRuleName } from "../ratelimit/rateLimitRules";
import { ConfigError } from "./ConfigError";
import { parseRateLimitSetting } from "./parseRateLimitSetting";

export interface Config {
  /** The public origin, no trailing slash: issuers are `{publicUrl}/orgs/{slug}`. */
  publicUrl: string;
  port: number;
  host: string;
  /** PostgreSQL when set; the embedded PGlite database under `dataDir` otherwise. */
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string;
  /** Encrypts signing keys and upstream credentials at rest. */
  secretKey: string;
  autoMigrate: boolean;
  bootstrap: { email: string; password: string; org: string; orgName: string } | undefined;
  /** Development only: lets Client ID Metadata Documents be fetched from loopback addresses. */
  cimdAllowLoopback: boolean;
  /** Reverse proxies in front of Gatehouse whose X-Forwarded-For entries are trusted (0: none). */
  trustProxyHops: number;
  /** The rate limits in force: RATE_LIMIT_RULES with the GATEHOUSE_RATE_LIMIT_* overrides applied. */
  rateLimits: Record<RateLimitRuleName, RateLimitRule>;
}

/** The variable that overrides each rate limit (limit and window; the rule's name stays). */
const RATE_LIMIT_VARIABLES = {
  signInPerEmail: "GATEHOUSE_RATE_LIMIT_SIGNIN_EMAIL",
  signInPerAddress: "GATEHOUSE_RATE_LIMIT_SIGNIN_ADDRESS",
  clientAuthPerClient: "GATEHOUSE_RATE_LIMIT_CLIENT_AUTH_CLIENT",
  clientAuthPerAddress: "GATEHOUSE_RATE_LIMIT_CLIENT_AUTH_ADDRESS",
  registrationPerAddress: "GATEHOUSE_RATE_LIMIT_REGISTRATION",
} as const satisfies Record<RateLimitRuleName, string>;

const bool = (name: string) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"], { error: `${name} must be true or false` })
    .transform((v) => v === "true" || v === "1" || v === "yes");

const rateLimit = (name: string) =>
  z.string().transform((value, ctx) => {
    const parsed = parseRateLimitSetting(value);
    if (parsed) return parsed;
    ctx.addIssue({ code: "custom", message: `${name} must be <limit>/<window>, e.g. 50/1h: 1 to 1000000000 events per 1s to 12h (window in s, m or h)` });
    return z.NEVER;
  });

const secret = (name: string) => z.string().min(32, { error: `${name} must be at least 32 characters` });

const schema = z.object({
  PORT: z.coerce.number({ error: "PORT must be a number" }).int().min(1, { error: "PORT must be 1-65535" }).max(65535, { error: "PORT must be 1-65535" }).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  PUBLIC_URL: z.url({ error: "PUBLIC_URL must be an absolute http(s) URL, e.g. https://auth.example.com" }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: "DATABASE_URL must start with postgresql:// (leave it unset for the embedded database)" })
    .optional(),
  GATEHOUSE_DATA_DIR: z.string().min(1).default(".data"),
  GATEHOUSE_SESSION_SECRET: secret("GATEHOUSE_SESSION_SECRET").optional(),
  GATEHOUSE_SECRET_KEY: secret("GATEHOUSE_SECRET_KEY").optional(),
  GATEHOUSE_AUTO_MIGRATE: bool("GATEHOUSE_AUTO_MIGRATE").default(true),
  GATEHOUSE_ADMIN_EMAIL: z.email({ error: "GATEHOUSE_ADMIN_EMAIL must be an email address" }).optional(),
  GATEHOUSE_ADMIN_PASSWORD: z.string().min(8, { error: "GATEHOUSE_ADMIN_PASSWORD must be at least 8 characters" }).optional(),
  GATEHOUSE_ORG: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, { error: "GATEHOUSE_ORG must be a slug: lower-case letters, digits and inner hyphens, at most 40" }).optional(),
  GATEHOUSE_ORG_NAME: z.string().min(1).max(100).optional(),
  GATEHOUSE_CIMD_ALLOW_LOOPBACK: bool("GATEHOUSE_CIMD_ALLOW_LOOPBACK").default(false),
  GATEHOUSE_TRUST_PROXY: z.coerce.number({ error: "GATEHOUSE_TRUST_PROXY must be the number of proxies in front of Gatehouse" }).int().min(0, { error: "GATEHOUSE_TRUST_PROXY must be 0 or more" }).max(10, { error: "GATEHOUSE_TRUST_PROXY must be at most 10" }).default(0),
  ...(Object.fromEntries(Object.values(RATE_LIMIT_VARIABLES).map((name) => [name, rateLimit(name).optional()])) as Record<
    (typeof RATE_LIMIT_VARIABLES)[RateLimitRuleName],
    z.ZodOptional<ReturnType<typeof rateLimit>>
  >),
});

/** Variables set to the empty string count as unset, as shells and .env files often leave them. */
function presentOnly(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ""));
}

/**
 * Reads and validates the configuration. On the embedded database, missing secrets are generated
 * once and kept in `{dataDir}/secrets.json` (mode 0600); with PostgreSQL they are required, since
 * every instance sharing the database must share them.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const parsed = schema.safeParse(presentOnly(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(cwd, e.GATEHOUSE_DATA_DIR);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  if (!/^https?:\/\//.test(publicUrl)) throw new ConfigError("Invalid configuration:\n  PUBLIC_URL: must use http or https");
  if (new URL(publicUrl).pathname !== "/") {
    throw new ConfigError("Invalid configuration:\n  PUBLIC_URL: must be an origin without a path (issuers are {PUBLIC_URL}/orgs/{org})");
  }

  const bootstrapVars = [e.GATEHOUSE_ADMIN_EMAIL, e.GATEHOUSE_ADMIN_PASSWORD, e.GATEHOUSE_ORG];
  if (bootstrapVars.some(Boolean) && !bootstrapVars.every(Boolean)) {
    throw new ConfigError(
      "Invalid configuration:\n  GATEHOUSE_ADMIN_EMAIL, GATEHOUSE_ADMIN_PASSWORD and GATEHOUSE_ORG go together: set all three or none",
    );
  }

  let sessionSecret = e.GATEHOUSE_SESSION_SECRET ?? presentOnly(env).NEXTAUTH_SECRET;
  let secretKey = e.GATEHOUSE_SECRET_KEY;
  if (!sessionSecret || !secretKey) {
    if (e.DATABASE_URL) {
      const missing = [!sessionSecret && "GATEHOUSE_SESSION_SECRET", !secretKey && "GATEHOUSE_SECRET_KEY"].filter(Boolean);
      throw new ConfigError(
        `Invalid configuration:\n  ${missing.join(", ")}: required with DATABASE_URL (PostgreSQL), since every instance must share ${missing.length > 1 ? "them" : "it"}; generate one with: openssl rand -base64 48`,
      );
    }
    const kept = readOrCreateSecrets(dataDir);
    sessionSecret ??= kept.sessionSecret;
    secretKey ??= kept.secretKey;
  }

  return {
    publicUrl,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    sessionSecret,
    secretKey,
    autoMigrate: e.GATEHOUSE_AUTO_MIGRATE,
    bootstrap: e.GATEHOUSE_ADMIN_EMAIL
      ? { email: e.GATEHOUSE_ADMIN_EMAIL, password: e.GATEHOUSE_ADMIN_PASSWORD!, org: e.GATEHOUSE_ORG!, orgName: e.GATEHOUSE_ORG_NAME ?? e.GATEHOUSE_ORG! }
      : undefined,
    cimdAllowLoopback: e.GATEHOUSE_CIMD_ALLOW_LOOPBACK,
    trustProxyHops: e.GATEHOUSE_TRUST_PROXY,
    rateLimits: Object.fromEntries(
      Object.entries(RATE_LIMIT_VARIABLES).map(([rule, variable]) => [rule, { ...RATE_LIMIT_RULES[rule as RateLimitRuleName], ...e[variable] }]),
    ) as Record<RateLimitRuleName, RateLimitRule>,
  };
}

function readOrCreateSecrets(dataDir: string): { sessionSecret: string; secretKey: string } {
  const file = path.join(dataDir, "secrets.json");
  if (existsSync(file)) {
    const kept = JSON.parse(readFileSync(file, "utf8"));
    if (typeof kept.sessionSecret === "string" && typeof kept.secretKey === "string") return kept;
    throw new ConfigError(`${file} is damaged: restore it from a backup (the signing keys cannot be read without it)`);
  }
  mkdirSync(dataDir, { recursive: true });
  const created = { sessionSecret: randomBytes(32).toString("base64url"), secretKey: randomBytes(32).toString("base64url") };
  // 'wx': when two processes race here, exactly one writes and the other reads its secrets.
  try {
    writeFileSync(file, JSON.stringify(created, null, 2) + "\n", { flag: "wx", mode: 0o600 });
    chmodSync(file, 0o600);
    return created;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return JSON.parse(readFileSync(file, "utf8"));
    throw error;
  }
}
