import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { isOAuthError } from "@/lib/oauth/errors/OAuthError";
import { validateClientMetadata } from "@/lib/oauth/registration/validateClientMetadata";
import { cryptoRandom } from "@/lib/oauth/runtime/cryptoRandom";
import { sha256SecretHasher } from "@/lib/oauth/runtime/sha256SecretHasher";
import { generateOpaqueToken } from "@/lib/oauth/token/generateOpaqueToken";
import { recordAuditEvent, type AuditEventInput } from "../audit/recordAuditEvent";
import { decryptSecret } from "../crypto/encryptSecret";
import { UseCaseError } from "../errors/UseCaseError";
import { fromServerJson, jsonFieldName } from "../mcp/serverJson";
import { checkServerState, type ServerState } from "../servers/checkServerState";
import { createServerInput, parseInput } from "../servers/serverInput";
import { serverSelect, type ServerRow } from "../servers/ServerView";
import { writeServer } from "../servers/writeServer";
import { clientConfigSelect } from "./exportOrgConfig";
import { type ConfigClient, orgConfig } from "./orgConfigSchema";
import { ChangeFeed } from "../cache/ChangeFeed";

export interface ImportContext {
  prisma: PrismaClient;
  publicUrl: string;
  secretKey: string;
  actor: AuditEventInput["actor"];
}

export interface ImportSummary {
  org: "updated" | "unchanged";
  servers: { created: string[]; updated: string[]; unchanged: string[] };
  clients: { created: string[]; updated: string[]; unchanged: string[] };
  /** Secrets generated for new clients the file gave none: shown this once, stored hashed. */
  generatedSecrets: Record<string, string>;
}

type Tx = Prisma.TransactionClient;

/**
 * Applies a configuration file to an existing org (`npx gatehouse import`), in one transaction
 * (all or nothing), idempotently: what already matches is left untouched (no write at all), so a
 * second import of the same file reports everything unchanged.
 *
 * - servers: upserted by slug with the server use cases' rules (writeServer); scopes and the tool
 *   map are replaced as a whole; servers not in the file are left alone (not deleted);
 * - clients: pre-registered (admin) confidential clients upserted by client_id; a client_id that
 *   belongs to a dynamically registered client is a conflict; secrets given in clear are stored
 *   hashed (SHA-256, like every client secret), hashes are stored as given;
 * - org: name and the settings present in the file; `default_server` by slug.
 *
 * The file's `org.slug` is ignored: the target is the org named on the command line (a file
 * exported from one org can seed another). Audited as one `config.imported` event.
 */
export async function importOrgConfig(ctx: ImportContext, orgSlug: string, document: unknown): Promise<ImportSummary> {
  const config = parseInput(orgConfig, document);
  const org = await ctx.prisma.org.findUnique({ where: { slug: orgSlug }, select: { id: true, slug: true, name: true, defaultServerId: true } });
  if (!org) throw new UseCaseError("not_found", `No org with the slug "${orgSlug}"`);
  const summary: ImportSummary = { org: "unchanged", servers: { created: [], updated: [], unchanged: [] }, clients: { created: [], updated: [], unchanged: [] }, generatedSecrets: {} };

  await ctx.prisma.$transaction(
    async (tx) => {
      for (const [index, entry] of config.servers.entries()) {
        const outcome = await importServer(tx, ctx, org, entry, `servers.${index}`);
        summary.servers[outcome].push(entry.slug);
      }
      for (const [index, client] of config.clients.entries()) {
        const outcome = await importClient(tx, org.id, client, `clients.${index}`, summary.generatedSecrets);
        summary.clients[outcome].push(client.client_id);
      }
      summary.org = await importOrgSettings(tx, org, config);
    },
    { timeout: 60_000 },
  );
  ChangeFeed.announce(
    ctx.prisma,
    { kind: "org", orgId: org.id },
    ...summary.clients.updated.map((clientId) => ({ kind: "client" as const, orgId: org.id, clientId })),
  );
  await recordAuditEvent(ctx.prisma, {
    orgId: org.id,
    kind: "config.imported",
    actor: ctx.actor,
    target: { type: "org", id: org.id },
    details: { org: summary.org, servers: summary.servers, clients: summary.clients },
  });
  return summary;
}

