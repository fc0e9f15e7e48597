import Link from "next/link";
import { buttonStyles } from "@/components/buttonStyles";
import { SelectField } from "@/components/SelectField";
import { TextField } from "@/components/TextField";

interface AuditFilterFormProps {
  base: string;
  values: Record<string, string | undefined>;
  errors: Record<string, string>;
  options: { kinds: string[]; servers: { id: string; name: string }[]; clients: { clientId: string; name: string | null }[] };
  exportHref: string;
}

/** A GET form: the filter is the URL, so a filtered view can be shared, paged and exported as is. */
export function AuditFilterForm({ base, values, errors, options, exportHref }: AuditFilterFormProps) {
  const any = { value: "", label: "Any" };
  const active = Object.values(values).some(Boolean);
  return (
    <form method="get" action={base} className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField name="kind" label="Kind" defaultValue={values.kind ?? ""} options={[any, ...options.kinds.map((k) => ({ value: k, label: k }))]} />
        <TextField name="actor" label="Actor" defaultValue={values.actor} placeholder="email, client name or id" hint="Part of the actor's name, or its exact id." />
        <TextField name="client" label="Client ID" defaultValue={values.client} list="audit-clients" placeholder="gh_…" spellCheck={false} />
        <datalist id="audit-clients">
          {options.clients.map((c) => (
            <option key={c.clientId} value={c.clientId}>
              {c.name ?? ""}
            </option>
          ))}
        </datalist>
        <SelectField name="server" label="MCP server" defaultValue={values.server ?? ""} options={[any, ...options.servers.map((s) => ({ value: s.id, label: s.name }))]} />
        <TextField name="from" label="From (UTC)" type="datetime-local" defaultValue={values.from} error={errors.from} />
        <TextField name="to" label="To (UTC)" type="datetime-local" defaultValue={values.to} error={errors.to} />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonStyles.primary}>
          Apply filter
        </button>
        {active && (
          <Link href={base} className={buttonStyles.secondary}>
            Clear
          </Link>
        )}
        <a href={exportHref} className={`${buttonStyles.secondary} sm:ml-auto`} download>
          Export CSV
        </a>
      </div>
    </form>
  );
}
