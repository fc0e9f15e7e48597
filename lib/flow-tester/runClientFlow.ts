import * as oauth from "oauth4webapi";
import { parseWwwAuthenticate } from "@/lib/mcp/challenge/parseWwwAuthenticate";
import { FlowFailure } from "./FlowFailure";
import type { FlowExchange, FlowStep, FlowStepId } from "./FlowStep";
import { readJsonRpcAnswer } from "./readJsonRpcAnswer";
import { redactSecrets } from "./redactSecrets";

export interface ClientFlowInput {
  /** The server's RFC 8707 resource identifier. */
  resource: string;
  /** Where the unauthenticated request goes: the gateway URL, or the challenge URL of a server hosted elsewhere. */
  probeUrl: string;
  /** The gateway URL the MCP calls go to; null for a server hosted elsewhere (no MCP calls). */
  gatewayUrl: string | null;
  /** A page on the portal's origin that posts the authorization response back. */
  redirectUri: string;
  /** The scopes to ask for (the server's default scopes). */
  scopes: readonly string[];
  clientName: string;
}

export interface ClientFlowPorts {
  fetch: typeof fetch;
  /** Shows the authorization URL to the user; resolves with the URL the redirect arrived at. */
  authorize(authorizationUrl: string, state: string): Promise<string>;
  /** Called with the whole list whenever a step changes. */
  onUpdate(steps: FlowStep[]): void;
}

const TITLES: Record<FlowStepId, string> = {
  challenge: "Unauthenticated request",
  "resource-metadata": "Protected resource metadata (RFC 9728)",
  "authorization-server-metadata": "Authorization server metadata (RFC 8414)",
  registration: "Dynamic client registration (RFC 7591)",
  authorization: "Authorization in a popup (PKCE S256, RFC 9207)",
  token: "Token request",
  initialize: "MCP initialize",
  initialized: "MCP notifications/initialized",
  "tools-list": "MCP tools/list",
  cleanup: "Clean up: delete the test client (RFC 7592)",
};

const MCP_PROTOCOL_VERSION = "2025-11-25";
const MCP_ACCEPT = "application/json, text/event-stream";
const CLIENT_INFO = { name: "gatehouse-flow-tester", version: "1.0.0" };

const headersOf = (headers: Headers) => Object.fromEntries([...headers.entries()]);

function requestHeaders(init: RequestInit | undefined): Record<string, string> {
  return headersOf(new Headers(init?.headers));
}

/** Why a request or oauth4webapi check failed, in one line, with what a client does next. */
function explain(error: unknown): FlowFailure {
  if (error instanceof FlowFailure) return error;
  if (error instanceof oauth.ResponseBodyError) {
    return new FlowFailure(`${error.status} ${error.error}${error.error_description ? `: ${error.error_description}` : ""}`, "A client shows this error and stops; fix what it names and run the flow again.");
  }
  if (error instanceof oauth.AuthorizationResponseError) {
    return new FlowFailure(
      `The authorization server answered ${error.error}${error.error_description ? `: ${error.error_description}` : ""}`,
      error.error === "access_denied" ? "Access was denied in the consent screen; a client tells the user and stops." : "A client shows this error and stops.",
    );
  }
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    return new FlowFailure(`Refused with a challenge: ${error.response.headers.get("www-authenticate") ?? error.message}`, "A client would authorize again.");
  }
  if (error instanceof oauth.OperationProcessingError) {
    return new FlowFailure(`oauth4webapi refused the answer: ${error.message}`, "A conforming client refuses it too and stops.");
  }
  if (error instanceof TypeError) {
    return new FlowFailure(
      "The browser could not complete the request: a network error, or refused by CORS or by this page's Content-Security-Policy (connect-src 'self').",
      "A browser-based client would stop here. Check that you opened the portal at its public URL (PUBLIC_URL) and that the server is reachable.",
    );
  }
  return new FlowFailure(error instanceof Error ? error.message : String(error), "A client would stop here.");
}

