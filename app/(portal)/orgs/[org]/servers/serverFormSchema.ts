import { z } from "zod";

const checkbox = z.string().optional().transform((value) => value === "on");
const optionalText = (max: number) =>
  z
    .string()
    .max(max, `Use at most ${max} characters`)
    .optional()
    .transform((text) => (text ?? "").trim() || null);

/** The fields of the create and edit forms of an MCP server; the use case checks the rest. */
export const serverFormFields = {
  name: z.string({ error: "Give the server a name" }).max(100, "At most 100 characters"),
  slug: z.string({ error: "Give the server a slug" }).max(40, "The slug can have at most 40 characters"),
  mode: z.enum(["gateway", "external"], { error: "Choose where the server runs" }),
  upstreamUrl: optionalText(2000),
  upstreamCredential: optionalText(4096),
  resourceUri: optionalText(2000),
  isDefault: checkbox,
};

/** Where the use case's field names (e.g. `scopes.0.name`) become the form's. */
export function serverFields(input: { name: string; slug: string; mode: "gateway" | "external"; upstreamUrl: string | null; resourceUri: string | null; isDefault: boolean }) {
  const gateway = input.mode === "gateway";
  return {
    name: input.name,
    slug: input.slug,
    resourceUri: gateway ? null : input.resourceUri ?? "",
    upstreamUrl: gateway ? input.upstreamUrl : null,
    isDefault: input.isDefault,
  };
}
