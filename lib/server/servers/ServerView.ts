import type { Prisma } from "@/generated/prisma/client";
import { type ServerUrls, serverUrls } from "./serverUrls";

export interface ScopeView {
  name: string;
  description: string;
  /** Granted when a request names no scope; a 401 challenge names the default scopes. */
  isDefault: boolean;
  requiresConsent: boolean;
}

/** An MCP server of an org as the portal, the management API and the CLI show it. Never a secret. */
export interface ServerView {
  id: string;
  slug: string;
  name: string;
  /** `gateway`: served at `/mcp/{org}/{slug}`; `external`: hosted elsewhere, Gatehouse only issues its tokens. */
  mode: "gateway" | "external";
  /** The stored identifier of a server hosted elsewhere; null behind the gateway (derived). */
  resourceUri: string | null;
  /** Gateway mode: where requests go; null: the built-in demo MCP server answers. */
  upstreamUrl: string | null;
  hasUpstreamCredential: boolean;
  /** The org's default resource (an authorization request without `resource` is for it). */
  isDefault: boolean;
  scopes: ScopeView[];
  /** Tool name -> the scopes it needs. */
  toolScopes: Record<string, string[]>;
  urls: ServerUrls;
  createdAt: Date;
  updatedAt: Date;
}

export const serverSelect = {
  id: true,
  slug: true,
  name: true,
  resourceUri: true,
  upstreamUrl: true,
  upstreamCredentialEncrypted: true,
  toolScopes: true,
  createdAt: true,
  updatedAt: true,
  scopes: { select: { name: true, description: true, isDefault: true, requiresConsent: true }, orderBy: [{ isDefault: "desc" }, { name: "asc" }] },
} as const satisfies Prisma.McpServerSelect;

export type ServerRow = Prisma.McpServerGetPayload<{ select: typeof serverSelect }>;

export function toServerView(row: ServerRow, org: { slug: string; defaultServerId: string | null }, publicUrl: string): ServerView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    mode: row.resourceUri === null ? "gateway" : "external",
    resourceUri: row.resourceUri,
    upstreamUrl: row.upstreamUrl,
    hasUpstreamCredential: row.upstreamCredentialEncrypted !== null,
    isDefault: org.defaultServerId === row.id,
    scopes: row.scopes.map((s) => ({ name: s.name, description: s.description, isDefault: s.isDefault, requiresConsent: s.requiresConsent })),
    toolScopes: row.toolScopes as Record<string, string[]>,
    urls: serverUrls(publicUrl, org.slug, row),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
