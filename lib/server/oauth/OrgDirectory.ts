import type { PrismaClient } from "@/generated/prisma/client";
import type { ResourceRecord } from "@/lib/oauth/ports";
import type { ChangeFeed } from "../cache/ChangeFeed";
import { FeedCache } from "../cache/FeedCache";
import { resourceUriOf } from "../servers/resourceUriOf";
import type { LoadedOrg } from "./loadOrg";

/** An org as the protocol endpoints see it: its settings and its MCP servers with their scopes. */
export interface OrgSnapshot {
  org: LoadedOrg;
  /** Oldest first, as the portal lists them. */
  resources: readonly ResourceRecord[];
  /** Serialized documents derived from the snapshot, filled on first use (the metadata). */
  documents: Map<string, string>;
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/**
 * The orgs of the protocol endpoints, read in one query and kept until the change feed announces a
 * change to the org, one of its servers or their scopes (lib/server/cache). Every token, metadata
 * and introspection request starts here, so without it each would pay for the org and its servers
 * again.
 */
export class OrgDirectory {
  readonly #cache: FeedCache<OrgSnapshot>;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly publicUrl: string,
    feed: ChangeFeed,
  ) {
    this.#cache = new FeedCache(feed, { maxEntries: 10_000, ttlMs: 5 * 60_000 });
    feed.subscribe({
      change: (change) => {
        if (change.kind === "org") this.#cache.invalidateGroup(change.orgId);
      },
      reset: () => this.#cache.reset(),
    });
  }

  /** The org with this slug, or undefined (an unknown or malformed slug). */
  bySlug(slug: string): Promise<OrgSnapshot | undefined> {
    if (!SLUG.test(slug)) return Promise.resolve(undefined);
    return this.#cache.get(`slug\n${slug}`, () => this.#load({ slug }), { group: (snapshot) => snapshot.org.orgId });
  }

  byId(orgId: string): Promise<OrgSnapshot | undefined> {
    return this.#cache.get(`id\n${orgId}`, () => this.#load({ id: orgId }), { group: orgId });
  }

  async #load(where: { slug: string } | { id: string }): Promise<OrgSnapshot | undefined> {
    const row = await this.prisma.org.findUnique({
      where,
      include: { servers: { orderBy: { createdAt: "asc" }, include: { scopes: { orderBy: { name: "asc" } } } } },
    });
    if (!row) return undefined;
    return {
      org: {
        orgId: row.id,
        issuer: `${this.publicUrl}/orgs/${row.slug}`,
        accessTokenTtlSec: row.accessTokenTtlSec,
        refreshTokenTtlSec: row.refreshTokenTtlSec,
        slug: row.slug,
        name: row.name,
        openRegistration: row.openRegistration,
        cimdEnabled: row.cimdPolicy !== "off",
        authorizePolicy: row.authorizePolicy,
        defaultServerId: row.defaultServerId,
      },
      resources: row.servers.map((server) => ({
        serverId: server.id,
        resource: resourceUriOf(server, row, this.publicUrl),
        scopes: server.scopes.map((scope) => ({ name: scope.name, isDefault: scope.isDefault })),
      })),
      documents: new Map(),
    };
  }
}
