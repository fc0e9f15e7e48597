import { randomBytes } from "node:crypto";
import { sha256SecretHasher } from "@/lib/oauth/runtime/sha256SecretHasher";

/**
 * `count` fresh bearer secrets (codes, refresh tokens) shaped as Gatehouse makes them (32 random
 * bytes, base64url), with the hashes it stores, computed by its own SecretHasher so that a pooled
 * secret is found by exactly the lookup a real one is.
 */
export function secretPool(count: number): { secrets: string[]; hashes: string[] } {
  const secrets = Array.from({ length: count }, () => randomBytes(32).toString("base64url"));
  return { secrets, hashes: secrets.map((s) => sha256SecretHasher.hashForLookup(s)) };
}

/** Hands out pooled secrets one by one; past the end it returns a placeholder the server refuses (counted as non-2xx). */
export function poolCursor(secrets: readonly string[]): { next(): string; used(): number } {
  let i = 0;
  return {
    next: () => (i < secrets.length ? secrets[i++]! : "pool-exhausted"),
    used: () => i,
  };
}
