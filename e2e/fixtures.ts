import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";

/** Records every response of the context with a 5xx status: a server error is never acceptable. */
function watchServerErrors(context: BrowserContext, errors: string[]) {
  context.on("response", (response) => {
    if (response.status() >= 500) errors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
}

interface Fixtures {
  serverErrorGuard: void;
  /** A page in a fresh browser context: another person, with no cookies. */
  newVisitor: () => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  serverErrorGuard: [
    async ({ context }, provide) => {
      const errors: string[] = [];
      watchServerErrors(context, errors);
      await provide();
      expect(errors, "responses with a 5xx status").toEqual([]);
    },
    { auto: true },
  ],
  newVisitor: async ({ browser, baseURL }, provide) => {
    const contexts: BrowserContext[] = [];
    const errors: string[] = [];
    await provide(async () => {
      const context = await browser.newContext({ baseURL });
      watchServerErrors(context, errors);
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
    expect(errors, "responses with a 5xx status").toEqual([]);
  },
});

export { expect };
