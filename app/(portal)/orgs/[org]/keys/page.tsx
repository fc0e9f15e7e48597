import type { Metadata } from "next";
import { Badge, type BadgeTone } from "@/components/Badge";
import { Card } from "@/components/Card";
import { ConfirmAction } from "@/components/ConfirmAction";
import { CopyField } from "@/components/CopyField";
import { cell, DataTable } from "@/components/DataTable";
import { DateTime } from "@/components/DateTime";
import { PageHeader } from "@/components/PageHeader";
import type { SigningKeyStatus } from "@/generated/prisma/client";
import { requireOrgPage } from "@/lib/server/auth/requireOrgPage";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { getConfig } from "@/lib/server/config/getConfig";
import { listSigningKeys } from "@/lib/server/portal/listSigningKeys";
import { orgUrls } from "@/lib/server/portal/orgUrls";
import { rotateKeyAction } from "./rotateKeyAction";

export const metadata: Metadata = { title: "Signing keys" };

const STATUS: Record<SigningKeyStatus, { tone: BadgeTone; hint: string }> = {
  active: { tone: "green", hint: "signs new tokens" },
  retiring: { tone: "amber", hint: "still published, signs nothing" },
  retired: { tone: "neutral", hint: "no longer published" },
};

const dash = <span className="text-slate-500">—</span>;

export default async function SigningKeysPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const { org } = await requireOrgPage(slug, `/orgs/${slug}/keys`, ADMIN_ROLES);
  const keys = await listSigningKeys(org.id);
  const jwks = `${orgUrls(getConfig().publicUrl, org.slug).issuer}/api/v1/oauth/jwks`;

  return (
    <>
      <PageHeader title="Signing keys" description="Access tokens are JWTs signed with the active key. Resource servers verify them with the keys published in the JWKS.">
        <ConfirmAction
          action={rotateKeyAction}
          fields={{ org: org.slug }}
          label="Rotate key"
          tone="primary"
          question="Rotate the signing key? A new key signs from now on. The current one stays published until every token it signed has expired, so nothing breaks."
          confirmLabel="Yes, rotate"
          pendingLabel="Rotating…"
          doneMessage="Key rotated: the new key signs from now on."
        />
      </PageHeader>

      <Card title="Keys">
        <DataTable caption="Signing keys" columns={["Key ID (kid)", "Algorithm", "Status", "Created", "Rotated", "Published until"]}>
          {keys.map((key) => (
            <tr key={key.kid}>
              <td className={`${cell.first} whitespace-nowrap font-mono text-xs text-slate-900`}>{key.kid}</td>
              <td className={`${cell.middle} font-mono text-xs`}>{key.alg}</td>
              <td className={cell.middle}>
                <Badge tone={STATUS[key.status].tone}>{key.status}</Badge>
                <span className="block whitespace-nowrap text-xs text-slate-600">{STATUS[key.status].hint}</span>
              </td>
              <td className={`${cell.middle} whitespace-nowrap text-slate-700`}>
                <DateTime value={key.createdAt} />
              </td>
              <td className={`${cell.middle} whitespace-nowrap text-slate-700`}>{key.rotatedAt ? <DateTime value={key.rotatedAt} /> : dash}</td>
              <td className={`${cell.last} whitespace-nowrap text-slate-700`}>
                {key.status === "active" ? "while active" : key.publishUntil ? <DateTime value={key.publishUntil} /> : dash}
              </td>
            </tr>
          ))}
        </DataTable>
      </Card>

      <Card title="Where verifiers find them" className="mt-6">
        <CopyField label="JWKS URL" value={jwks} hint="The active key and the retiring ones. Verifiers cache it; pick the key by the token's kid." />
        <p className="text-sm text-slate-600">
          Rotate when a key may have leaked, or on a schedule. A retiring key stays published for the access-token lifetime plus a
          minute after rotation.
        </p>
      </Card>
    </>
  );
}
