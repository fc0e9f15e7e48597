/**
 * In-memory implementations of the ports, with the same atomicity contract as the real stores
 * (single-threaded JavaScript makes each method atomic). For tests only.
 */
import type {
  AuthorizationCodeRecord,
  AuthorizationCodeStore,
  ClientRecord,
  ClientStore,
  Clock,
  GrantRecord,
  GrantStore,
  KeyStore,
  NewRefreshToken,
  Random,
  RefreshTokenRecord,
  RefreshTokenStore,
  RevokedAccessTokenStore,
  SigningKeyRecord,
} from "../ports";
import type { JWK } from "jose";

export function memoryClientStore(clients: ClientRecord[]): ClientStore {
  return {
    findByClientId: async (orgId, clientId) => clients.find((c) => c.orgId === orgId && c.clientId === clientId) ?? null,
    findById: async (id) => clients.find((c) => c.id === id) ?? null,
  };
}

export class MemoryGrantStore implements GrantStore {
  readonly grants = new Map<string, GrantRecord>();
  readonly revocations: { grantId: string; reason: string }[] = [];
  private sequence = 0;

  constructor(private readonly onRevoke: (grantId: string, now: Date) => void = () => {}) {}

  add(grant: GrantRecord): GrantRecord {
    this.grants.set(grant.id, grant);
    return grant;
  }

  async find(grantId: string) {
    return this.grants.get(grantId) ?? null;
  }

  async findOrCreateClientGrant(grant: Omit<GrantRecord, "id" | "revokedAt">) {
    const same = [...this.grants.values()].find(
      (g) =>
        g.revokedAt === null &&
        g.userId === null &&
        g.orgId === grant.orgId &&
        g.clientRowId === grant.clientRowId &&
        g.resource === grant.resource &&
        g.scopes.join(" ") === grant.scopes.join(" "),
    );
    return same ?? this.add({ ...grant, id: `grant-cc-${++this.sequence}`, revokedAt: null });
  }

  async revoke(grantId: string, reason: string, now: Date) {
    const grant = this.grants.get(grantId);
    if (grant && grant.revokedAt === null) grant.revokedAt = now;
    this.revocations.push({ grantId, reason });
    this.onRevoke(grantId, now);
  }
}

export class MemoryCodeStore implements AuthorizationCodeStore {
  readonly codes = new Map<string, AuthorizationCodeRecord>();

  constructor(private readonly refreshTokens?: MemoryRefreshTokenStore) {}

  async create(code: AuthorizationCodeRecord) {
    this.codes.set(code.codeHash, { ...code });
  }

  async find(codeHash: string) {
    const code = this.codes.get(codeHash);
    return code ? { ...code } : null;
  }

  async consume(codeHash: string, now: Date, refreshToken?: NewRefreshToken) {
    const code = this.codes.get(codeHash);
    if (!code) return { status: "unknown" as const };
    if (code.usedAt !== null) return { status: "already_used" as const, grantId: code.grantId };
    code.usedAt = now;
    if (refreshToken) {
      if (!this.refreshTokens) throw new Error("MemoryCodeStore: no refresh token store to issue into");
      await this.refreshTokens.create(refreshToken);
    }
    return { status: "consumed" as const, code: { ...code } };
  }
}

export class MemoryRefreshTokenStore implements RefreshTokenStore {
  readonly tokens = new Map<string, RefreshTokenRecord>();
  /** Simulates a concurrent rotation between findByHash and rotate. */
  raceOnNextRotate = false;
  /** Simulates the token's deletion (its client deleted) between findByHash and rotate. */
  deleteOnNextRotate = false;

  async findByHash(tokenHash: string) {
    const token = this.tokens.get(tokenHash);
    return token ? { ...token } : null;
  }

  async create(token: NewRefreshToken) {
    this.tokens.set(token.tokenHash, { ...token, rotatedAt: null, revokedAt: null });
  }

  async rotate(oldTokenHash: string, successor: NewRefreshToken, now: Date) {
    if (this.deleteOnNextRotate) {
      this.deleteOnNextRotate = false;
      this.tokens.delete(oldTokenHash);
    }
    const old = this.tokens.get(oldTokenHash);
    if (!old) return { status: "unknown" as const };
    if (this.raceOnNextRotate) {
      this.raceOnNextRotate = false;
      old.rotatedAt = now;
    }
    if (old.rotatedAt !== null || old.revokedAt !== null) {
      return { status: "reused" as const, familyId: old.familyId, grantId: old.grantId };
    }
    old.rotatedAt = now;
    this.tokens.set(successor.tokenHash, { ...successor, rotatedAt: null, revokedAt: null });
    return { status: "rotated" as const };
  }

  async revokeFamily(familyId: string, now: Date) {
    for (const token of this.tokens.values()) if (token.familyId === familyId && token.revokedAt === null) token.revokedAt = now;
  }

  revokeGrant(grantId: string, now: Date) {
    for (const token of this.tokens.values()) if (token.grantId === grantId && token.revokedAt === null) token.revokedAt = now;
  }
}

export class MemoryRevokedAccessTokenStore implements RevokedAccessTokenStore {
  readonly entries = new Map<string, { orgId: string; expiresAt: Date }>();

  async revoke(entry: { jti: string; orgId: string; expiresAt: Date }) {
    this.entries.set(entry.jti, { orgId: entry.orgId, expiresAt: entry.expiresAt });
  }

  async isRevoked(jti: string) {
    return this.entries.has(jti);
  }
}

export function memoryKeyStore(orgKeys: Record<string, { active: SigningKeyRecord; published: JWK[] }>): KeyStore {
  return {
    getActiveSigningKey: async (orgId) => {
      const keys = orgKeys[orgId];
      if (!keys) throw new Error(`no key for ${orgId}`);
      return keys.active;
    },
    getPublishedKeys: async (orgId) => orgKeys[orgId]?.published ?? [],
  };
}

export class FixedClock implements Clock {
  constructor(public current: Date) {}
  now() {
    return new Date(this.current);
  }
  advance(seconds: number) {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}

/** Deterministic "random" bytes: a counter, so every token differs and tests can predict nothing else. */
export function counterRandom(): Random {
  let counter = 0;
  return {
    bytes: (length) => {
      counter += 1;
      const bytes = new Uint8Array(length);
      for (let i = 0; i < length; i += 1) bytes[i] = (counter * 31 + i * 7) & 0xff;
      new DataView(bytes.buffer).setUint32(0, counter);
      return bytes;
    },
  };
}
