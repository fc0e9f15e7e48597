import { z } from "zod";
import { UseCaseError } from "../errors/UseCaseError";

/** Slugs that would collide with the management API's own paths under `/orgs/{org}/api/v1/mcp/`. */
const RESERVED_SERVER_SLUGS = new Set(["servers"]);

/** Server slugs appear in gateway URLs and identifiers: lower-case letters, digits, inner hyphens. */
export const serverSlug = z
  .string()
  .trim()
  .min(1, { error: "Give the server a slug" })
  .max(40, { error: "The slug can have at most 40 characters" })
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, { error: "Use lower-case letters, digits and inner hyphens only" })
  .refine((slug) => !RESERVED_SERVER_SLUGS.has(slug), { error: (issue) => `The slug "${String(issue.input)}" is reserved` });

export const serverName = z.string().trim().min(1, { error: "Give the server a name" }).max(100, { error: "At most 100 characters" });

/** RFC 6749 §3.3 scope-token; `offline_access` is the authorization server's, never a resource's. */
export const scopeName = z
  .string()
  .min(1, { error: "A scope needs a name" })
  .max(64, { error: "A scope name can have at most 64 characters" })
  .regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, { error: "A scope name is printable ASCII without spaces, quotes or backslashes (RFC 6749 §3.3)" })
  .refine((name) => name !== "offline_access", { error: "offline_access is reserved: refresh tokens are the authorization server's business" });

export const scopeInput = z.strictObject({
  name: scopeName,
  description: z.string().trim().max(300, { error: "At most 300 characters" }).default(""),
  isDefault: z.boolean().default(false),
  requiresConsent: z.boolean().default(true),
});
export type ScopeInput = z.input<typeof scopeInput>;
export type Scope = z.output<typeof scopeInput>;

export const scopePatch = z.strictObject({
  description: z.string().trim().max(300, { error: "At most 300 characters" }).optional(),
  isDefault: z.boolean().optional(),
  requiresConsent: z.boolean().optional(),
});
export type ScopePatch = z.input<typeof scopePatch>;

const toolName = z.string().min(1, { error: "A tool name cannot be empty" }).max(128, { error: "A tool name can have at most 128 characters" });

export const toolScopes = z
  .record(toolName, z.array(scopeName).max(20, { error: "At most 20 scopes per tool" }))
  .refine((map) => Object.keys(map).length <= 500, { error: "At most 500 tools" });

/** A static credential sent upstream as the Authorization header value (e.g. `Bearer abc`). */
const upstreamCredential = z
  .string()
  .min(1, { error: "Leave the credential out, or give a value" })
  .max(4096, { error: "At most 4096 characters" })
  .regex(/^[\x20-\x7e]+$/, { error: "A header value is printable ASCII" });

const serverFields = {
  slug: serverSlug,
  name: serverName,
  /** A server hosted elsewhere: its https identifier. Null or absent: a server behind the gateway. */
  resourceUri: z.string().max(2000).nullable(),
  /** Gateway mode: where to forward. Null or absent: the built-in demo server answers. */
  upstreamUrl: z.string().max(2000).nullable(),
  upstreamCredential: upstreamCredential.nullable(),
  scopes: z.array(scopeInput).max(50, { error: "At most 50 scopes" }),
  toolScopes,
  /** Make it the org's default resource (true), or stop it being the default (false). */
  isDefault: z.boolean(),
};

export const createServerInput = z.strictObject({
  ...serverFields,
  resourceUri: serverFields.resourceUri.default(null),
  upstreamUrl: serverFields.upstreamUrl.default(null),
  upstreamCredential: serverFields.upstreamCredential.default(null),
  scopes: serverFields.scopes.default([]),
  toolScopes: serverFields.toolScopes.default({}),
  isDefault: serverFields.isDefault.default(false),
});
export type CreateServerInput = z.input<typeof createServerInput>;

/** Absent fields stay as they are; `upstreamCredential: null` removes it; `scopes` replaces the list. */
export const updateServerInput = z.strictObject(serverFields).partial();
export type UpdateServerInput = z.input<typeof updateServerInput>;

/** Parses with zod; the first problem becomes a UseCaseError naming its field (e.g. `scopes.1.name`). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.join(".") : undefined;
  const message = issue.code === "unrecognized_keys" ? `Unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}` : issue.message;
  throw new UseCaseError("invalid", message, field);
}
