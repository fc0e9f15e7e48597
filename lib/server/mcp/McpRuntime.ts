import { PublishedKeyCache } from "@/lib/mcp/access/PublishedKeyCache";
import { FeedCache } from "../cache/FeedCache";
import { getOAuthRuntime } from "../oauth/getOAuthRuntime";
import type { OAuthRuntime } from "../oauth/OAuthRuntime";
import type { ResolvedServer } from "./ResolvedServer";

/** Gateway limits. Defaults suit production; tests and embedders may change them (configureGateway). */
export interface GatewayOptions {
  /** The upstream's time to send response headers, and between chunks of a non-SSE body. Default 60 s. */
  upstreamTimeoutMs: number;
  /** Largest POST body (JSON-RPC messages). Default 1 MiB. */
  maxRequestBytes: number;
  /** Largest upstream JSON answer read whole to filter tools/list. Default 16 MiB. */
  maxFilteredResponseBytes: number;
  /** How long an unknown org/server name is remembered as unknown. Default 5 s. (Known servers are kept until the change feed announces a change.) */
  serverCacheMs: number;
}

const DEFAULTS: GatewayOptions = { upstreamTimeoutMs: 60_000, maxRequestBytes: 1024 * 1024, maxFilteredResponseBytes: 16 * 1024 * 1024, serverCacheMs: 5_000 };

/** The resource side's per-process state, next to the OAuth runtime it reads from. */
export interface McpRuntime {
  oauth: OAuthRuntime;
  keys: PublishedKeyCache;
  options: GatewayOptions;
  /** `{org}/{server}` -> the resolved server, until the change feed announces a change to its org (loadProtectedServer). */
  servers: FeedCache<ResolvedServer>;
}

const holder = globalThis as unknown as { __gatehouseMcpRuntimes?: WeakMap<OAuthRuntime, McpRuntime>; __gatehouseGatewayOptions?: Partial<GatewayOptions> };

/**
 * The composition root of the protected-resource endpoints: one per OAuth runtime (so a test that
 * starts a fresh server over a fresh database gets fresh caches too).
 */
export async function getMcpRuntime(): Promise<McpRuntime> {
  const oauth = await getOAuthRuntime();
  holder.__gatehouseMcpRuntimes ??= new WeakMap();
  let runtime = holder.__gatehouseMcpRuntimes.get(oauth);
  if (!runtime) {
    const servers = new FeedCache<ResolvedServer>(oauth.changes, { maxEntries: 1000, ttlMs: 5 * 60_000 });
    oauth.changes.subscribe({
      change: (change) => {
        if (change.kind === "org") servers.invalidateGroup(change.orgId);
      },
      reset: () => servers.reset(),
    });
    runtime = { oauth, keys: new PublishedKeyCache(oauth.keys, oauth.clock), options: { ...DEFAULTS, ...holder.__gatehouseGatewayOptions }, servers };
    holder.__gatehouseMcpRuntimes.set(oauth, runtime);
  }
  return runtime;
}

/**
 * Changes the gateway limits of this process (tests: a short upstream timeout). Applies to runtimes
 * created afterwards and to the current ones. Production has no environment variable for these yet.
 */
export async function configureGateway(options: Partial<GatewayOptions>): Promise<void> {
  holder.__gatehouseGatewayOptions = { ...holder.__gatehouseGatewayOptions, ...options };
  Object.assign((await getMcpRuntime()).options, options);
}
