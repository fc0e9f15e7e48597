import { randomBytes } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { stampClientAddress } from "../ratelimit/stampClientAddress";
import { contentSecurityPolicy } from "./contentSecurityPolicy";
import { matchProtocolRoute } from "./matchProtocolRoute";
import { serveProtocolRequest } from "./serveProtocolRequest";

/**
 * The server's front door: protocol endpoints from the routing table are served directly (the lean
 * path); everything else goes to `fallback` (Next's handler in production). A failure that escapes
 * an endpoint's own error handling still gets an OAuth-shaped 500, never a stack.
 *
 * For every request, first: the client's address is recorded from the socket in an internal
 * header (stampClientAddress; the rate limits read it), and over https the browser is told to stay
 * on https (HSTS, RFC 6797; Next's config headers are fixed at build time, PUBLIC_URL is not).
 * Pages get a Content-Security-Policy with a fresh nonce, set on the request too, where Next
 * reads it to put the nonce on its scripts (contentSecurityPolicy). A page that fails while the
 * database is unreachable answers 503 with Retry-After instead of 500.
 */
export function createRequestListener(
  origin: string,
  fallback: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  options: {
    trustProxyHops?: number;
    /**
     * True while the database is known to be unreachable (the change feed lost its connection).
     * A page that fails then answers 503 with Retry-After, not a 500: a person or a client should
     * retry, nothing is broken.
     */
    databaseUnreachable?: () => boolean;
  } = {},
): RequestListener {
  const hsts = origin.startsWith("https://");
  return (req, res) => {
    stampClientAddress(req, options.trustProxyHops);
    if (hsts) res.setHeader("strict-transport-security", "max-age=31536000");
    const pathname = (req.url ?? "/").split("?")[0]!;
    const match = matchProtocolRoute(pathname);
    if (!match) {
      const policy = contentSecurityPolicy(randomBytes(16).toString("base64"));
      req.headers["content-security-policy"] = policy;
      // Added when the headers go out, and only if the route set none: Next never replaces a header
      // already on the response, and the authorization error page sends a stricter policy of its own.
      const writeHead = res.writeHead;
      res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
        if (!this.hasHeader("content-security-policy")) this.setHeader("content-security-policy", policy);
        if (args[0] === 500 && options.databaseUnreachable?.()) {
          args[0] = 503;
          this.setHeader("retry-after", "5");
        }
        return writeHead.apply(this, args);
      } as ServerResponse["writeHead"];
    }
    const served = match ? serveProtocolRequest(req, res, match, origin) : fallback(req, res);
    served.catch((error: unknown) => {
      console.error(`[gatehouse] unhandled error on ${req.method} ${pathname}`, error);
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json", "cache-control": "no-store" });
        res.end(JSON.stringify({ error: "server_error", error_description: "An internal error occurred." }));
      } else {
        res.destroy();
      }
    });
  };
}
