import { createAdminClient } from "../clients/createAdminClient";
import { getDatabase } from "../db/getDatabase";
import { UseCaseError } from "../errors/UseCaseError";
import type { CliCommand } from "./CliCommand";
import { requireOption } from "./requireOption";

export const createClientCommand: CliCommand = {
  name: "create-client",
  summary: "Create a confidential client (client_credentials, introspection); prints its secret once",
  usage: 'gatehouse create-client --org <slug> --name <name> --grant-types client_credentials [--scope "<scopes>"] [--redirect-uri <uri>] [--introspect] [--json]',
  options: {
    org: { type: "string" },
    name: { type: "string" },
    "grant-types": { type: "string" },
    scope: { type: "string" },
    "redirect-uri": { type: "string", multiple: true },
    introspect: { type: "boolean" },
    json: { type: "boolean" },
  },
  async run(values, io) {
    const slug = requireOption(values, "org");
    const name = requireOption(values, "name");
    const grantTypes = requireOption(values, "grant-types").split(/[\s,]+/).filter(Boolean);
    const { prisma } = await getDatabase();
    const org = await prisma.org.findUnique({ where: { slug }, select: { id: true } });
    if (!org) throw new UseCaseError("not_found", `No org with the slug "${slug}"`);
    const client = await createAdminClient(prisma, {
      orgId: org.id,
      name,
      grantTypes,
      scope: values.scope as string | undefined,
      redirectUris: values["redirect-uri"] as unknown as string[] | undefined,
      canIntrospect: Boolean(values.introspect),
      actor: { type: "system", label: "cli" },
    });
    if (values.json) {
      io.out(JSON.stringify({ client_id: client.clientId, client_secret: client.clientSecret, grant_types: client.metadata.grant_types, scope: client.metadata.scope ?? null, introspect: Boolean(values.introspect) }));
    } else {
      io.out(`client_id:     ${client.clientId}\nclient_secret: ${client.clientSecret}\nThe secret is shown this once; store it now.`);
    }
  },
};
