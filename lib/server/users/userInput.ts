import { z } from "zod";

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address" }).max(254, { error: "That email address is too long" }));

// 8 is NIST SP 800-63B's floor for user-chosen passwords; 256 bounds the hashing work.
export const password = z
  .string()
  .min(8, { error: "Use at least 8 characters" })
  .max(256, { error: "Use at most 256 characters" });

export const displayName = z.string().trim().max(100, { error: "At most 100 characters" }).optional();
