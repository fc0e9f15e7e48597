import type { AuthorizationCodeStore, ClientStore, Clock, GrantStore, KeyStore, Random, RefreshTokenStore, ResourceStore, RevokedAccessTokenStore, SecretHasher } from "@/lib/oauth/ports";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Config } from "../config/loadConfig";

/** Everything a protocol endpoint needs: the core's ports wired to this process's database. */
export interface OAuthRuntime {
  config: Config;
  prisma: PrismaClient;
  clients: ClientStore;
  grants: GrantStore;
  codes: AuthorizationCodeStore;
  refreshTokens: RefreshTokenStore;
  revokedAccessTokens: RevokedAccessTokenStore;
  keys: KeyStore;
  resources: ResourceStore;
  clock: Clock;
  random: Random;
  hasher: SecretHasher;
}
