import { cryptoRandom } from "@/lib/oauth/runtime/cryptoRandom";
import { sha256SecretHasher } from "@/lib/oauth/runtime/sha256SecretHasher";
import { systemClock } from "@/lib/oauth/runtime/systemClock";
import { pinnedHttpsFetch } from "../cimd/pinnedHttpsFetch";
import { resolveHostAddresses } from "../cimd/resolveHostAddresses";
import { getConfig } from "../config/getConfig";
import { getDatabase } from "../db/getDatabase";
import { prismaAuthorizationCodeStore } from "../stores/prismaAuthorizationCodeStore";
import { prismaClientStore } from "../stores/prismaClientStore";
import { prismaGrantStore } from "../stores/prismaGrantStore";
import { prismaKeyStore } from "../stores/prismaKeyStore";
import { prismaRefreshTokenStore } from "../stores/prismaRefreshTokenStore";
import { prismaResourceStore } from "../stores/prismaResourceStore";
import { prismaRevokedAccessTokenStore } from "../stores/prismaRevokedAccessTokenStore";
import type { OAuthRuntime } from "./OAuthRuntime";

const holder = globalThis as unknown as {
  __gatehouseOAuthRuntime?: Promise<OAuthRuntime>;
  /** Tests serve their metadata documents over https with a certificate of their own. */
  __gatehouseCimdTestCa?: string;
};

/** The composition root of the protocol endpoints, built once per process. */
export function getOAuthRuntime(): Promise<OAuthRuntime> {
  holder.__gatehouseOAuthRuntime ??= getDatabase().then(({ prisma }) => {
    const config = getConfig();
    return {
      config,
      prisma,
      clients: prismaClientStore(prisma, {
        clock: systemClock,
        fetch: pinnedHttpsFetch({ ca: holder.__gatehouseCimdTestCa }),
        resolve: resolveHostAddresses,
        allowLoopback: config.cimdAllowLoopback,
      }),
      grants: prismaGrantStore(prisma),
      codes: prismaAuthorizationCodeStore(prisma),
      refreshTokens: prismaRefreshTokenStore(prisma),
      revokedAccessTokens: prismaRevokedAccessTokenStore(prisma),
      keys: prismaKeyStore(prisma, config.secretKey),
      resources: prismaResourceStore(prisma, config.publicUrl),
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
