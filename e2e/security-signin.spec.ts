import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { signIn } from "./signIn";

// Password guessing at the portal sign-in: after 10 failures for one email within 15 minutes, the
// person is told plainly to wait, and even the right password is refused until then. A throwaway
// email, so that the limit locks out no one else in the suite (the per-address limit, 50, is far).
test("too many failed sign-ins: a clear message to wait, for a while", async ({ page }) => {
  const email = `guessed-${randomBytes(3).toString("hex")}@example.com`;
  await page.goto("/signin");
  for (let i = 0; i < 10; i++) {
    await signIn(page, { email, password: `guess number ${i}` });
    await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
    await page.reload();
  }
  await signIn(page, { email, password: "one more guess" });
  const alert = page.getByRole("alert").filter({ hasText: "Too many failed sign-in attempts." });
  await expect(alert).toHaveText(/^Too many failed sign-in attempts\. Wait (1[0-5]|[1-9]) minutes?, then try again\.$/);
  await expect(page).toHaveURL("/signin");
});

test("the sign-in page shows the same message when next-auth sends the person back to it", async ({ page }) => {
  await page.goto("/signin?error=TooManySignInAttempts%3A3");
  await expect(page.getByRole("alert").filter({ hasText: "Too many failed sign-in attempts." })).toHaveText("Too many failed sign-in attempts. Wait 3 minutes, then try again.");
});
