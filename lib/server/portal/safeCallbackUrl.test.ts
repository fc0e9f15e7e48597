import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safeCallbackUrl";

describe("safeCallbackUrl", () => {
  it("keeps paths on this origin", () => {
    expect(safeCallbackUrl("/orgs/acme/members?tab=1#x")).toBe("/orgs/acme/members?tab=1#x");
    expect(safeCallbackUrl("/invite/abc_DEF-123")).toBe("/invite/abc_DEF-123");
    expect(safeCallbackUrl(["/orgs/a", "/orgs/b"])).toBe("/orgs/a");
  });

  it("sends anything that could leave the site to /", () => {
    for (const url of [undefined, "", "orgs/a", "https://evil.example/", "//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "javascript:alert(1)"]) {
      expect(safeCallbackUrl(url)).toBe("/");
    }
  });
});