async function importServer(tx: Tx, ctx: ImportContext, org: { id: string; slug: string; defaultServerId: string | null }, entry: Record<string, unknown>, where: string) {
  // What an export says about the credential: informational, ignored here.
  const members = Object.fromEntries(Object.entries(entry).filter(([name]) => name !== "upstream_credential_set"));
  if ("default" in members) throw new UseCaseError("invalid", "Set the default server in org.settings.default_server", `${where}.default`);
  const parsed = await withField(where, () => parseInput(createServerInput, fromServerJson(members)));
  const patch = { ...parsed, upstreamCredential: "upstream_credential" in members ? parsed.upstreamCredential : undefined, isDefault: undefined };
  const current = await tx.mcpServer.findUnique({ where: { orgId_slug: { orgId: org.id, slug: parsed.slug } }, select: serverSelect });
  const write = { org, publicUrl: ctx.publicUrl, secretKey: ctx.secretKey };
  if (!current) {
    await withField(where, () => writeServer(tx, write, null, patch));
    return "created" as const;
  }
  const desired = await withField(where, () => checkServerState(tx, org, ctx.publicUrl, parsed, current.id));
  const credentialSame = patch.upstreamCredential === undefined || patch.upstreamCredential === credentialOf(current, ctx.secretKey);
  if (credentialSame && sameServer(desired, current)) return "unchanged" as const;
  await withField(where, () => writeServer(tx, write, current, patch));
  return "updated" as const;
}

async function importClient(tx: Tx, orgId: string, client: ConfigClient, where: string, generated: Record<string, string>) {
  if (client.client_secret !== undefined && client.client_secret_sha256 !== undefined) {
    throw new UseCaseError("invalid", "Give client_secret or client_secret_sha256, not both", `${where}.client_secret`);
  }
  let metadata;
  try {
    metadata = validateClientMetadata(
      {
        client_name: client.name,
        grant_types: client.grant_types,
        token_endpoint_auth_method: "client_secret_basic",
        ...(client.redirect_uris.length > 0 ? { redirect_uris: client.redirect_uris } : {}),
        ...(client.scope ? { scope: client.scope } : {}),
      },
      { open: false },
    );
  } catch (error) {
    if (isOAuthError(error)) throw new UseCaseError("invalid", error.description, where);
    throw error;
  }
  const given = client.client_secret !== undefined ? sha256SecretHasher.hashForLookup(client.client_secret) : client.client_secret_sha256;
  const existing = await tx.client.findUnique({ where: { orgId_clientId: { orgId, clientId: client.client_id } }, select: { id: true, ...clientConfigSelect } });
  const data = {
    name: metadata.client_name ?? client.client_id,
    grantTypes: metadata.grant_types,
    responseTypes: metadata.response_types,
    redirectUris: metadata.redirect_uris,
    scope: metadata.scope ?? null,
    canIntrospect: client.can_introspect,
    metadata: metadata as object,
  };
  if (!existing) {
    let secretHash = given;
    if (secretHash === undefined) {
      const secret = generateOpaqueToken(cryptoRandom);
      generated[client.client_id] = secret;
      secretHash = sha256SecretHasher.hashForLookup(secret);
    }
    await tx.client.create({ data: { orgId, clientId: client.client_id, source: "admin", tokenEndpointAuthMethod: "client_secret_basic", applicationType: "web", secretHash, ...data } });
    return "created" as const;
  }
  if (existing.source !== "admin") throw new UseCaseError("conflict", `client_id ${client.client_id} belongs to a client registered by ${existing.source}, not an admin client`, `${where}.client_id`);
  const same =
    existing.name === data.name &&
    sameList(existing.grantTypes, data.grantTypes) &&
    existing.scope === data.scope &&
    sameList(existing.redirectUris, data.redirectUris) &&
    existing.canIntrospect === data.canIntrospect &&
    (given === undefined || given === existing.secretHash);
  if (same) return "unchanged" as const;
  await tx.client.update({ where: { id: existing.id }, data: { ...data, ...(given !== undefined ? { secretHash: given } : {}) } });
  return "updated" as const;
}

