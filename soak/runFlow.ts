import { createHash, randomBytes } from "node:crypto";
import { CookieJar } from "./CookieJar";
import { AmbiguousOutcome, type SoakContext, soakRequest } from "./soakRequest";

/** What one flow did, as the client saw it: what the invariants compare the database with. */
export interface FlowRecord {
  id: number;
  clientName: string;
  clientId: string | null;
  /** Registrations whose answer was lost (each may have created a client). */
  ambiguousRegistrations: number;
  /** Code exchanges answered 200, and those whose answer was lost (each may have made a family). */
  codeExchanges: number;
  ambiguousExchanges: number;
  /** Refreshes answered 200 in the family the flow ended with. */
  rotationsInFinalFamily: number;
  /** Refreshes whose answer was lost: the flow left that family and authorized again. */
  ambiguousRefreshes: number;
  /** Refresh tokens the server refused although the flow never sent them twice: a lost family. */
  refusedRefreshes: string[];
  /** The live refresh token, and the one it replaced (for the single-use check). */
  refreshToken: string | null;
  previousRefreshToken: string | null;
  gatewayCalls: number;
  completed: boolean;
  error: string | null;
}

export interface FlowSettings {
  org: string;
  owner: { email: string; password: string };
  rotations: number;
  /** The flow fails if it has not completed by then (performance.now()). */
  deadline: number;
}

const REDIRECT_URI = "http://127.0.0.1/callback";
const REDIRECT_WITH_PORT = "http://127.0.0.1:9/callback";

/**
 * One full MCP client flow against two instances, each step on the other instance than the one
 * before (as behind a round-robin load balancer): open registration of a public client (RFC 7591),
 * the owner's sign-in (next-auth credentials, over plain HTTP as a browser posts the form), the
 * authorization request with PKCE S256, the consent screen and its CSRF-protected approval, the
 * code exchange, then `rotations` times a gateway `tools/call` of the demo server's `whoami` and a
 * refresh-token rotation, and a last gateway call with the newest access token.
 *
 * When the answer to a code exchange or a refresh is lost (soakRequest's AmbiguousOutcome), the
 * flow abandons that credential and authorizes again (the remembered consent answers at once),
 * as a client that cannot know whether its token was spent must.
 */
