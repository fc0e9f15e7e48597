import pg from "pg";
import { sha256SecretHasher } from "@/lib/oauth/runtime/sha256SecretHasher";
import type { FlowRecord } from "./runFlow";
import type { SoakStats } from "./SoakStats";
import { type SoakContext, soakRequest } from "./soakRequest";

export interface Invariant {
  name: string;
  held: boolean;
  /** What was counted; on failure, the first offending flows. */
  detail: string;
}

const REUSE = { error: "invalid_grant", error_description: "the refresh token has already been used; access has been revoked" };

/**
 * The invariants of issue 7, checked once the flows have ended and the faults are over: against
 * the database (what each flow's client owns) and over HTTP (the refresh tokens' single use).
 *
 * Per completed flow, in the database: one client per registration (plus at most one per
 * registration whose answer was lost), exactly one grant, as many refresh families as code
 * exchanges (plus at most the exchanges whose answer was lost), and in its last family exactly
 * one token per rotation plus the first, of which exactly one is live: the one the flow holds.
 * Then each flow's last rotated refresh token is replayed once, on the other instance than the
 * last step: it must be refused with invalid_grant and the exact reuse description, after which
 * the whole family and the grant are revoked and the live token no longer refreshes.
 */
export async function checkInvariants(ctx: SoakContext, stats: SoakStats, flows: FlowRecord[], databaseUrl: string, org: string, timeoutMs: number): Promise<Invariant[]> {
  const invariants: Invariant[] = [];
  const add = (name: string, failures: string[], counted: string) =>
    invariants.push({ name, held: failures.length === 0, detail: failures.length === 0 ? counted : `${failures.length} failed: ${failures.slice(0, 3).join("; ")}` });

  const completed = flows.filter((f) => f.completed);
  add("every flow completed", flows.filter((f) => !f.completed).map((f) => `flow ${f.id}: ${f.error}`), `${completed.length} of ${flows.length}`);
  add("no refresh token refused that was sent once (no family lost)", flows.flatMap((f) => f.refusedRefreshes.map((r) => `flow ${f.id}: ${r}`)), `${flows.reduce((n, f) => n + f.rotationsInFinalFamily, 0)} rotations in final families`);
  const fiveHundreds = stats.count((s) => s >= 500 && s !== 503);
  add("no 5xx other than 503", fiveHundreds ? [`${fiveHundreds} answers: ${[...stats.examples].filter(([k]) => k.includes("5xx")).map(([, e]) => e.join(" | ")).join(" | ")}`] : [], `${stats.count((s) => s === 503)} × 503`);
  add("every 503 carried Retry-After", stats.missingRetryAfter ? [`${stats.missingRetryAfter} without`] : [], `${stats.count((s) => s === 503)} × 503`);
  const timeouts = stats.errors.get("timeout (no answer in time)") ?? 0;
  add(`no request over the ${timeoutMs / 1000} s timeout (no hang)`, timeouts ? [`${timeouts} requests`] : [], `slowest answer ${Math.round(stats.slowestMs)} ms (${stats.slowestStep})`);

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const rows = async <T extends pg.QueryResultRow>(text: string, values: unknown[]) => (await db.query<T>(text, values)).rows;
    const clientsOf = async (flow: FlowRecord) =>
      rows<{ id: string; clientId: string }>(`SELECT c."id", c."clientId" FROM "Client" c JOIN "Org" o ON o."id" = c."orgId" WHERE o."slug" = $1 AND c."name" = $2`, [org, flow.clientName]);
    const owned = new Map<number, { clientRowId: string }>();
    const clientFailures: string[] = [];
    const grantFailures: string[] = [];
    const familyFailures: string[] = [];
    const chainFailures: string[] = [];
    for (const flow of completed) {
      const clients = await clientsOf(flow);
      const mine = clients.find((c) => c.clientId === flow.clientId);
      if (!mine || clients.length > 1 + flow.ambiguousRegistrations) clientFailures.push(`flow ${flow.id}: ${clients.length} clients for 1 registration (+${flow.ambiguousRegistrations} lost answers)`);
      if (!mine) continue;
      owned.set(flow.id, { clientRowId: mine.id });
      const grants = await rows<{ id: string; revokedAt: Date | null }>(`SELECT "id", "revokedAt" FROM "Grant" WHERE "clientRowId" = $1`, [mine.id]);
      if (grants.length !== 1 || grants[0]!.revokedAt !== null) grantFailures.push(`flow ${flow.id}: ${grants.length} grants (${grants.filter((g) => g.revokedAt).length} revoked), expected 1 live`);
      const families = await rows<{ familyId: string }>(`SELECT DISTINCT "familyId" FROM "RefreshToken" WHERE "clientRowId" = $1`, [mine.id]);
      if (families.length < flow.codeExchanges || families.length > flow.codeExchanges + flow.ambiguousExchanges) {
        familyFailures.push(`flow ${flow.id}: ${families.length} families for ${flow.codeExchanges} code exchanges (+${flow.ambiguousExchanges} lost answers)`);
      }
      const live = await rows<{ familyId: string }>(`SELECT "familyId" FROM "RefreshToken" WHERE "tokenHash" = $1`, [sha256SecretHasher.hashForLookup(flow.refreshToken!)]);
      if (live.length !== 1) {
        chainFailures.push(`flow ${flow.id}: its refresh token is ${live.length === 0 ? "not stored" : "stored twice"}`);
        continue;
      }
      const chain = await rows<{ tokenHash: string; rotatedAt: Date | null; revokedAt: Date | null }>(`SELECT "tokenHash", "rotatedAt", "revokedAt" FROM "RefreshToken" WHERE "familyId" = $1`, [live[0]!.familyId]);
      const unspent = chain.filter((t) => t.rotatedAt === null && t.revokedAt === null);
      if (chain.length !== flow.rotationsInFinalFamily + 1 || unspent.length !== 1 || unspent[0]!.tokenHash !== sha256SecretHasher.hashForLookup(flow.refreshToken!)) {
        chainFailures.push(`flow ${flow.id}: family of ${chain.length} tokens (${unspent.length} live) for ${flow.rotationsInFinalFamily} rotations`);
      }
    }
    add("one client per registration (none lost or duplicated)", clientFailures, `${owned.size} clients`);
    add("exactly one live grant per flow (none lost or duplicated)", grantFailures, `${owned.size} grants`);
    add("one refresh family per code exchange (none lost or duplicated)", familyFailures, `${completed.reduce((n, f) => n + f.codeExchanges, 0)} families`);
    add("each final family: one token per rotation, exactly one live, the flow's own", chainFailures, `${completed.reduce((n, f) => n + f.rotationsInFinalFamily + 1, 0)} tokens`);

    // Single use, over HTTP: the last rotated token of each flow, replayed once.
    const replayFailures: string[] = [];
    let replayed = 0;
    const deadline = performance.now() + 5 * 60_000;
    for (const flow of completed) {
      const rowId = owned.get(flow.id)?.clientRowId;
      if (!flow.previousRefreshToken || !rowId) continue;
      replayed++;
      const path = `/orgs/${org}/api/v1/oauth/token`;
      const replay = await soakRequest(ctx, flow.id + 1, { step: "check: replay", path, form: { grant_type: "refresh_token", refresh_token: flow.previousRefreshToken, client_id: flow.clientId! }, deadline });
      const body = safeJson(replay.text);
      if (replay.status !== 400 || body?.error !== REUSE.error || body?.error_description !== REUSE.error_description) {
        replayFailures.push(`flow ${flow.id}: replay answered ${replay.status} ${replay.text.slice(0, 160)}`);
        continue;
      }
      const chain = await rows<{ revokedAt: Date | null }>(
        `SELECT "revokedAt" FROM "RefreshToken" WHERE "familyId" = (SELECT "familyId" FROM "RefreshToken" WHERE "tokenHash" = $1)`,
        [sha256SecretHasher.hashForLookup(flow.refreshToken!)],
      );
      const grants = await rows<{ revokedAt: Date | null }>(`SELECT "revokedAt" FROM "Grant" WHERE "clientRowId" = $1`, [rowId]);
      if (chain.some((t) => t.revokedAt === null) || grants.some((g) => g.revokedAt === null)) replayFailures.push(`flow ${flow.id}: after the replay, family or grant still live`);
      const live = await soakRequest(ctx, flow.id, { step: "check: refresh after replay", path, form: { grant_type: "refresh_token", refresh_token: flow.refreshToken!, client_id: flow.clientId! }, deadline });
      if (live.status !== 400 || safeJson(live.text)?.error !== "invalid_grant") replayFailures.push(`flow ${flow.id}: the live token still refreshed after the replay (${live.status})`);
    }
    add("every refresh token single-use: a replay is refused and revokes its family and grant", replayFailures, `${replayed} replays refused`);
  } finally {
    await db.end();
  }
  return invariants;
}

function safeJson(text: string): Record<string, unknown> | null {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
}
