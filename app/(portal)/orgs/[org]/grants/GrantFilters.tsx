import Link from "next/link";
import { buttonStyles } from "@/components/buttonStyles";
import { SelectField } from "@/components/SelectField";
import type { GrantFilter } from "@/lib/server/portal/listActiveGrants";

interface GrantFiltersProps {
  base: string;
  filter: GrantFilter;
  options: {
    clients: { id: string; clientId: string; name: string | null }[];
    users: { id: string; email: string }[];
    servers: { id: string; name: string; slug: string }[];
  };
}

/** A plain GET form: the filter lives in the URL, so it can be bookmarked and works without JavaScript. */
export function GrantFilters({ base, filter, options }: GrantFiltersProps) {
  const any = { value: "", label: "Any" };
  return (
    <form method="get" action={base} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_auto] lg:items-end">
      <SelectField
        name="client"
        label="Client"
        defaultValue={filter.clientRowId ?? ""}
        options={[any, ...options.clients.map((c) => ({ value: c.id, label: c.name ? `${c.name} (${c.clientId.slice(0, 24)})` : c.clientId }))]}
      />
      <SelectField name="user" label="User" defaultValue={filter.userId ?? ""} options={[any, ...options.users.map((u) => ({ value: u.id, label: u.email }))]} />
      <SelectField name="server" label="MCP server" defaultValue={filter.serverId ?? ""} options={[any, ...options.servers.map((s) => ({ value: s.id, label: `${s.name} (${s.slug})` }))]} />
      <div className="flex gap-2">
        <button type="submit" className={buttonStyles.primary}>
          Filter
        </button>
        {(filter.clientRowId || filter.userId || filter.serverId) && (
          <Link href={base} className={buttonStyles.secondary}>
            Clear
          </Link>
        )}
      </div>
    </form>
  );
}