export async function runFlow(ctx: SoakContext, id: number, settings: FlowSettings): Promise<FlowRecord> {
  const record: FlowRecord = {
    id,
    clientName: `soak flow ${id} ${randomBytes(3).toString("hex")}`,
    clientId: null,
    ambiguousRegistrations: 0,
    codeExchanges: 0,
    ambiguousExchanges: 0,
    rotationsInFinalFamily: 0,
    ambiguousRefreshes: 0,
    refusedRefreshes: [],
    refreshToken: null,
    previousRefreshToken: null,
    gatewayCalls: 0,
    completed: false,
    error: null,
  };
  let step = id;
  const next = () => step++;
  const issuerPath = `/orgs/${settings.org}`;
  const base = { deadline: settings.deadline };
  try {
    // 1. Registration.
    for (;;) {
      try {
        const registered = await soakRequest(ctx, next(), {
          ...base,
          step: "register",
          path: `${issuerPath}/api/v1/oauth/register`,
          json: { client_name: record.clientName, redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"], response_types: ["code"] },
          spendsCredential: true,
        });
        expectStatus(registered, 201, "register");
        record.clientId = String(JSON.parse(registered.text).client_id);
        break;
      } catch (error) {
        if (!(error instanceof AmbiguousOutcome)) throw error;
        record.ambiguousRegistrations++;
      }
    }
    const clientId = record.clientId;

    // 2. Sign-in.
    const cookies = new CookieJar();
    await signIn(ctx, cookies, settings, next, base.deadline);

    // 3-5. Authorization, consent, code exchange; again after a lost answer.
    let tokens: { access_token: string; refresh_token: string } | null = null;
    while (!tokens) {
      const code = await authorize(ctx, cookies, settings.org, clientId, next, base.deadline);
      try {
        const exchanged = await soakRequest(ctx, next(), {
          ...base,
          step: "token (code)",
          path: `${issuerPath}/api/v1/oauth/token`,
          form: { grant_type: "authorization_code", code: code.code, redirect_uri: REDIRECT_WITH_PORT, code_verifier: code.verifier, client_id: clientId },
          spendsCredential: true,
        });
        expectStatus(exchanged, 200, "code exchange");
        record.codeExchanges++;
        tokens = JSON.parse(exchanged.text);
        record.refreshToken = tokens!.refresh_token;
        record.previousRefreshToken = null;
        record.rotationsInFinalFamily = 0;
      } catch (error) {
        if (!(error instanceof AmbiguousOutcome)) throw error;
        record.ambiguousExchanges++;
        continue;
      }

      // 6. Gateway calls and rotations.
      for (let r = 0; r <= settings.rotations && tokens; r++) {
        await callWhoami(ctx, settings.org, tokens.access_token, clientId, next(), base.deadline);
        record.gatewayCalls++;
        if (r === settings.rotations) break;
        try {
          const refreshed = await soakRequest(ctx, next(), {
            ...base,
            step: "token (refresh)",
            path: `${issuerPath}/api/v1/oauth/token`,
            form: { grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: clientId },
            spendsCredential: true,
          });
          if (refreshed.status !== 200) {
            record.refusedRefreshes.push(`${refreshed.status} ${refreshed.text.slice(0, 200)}`);
            tokens = null;
            break;
          }
          const rotated = JSON.parse(refreshed.text) as { access_token: string; refresh_token: string };
          record.previousRefreshToken = tokens.refresh_token;
          record.refreshToken = rotated.refresh_token;
          record.rotationsInFinalFamily++;
          tokens = rotated;
        } catch (error) {
          if (!(error instanceof AmbiguousOutcome)) throw error;
          record.ambiguousRefreshes++;
          tokens = null;
        }
      }
    }
    record.completed = true;
  } catch (error) {
    record.error = error instanceof Error ? error.message : String(error);
  }
  return record;
}

/** next-auth's credentials sign-in as the sign-in form posts it: its CSRF cookie and token, then the form. */
async function signIn(ctx: SoakContext, cookies: CookieJar, settings: FlowSettings, next: () => number, deadline: number): Promise<void> {
  for (;;) {
    const csrf = await soakRequest(ctx, next(), { step: "sign-in (csrf)", path: "/api/auth/csrf", cookies, deadline });
    expectStatus(csrf, 200, "sign-in csrf");
    const answer = await soakRequest(ctx, next(), {
      step: "sign-in",
      path: "/api/auth/callback/credentials",
      form: { csrfToken: String(JSON.parse(csrf.text).csrfToken), email: settings.owner.email, password: settings.owner.password, callbackUrl: "/", json: "true" },
      cookies,
      deadline,
    });
    if (cookies.has("next-auth.session-token")) return;
    // next-auth answers a failed sign-in with a redirect to the sign-in page and `?error=`.
    // With `json=true` it puts that URL in a JSON body instead (status 401 on failure).
    const target = answer.headers.get("location") ?? String(safeJson(answer.text)?.url ?? "");
    const reason = new URL(target, "http://soak.invalid").searchParams.get("error") ?? "";
    if (reason === "CredentialsSignin") throw new Error("sign-in: the owner's password was refused");
    ctx.stats.failed(`sign-in answered ${answer.status} with an error (not 503)`, `sign-in: ${reason.replace(/\s+/g, " ").slice(0, 240) || answer.text.slice(0, 200)}`);
    if (performance.now() > deadline) throw new Error(`sign-in did not succeed before the deadline: ${reason}`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

/** The authorization request, and the consent screen's approval when no grant covers it yet. Returns a code and its verifier. */
async function authorize(ctx: SoakContext, cookies: CookieJar, org: string, clientId: string, next: () => number, deadline: number): Promise<{ code: string; verifier: string }> {
  const verifier = randomBytes(32).toString("base64url");
  const state = randomBytes(12).toString("base64url");
  const query = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: REDIRECT_WITH_PORT,
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
    state,
    scope: "mcp:tools",
  }).toString();
  const answer = await soakRequest(ctx, next(), { step: "authorize", path: `/orgs/${org}/api/v1/oauth/authorize?${query}`, cookies, deadline });
  let location = redirectTarget(answer, "authorize");
  if (location.pathname === `/orgs/${org}/consent`) {
    const page = await soakRequest(ctx, next(), { step: "consent page", path: `${location.pathname}${location.search}`, cookies, deadline });
    expectStatus(page, 200, "consent page");
    const field = (name: string) => {
      const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(page.text);
      if (!match) throw new Error(`consent page: no ${name} field`);
      return decodeHtml(match[1]!);
    };
    const approved = await soakRequest(ctx, next(), {
      step: "consent (allow)",
      path: `/orgs/${org}/api/v1/oauth/authorize`,
      form: { query: field("query"), csrf: field("csrf"), decision: "allow" },
      cookies,
      deadline,
    });
    location = redirectTarget(approved, "consent");
  }
  if (`${location.origin}${location.pathname}` !== REDIRECT_WITH_PORT) throw new Error(`authorize: sent to ${location.href}, not to the client`);
  const code = location.searchParams.get("code");
  if (!code || location.searchParams.get("state") !== state) throw new Error(`authorize: no code for this state in ${location.href}`);
  return { code, verifier };
}

/** A Streamable HTTP tools/call of `whoami` through the gateway: it must name this flow's client. */
async function callWhoami(ctx: SoakContext, org: string, accessToken: string, clientId: string, instance: number, deadline: number): Promise<void> {
  const answer = await soakRequest(ctx, instance, {
    step: "gateway tools/call",
    path: `/mcp/${org}/demo`,
    json: { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "whoami", arguments: {} } },
    headers: { accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-06-18", authorization: `Bearer ${accessToken}` },
    deadline,
  });
  expectStatus(answer, 200, "gateway tools/call");
  if (!answer.text.includes(clientId)) throw new Error(`gateway whoami did not name the client: ${answer.text.slice(0, 300)}`);
}

function redirectTarget(answer: { status: number; headers: Headers; text: string }, what: string): URL {
  const location = answer.headers.get("location");
  if (answer.status < 300 || answer.status > 399 || !location) throw new Error(`${what}: expected a redirect, got ${answer.status} ${answer.text.slice(0, 200)}`);
  return new URL(location, "http://soak.invalid");
}

function expectStatus(answer: { status: number; text: string }, status: number, what: string): void {
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status} ${answer.text.slice(0, 300)}`);
}

function decodeHtml(value: string): string {
  return value.replace(/&(amp|quot|#x27|#39|lt|gt);/g, (_, entity: string) => ({ amp: "&", quot: '"', "#x27": "'", "#39": "'", lt: "<", gt: ">" })[entity]!);
}

function safeJson(text: string): Record<string, unknown> | null {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
}
