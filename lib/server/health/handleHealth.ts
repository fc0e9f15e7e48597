import { checkReadiness } from "./checkReadiness";

const headers = { "content-type": "application/json", "cache-control": "no-store" };

/** GET /api/health/live: the process answers. Never touches the database. */
export async function handleLiveness(): Promise<Response> {
  return new Response(JSON.stringify({ status: "ok" }), { headers });
}

/** GET /api/health and /api/health/ready: 200 when the database answers, else 503 with Retry-After. */
export async function handleReadiness(): Promise<Response> {
  const readiness = await checkReadiness();
  return new Response(JSON.stringify({ status: readiness.ready ? "ok" : "unavailable", live: true, ...readiness }), {
    status: readiness.ready ? 200 : 503,
    headers: readiness.ready ? headers : { ...headers, "retry-after": "5" },
  });
}
