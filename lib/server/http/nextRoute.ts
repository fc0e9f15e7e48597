import type { Endpoint } from "./oauthEndpoint";

/**
 * Adapts a web-standard endpoint to a Next.js route handler, whose params arrive as a promise.
 * The endpoint itself stays callable without Next (the lean server path).
 */
export function nextRoute<P>(endpoint: Endpoint<P>) {
  return async (request: Request, context: { params: Promise<P> }) => endpoint(request, await context.params);
}