async function importOrgSettings(tx: Tx, org: { id: string }, config: ReturnType<typeof orgConfig.parse>) {
  const settings = config.org.settings;
  const current = await tx.org.findUniqueOrThrow({ where: { id: org.id } });
  const data: Prisma.OrgUpdateInput = {};
  if (config.org.name !== undefined && config.org.name !== current.name) data.name = config.org.name;
  if (settings.open_registration !== undefined && settings.open_registration !== current.openRegistration) data.openRegistration = settings.open_registration;
  const cimdPolicy = settings.cimd_policy ?? (settings.cimd_enabled === undefined ? undefined : settings.cimd_enabled ? "any_public_host" : "off");
  if (cimdPolicy !== undefined && cimdPolicy !== current.cimdPolicy) data.cimdPolicy = cimdPolicy;
  if (settings.cimd_allowed_hosts !== undefined && !sameList(settings.cimd_allowed_hosts, current.cimdAllowedHosts)) data.cimdAllowedHosts = settings.cimd_allowed_hosts;
  if ((cimdPolicy ?? current.cimdPolicy) === "listed_hosts" && (settings.cimd_allowed_hosts ?? current.cimdAllowedHosts).length === 0) {
    throw new UseCaseError("invalid", "List at least one host in cimd_allowed_hosts, or choose another cimd_policy", "org.settings.cimd_allowed_hosts");
  }
  if (settings.authorize_policy !== undefined && settings.authorize_policy !== current.authorizePolicy) data.authorizePolicy = settings.authorize_policy;
  if (settings.access_token_ttl_sec !== undefined && settings.access_token_ttl_sec !== current.accessTokenTtlSec) data.accessTokenTtlSec = settings.access_token_ttl_sec;
  if (settings.refresh_token_ttl_sec !== undefined && settings.refresh_token_ttl_sec !== current.refreshTokenTtlSec) data.refreshTokenTtlSec = settings.refresh_token_ttl_sec;
  if (settings.default_server !== undefined) {
    const target = settings.default_server === null ? null : await tx.mcpServer.findUnique({ where: { orgId_slug: { orgId: org.id, slug: settings.default_server } }, select: { id: true } });
    if (settings.default_server !== null && !target) throw new UseCaseError("invalid", `There is no server "${settings.default_server}" in the org or the file`, "org.settings.default_server");
    if ((target?.id ?? null) !== current.defaultServerId) data.defaultServer = target ? { connect: { id: target.id } } : { disconnect: true };
  }
  if (Object.keys(data).length === 0) return "unchanged" as const;
  await tx.org.update({ where: { id: org.id }, data });
  return "updated" as const;
}

function credentialOf(row: ServerRow, secretKey: string): string | null {
  return row.upstreamCredentialEncrypted === null ? null : decryptSecret(row.upstreamCredentialEncrypted, secretKey);
}

function sameServer(desired: ServerState, current: ServerRow): boolean {
  const scopes = (list: readonly { name: string; description: string; isDefault: boolean; requiresConsent: boolean }[]) =>
    JSON.stringify([...list].sort((a, b) => a.name.localeCompare(b.name)).map((s) => [s.name, s.description, s.isDefault, s.requiresConsent]));
  return (
    desired.slug === current.slug &&
    desired.name === current.name &&
    desired.resourceUri === current.resourceUri &&
    desired.upstreamUrl === current.upstreamUrl &&
    scopes(desired.scopes) === scopes(current.scopes) &&
    stable(desired.toolScopes) === stable(current.toolScopes)
  );
}

function stable(value: unknown): string {
  return JSON.stringify(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** Prefixes the field of a UseCaseError with where in the file it happened, in JSON member names. */
async function withField<T>(where: string, run: () => T | Promise<T>): Promise<Awaited<T>> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UseCaseError) throw new UseCaseError(error.code, error.message, error.field ? `${where}.${jsonFieldName(error.field)}` : where);
    throw error;
  }
}
