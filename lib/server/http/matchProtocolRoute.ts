import { PROTOCOL_ROUTES, type ProtocolRoute } from "./protocolRoutes";

export interface RouteMatch {
  route: ProtocolRoute;
  params: Record<string, string>;
}

const compiled = PROTOCOL_ROUTES.map((route) => ({ route, segments: route.path.split("/").slice(1) }));

/** The protocol route for a path, with its decoded parameters, or null (then Next answers). */
export function matchProtocolRoute(pathname: string): RouteMatch | null {
  const parts = pathname.split("/").slice(1);
  for (const { route, segments } of compiled) {
    if (segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < segments.length && ok; i++) {
      const segment = segments[i]!;
      if (segment.startsWith(":")) {
        try {
          params[segment.slice(1)] = decodeURIComponent(parts[i]!);
        } catch {
          ok = false;
        }
        ok &&= parts[i] !== "";
      } else {
        ok = segment === parts[i];
      }
    }
    if (ok) return { route, params };
  }
  return null;
}
