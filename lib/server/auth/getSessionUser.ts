import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDatabase } from "../db/getDatabase";
import { authOptions } from "./authOptions";

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
}

/**
 * The signed-in user, read from the database on each request (once per render: layout and page
 * share it): a deleted account's session cookie stops working at once rather than when it expires.
 */
export const getSessionUser = cache(async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const { prisma } = await getDatabase();
  return prisma.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
});
