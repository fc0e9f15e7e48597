import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { matchProtocolRoute } from "./matchProtocolRoute";
import { serveProtocolRequest } from "./serveProtocolRequest";

/**
 * The server's front door: protocol endpoints from the routing table are served directly (the lean
 * path); everything else goes to `fallback` (Next's handler in production). A failure that escapes
 * an endpoint's own error handling still gets an OAuth-shaped 500, never a stack.
 */
export function createRequestListener(origin: string, fallback: (req: IncomingMessage, res: ServerResponse) => Promise<void>): RequestListener {
  return (req, res) => {
    const pathname = (req.url ?? "/").split("?")[0]!;
    const match = matchProtocolRoute(pathname);
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
