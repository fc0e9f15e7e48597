import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/Card";
import { DateTime } from "@/components/DateTime";
import { ANY_ROLE } from "@/lib/server/auth/roles";
import { findOrgAccess } from "@/lib/server/auth/findOrgAccess";
import { getSessionUser } from "@/lib/server/auth/getSessionUser";
import { getDatabase } from "@/lib/server/db/getDatabase";
import { UseCaseError } from "@/lib/server/errors/UseCaseError";
import { findInvite } from "@/lib/server/invites/findInvite";
import { JoinForm } from "./JoinForm";
import { NewAccountJoinForm } from "./NewAccountJoinForm";

export const metadata: Metadata = { title: "Invitation" };

async function lookUp(token: string) {
  const { prisma } = await getDatabase();
  try {
    return { invite: await findInvite(prisma, token) };
  } catch (error) {
    if (error instanceof UseCaseError) return { problem: error.message };
    throw error;
  }
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await lookUp(token);

  if (!found.invite) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Invitation unavailable</h1>
        <Card className="mt-6">
          <p className="text-sm text-slate-700">{found.problem}</p>
          <p className="mt-4 text-sm">
            <Link href="/" className="font-medium text-indigo-700 underline hover:text-indigo-600">
              Go to Gatehouse
            </Link>
          </p>
        </Card>
      </div>
    );
  }

  const { org, role, expiresAt } = found.invite;
  const user = await getSessionUser();
  const alreadyMember = user ? (await findOrgAccess(user, org.slug, ANY_ROLE)).ok : false;

  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Join {org.name}</h1>
      <p className="mt-2 text-sm text-slate-600">
        You are invited to join <strong className="font-semibold text-slate-900">{org.name}</strong> as {role === "member" ? "a" : "an"}{" "}
        <strong className="font-semibold text-slate-900">{role}</strong>. The invitation expires <DateTime value={expiresAt} />.
      </p>
      <Card className="mt-6">
        {user && alreadyMember && (
          <p className="text-sm text-slate-700">
            You are already a member of {org.name}.{" "}
            <Link href={`/orgs/${org.slug}`} className="font-medium text-indigo-700 underline hover:text-indigo-600">
              Open {org.name}
            </Link>
          </p>
        )}
        {user && !alreadyMember && (
          <>
            <p className="mb-4 text-sm text-slate-700">
              Signed in as <strong className="font-semibold">{user.email}</strong>.
            </p>
            <JoinForm token={token} orgName={org.name} />
          </>
        )}
        {!user && (
          <>
            <h2 className="mb-4 text-base font-semibold text-slate-900">Create your account</h2>
            <NewAccountJoinForm token={token} orgName={org.name} />
            <p className="mt-4 border-t border-slate-200 pt-4 text-sm text-slate-600">
              Already have an account?{" "}
              <Link href={`/signin?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`} className="font-medium text-indigo-700 underline hover:text-indigo-600">
                Sign in to accept
              </Link>
            </p>
          </>
        )}
      </Card>
    </div>
  );
}
