import type { LoadSpec } from "../lib/measureLoad";

/** One load to measure: which server's CPU counts, and what to send. */
export interface Scenario {
  id: string;
  label: string;
  system: "gatehouse" | "peer" | "upstream";
  spec: LoadSpec;
}

export const FORM = { "content-type": "application/x-www-form-urlencoded" };

/** A POST whose body changes per request (a fresh code or token from a pool). */
export function pooledPost(url: string, connections: number, headers: Record<string, string>, body: () => string): LoadSpec {
  const { origin, pathname } = new URL(url);
  return {
    url: origin,
    connections,
    requests: [{ method: "POST", path: pathname, headers, setupRequest: (request) => ({ ...request, body: body() }) }],
  };
}
