import type { AuthorizationCodeStore, ClientStore, Clock, GrantStore, KeyStore, Random, RefreshTokenStore, ResourceStore, RevokedAccessTokenStore, SecretHasher } from "@/lib/oauth/ports";
import type { PrismaClient } from "@/generated/prisma/client";
import type { ChangeFeed } from "../cache/ChangeFeed";
import type { Config } from "../config/loadConfig";
import type { OrgDirectory } from "./OrgDirectory";

/** Everything a protocol endpoint needs: the core's ports wired to this process's database. */
export interface OAuthRuntime {
  config: Config;
  prisma: PrismaClient;
  /** Committed changes to what this process keeps in memory (lib/server/cache). */
  changes: ChangeFeed;
  /** The orgs with their resources, kept until changed (the protocol endpoints' first lookup). */
  orgs: OrgDirectory;
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
