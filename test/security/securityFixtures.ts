import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { authorizeAs } from "../support/authorizeAs";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { startTestServer, type TestServer } from "../support/startTestServer";

/** The attack suite's world: one server over a fresh database, one org, its issuer and demo resource. */
export interface World {
  server: TestServer;
  org: SeededOrg;
  issuer: string;
  /** The org's default resource: the built-in demo MCP server. */
  demo: string;
  endpoint(name: "token" | "introspect" | "revoke" | "register" | "jwks" | "authorize"): string;
  owner: { id: string; email: string };
}

/** Starts the server before the file's tests and closes it after; the returned object fills in then. */
export function setUpWorld(env: Record<string, string> = {}): World {
  const world = {} as World;
  beforeAll(async () => {
    world.server = await startTestServer(env);
    world.org = await seedOrg(world.server.db.prisma);
    world.issuer = `${world.server.origin}/orgs/${world.org.slug}`;
    world.demo = `${world.server.origin}/mcp/${world.org.slug}/demo`;
    world.endpoint = (name) => `${world.issuer}/api/v1/oauth/${name}`;
    world.owner = { id: world.org.ownerId, email: world.org.ownerEmail };
  });
  afterAll(() => world.server?.close());
  return world;
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  /** Parsed JSON, the text when not JSON, or null for an empty body. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function answer(response: Response): Promise<HttpAnswer> {
  const text = await response.text();
  let body: unknown = text === "" ? null : text;
  try {
    body = text === "" ? null : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body };
}

/** POSTs an application/x-www-form-urlencoded body. */
export async function postForm(url: string, fields: Record<string, string> | string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  const body = typeof fields === "string" ? fields : new URLSearchParams(fields).toString();
  return answer(await fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body }));
}

export async function postJson(url: string, json: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return answer(await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(json) }));
}

export const basic = (id: string, secret: string) => ({
  authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`,
});

export interface Registered {
  client_id: string;
  client_secret?: string;
}

export const LOOPBACK_REDIRECT = "http://127.0.0.1/callback";

/** Registers a client through the open registration endpoint (public and with refresh tokens unless told otherwise). */
export async function registerClient(world: World, metadata: Record<string, unknown> = {}): Promise<Registered> {
  const response = await postJson(world.endpoint("register"), {
    client_name: "Attack suite client",
    redirect_uris: [LOOPBACK_REDIRECT],
    token_endpoint_auth_method: "none",
    grant_types: ["authorization_code", "refresh_token"],
    ...metadata,
  });
  if (response.status !== 201) throw new Error(`registration failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export function pkcePair() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export interface IssuedCode {
  code: string;
  verifier: string;
  redirectUri: string;
  state: string;
  /** The full redirect the client received. */
  location: URL;
}

/** The user approves the client's request (the consent POST's server side); returns the code it received. */
export async function obtainCode(
  world: World,
  clientId: string,
  options: { scope?: string; resource?: string; redirectUri?: string; user?: { id: string; email: string } } = {},
): Promise<IssuedCode> {
  const { verifier, challenge } = pkcePair();
  const state = randomBytes(8).toString("hex");
  const redirectUri = options.redirectUri ?? `http://127.0.0.1:${40000 + Math.floor(Math.random() * 20000)}/callback`;
  const location = await authorizeAs(options.user ?? world.owner, world.org.slug, {
    response_type: "code",
    client_id: clientId,
    redirect_uri: redirectUri,
    code_challenge: challenge,
    code_challenge_method: "S256",
    state,
    scope: options.scope ?? "mcp:tools",
    resource: options.resource ?? world.demo,
  });
  const code = location.searchParams.get("code");
  if (!code) throw new Error(`no code: ${location.href}`);
  return { code, verifier, redirectUri, state, location };
}

/** Exchanges a code at the token endpoint (public client unless `headers` authenticate it). */
export function exchangeCode(world: World, clientId: string, issued: IssuedCode, extra: Record<string, string> = {}, headers: Record<string, string> = {}) {
  return postForm(
    world.endpoint("token"),
    { grant_type: "authorization_code", client_id: clientId, code: issued.code, redirect_uri: issued.redirectUri, code_verifier: issued.verifier, ...extra },
    headers,
  );
}

/** A complete login: code, then tokens. */
export async function obtainTokens(world: World, clientId: string, options: Parameters<typeof obtainCode>[2] = {}) {
  const issued = await obtainCode(world, clientId, options);
  const response = await exchangeCode(world, clientId, issued, options.resource ? { resource: options.resource } : {});
  if (response.status !== 200) throw new Error(`code exchange failed: ${JSON.stringify(response.body)}`);
  return response.body as { access_token: string; refresh_token: string; scope: string };
}

export function refresh(world: World, clientId: string, refreshToken: string, extra: Record<string, string> = {}, headers: Record<string, string> = {}) {
  return postForm(world.endpoint("token"), { grant_type: "refresh_token", client_id: clientId, refresh_token: refreshToken, ...extra }, headers);
}

/** Introspects as a public client (which sees only its own tokens) or with `headers`. */
export function introspect(world: World, token: string, caller: { clientId?: string; headers?: Record<string, string> }) {
  return postForm(world.endpoint("introspect"), { token, ...(caller.clientId ? { client_id: caller.clientId } : {}) }, caller.headers ?? {});
}
