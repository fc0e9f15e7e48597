import type { AuthorizePolicy, CimdPolicy, PrismaClient } from "@/generated/prisma/client";
import { recordAuditEvent } from "../audit/recordAuditEvent";
import { UseCaseError } from "../errors/UseCaseError";
import { ORG_SETTINGS_LIMITS } from "./orgSettingsLimits";
import { ChangeFeed } from "../cache/ChangeFeed";

export interface OrgSettings {
  openRegistration: boolean;
  cimdPolicy: CimdPolicy;
  /** Lower-case host names (cimdAllowedHostsSchema); applied when cimdPolicy is listed_hosts. */
  cimdAllowedHosts: string[];
  authorizePolicy: AuthorizePolicy;
  accessTokenTtlSec: number;
  refreshTokenTtlSec: number;
  /** One of the org's MCP servers, or null for none. */
  defaultServerId: string | null;
}

const DURATION_LABEL = { accessTokenTtlSec: "60 seconds and 24 hours", refreshTokenTtlSec: "1 hour and 90 days" } as const;

/**
 * An owner or admin changes the org's protocol settings. Lifetimes stay within their bounds and the
 * default resource must be one of the org's own servers. Accepting documents "only from listed
 * hosts" needs at least one host (an empty list would be "off" under another name). The audit event lists what changed, from
 * what to what. Tokens already issued keep the lifetime they were issued with.
 */
export async function updateOrgSettings(prisma: PrismaClient, input: { orgId: string; settings: OrgSettings; actor: { id: string; email: string } }) {
  const { settings } = input;
  for (const field of ["accessTokenTtlSec", "refreshTokenTtlSec"] as const) {
    const { min, max } = ORG_SETTINGS_LIMITS[field];
    const value = settings[field];
    if (!Number.isInteger(value) || value < min || value > max) throw new UseCaseError("invalid", `Choose between ${DURATION_LABEL[field]}`, field);
  }
  if (settings.cimdPolicy === "listed_hosts" && settings.cimdAllowedHosts.length === 0) {
    throw new UseCaseError("invalid", "List at least one host, or choose another policy", "cimdAllowedHosts");
  }
  if (settings.defaultServerId) {
    const server = await prisma.mcpServer.findFirst({ where: { id: settings.defaultServerId, orgId: input.orgId }, select: { id: true } });
    if (!server) throw new UseCaseError("not_found", "Choose one of this organization's MCP servers", "defaultServerId");
  }
  const before = await prisma.org.findUniqueOrThrow({
    where: { id: input.orgId },
    select: { openRegistration: true, cimdPolicy: true, cimdAllowedHosts: true, authorizePolicy: true, accessTokenTtlSec: true, refreshTokenTtlSec: true, defaultServerId: true },
  });
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(before) as (keyof OrgSettings)[]) {
    if (!sameValue(before[key], settings[key])) changes[key] = { from: before[key], to: settings[key] };
  }
  if (Object.keys(changes).length === 0) return { changed: [] as string[] };
  await prisma.org.update({ where: { id: input.orgId }, data: settings });
  ChangeFeed.announce(prisma, { kind: "org", orgId: input.orgId });
  await recordAuditEvent(prisma, {
    orgId: input.orgId,
    kind: "org.settings_updated",
    actor: { type: "user", id: input.actor.id, label: input.actor.email },
    target: { type: "org", id: input.orgId },
    details: changes,
  });
  return { changed: Object.keys(changes) };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}
