import { describe, expect, it } from "vitest";
import { printable } from "./printable";

describe("printable", () => {
  it.each([
    ["plain", 100, "plain"],
    ["tab\there", 100, "tab?here"],
    ["é<script>", 100, "?<script>"],
    ["abcdef", 3, "abc..."],
  ])("%j (max %d) -> %j", (value, max, expected) => {
    expect(printable(value, max)).toBe(expected);
  });
});
