import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// AES-256-GCM under a key derived from GATEHOUSE_SECRET_KEY. Format: v1.<iv>.<tag>.<ciphertext>, base64url.
function keyFrom(secretKey: string): Buffer {
  return createHash("sha256").update(`gatehouse-at-rest-v1:${secretKey}`).digest();
}

/** Encrypts a secret for storage (signing keys, upstream credentials). */
export function encryptSecret(plaintext: string, secretKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(secretKey), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** Decrypts what encryptSecret stored; throws when the key is wrong or the data was altered. */
export function decryptSecret(stored: string, secretKey: string): string {
  const [version, iv, tag, body] = stored.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("Unrecognized encrypted secret format");
  const decipher = createDecipheriv("aes-256-gcm", keyFrom(secretKey), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
