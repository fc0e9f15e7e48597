// Child process of the benchmark (node --import tsx bench/gatehouse/mintCode.ts ...): one genuine
// authorization code, minted by the server's own code paths (test/support/authorizeAs: the
// authorization request's validation, the owner's consent, code issuance) against the bench
// database, with a PKCE verifier it prints along with the code as JSON. The benchmark clones the
// stored row into its pool of codes (cloneRows), so every pooled code is exactly what this made.
import { createHash, randomBytes } from "node:crypto";
import { getDatabase } from "@/lib/server/db/getDatabase";
import { authorizeAs } from "@/test/support/authorizeAs";

const [org, ownerEmail, clientId, redirectUri, resource, scope] = process.argv.slice(2) as [string, string, string, string, string, string];
const db = await getDatabase();
const owner = await db.prisma.user.findUniqueOrThrow({ where: { email: ownerEmail }, select: { id: true, email: true } });
const verifier = randomBytes(32).toString("base64url");
const redirect = await authorizeAs(owner, org, {
  response_type: "code",
  client_id: clientId,
  redirect_uri: redirectUri,
  code_challenge: createHash("sha256").update(verifier).digest("base64url"),
  code_challenge_method: "S256",
  state: "bench",
  scope,
  resource,
});
const code = redirect.searchParams.get("code");
if (!code) throw new Error(`the authorization did not yield a code: ${redirect.toString()}`);
console.log(JSON.stringify({ code, verifier, ownerId: owner.id }));
await db.close();
process.exit(0);
