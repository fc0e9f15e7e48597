import { defineConfig } from "@playwright/test";

// E2E_PORT lets several runs share a machine (each run starts its own server).
const PORT = Number(process.env.E2E_PORT ?? 3210);
const BASE_URL = `http://localhost:${PORT}`;
// A fresh embedded database per run: the first-run test needs an installation with no user.
const DATA_DIR = ".data/e2e";

export default defineConfig({
  testDir: "e2e",
  // Two cores: one worker, and the suite's files share one server and database.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: `rm -rf ${DATA_DIR} && npm start`,
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: false,
    // `npm start` runs `next build` first when there is no build yet.
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      PUBLIC_URL: BASE_URL,
      GATEHOUSE_DATA_DIR: DATA_DIR,
    },
  },
});
