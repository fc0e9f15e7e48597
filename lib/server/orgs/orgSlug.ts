import { z } from "zod";

// Portal routes that sit beside /orgs/{slug}: an org with one of these slugs could never be opened.
const RESERVED_SLUGS = new Set(["new"]);

/** Org slugs appear in issuers and URLs: lower-case letters, digits and inner hyphens. */
export const orgSlug = z
  .string()
  .trim()
  .min(2, { error: "The slug needs at least 2 characters" })
  .max(40, { error: "The slug can have at most 40 characters" })
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, { error: "Use lower-case letters, digits and inner hyphens only" })
  .refine((slug) => !RESERVED_SLUGS.has(slug), { error: (issue) => `The slug "${String(issue.input)}" is reserved` });

export const orgName = z.string().trim().min(1, { error: "Give the organization a name" }).max(100, { error: "At most 100 characters" });
