/**
 * The client id a request names (form or Basic), for the audit log and rate limits only: it proves
 * nothing. Control characters become "?": a NUL would make the audit row unwritable in PostgreSQL.
 */
export function presentedClientId(authorization: string | null, form: URLSearchParams): string | null {
  const id = readPresentedClientId(authorization, form);
  return id === null ? null : id.replace(/[\x00-\x1f\x7f]/g, "?");
}

function readPresentedClientId(authorization: string | null, form: URLSearchParams): string | null {
  const fromForm = form.get("client_id");
  if (fromForm) return fromForm.slice(0, 300);
  const basic = /^basic +([A-Za-z0-9+/]+={0,2})$/i.exec(authorization ?? "");
  if (!basic) return null;
  const decoded = Buffer.from(basic[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  try {
    return colon > 0 ? decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, " ")).slice(0, 300) : null;
  } catch {
    return null;
  }
}
