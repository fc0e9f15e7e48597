import { getServerSession } from "next-auth";
import { getDatabase } from "../db/getDatabase";
import { authOptions } from "./authOptions";

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
}

/**
 * The signed-in user, read from the database each time: a deleted account's session cookie stops
 * working at once rather than when it expires.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const { prisma } = await getDatabase();
  return prisma.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
}
