import fc from "fast-check";
import { afterAll, beforeAll } from "vitest";
import { RateLimiter } from "@/lib/server/ratelimit/RateLimiter";

/** One seed for every fuzz property, so a CI failure replays exactly (fast-check prints the path). */
export const FUZZ_SEED = 20_261_122;

/** Every error code an endpoint may answer: RFC 6749 §5.2 and §4.1.2.1, RFC 6750, RFC 7591, RFC 8707. */
export const RFC_ERROR_CODES = new Set([
  "invalid_request", "invalid_client", "invalid_grant", "unauthorized_client", "unsupported_grant_type", "invalid_scope",
  "unsupported_token_type", "invalid_target", "invalid_client_metadata", "invalid_redirect_uri", "access_denied",
  "unsupported_response_type", "invalid_token", "temporarily_unavailable",
]);

/**
 * Rate limits would turn most fuzz cases into 429s after the first few dozen and stop exploring;
 * for the fuzz runs the limiter counts nothing (its own behaviour is tested in test/security).
 */
export function withoutRateLimits(): void {
  const holder = globalThis as { __gatehouseRateLimiter?: RateLimiter };
  beforeAll(() => {
    holder.__gatehouseRateLimiter = new RateLimiter({ increment: async (_k, _w, now) => ({ count: 0, windowStart: now }), peek: async () => new Map(), activeKeys: async () => [] }, { now: () => new Date() });
  });
  afterAll(() => {
    holder.__gatehouseRateLimiter = undefined;
  });
}

/** Strings a parser may choke on: any Unicode, control characters, URL-ish punctuation, long runs. */
export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(..."%&=+;:/?#@[]\\\"'<>{} \t\r\n\u0000.~-_aZ09é€😀"), maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "%", "%zz", "%00", "\u0000", "null", "undefined", "[]", "{}", "NaN", "-1", "1e309", "__proto__", "constructor", "toString") },
  { weight: 1, arbitrary: fc.nat({ max: 6000 }).map((n) => "x".repeat(n)) },
);

/** A value for a parameter: one of the `valid` ones, a mutation of one, or a hostile string. */
export function parameterValue(valid: readonly string[]): fc.Arbitrary<string> {
  const known = fc.constantFrom(...valid);
  return fc.oneof(
    { weight: 3, arbitrary: known },
    { weight: 1, arbitrary: fc.tuple(known, fc.nat(), hostileString).map(([v, at, insert]) => v.slice(0, at % (v.length + 1)) + insert + v.slice(at % (v.length + 1))) },
    { weight: 1, arbitrary: known.map((v) => v.toUpperCase()) },
    { weight: 2, arbitrary: hostileString },
  );
}

/** What a response must look like: 2xx, or 4xx with an RFC error code and a string description. */
export async function checkAnswer(response: Response, success: (body: unknown) => boolean): Promise<void> {
  const text = await response.text();
  if (response.status >= 500) throw new Error(`${response.status}: ${text}`);
  if (response.status >= 200 && response.status < 300) {
    const body = text === "" ? null : JSON.parse(text);
    if (!success(body)) throw new Error(`unexpected success body ${response.status}: ${text}`);
    return;
  }
  if (response.status < 400) throw new Error(`unexpected status ${response.status}`);
  let body: { error?: unknown; error_description?: unknown };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${response.status} without a JSON body: ${text.slice(0, 200)}`);
  }
  if (typeof body.error !== "string" || !RFC_ERROR_CODES.has(body.error)) throw new Error(`${response.status} with error ${JSON.stringify(body.error)}`);
  if (typeof body.error_description !== "string") throw new Error(`${response.status} without an error_description`);
}

/** Keeps, replaces (by one of `alternative`) or drops a template's value. */
function keepReplaceOrDrop<T>(value: T, alternative: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant<T | undefined>(value) },
    { weight: 2, arbitrary: alternative as fc.Arbitrary<T | undefined> },
    { weight: 1, arbitrary: fc.constant<T | undefined>(undefined) },
  );
}

/** The JSON counterpart of `damaged`, for registration metadata. */
export function damagedJson(template: Record<string, unknown>, alternatives: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<string> {
  const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileString);
  const fields = Object.fromEntries(Object.entries(template).map(([name, v]) => [name, keepReplaceOrDrop(v, alternatives[name] ?? value)]));
  const added = fc.dictionary(fc.oneof(fc.constantFrom(...Object.keys(alternatives)), hostileString), value, { maxKeys: 2 });
  return fc.tuple(fc.record(fields), added).map(([kept, extra]) => JSON.stringify(Object.fromEntries(Object.entries({ ...extra, ...kept }).filter(([, v]) => v !== undefined))));
}

/**
 * A request that starts from a valid one and is then damaged: each field kept (mostly), replaced by
 * one of its `alternatives`, or dropped; sometimes a field repeated or junk added. Valid templates
 * get the fuzz past content-type and client checks into the operations themselves.
 */
export function damaged(template: Record<string, string>, alternatives: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const fieldChoices = Object.fromEntries(Object.entries(template).map(([name, value]) => [name, keepReplaceOrDrop(value, alternatives[name] ?? hostileString)]));
  const extra = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...Object.keys(template), ...Object.keys(alternatives)), hostileString), hostileString), { maxLength: 2 });
  return fc.tuple(fc.record(fieldChoices), fc.oneof({ weight: 4, arbitrary: fc.constant([] as [string, string][]) }, { weight: 1, arbitrary: extra })).map(([fields, junk]) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) if (value !== undefined) params.append(name, value);
    for (const [name, value] of junk) params.append(name, value);
    return params.toString();
  });
}
