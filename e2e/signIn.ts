import { expect, type Page } from "@playwright/test";

/**
 * Fills the sign-in form. Waits for the sign-in page first: called right after a click that
 * navigates, it would otherwise fill the same-labelled fields of the page being left.
 */
export async function signIn(page: Page, person: { email: string; password: string }) {
  await expect(page.getByRole("heading", { name: "Sign in to Gatehouse" })).toBeVisible();
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}
