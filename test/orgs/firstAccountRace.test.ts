import { afterAll, beforeAll, expect, it } from "vitest";
import { createFirstAccount } from "@/lib/server/orgs/createFirstAccount";
import { openTestDatabase, TEST_SECRET_KEY, type TestDatabase } from "../support/testDatabase";

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

it("admits exactly one of several simultaneous first-run attempts", async () => {
  const attempts = await Promise.allSettled(
    ["a", "b", "c"].map((x) => createFirstAccount(db.prisma, { email: `${x}@example.com`, password: "long enough", orgSlug: `org-${x}`, orgName: x }, TEST_SECRET_KEY)),
  );
  expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
  for (const a of attempts.filter((a) => a.status === "rejected")) {
    expect((a as PromiseRejectedResult).reason).toMatchObject({ code: "forbidden" });
  }
  expect(await db.prisma.user.count()).toBe(1);
  expect(await db.prisma.org.count()).toBe(1);
});
