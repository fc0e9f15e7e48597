import { z } from "zod";

/** Org slugs appear in issuers and URLs: lower-case letters, digits and inner hyphens. */
export const orgSlug = z
  .string()
  .trim()
  .min(2, { error: "The slug needs at least 2 characters" })
  .max(40, { error: "The slug can have at most 40 characters" })
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, { error: "Use lower-case letters, digits and inner hyphens only" });

export const orgName = z.string().trim().min(1, { error: "Give the organization a name" }).max(100, { error: "At most 100 characters" });
