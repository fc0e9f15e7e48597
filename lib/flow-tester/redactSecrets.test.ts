import { describe, expect, it } from "vitest";
import type { FlowExchange } from "./FlowStep";
import { redactSecrets } from "./redactSecrets";

const TOKEN = "eyJhbGciOiJFUzI1NiJ9.payload.signature";
const CODE = "code-abcdefghijklmnop";
const cut = (value: string) => `${value.slice(0, 8)}… (${value.length} characters, redacted)`;
const exchange = (request: Partial<FlowExchange["request"]>, response?: FlowExchange["response"]): FlowExchange => ({ request: { method: "POST", url: "http://localhost/x", headers: {}, ...request }, response });

describe("redactSecrets", () => {
  it.each([
    ["a Bearer header", exchange({ headers: { Authorization: `Bearer ${TOKEN}` } }), (e: FlowExchange) => e.request.headers.Authorization, `Bearer ${cut(TOKEN)}`],
    ["a code in a callback Location", exchange({}, { status: null, headers: { location: `http://localhost/cb?code=${CODE}&state=s1&iss=x` } }), (e: FlowExchange) => e.response!.headers.location, `http://localhost/cb?code=${cut(CODE)}&state=s1&iss=x`],
    ["a form body", exchange({ headers: { "content-type": "application/x-www-form-urlencoded" }, body: `grant_type=authorization_code&code=${CODE}&code_verifier=${TOKEN}&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcb` }), (e: FlowExchange) => e.request.body, `grant_type=authorization_code\ncode=${cut(CODE)}\ncode_verifier=${cut(TOKEN)}\nredirect_uri=http://127.0.0.1/cb`],
    ["a JSON token response", exchange({}, { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ access_token: TOKEN, token_type: "Bearer", refresh_token: CODE }) }), (e: FlowExchange) => JSON.parse(e.response!.body!), { access_token: cut(TOKEN), token_type: "Bearer", refresh_token: cut(CODE) }],
    ["a short value", exchange({ headers: { "content-type": "application/json" }, body: JSON.stringify({ code: "abc" }) }), (e: FlowExchange) => JSON.parse(e.request.body!), { code: "…" }],
    ["nothing secret", exchange({ url: "http://localhost/authorize?state=s&client_id=c", body: "plain text" }), (e: FlowExchange) => [e.request.url, e.request.body], ["http://localhost/authorize?state=s&client_id=c", "plain text"]],
  ])("cuts %s to a prefix", (_name, input, read, expected) => {
    expect(read(redactSecrets(input))).toEqual(expected);
  });
});
