import Link from "next/link";
import { Badge } from "@/components/Badge";
import { ConfirmAction } from "@/components/ConfirmAction";
import { DateTime } from "@/components/DateTime";
import type { ClientRow } from "@/lib/server/portal/listClients";
import { deleteClientAction } from "./deleteClientAction";
import { setClientDisabledAction } from "./setClientDisabledAction";

const SOURCE_LABEL = { dcr: "DCR", cimd: "CIMD", admin: "Admin" } as const;
const SOURCE_HINT = { dcr: "registered itself (RFC 7591)", cimd: "identified by its metadata document URL", admin: "created by an admin" } as const;

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{term}</dt>
      <dd className="mt-0.5 text-sm text-slate-800">{children}</dd>
    </div>
  );
}

/** One client of the list: what it is, how it came, what it may do, and its disable and delete controls. */
export function ClientItem({ org, client }: { org: string; client: ClientRow }) {
  const name = client.name ?? "Unnamed client";
  const fields = { org, clientRowId: client.id };
  return (
    <li className="py-5 first:pt-0 last:pb-0" aria-label={name}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h3 className="flex flex-wrap items-center gap-2 text-sm font-semibold text-slate-900">
            <span className="break-all">{name}</span>
            <Badge tone={client.source === "admin" ? "indigo" : "sky"}>
              <span title={SOURCE_HINT[client.source]}>{SOURCE_LABEL[client.source]}</span>
            </Badge>
            <Badge>{client.confidential ? "Confidential" : "Public"}</Badge>
            {client.canIntrospect && <Badge tone="amber">May introspect</Badge>}
            {client.disabledAt && <Badge tone="red">Disabled</Badge>}
          </h3>
          <p className="mt-1 break-all font-mono text-xs text-slate-700">{client.clientId}</p>
        </div>
        <div className="flex shrink-0 flex-wrap items-start gap-2">
          {client.disabledAt ? (
            <ConfirmAction
              action={setClientDisabledAction}
              fields={{ ...fields, disabled: "false" }}
              label="Enable"
              labelFor={`Enable ${name}`}
              tone="primary"
              question={`Enable ${name}? It can ask users for access again; the grants revoked when it was disabled stay revoked.`}
              confirmLabel="Yes, enable"
              pendingLabel="Enabling…"
            />
          ) : (
            <ConfirmAction
              action={setClientDisabledAction}
              fields={{ ...fields, disabled: "true" }}
              label="Disable"
              labelFor={`Disable ${name}`}
              question={`Disable ${name}? It can no longer get tokens, and its ${client.activeGrants} active grant${client.activeGrants === 1 ? " is" : "s are"} revoked now, so the tokens it holds stop working.`}
              confirmLabel="Yes, disable"
              pendingLabel="Disabling…"
            />
          )}
          <ConfirmAction
            action={deleteClientAction}
            fields={fields}
            label="Delete"
            labelFor={`Delete ${name}`}
            question={`Delete ${name} for good? Its grants and tokens are deleted with it. ${client.source === "admin" ? "Its secret cannot be recovered." : "It may register again."}`}
            confirmLabel="Yes, delete"
            pendingLabel="Deleting…"
          />
        </div>
      </div>
      <dl className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Detail term="Redirect URIs">
          {client.redirectUris.length === 0 ? (
            <span className="text-slate-600">None</span>
          ) : (
            <ul>
              {client.redirectUris.map((uri) => (
                <li key={uri} className="break-all font-mono text-xs">
                  {uri}
                </li>
              ))}
            </ul>
          )}
        </Detail>
        <Detail term="Grant types">
          <span className="font-mono text-xs">{client.grantTypes.join(", ") || "—"}</span>
          {client.scope && <span className="block text-xs text-slate-600">scope: {client.scope}</span>}
        </Detail>
        <Detail term="Active grants">
          {client.activeGrants > 0 ? (
            <Link href={`/orgs/${org}/grants?client=${client.id}`} className="text-indigo-700 underline hover:text-indigo-600">
              {client.activeGrants}
            </Link>
          ) : (
            "0"
          )}
        </Detail>
        <Detail term="Created">
          <DateTime value={client.createdAt} />
        </Detail>
        <Detail term="Last used">{client.lastUsedAt ? <DateTime value={client.lastUsedAt} /> : <span className="text-slate-600">Never</span>}</Detail>
        {client.disabledAt && (
          <Detail term="Disabled since">
            <DateTime value={client.disabledAt} />
          </Detail>
        )}
      </dl>
    </li>
  );
}
