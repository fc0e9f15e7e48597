import type { Prisma } from "@/generated/prisma/client";
import { hashPassword } from "../crypto/password";
import { UseCaseError } from "../errors/UseCaseError";
import { displayName, email, password } from "./userInput";

type Tx = Prisma.TransactionClient;

/** Creates a user with an argon2id password hash. Emails are unique, compared lower-cased. */
export async function createUser(tx: Tx, input: { email: string; password: string; name?: string }) {
  const e = email.safeParse(input.email);
  if (!e.success) throw new UseCaseError("invalid", e.error.issues[0]!.message, "email");
  const p = password.safeParse(input.password);
  if (!p.success) throw new UseCaseError("invalid", p.error.issues[0]!.message, "password");
  const n = displayName.safeParse(input.name || undefined);
  if (!n.success) throw new UseCaseError("invalid", n.error.issues[0]!.message, "name");
  if (await tx.user.findUnique({ where: { email: e.data }, select: { id: true } })) {
    throw new UseCaseError("conflict", "An account with this email already exists", "email");
  }
  return tx.user.create({ data: { email: e.data, name: n.data ?? null, passwordHash: await hashPassword(p.data) } });
}
