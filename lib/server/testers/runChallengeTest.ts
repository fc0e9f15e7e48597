import { isIP } from "node:net";
import { isPublicIpAddress } from "@/lib/oauth/cimd/isPublicIpAddress";
import { resolveHostAddresses } from "../cimd/resolveHostAddresses";
import { type ParsedChallenge, parseWwwAuthenticate } from "@/lib/mcp/challenge/parseWwwAuthenticate";
import { authorizationServerMetadataUrlOf, type ChallengeCheck, runChallengeChecks } from "./challengeChecks";

export interface FetchedDocument {
  url: string;
  status: number | null;
  /** The JSON body, or null when it was not JSON or could not be fetched. */
  json: Record<string, unknown> | null;
  /** Why it could not be fetched or read. */
  error: string | null;
}

export interface ChallengeTestResult {
  resourceUrl: string;
  status: number | null;
  headers: Record<string, string>;
  body: string;
  error: string | null;
  challenge: ParsedChallenge | null;
  resourceMetadata: FetchedDocument | null;
  authorizationServerMetadata: FetchedDocument | null;
  checks: ChallengeCheck[];
}

const TIMEOUT_MS = 5000;
const MAX_BODY = 64 * 1024;

const INITIALIZE = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "gatehouse-challenge-tester", version: "1.0.0" } },
};

/**
 * The SSRF rule: http(s) only, and every address the host resolves to must be public, unless the
 * URL is on our own public origin (the gateway, which the server may reach over loopback).
 */
export async function refuseUnsafeUrl(url: string, ownOrigin: string, resolve: (host: string) => Promise<string[]> = resolveHostAddresses): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "Not a URL";
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return "Only http and https URLs are fetched";
  if (parsed.origin === new URL(ownOrigin).origin) return null;
  if (parsed.protocol !== "https:") return "A server hosted elsewhere is fetched over https only";
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    return `Cannot resolve ${host}`;
  }
  if (addresses.length === 0 || !addresses.every(isPublicIpAddress)) return `${host} is a private, loopback or reserved address: not fetched`;
  return null;
}

async function guardedFetch(url: string, ownOrigin: string, init: RequestInit): Promise<{ response: Response; body: string } | { error: string }> {
  const refused = await refuseUnsafeUrl(url, ownOrigin);
  if (refused) return { error: refused };
  try {
    const response = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS) });
    const body = (await response.text()).slice(0, MAX_BODY);
    return { response, body };
  } catch (error) {
    return { error: error instanceof Error && error.name === "TimeoutError" ? "Timed out" : "The request failed (connection refused, TLS or DNS error)" };
  }
}

async function fetchDocument(url: string, ownOrigin: string): Promise<FetchedDocument> {
  const result = await guardedFetch(url, ownOrigin, { headers: { accept: "application/json" } });
  if ("error" in result) return { url, status: null, json: null, error: result.error };
  let json: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = JSON.parse(result.body);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  return { url, status: result.response.status, json, error: json ? null : `Answered ${result.response.status} without a JSON object` };
}

/**
 * Does what an MCP client does first: POSTs an initialize request without a token to the resource,
 * reads the challenge, fetches the resource metadata it names, then the authorization server's
 * metadata (RFC 8414 path-insertion URL of authorization_servers[0]); then runs the checks.
 */
export async function runChallengeTest(resourceUrl: string, ownOrigin: string): Promise<ChallengeTestResult> {
  const first = await guardedFetch(resourceUrl, ownOrigin, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify(INITIALIZE),
  });
  const status = "error" in first ? null : first.response.status;
  const headers: Record<string, string> = {};
  if (!("error" in first)) first.response.headers.forEach((value, name) => (headers[name] = value));
  const challenge = parseWwwAuthenticate(headers["www-authenticate"]);
  const metadataUrl = challenge?.params.resource_metadata;
  const resourceMetadata = metadataUrl ? await fetchDocument(metadataUrl, ownOrigin) : null;
  const issuer = (resourceMetadata?.json?.authorization_servers as unknown[] | undefined)?.[0];
  const asUrl = typeof issuer === "string" ? authorizationServerMetadataUrlOf(issuer) : null;
  const authorizationServerMetadata = asUrl ? await fetchDocument(asUrl, ownOrigin) : null;
  const checks = runChallengeChecks({
    resourceUrl,
    status: status ?? 0,
    headers,
    challenge,
    resourceMetadata: resourceMetadata?.json ?? null,
    authorizationServerMetadata: authorizationServerMetadata?.json ?? null,
  });
  return {
    resourceUrl,
    status,
    headers,
    body: "error" in first ? "" : first.body,
    error: "error" in first ? first.error : null,
    challenge,
    resourceMetadata,
    authorizationServerMetadata,
    checks,
  };
}
