import { describe, expect, it } from "vitest";
import { asyncRefusal } from "../test/refusal";
import { DEMO_RESOURCE, demoResource, ORG_ID, OTHER_RESOURCE, otherResource, resourceStore } from "../test/fixtures";
import { resolveRequestedResource } from "./resolveRequestedResource";

describe("resolveRequestedResource", () => {
  it.each([
    [[], demoResource],
    [[DEMO_RESOURCE], demoResource],
    [["HTTPS://Gatehouse.Example:443/mcp/acme/demo"], demoResource],
    [["https://tools.example:443/mcp"], otherResource],
    [[OTHER_RESOURCE], otherResource],
  ])("%j -> the org's resource", async (values, expected) => {
    expect(await resolveRequestedResource(values, ORG_ID, resourceStore())).toBe(expected);
  });

  it.each([
    [[DEMO_RESOURCE, OTHER_RESOURCE], resourceStore(), "only one resource may be requested per token"],
    [["https://evil.example/mcp"], resourceStore(), 'resource "https://evil.example/mcp" is not protected by this authorization server'],
    [["https://tools.example/mcp/"], resourceStore(), 'resource "https://tools.example/mcp/" is not protected by this authorization server'],
    [["https://tools.example/mcp#x"], resourceStore(), 'resource "https://tools.example/mcp#x" must not include a fragment'],
    [[], resourceStore([demoResource], null), "resource is required: this authorization server has no default resource"],
  ])("refuses %j", async (values, store, description) => {
    expect(await asyncRefusal(() => resolveRequestedResource(values, ORG_ID, store))).toEqual({
      error: "invalid_target",
      error_description: description,
      status: 400,
    });
  });

  it("does not find another org's resource", async () => {
    expect(await asyncRefusal(() => resolveRequestedResource([DEMO_RESOURCE], "org-2", resourceStore()))).toMatchObject({
      error: "invalid_target",
    });
  });
});
