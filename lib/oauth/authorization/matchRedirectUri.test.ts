import { describe, expect, it } from "vitest";
import { matchRedirectUri } from "./matchRedirectUri";

const registered = [
  "https://app.example/cb",
  "https://app.example/cb2?tenant=1",
  "http://127.0.0.1/callback",
  "http://localhost:8080/oauth/callback",
  "http://[::1]/cb",
  "http://127.0.0.1",
  "com.example.app:/oauth2redirect",
];

describe("matchRedirectUri", () => {
  it.each([
    ["https://app.example/cb"],
    ["https://app.example/cb2?tenant=1"],
    ["com.example.app:/oauth2redirect"],
    // RFC 8252 §7.3: any port on a loopback redirect URI.
    ["http://127.0.0.1/callback"],
    ["http://127.0.0.1:53682/callback"],
    ["http://localhost:8080/oauth/callback"],
    ["http://localhost:33418/oauth/callback"],
    ["http://localhost/oauth/callback"],
    ["http://[::1]:9000/cb"],
    ["http://127.0.0.1:9000"],
    ["http://127.0.0.1:9000/"],
  ])("matches %s", (requested) => {
    expect(matchRedirectUri(registered, requested)).toBe(true);
  });

  it.each([
    ["extra path", "https://app.example/cb/evil"],
    ["path prefix", "https://app.example/c"],
    ["trailing slash", "https://app.example/cb/"],
    ["extra query", "https://app.example/cb?x=1"],
    ["changed query", "https://app.example/cb2?tenant=2"],
    ["dropped query", "https://app.example/cb2"],
    ["fragment", "https://app.example/cb#x"],
    ["empty fragment", "https://app.example/cb#"],
    ["userinfo", "https://app.example@evil.example/cb"],
    ["userinfo reversed", "https://evil.example@app.example/cb"],
    ["host case", "https://APP.example/cb"],
    ["scheme case", "HTTPS://app.example/cb"],
    ["path case", "https://app.example/CB"],
    ["percent-encoding", "https://app.example/%63b"],
    ["explicit default port", "https://app.example:443/cb"],
    ["subdomain", "https://evil.app.example/cb"],
    ["suffix domain", "https://app.example.evil.example/cb"],
    ["https port is not relaxed", "https://app.example:8443/cb"],
    ["loopback host swap", "http://localhost:53682/callback"],
    ["other loopback address", "http://127.0.0.2:53682/callback"],
    ["loopback with https", "https://127.0.0.1:53682/callback"],
    ["loopback extra path", "http://127.0.0.1:53682/callback/x"],
    ["loopback extra query", "http://127.0.0.1:53682/callback?x=1"],
    ["loopback fragment", "http://127.0.0.1:53682/callback#x"],
    ["loopback userinfo", "http://127.0.0.1:53682@evil.example/callback"],
    ["loopback bad port", "http://127.0.0.1:99999/callback"],
    ["loopback port zero", "http://127.0.0.1:0/callback"],
    ["loopback scheme case", "HTTP://127.0.0.1:53682/callback"],
    ["private-use scheme variant", "com.example.app://oauth2redirect"],
    ["empty", ""],
  ])("refuses %s: %s", (_trick, requested) => {
    expect(matchRedirectUri(registered, requested)).toBe(false);
  });
});
