import { expect, test } from "./fixtures";
import { owner } from "./people";
import { confirm, connectClient, invitePerson, ownerWithNewOrg, refreshWith, screenshot, signInAt } from "./portal-support";

test("roles change, the last owner stays, and a removed member loses access", async ({ page, newVisitor }, testInfo) => {
  const { slug, name } = await ownerWithNewOrg(page, "Members");
  const memberPage = await newVisitor();
  const member = await invitePerson(page, memberPage, slug, "member", "team");
  const app = await connectClient(memberPage, slug, "Team app");

  await page.goto(`/orgs/${slug}/members`);
  const table = page.getByRole("table", { name: `Members of ${name}` });
  const ownerRow = table.getByRole("row").filter({ hasText: owner.email });
  const memberRow = table.getByRole("row").filter({ hasText: member.email });

  // The only owner cannot step down.
  await ownerRow.getByLabel(`Change ${owner.email} to`).selectOption("admin");
  await ownerRow.getByRole("button", { name: `Save the change for ${owner.email}` }).click();
  await expect(ownerRow.getByRole("alert")).toHaveText("An organization needs at least one owner: make someone else an owner first.");
  await expect(ownerRow.getByLabel(`Change ${owner.email} to`)).toHaveAccessibleDescription(/at least one owner/);
  // Nor be removed: the control is not even offered.
  await expect(ownerRow.getByRole("button", { name: /^Remove/ })).toHaveCount(0);

  await memberRow.getByLabel(`Change ${member.email} to`).selectOption("admin");
  await memberRow.getByRole("button", { name: `Save the change for ${member.email}` }).click();
  await expect(memberRow.getByRole("status")).toHaveText("Saved");
  await page.reload();
  await expect(memberRow.getByLabel(`Change ${member.email} to`)).toHaveValue("admin");
  await screenshot(page, testInfo, "members");

  // The new admin may not hand out or take away the owner role.
  await memberPage.goto(`/orgs/${slug}/members`);
  const seenByAdmin = memberPage.getByRole("table", { name: `Members of ${name}` });
  await expect(seenByAdmin.getByRole("row").filter({ hasText: owner.email }).getByRole("combobox")).toHaveCount(0);
  const ownSelect = seenByAdmin.getByLabel(`Change ${member.email} to`);
  await expect(ownSelect.getByRole("option")).toHaveText(["member", "admin"]);
  await ownSelect.evaluate((select: HTMLSelectElement) => select.add(new Option("owner", "owner")));
  await ownSelect.selectOption("owner");
  await seenByAdmin.getByRole("button", { name: `Save the change for ${member.email}` }).click();
  await expect(seenByAdmin.getByRole("alert")).toHaveText("Only an owner can grant or remove the owner role.");

  // Removal asks first, then cuts the person and their connected apps off.
  await confirm(memberRow, `Remove ${member.email}`, "Yes, remove");
  await expect(memberRow).toHaveCount(0);
  expect((await refreshWith(slug, app)).body.error).toBe("invalid_grant");
  const response = await memberPage.goto(`/orgs/${slug}`);
  expect(response?.status()).toBe(404);
});

test("an owner makes someone else owner and can then step down", async ({ page, newVisitor }) => {
  const { slug, name } = await ownerWithNewOrg(page, "Handover");
  const successor = await invitePerson(page, await newVisitor(), slug, "admin", "successor");
  await page.goto(`/orgs/${slug}/members`);
  const table = page.getByRole("table", { name: `Members of ${name}` });
  const successorRow = table.getByRole("row").filter({ hasText: successor.email });
  await successorRow.getByLabel(`Change ${successor.email} to`).selectOption("owner");
  await successorRow.getByRole("button", { name: `Save the change for ${successor.email}` }).click();
  await expect(successorRow.getByRole("status")).toHaveText("Saved");

  const ownerRow = table.getByRole("row").filter({ hasText: owner.email });
  await ownerRow.getByLabel(`Change ${owner.email} to`).selectOption("admin");
  await ownerRow.getByRole("button", { name: `Save the change for ${owner.email}` }).click();
  await expect(ownerRow.getByRole("status")).toHaveText("Saved");
  await page.reload();
  // As an admin now, the former owner sees the new owner's role but cannot change it.
  await expect(table.getByRole("row").filter({ hasText: successor.email }).getByRole("combobox")).toHaveCount(0);
  const successorPage = await newVisitor();
  await signInAt(successorPage, successor, `/orgs/${slug}/members`);
  await expect(successorPage.getByRole("table", { name: `Members of ${name}` }).getByLabel(`Change ${owner.email} to`)).toHaveValue("admin");
});
