import type { ParsedChallenge } from "@/lib/mcp/challenge/parseWwwAuthenticate";

/**
 * The challenge tester's logic, pure: parses a WWW-Authenticate header and checks what an MCP
 * client needs from an unauthenticated answer, the protected resource metadata (RFC 9728) and the
 * authorization server metadata (RFC 8414). Each check says what a client does next.
 */

/** The RFC 8414 §3.1 metadata URL of an issuer: `/.well-known/oauth-authorization-server` inserted before its path. */
export function authorizationServerMetadataUrlOf(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return null;
  }
  const path = url.pathname === "/" ? "" : url.pathname.replace(/\/$/, "");
  return `${url.origin}/.well-known/oauth-authorization-server${path}`;
}

export interface ChallengeObservation {
  /** The URL the unauthenticated request went to (the resource identifier). */
  resourceUrl: string;
  status: number;
  /** Response headers, names lower-case. */
  headers: Record<string, string>;
  challenge: ParsedChallenge | null;
  /** The resource metadata document, when it could be fetched as JSON. */
  resourceMetadata: Record<string, unknown> | null;
  /** The authorization server metadata document, when it could be fetched as JSON. */
  authorizationServerMetadata: Record<string, unknown> | null;
}

export interface ChallengeCheck {
  id: string;
  label: string;
  passed: boolean;
  /** One line: what a client does next, given this result. */
  explanation: string;
}

const isAbsoluteHttpUrl = (value: unknown): value is string => {
  if (typeof value !== "string") return false;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
};

const stringArray = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

/** Every check, in the order a client meets them. */
export function runChallengeChecks(o: ChallengeObservation): ChallengeCheck[] {
  const resourceMetadataUrl = o.challenge?.params.resource_metadata;
  const authorizationServers = stringArray(o.resourceMetadata?.authorization_servers);
  const issuer = authorizationServers[0];
  const as = o.authorizationServerMetadata;
  const exposed = (o.headers["access-control-expose-headers"] ?? "").split(",").map((h) => h.trim().toLowerCase());
  const bearer = o.challenge?.scheme.toLowerCase() === "bearer";
  return [
    {
      id: "status",
      label: "Answers 401 without a token",
      passed: o.status === 401,
      explanation: o.status === 401 ? "The client knows it must authorize and reads WWW-Authenticate." : `Got ${o.status}: a client does not start authorization (expected 401 Unauthorized).`,
    },
    {
      id: "bearer",
      label: "WWW-Authenticate uses the Bearer scheme",
      passed: bearer,
      explanation: bearer ? "The client will get an OAuth access token and send it as a Bearer token." : "No Bearer challenge: the client cannot tell that OAuth is expected.",
    },
    {
      id: "resource_metadata",
      label: "The challenge names resource_metadata as an absolute URL",
      passed: isAbsoluteHttpUrl(resourceMetadataUrl),
      explanation: isAbsoluteHttpUrl(resourceMetadataUrl)
        ? "The client fetches the protected resource metadata (RFC 9728) from it."
        : "Without it the client has to guess the RFC 9728 well-known URL from the resource URL.",
    },
    {
      id: "metadata_resource",
      label: "The metadata's resource equals the URL",
      passed: o.resourceMetadata?.resource === o.resourceUrl,
      explanation:
        o.resourceMetadata?.resource === o.resourceUrl
          ? "The client trusts the metadata and uses it as the resource parameter (RFC 8707)."
          : `The metadata says ${JSON.stringify(o.resourceMetadata?.resource ?? null)}: a client must reject metadata for another resource (RFC 9728 §3.3).`,
    },
    {
      id: "authorization_servers",
      label: "The metadata lists authorization_servers",
      passed: authorizationServers.length > 0,
      explanation: authorizationServers.length > 0 ? `The client uses ${authorizationServers[0]} as its authorization server.` : "No authorization server: the client cannot go on.",
    },
    {
      id: "issuer",
      label: "The authorization server metadata's issuer equals it",
      passed: issuer !== undefined && as?.issuer === issuer,
      explanation:
        issuer !== undefined && as?.issuer === issuer
          ? "The client accepts the metadata (RFC 8414 §3.3) and finds its endpoints there."
          : "A missing or different issuer: the client must reject the metadata (RFC 8414 §3.3) and stops.",
    },
    {
      id: "s256",
      label: "code_challenge_methods_supported includes S256",
      passed: stringArray(as?.code_challenge_methods_supported).includes("S256"),
      explanation: stringArray(as?.code_challenge_methods_supported).includes("S256")
        ? "The client uses PKCE with S256."
        : "MCP clients refuse to go on when the server does not advertise PKCE S256.",
    },
    {
      id: "registration",
      label: "registration_endpoint or Client ID Metadata Documents supported",
      passed: typeof as?.registration_endpoint === "string" || as?.client_id_metadata_document_supported === true,
      explanation:
        typeof as?.registration_endpoint === "string" || as?.client_id_metadata_document_supported === true
          ? "The client can identify itself: by its metadata document URL, or by registering (RFC 7591)."
          : "A client without a pre-registered client_id has no way to get one.",
    },
    {
      id: "expose_headers",
      label: "Access-Control-Expose-Headers includes WWW-Authenticate",
      passed: exposed.includes("www-authenticate") || exposed.includes("*"),
      explanation:
        exposed.includes("www-authenticate") || exposed.includes("*")
          ? "A browser-based client (e.g. the MCP Inspector) can read the challenge."
          : "A browser-based client cannot read the challenge and cannot find the metadata.",
    },
  ];
}
