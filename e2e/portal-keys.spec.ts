import { expect, test } from "./fixtures";
import { ORIGIN, confirm, ownerWithNewOrg, screenshot } from "./portal-support";

test("an admin rotates the signing key: a new active kid, the old one retiring and still published", async ({ page }, testInfo) => {
  const { slug } = await ownerWithNewOrg(page, "Keys");
  await page.goto(`/orgs/${slug}/keys`);
  const table = page.getByRole("table", { name: "Signing keys" });
  const rows = table.getByRole("row");
  await expect(rows).toHaveCount(2);
  const oldKid = (await rows.nth(1).getByRole("cell").first().textContent())!;
  await expect(rows.nth(1)).toContainText("active");
  await expect(rows.nth(1)).toContainText("ES256");

  await page.getByRole("button", { name: "Rotate key" }).click();
  await expect(page.getByRole("group", { name: /^Rotate the signing key\?/ })).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(rows).toHaveCount(2);

  await confirm(page, "Rotate key", "Yes, rotate");
  await expect(page.getByRole("status")).toHaveText("Key rotated: the new key signs from now on.");
  await expect(rows).toHaveCount(3);
  const newKid = (await rows.nth(1).getByRole("cell").first().textContent())!;
  expect(newKid).not.toBe(oldKid);
  await expect(rows.nth(1)).toContainText("active");
  const retiring = rows.filter({ hasText: oldKid });
  await expect(retiring).toContainText("retiring");
  await expect(retiring.getByRole("cell").nth(4)).not.toHaveText("—");
  await screenshot(page, testInfo, "signing-keys");

  const jwks = (await (await fetch(`${ORIGIN}/orgs/${slug}/api/v1/oauth/jwks`)).json()) as { keys: { kid: string }[] };
  expect(jwks.keys.map((k) => k.kid).sort()).toEqual([oldKid, newKid].sort());
  await expect(page.getByLabel("JWKS URL", { exact: true })).toHaveValue(`${ORIGIN}/orgs/${slug}/api/v1/oauth/jwks`);
});
