/** A complete in-memory authorization server state for the token, introspection and revocation tests. */
import { exportJWK, generateKeyPair } from "jose";
import type { AuthorizationRequest } from "../authorization/validateAuthorizationRequest";
import { issueAuthorizationCode } from "../authorization/issueAuthorizationCode";
import { parseOAuthParameters } from "../http/parseOAuthParameters";
import type { ClientRecord, GrantRecord, OrgContext, SigningKeyRecord } from "../ports";
import { sha256SecretHasher } from "../runtime/sha256SecretHasher";
import { confidentialClient, demoResource, ISSUER, ORG_ID, publicClient, resourceStore } from "./fixtures";
import {
  counterRandom,
  FixedClock,
  memoryClientStore,
  MemoryCodeStore,
  MemoryGrantStore,
  memoryKeyStore,
  MemoryRefreshTokenStore,
  MemoryRevokedAccessTokenStore,
} from "./memoryStores";

/** RFC 7636 Appendix B. */
export const VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
export const CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
export const NOW = new Date("2026-01-01T12:00:00Z");
export const CLIENT_SECRET = "confidential-secret";
export const REDIRECT_URI = "http://127.0.0.1:53682/callback";

export async function makeSigningKey(kid: string): Promise<SigningKeyRecord> {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  return {
    kid,
    alg: "ES256",
    privateJwk: await exportJWK(privateKey),
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" },
  };
}

export function form(values: Record<string, string>, extra = "") {
  return parseOAuthParameters(new URLSearchParams(new URLSearchParams(values).toString() + extra));
}

export async function createHarness() {
  const key = await makeSigningKey("k1");
  const otherOrgKey = await makeSigningKey("k-other-org");
  const clock = new FixedClock(NOW);
  const refreshTokens = new MemoryRefreshTokenStore();
  const grants = new MemoryGrantStore((grantId, now) => refreshTokens.revokeGrant(grantId, now));
  const codes = new MemoryCodeStore(refreshTokens);
  const revokedAccessTokens = new MemoryRevokedAccessTokenStore();
  const publicOne = publicClient();
  const publicNoRefresh = publicClient({ id: "row-norefresh", clientId: "client-norefresh", grantTypes: ["authorization_code"] });
  const confidential = confidentialClient({ secretHash: sha256SecretHasher.hashForLookup(CLIENT_SECRET) });
  const resourceServer = confidentialClient({
    id: "row-rs",
    clientId: "client-rs",
    secretHash: sha256SecretHasher.hashForLookup(CLIENT_SECRET),
    canIntrospect: true,
    grantTypes: [],
  });
  const clients: ClientRecord[] = [publicOne, publicNoRefresh, confidential, resourceServer];
  const org: OrgContext = { orgId: ORG_ID, issuer: ISSUER, accessTokenTtlSec: 3600, refreshTokenTtlSec: 30 * 86400 };

  const deps = {
    org,
    clients: memoryClientStore(clients),
    codes,
    grants,
    refreshTokens,
    revokedAccessTokens,
    resources: resourceStore(),
    keys: memoryKeyStore({
      [ORG_ID]: { active: key, published: [key.publicJwk] },
      "org-2": { active: otherOrgKey, published: [otherOrgKey.publicJwk] },
    }),
    hasher: sha256SecretHasher,
    random: counterRandom(),
    clock,
  };

  let grantSequence = 0;
  function addGrant(client: ClientRecord, overrides: Partial<GrantRecord> = {}): GrantRecord {
    return grants.add({
      id: `grant-${++grantSequence}`,
      orgId: ORG_ID,
      userId: "user-1",
      clientRowId: client.id,
      resource: demoResource.resource,
      scopes: ["mcp:tools", "mcp:admin"],
      revokedAt: null,
      ...overrides,
    });
  }

  /** The authorization step as the consent flow runs it: a grant, then a code. */
  async function issueCode(client: ClientRecord = publicOne, request: Partial<AuthorizationRequest> = {}) {
    const grant = addGrant(client);
    const full: AuthorizationRequest = {
      client,
      redirectUri: REDIRECT_URI,
      state: "st4te",
      codeChallenge: CHALLENGE,
      codeChallengeMethod: "S256",
      resource: demoResource,
      scopes: ["mcp:tools"],
      ...request,
    };
    const { location } = await issueAuthorizationCode(full, grant, deps);
    return { code: new URL(location).searchParams.get("code")!, grant, location };
  }

  return { deps, key, otherOrgKey, clock, grants, codes, refreshTokens, revokedAccessTokens, publicOne, publicNoRefresh, confidential, resourceServer, addGrant, issueCode };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;