function decodeJwtPayload(token: string): Record<string, unknown> | null {
  const payload = token.split(".")[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The whole flow of an MCP client against one server, as the MCP authorization spec (2025-11-25)
 * describes it: the unauthenticated request and its 401 challenge, protected resource metadata
 * (RFC 9728), authorization server metadata (RFC 8414), dynamic registration of a public client
 * (RFC 7591), the authorization code flow with PKCE S256, `state`, the `resource` indicator (RFC
 * 8707) and the `iss` check (RFC 9207), the token request, then MCP `initialize`,
 * `notifications/initialized` and `tools/list` over Streamable HTTP with the token. The OAuth
 * steps use oauth4webapi, so its checks are those of a strict client. Last, the run deletes the
 * client it registered (RFC 7592 §2.3, with the registration access token of the registration
 * response), which takes the grant and tokens of the run with it: runs leave nothing behind, on
 * success or failure, unless the server issued no registration access token (the step says so).
 *
 * Every request is recorded (secrets cut to a prefix) on the step that made it; the first failing
 * step says why and what a client would do next, and the steps after it are skipped. Never throws.
 */
export async function runClientFlow(input: ClientFlowInput, ports: ClientFlowPorts): Promise<FlowStep[]> {
  let steps: FlowStep[] = (Object.keys(TITLES) as FlowStepId[]).map((id) => ({ id, title: TITLES[id], status: "pending", exchanges: [] }));
  let current: FlowStepId = "challenge";
  const update = (id: FlowStepId, change: (step: FlowStep) => FlowStep) => {
    steps = steps.map((step) => (step.id === id ? change(step) : step));
    ports.onUpdate(steps);
  };
  const record = (exchange: FlowExchange): number => {
    let index = 0;
    update(current, (step) => {
      index = step.exchanges.length;
      return { ...step, exchanges: [...step.exchanges, redactSecrets(exchange)] };
    });
    return index;
  };
  const answer = (index: number, exchange: FlowExchange) => {
    update(current, (step) => ({ ...step, exchanges: step.exchanges.map((e, i) => (i === index ? redactSecrets(exchange) : e)) }));
  };

  /** fetch, recorded on the current step; also given to oauth4webapi as its customFetch. */
  const recordedFetch = async (url: string, init?: RequestInit): Promise<Response> => {
    const request = { method: init?.method ?? "GET", url, headers: requestHeaders(init), body: typeof init?.body === "string" ? init.body : init?.body instanceof URLSearchParams ? init.body.toString() : undefined };
    const index = record({ request });
    let response: Response;
    try {
      response = await ports.fetch(url, init);
    } catch (error) {
      answer(index, { request, response: { status: null, headers: {}, body: "No answer: the browser refused the request or the network failed." } });
      throw error;
    }
    const body = await response.clone().text();
    answer(index, { request, response: { status: response.status, headers: headersOf(response.headers), body } });
    return response;
  };
  const insecure = new URL(input.resource).protocol === "http:" || new URL(input.probeUrl).protocol === "http:";
  const options = { [oauth.customFetch]: recordedFetch, [oauth.allowInsecureRequests]: insecure };

  const run = async <T>(id: FlowStepId, body: () => Promise<{ value: T; summary: string }>): Promise<T> => {
    current = id;
    update(id, (step) => ({ ...step, status: "running" }));
    try {
      const { value, summary } = await body();
      update(id, (step) => ({ ...step, status: "passed", summary }));
      return value;
    } catch (error) {
      const failure = explain(error);
      update(id, (step) => ({ ...step, status: "failed", summary: failure.message, next: failure.next }));
      throw failure;
    }
  };

  /** What the cleanup needs, once a client is registered. */
  let registered: { clientId: string; configurationUri?: string; accessToken?: string } | undefined;

  try {
    const challenge = await run("challenge", async () => {
      const response = await recordedFetch(input.probeUrl, {
        method: "POST",
        headers: { "content-type": "application/json", accept: MCP_ACCEPT },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: MCP_PROTOCOL_VERSION, capabilities: {}, clientInfo: CLIENT_INFO } }),
      });
      if (response.status !== 401) throw new FlowFailure(`Expected 401 without a token, got ${response.status}.`, "A client does not start authorization; the server must answer 401 with a Bearer challenge (RFC 6750 §3).");
      const parsed = parseWwwAuthenticate(response.headers.get("www-authenticate"));
      if (!parsed) throw new FlowFailure("The 401 has no WWW-Authenticate header the browser may read.", "A client falls back to the RFC 9728 well-known URL; a browser client needs Access-Control-Expose-Headers: WWW-Authenticate.");
      if (parsed.scheme.toLowerCase() !== "bearer") throw new FlowFailure(`The challenge uses ${parsed.scheme}, not Bearer.`, "A client cannot tell that OAuth is expected and stops.");
      const metadataUrl = parsed.params.resource_metadata;
      if (!metadataUrl) throw new FlowFailure("The challenge names no resource_metadata.", "A client falls back to the RFC 9728 well-known URL derived from the resource URL.");
      const where = input.gatewayUrl ? "" : " (the challenge URL: the server itself is hosted elsewhere)";
      return { value: { metadataUrl, scope: parsed.params.scope }, summary: `401 with a Bearer challenge naming resource_metadata${parsed.params.scope ? ` and scope "${parsed.params.scope}"` : ""}${where}.` };
    });

    const resourceServer = await run("resource-metadata", async () => {
      const response = await recordedFetch(challenge.metadataUrl, { headers: { accept: "application/json" } });
      const metadata = await oauth.processResourceDiscoveryResponse(new URL(input.resource), response);
      const issuer = metadata.authorization_servers?.[0];
      if (!issuer) throw new FlowFailure("The metadata lists no authorization_servers.", "A client has no authorization server to go to and stops.");
      return { value: { issuer }, summary: `resource is ${input.resource}; authorization server ${issuer}.` };
    });

    const as = await run("authorization-server-metadata", async () => {
      const issuer = new URL(resourceServer.issuer);
      const metadata = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: "oauth2", ...options }));
      if (!metadata.code_challenge_methods_supported?.includes("S256")) throw new FlowFailure("code_challenge_methods_supported does not include S256.", "MCP clients refuse to go on without PKCE S256.");
      if (!metadata.authorization_endpoint || !metadata.token_endpoint) throw new FlowFailure("The metadata lacks the authorization or token endpoint.", "A client cannot run the code flow and stops.");
      return { value: metadata, summary: `issuer matches; PKCE S256${metadata.registration_endpoint ? "; open registration" : ""}${metadata.client_id_metadata_document_supported ? "; Client ID Metadata Documents" : ""}.` };
    });

    const client = await run("registration", async () => {
      if (!as.registration_endpoint) {
        throw new FlowFailure(
          "The metadata has no registration_endpoint: open registration is off.",
          as.client_id_metadata_document_supported ? "A client would use a Client ID Metadata Document URL as its client_id. Turn open registration on in Settings to run this test." : "A client needs a client_id from an admin. Turn open registration on in Settings to run this test.",
        );
      }
      const information = await oauth.processDynamicClientRegistrationResponse(
        await oauth.dynamicClientRegistrationRequest(
          as,
          { client_name: input.clientName, redirect_uris: [input.redirectUri], token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"], response_types: ["code"] },
          options,
        ),
      );
      registered = {
        clientId: information.client_id,
        configurationUri: typeof information.registration_client_uri === "string" ? information.registration_client_uri : undefined,
        accessToken: typeof information.registration_access_token === "string" ? information.registration_access_token : undefined,
      };
      return { value: { client_id: information.client_id, token_endpoint_auth_method: "none" } as oauth.Client, summary: `Registered the public client ${information.client_id}.` };
    });

    const callback = await run("authorization", async () => {
      const verifier = oauth.generateRandomCodeVerifier();
      const state = oauth.generateRandomState();
      const url = new URL(as.authorization_endpoint!);
      url.search = new URLSearchParams({
        response_type: "code",
        client_id: client.client_id,
        redirect_uri: input.redirectUri,
        scope: input.scopes.join(" "),
        state,
        code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
        code_challenge_method: "S256",
        resource: input.resource,
      }).toString();
      const request = { method: "GET", url: url.href, headers: {} };
      const index = record({ request, note: "Opened in a popup window: sign in if asked, then answer the consent screen." });
      const answered = await ports.authorize(url.href, state);
      answer(index, { request, response: { status: null, headers: { location: answered } }, note: "The popup was redirected to the callback page, which handed this URL back." });
      const params = oauth.validateAuthResponse(as, client, new URL(answered), state);
      return { value: { params, verifier }, summary: "Consent given; the code came back with the same state and the issuer's iss (RFC 9207)." };
    });

    const accessToken = await run("token", async () => {
      const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), callback.params, input.redirectUri, callback.verifier, { additionalParameters: { resource: input.resource }, ...options });
      const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
      const claims = decodeJwtPayload(tokens.access_token);
      const audience = claims?.aud;
      if (claims && !(audience === input.resource || (Array.isArray(audience) && audience.includes(input.resource)))) {
        throw new FlowFailure(`The access token's aud is ${JSON.stringify(audience)}, not the resource.`, "The MCP server must refuse it (RFC 8707, audience check); the authorization server should bind the token to the resource.");
      }
      const scope = tokens.scope ?? (typeof claims?.scope === "string" ? claims.scope : "");
      return { value: tokens.access_token, summary: `A ${tokens.token_type} token for ${input.resource}${scope ? ` with scope "${scope}"` : ""}${tokens.expires_in ? `, valid ${tokens.expires_in} s` : ""}${tokens.refresh_token ? ", and a refresh token" : ""}.` };
    });

    if (!input.gatewayUrl) {
      const reason = "Not run: this server is hosted elsewhere. The flow tester calls MCP only through the gateway, because this page may connect only to its own origin (Content-Security-Policy connect-src 'self') and another server need not allow it (CORS). Use the token with your MCP client instead.";
      for (const id of ["initialize", "initialized", "tools-list"] as const) update(id, (step) => ({ ...step, status: "skipped", next: reason }));
    } else {
      await callMcp(input.gatewayUrl, accessToken);
    }
  } catch (error) {
    if (!(error instanceof FlowFailure)) throw error;
    for (const step of steps) if (step.status === "pending" && step.id !== "cleanup") update(step.id, (s) => ({ ...s, status: "skipped", next: "Not run: an earlier step failed." }));
  } finally {
    await cleanUp();
  }
  return steps;

  /** MCP initialize, notifications/initialized and tools/list through the gateway, with the token. */
  async function callMcp(gatewayUrl: string, accessToken: string) {
    const mcpPost = async (message: Record<string, unknown>, session: { id: string | null; version: string | null }) => {
      const headers: Record<string, string> = { authorization: `Bearer ${accessToken}`, "content-type": "application/json", accept: MCP_ACCEPT };
      if (session.id) headers["mcp-session-id"] = session.id;
      if (session.version) headers["mcp-protocol-version"] = session.version;
      const response = await recordedFetch(gatewayUrl, { method: "POST", headers, body: JSON.stringify({ jsonrpc: "2.0", ...message }) });
      if (response.status === 401 || response.status === 403) {
        const challenge = parseWwwAuthenticate(response.headers.get("www-authenticate"));
        const described = challenge?.params.error ? `${challenge.params.error}${challenge.params.error_description ? `: ${challenge.params.error_description}` : ""}` : "no error named";
        throw new FlowFailure(
          `The gateway refused the token with ${response.status} (${described}).`,
          response.status === 403 ? "A client asks for the scopes the challenge names (step-up authorization) and tries again." : "A client refreshes the token or authorizes again.",
        );
      }
      return response;
    };
    const readAnswer = async (response: Response, id: number) => {
      if (response.status !== 200) throw new FlowFailure(`Expected 200, got ${response.status}.`, "A client reports the server error and stops.");
      const message = readJsonRpcAnswer(await response.text(), response.headers.get("content-type"), id);
      if (!message) throw new FlowFailure(`No JSON-RPC answer with id ${id} in the ${response.headers.get("content-type") ?? "untyped"} body.`, "A client waits for the answer, times out, and stops.");
      if (message.error) throw new FlowFailure(`JSON-RPC error ${message.error.code ?? ""}: ${message.error.message ?? "no message"}.`, "A client reports the error and stops.");
      return message.result ?? {};
    };

    const session = await run("initialize", async () => {
      const response = await mcpPost({ id: 1, method: "initialize", params: { protocolVersion: MCP_PROTOCOL_VERSION, capabilities: {}, clientInfo: CLIENT_INFO } }, { id: null, version: null });
      const result = await readAnswer(response, 1);
      const version = typeof result.protocolVersion === "string" ? result.protocolVersion : MCP_PROTOCOL_VERSION;
      const id = response.headers.get("mcp-session-id");
      const info = result.serverInfo as { name?: string; version?: string } | undefined;
      return { value: { id, version }, summary: `${info?.name ?? "The server"} ${info?.version ?? ""} speaks protocol ${version}; ${id ? `session ${id.slice(0, 8)}…` : "no Mcp-Session-Id (stateless)"}.`.replace("  ", " ") };
    });

    await run("initialized", async () => {
      const response = await mcpPost({ method: "notifications/initialized" }, session);
      if (response.status !== 202 && response.status !== 200 && response.status !== 204) throw new FlowFailure(`Expected 202 Accepted for a notification, got ${response.status}.`, "A client carries on, but the server does not follow Streamable HTTP.");
      return { value: undefined, summary: `Accepted (${response.status}).` };
    });

    await run("tools-list", async () => {
      const result = await readAnswer(await mcpPost({ id: 2, method: "tools/list", params: {} }, session), 2);
      if (!Array.isArray(result.tools)) throw new FlowFailure("The answer has no tools array.", "A client shows no tools.");
      const names = (result.tools as { name?: unknown }[]).map((tool) => String(tool.name));
      return { value: names, summary: names.length ? `${names.length} tool${names.length === 1 ? "" : "s"} this token may call: ${names.join(", ")}.` : "No tools this token may call." };
    });
  }

  /**
   * RFC 7592 §2.3: DELETE on the client configuration endpoint with the registration access token
   * removes the client, and with it (at Gatehouse) its grant, codes and refresh tokens; the access
   * token of the run then fails the grant check. Run after the flow, whether it passed or not;
   * a failure here is shown on the step and does not throw.
   */
  async function cleanUp() {
    const skip = (next: string) => update("cleanup", (step) => ({ ...step, status: "skipped", next }));
    if (!registered) return skip("Not run: no client was registered.");
    const { clientId, configurationUri, accessToken } = registered;
    if (!accessToken || !configurationUri) {
      const missing = !accessToken ? "registration_access_token" : "registration_client_uri";
      return skip(`The client ${clientId} was left: the registration response has no ${missing} (RFC 7592 §3), so this page cannot delete it. Delete it from Clients.`);
    }
    await run("cleanup", async () => {
      const response = await recordedFetch(configurationUri, { method: "DELETE", headers: { authorization: `Bearer ${accessToken}` } });
      if (response.status !== 204) throw new FlowFailure(`Expected 204 No Content, got ${response.status}: the client ${clientId} was left.`, "Delete it from Clients. A client that wants to unregister would stop here.");
      return { value: undefined, summary: `Deleted the client ${clientId}; the grant and tokens of this run went with it.` };
    }).catch((error: unknown) => {
      if (!(error instanceof FlowFailure)) throw error;
    });
  }
}
