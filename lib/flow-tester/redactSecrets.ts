import type { FlowExchange } from "./FlowStep";

/** Members and parameters that carry a credential (RFC 6749, 7591, 7636): shown as a prefix only. */
const SECRET_NAMES = new Set(["access_token", "refresh_token", "id_token", "code", "code_verifier", "client_secret", "registration_access_token"]);
const SHOWN = 8;

const prefixOf = (value: string) => (value.length <= SHOWN ? "…" : `${value.slice(0, SHOWN)}… (${value.length} characters, redacted)`);

/** Query or form parameters, rewritten as display text (the result is for reading, not for sending). */
function redactParams(text: string): string {
  return text.replace(/([?&]|^)([^=&#]+)=([^&#]*)/g, (whole, lead: string, name: string, value: string) => {
    let decodedName = name;
    let decoded = value;
    try {
      decodedName = decodeURIComponent(name.replace(/\+/g, " "));
      decoded = decodeURIComponent(value.replace(/\+/g, " "));
    } catch {
      // malformed escapes: compared and cut as they are
    }
    return SECRET_NAMES.has(decodedName) ? `${lead}${name}=${prefixOf(decoded)}` : whole;
  });
}

function redactUrl(url: string): string {
  const query = url.indexOf("?");
  return query < 0 ? url : url.slice(0, query) + redactParams(url.slice(query));
}

function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([name, member]) => [name, SECRET_NAMES.has(name) && typeof member === "string" ? prefixOf(member) : redactJson(member)]));
  }
  return value;
}

function redactBody(body: string | undefined, contentType: string | undefined): string | undefined {
  if (body === undefined || body === "") return body;
  const type = (contentType ?? "").toLowerCase();
  if (type.includes("json") || /^\s*[[{]/.test(body)) {
    try {
      return JSON.stringify(redactJson(JSON.parse(body)), null, 2);
    } catch {
      // not JSON after all: shown as it came
    }
  }
  if (type.includes("application/x-www-form-urlencoded")) {
    // Decoded, one parameter a line: easier to read than the encoded form that was sent.
    return [...new URLSearchParams(body)].map(([name, value]) => `${name}=${SECRET_NAMES.has(name) ? prefixOf(value) : value}`).join("\n");
  }
  return body;
}

function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => {
      if (name.toLowerCase() === "location") return [name, redactUrl(value)];
      if (name.toLowerCase() !== "authorization") return [name, value];
      const [scheme, credential = ""] = value.split(/\s+/, 2);
      return [name, `${scheme} ${prefixOf(credential)}`];
    }),
  );
}

/**
 * An exchange as the page may show it: tokens, codes, verifiers and secrets cut to a short prefix
 * in URLs, form and JSON bodies and the Authorization header, so a screenshot or a shared screen
 * never carries a usable credential. JSON bodies are pretty-printed, form bodies decoded one
 * parameter a line.
 */
export function redactSecrets(exchange: FlowExchange): FlowExchange {
  const headerOf = (headers: Record<string, string>, name: string) => Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  const { request, response } = exchange;
  return {
    ...exchange,
    request: { ...request, url: redactUrl(request.url), headers: redactHeaders(request.headers), body: redactBody(request.body, headerOf(request.headers, "content-type")) },
    response: response && { ...response, headers: redactHeaders(response.headers), body: redactBody(response.body, headerOf(response.headers, "content-type")) },
  };
}
