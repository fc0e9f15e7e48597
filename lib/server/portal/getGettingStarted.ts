import { getDatabase } from "../db/getDatabase";

export interface ChecklistState {
  /** Someone has connected an MCP client through the authorization code flow (any grant with a user). */
  connectedClient: boolean;
  /** An admin has created a confidential client. */
  confidentialClient: boolean;
  /** More than one person belongs to the org, or an invitation was sent. */
  invitedTeammate: boolean;
  /** The signing key has been rotated at least once (so the rotation has been tried and seen). */
  reviewedSigningKey: boolean;
}

/** The getting-started checklist of a new org, each item read from what the org has actually done. */
export async function getGettingStarted(orgId: string): Promise<ChecklistState> {
  const { prisma } = await getDatabase();
  const [userGrant, adminClient, members, invite, keys] = await Promise.all([
    prisma.grant.findFirst({ where: { orgId, userId: { not: null } }, select: { id: true } }),
    prisma.client.findFirst({ where: { orgId, source: "admin" }, select: { id: true } }),
    prisma.membership.count({ where: { orgId } }),
    prisma.invite.findFirst({ where: { orgId }, select: { id: true } }),
    prisma.signingKey.count({ where: { orgId } }),
  ]);
  return {
    connectedClient: userGrant !== null,
    confidentialClient: adminClient !== null,
    invitedTeammate: members > 1 || invite !== null,
    reviewedSigningKey: keys > 1,
  };
}
