import { isDatabaseUnavailable } from "../http/isDatabaseUnavailable";
import { randomBytes } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getConfig } from "../config/getConfig";
import { hashPassword, verifyPassword } from "../crypto/password";
import { getDatabase } from "../db/getDatabase";
import { clientAddress } from "../ratelimit/clientAddress";
import { throttleSignIn } from "../ratelimit/throttleSignIn";

const config = getConfig();
// next-auth v4 builds its callback URLs from NEXTAUTH_URL; Gatehouse's one name for it is PUBLIC_URL.
process.env.NEXTAUTH_URL ??= config.publicUrl;

// Verifying against a throwaway hash when the email is unknown keeps the response time the same,
// so sign-in does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString("hex")));

export const authOptions: NextAuthOptions = {
  secret: config.sessionSecret,
  session: { strategy: "jwt", maxAge: 12 * 3600 },
  pages: { signIn: "/signin", error: "/signin" },
  useSecureCookies: config.publicUrl.startsWith("https://"),
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        try {
          return await authorizeCredentials(credentials, req);
        } catch (error) {
          // next-auth puts the thrown message in the sign-in page's URL (`?error=`): only our own
          // codes go there, never a driver's text. signInErrorMessage turns them into sentences.
          if (error instanceof Error && /^TooManySignInAttempts:/.test(error.message)) throw error;
          const unavailable = isDatabaseUnavailable(error);
          console.error(`[gatehouse] sign-in failed: ${error instanceof Error ? error.message : String(error)}`);
          throw new Error(unavailable ? "ServiceUnavailable" : "SignInFailed");
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};

async function authorizeCredentials(credentials: Record<"email" | "password", string> | undefined, req: { headers?: Record<string, string | string[] | undefined> } | undefined) {
  const email = credentials?.email?.trim().toLowerCase();
  const password = credentials?.password;
  // A control character is in no email, and a NUL would reach PostgreSQL, which refuses it.
  if (!email || !password || password.length > 256 || email.length > 320 || /[\x00-\x1f\x7f]/.test(email)) return null;
  // Failed attempts are limited per email and per address; past the limit the password is not
  // even checked. next-auth passes the thrown message to the sign-in page as `?error=`, which
  // shows it as "too many attempts, wait N minutes" (signInErrorMessage).
  const throttle = await throttleSignIn(email, clientAddress(req?.headers ?? {}));
  if (throttle.retryAfterSec !== null) throw new Error(`TooManySignInAttempts:${Math.ceil(throttle.retryAfterSec / 60)}`);
  const { prisma } = await getDatabase();
  const user = await prisma.user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
  if (!user || !ok) {
    await throttle.failed();
    return null;
  }
  return { id: user.id, email: user.email, name: user.name };
}
