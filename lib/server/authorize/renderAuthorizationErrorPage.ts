import type { OAuthError } from "@/lib/oauth/errors/OAuthError";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page a person sees when an authorization request cannot be answered to the client (RFC 6749
 * §4.1.2.1: unknown client or unregistered redirect URI), so nothing is sent to an unverified URI.
 */
export function renderAuthorizationErrorPage(error: OAuthError): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Authorization failed · Gatehouse</title>
<style>body{font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a;margin:0;display:grid;place-items:center;min-height:100vh}
main{background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:2rem;max-width:32rem;margin:1rem}
h1{font-size:1.25rem;margin:0 0 .75rem}code{background:#f1f5f9;padding:.1rem .3rem;border-radius:4px}p{line-height:1.5;color:#334155}</style>
</head><body><main role="alert">
<h1>This application's sign-in request cannot be completed</h1>
<p>${escape(error.description)}.</p>
<p>Error code: <code>${escape(error.error)}</code>. You were not sent back to the application because its request could not be verified. Close this window and contact the application's developer.</p>
</main></body></html>`;
  return new Response(html, {
    status: error.status === 401 ? 400 : error.status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      "x-frame-options": "DENY",
      "referrer-policy": "no-referrer",
    },
  });
}
