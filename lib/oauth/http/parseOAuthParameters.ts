import { invalidRequest } from "../errors/OAuthError";

/**
 * The parameters of one OAuth request (authorization query, token / introspection / revocation /
 * registration-management form), after the generic RFC 6749 §3.1 rules:
 *
 * - "Parameters sent without a value MUST be treated as if they were omitted": empty values vanish.
 * - "Request and response parameters MUST NOT be included more than once": a repeated parameter is
 *   refused with `invalid_request`, except the ones listed as repeatable (RFC 8707 §2 `resource`),
 *   whose count the operation judges itself.
 * - Length limits, so that a megabyte `state` cannot reach the database or a log line.
 * - No control characters (U+0000-U+001F, U+007F) in any value: every value RFC 6749 Appendix A
 *   defines is made of VSCHAR or URI characters, and a NUL in a client_id would otherwise reach
 *   PostgreSQL, which refuses it in text (a 500 instead of a 400; found by fuzzing).
 *
 * Not checked here: which parameters are required or allowed (each operation knows), the other
 * characters of a value.
 */
export interface OAuthParameters {
  /** The value of a non-repeatable parameter, or undefined when absent or empty. */
  get(name: string): string | undefined;
  /** Every non-empty value of a repeatable parameter, in request order. */
  getAll(name: string): readonly string[];
  has(name: string): boolean;
}

export interface ParseOAuthParametersOptions {
  /** Parameters that may appear more than once. Default: `resource` (RFC 8707 §2). */
  repeatable?: readonly string[];
  /** Longest accepted value, in characters. Default 4096 (JWTs and CIMD URLs fit). */
  maxValueLength?: number;
  /** Most distinct parameters accepted. Default 50. */
  maxParameters?: number;
}

export function parseOAuthParameters(
  source: URLSearchParams,
  options: ParseOAuthParametersOptions = {},
): OAuthParameters {
  const repeatable = new Set(options.repeatable ?? ["resource"]);
  const maxValueLength = options.maxValueLength ?? 4096;
  const maxParameters = options.maxParameters ?? 50;
  const values = new Map<string, string[]>();

  for (const [name, value] of source) {
    const seen = values.get(name);
    if (seen && !repeatable.has(name)) {
      throw invalidRequest(`parameter "${printableName(name)}" is included more than once`);
    }
    if (value.length > maxValueLength) {
      throw invalidRequest(`parameter "${printableName(name)}" is longer than ${maxValueLength} characters`);
    }
    if (/[\x00-\x1f\x7f]/.test(value)) {
      throw invalidRequest(`parameter "${printableName(name)}" contains control characters`);
    }
    if (seen) seen.push(value);
    else values.set(name, [value]);
    if (values.size > maxParameters) {
      throw invalidRequest(`the request has more than ${maxParameters} parameters`);
    }
  }

  const present = new Map<string, string[]>();
  for (const [name, list] of values) {
    const nonEmpty = list.filter((value) => value !== "");
    if (nonEmpty.length > 0) present.set(name, nonEmpty);
  }

  return {
    get: (name) => present.get(name)?.[0],
    getAll: (name) => present.get(name) ?? [],
    has: (name) => present.has(name),
  };
}

/** A parameter name is attacker-chosen: keep it short and printable before echoing it. */
function printableName(name: string): string {
  const cleaned = name.replace(/[^\x21-\x7e]/g, "?");
  return cleaned.length > 40 ? `${cleaned.slice(0, 40)}...` : cleaned;
}
