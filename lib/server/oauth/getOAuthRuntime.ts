import { cryptoRandom } from "@/lib/oauth/runtime/cryptoRandom";
import { sha256SecretHasher } from "@/lib/oauth/runtime/sha256SecretHasher";
import { systemClock } from "@/lib/oauth/runtime/systemClock";
import { cachedClientStore } from "../cache/cachedClientStore";
import { cachedGrantStore } from "../cache/cachedGrantStore";
import { cachedKeyStore } from "../cache/cachedKeyStore";
import { cachedRevokedAccessTokenStore } from "../cache/cachedRevokedAccessTokenStore";
import { pinnedHttpsFetch } from "../cimd/pinnedHttpsFetch";
import { resolveHostAddresses } from "../cimd/resolveHostAddresses";
import { getConfig } from "../config/getConfig";
import { getDatabase } from "../db/getDatabase";
import { prismaClientStore } from "../stores/prismaClientStore";
import { prismaGrantStore } from "../stores/prismaGrantStore";
import { prismaKeyStore } from "../stores/prismaKeyStore";
import { directoryResourceStore } from "../stores/directoryResourceStore";
import { prismaRevokedAccessTokenStore } from "../stores/prismaRevokedAccessTokenStore";
import { sqlAuthorizationCodeStore } from "../stores/sqlAuthorizationCodeStore";
import { sqlRefreshTokenStore } from "../stores/sqlRefreshTokenStore";
import type { OAuthRuntime } from "./OAuthRuntime";
import { OrgDirectory } from "./OrgDirectory";

const holder = globalThis as unknown as {
  __gatehouseOAuthRuntime?: Promise<OAuthRuntime>;
  /** Tests serve their metadata documents over https with a certificate of their own. */
  __gatehouseCimdTestCa?: string;
};

/** The composition root of the protocol endpoints, built once per process. */
export function getOAuthRuntime(): Promise<OAuthRuntime> {
  holder.__gatehouseOAuthRuntime ??= getDatabase().then(({ prisma, sql, changes }) => {
    const config = getConfig();
    const orgs = new OrgDirectory(prisma, config.publicUrl, changes);
    // The stores the hot endpoints ask on every request are kept in memory, each until the change
    // feed announces a change to what it holds (lib/server/cache); codes and refresh tokens are
    // single-use and always go to the database.
    return {
      config,
      prisma,
      changes,
      orgs,
      clients: cachedClientStore(
        prismaClientStore(prisma, {
          clock: systemClock,
          fetch: pinnedHttpsFetch({ ca: holder.__gatehouseCimdTestCa }),
          resolve: resolveHostAddresses,
          allowLoopback: config.cimdAllowLoopback,
        }),
        changes,
      ),
      grants: cachedGrantStore(prismaGrantStore(prisma), changes),
      codes: sqlAuthorizationCodeStore(sql),
      refreshTokens: sqlRefreshTokenStore(sql),
      revokedAccessTokens: cachedRevokedAccessTokenStore(prismaRevokedAccessTokenStore(prisma), changes),
      keys: cachedKeyStore(prismaKeyStore(prisma, config.secretKey), changes),
      resources: directoryResourceStore(orgs, config.publicUrl),
      clock: systemClock,
      random: cryptoRandom,
      hasher: sha256SecretHasher,
    };
  }).catch((error) => {
    holder.__gatehouseOAuthRuntime = undefined;
    throw error;
  });
  return holder.__gatehouseOAuthRuntime;
}
