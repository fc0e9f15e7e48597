import { describe, expect, it } from "vitest";
import { refusal } from "../test/refusal";
import { validateRedirectUri } from "./validateRedirectUri";

describe("validateRedirectUri", () => {
  it.each([
    ["https://claude.ai/api/mcp/auth_callback", "https"],
    ["https://app.example/cb?tenant=1", "https"],
    ["http://localhost:6274/oauth/callback", "loopback"],
    ["http://127.0.0.1:33418", "loopback"],
    ["http://127.0.0.1/cb", "loopback"],
    ["http://[::1]:8080/cb", "loopback"],
    ["com.example.app:/oauth2redirect", "private-use"],
    ["com.example.app://cb", "private-use"],
    ["cursor://anysphere.cursor-mcp/oauth/callback", "private-use"],
  ])("accepts %s as %s", (uri, kind) => {
    expect(validateRedirectUri(uri, "redirect_uris[0]")).toBe(kind);
  });

  it.each([
    ["javascript:alert(1)", 'redirect_uris[0] "javascript:alert(1)" uses the scheme "javascript", which is not allowed'],
    ["JavaScript://%0aalert(1)", 'redirect_uris[0] "JavaScript://%0aalert(1)" uses the scheme "javascript", which is not allowed'],
    ["data:text/html,<script>x</script>", 'redirect_uris[0] "data:text/html,<script>x</script>" uses the scheme "data", which is not allowed'],
    ["vbscript:msgbox", 'redirect_uris[0] "vbscript:msgbox" uses the scheme "vbscript", which is not allowed'],
    ["file:///etc/passwd", 'redirect_uris[0] "file:///etc/passwd" uses the scheme "file", which is not allowed'],
    ["http://app.example/cb", 'redirect_uris[0] "http://app.example/cb" uses http on a host that is not loopback (localhost, 127.0.0.1, [::1]); use https'],
    ["http://127.0.0.2/cb", 'redirect_uris[0] "http://127.0.0.2/cb" uses http on a host that is not loopback (localhost, 127.0.0.1, [::1]); use https'],
    ["http://localhost.evil.example/cb", 'redirect_uris[0] "http://localhost.evil.example/cb" uses http on a host that is not loopback (localhost, 127.0.0.1, [::1]); use https'],
    ["https://app.example/cb#x", 'redirect_uris[0] "https://app.example/cb#x" must not include a fragment'],
    ["https://app.example/cb#", 'redirect_uris[0] "https://app.example/cb#" must not include a fragment'],
    ["https://good.example@evil.example/cb", 'redirect_uris[0] "https://good.example@evil.example/cb" must not include user information'],
    ["https://@evil.example/cb", 'redirect_uris[0] "https://@evil.example/cb" must not include user information'],
    ["https://app.example\\@evil.example", 'redirect_uris[0] "https://app.example\\@evil.example" contains whitespace, control characters or a backslash'],
    ["https://app.example/c b", 'redirect_uris[0] "https://app.example/c b" contains whitespace, control characters or a backslash'],
    ["https:app.example/cb", 'redirect_uris[0] "https:app.example/cb" must name a host'],
    ["/relative/cb", 'redirect_uris[0] "/relative/cb" is not an absolute URI'],
    ["", "redirect_uris[0] must be a non-empty string"],
    [42, "redirect_uris[0] must be a non-empty string"],
    [`https://app.example/${"a".repeat(2000)}`, "redirect_uris[0] is longer than 2000 characters"],
  ])("refuses %s", (uri, description) => {
    expect(refusal(() => validateRedirectUri(uri, "redirect_uris[0]"))).toEqual({
      error: "invalid_redirect_uri",
      error_description: description,
      status: 400,
    });
  });
});
