/** A request's body and content type from a form or a JSON value (neither: no body). */
export function encodeRequestBody(init: { form?: Record<string, string>; json?: unknown }): { contentType?: string; body?: string } {
  if (init.form) return { contentType: "application/x-www-form-urlencoded", body: new URLSearchParams(init.form).toString() };
  if (init.json !== undefined) return { contentType: "application/json", body: JSON.stringify(init.json) };
  return {};
}
