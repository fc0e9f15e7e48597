import { getDatabase } from "../db/getDatabase";

/** Whether the installation is set up: the landing page offers first-run set-up until a user exists. */
export async function hasAnyUser(): Promise<boolean> {
  const { prisma } = await getDatabase();
  return (await prisma.user.findFirst({ select: { id: true } })) !== null;
}
