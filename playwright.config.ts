import { existsSync } from "node:fs";

import { defineConfig, devices } from "@playwright/test";

const port = process.env.E2E_PORT ?? "3210";
const debianChromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "./e2e",
  // Browser specs only: e2e/reliability holds Vitest tests of whole instances (npm run test:reliability).
  testMatch: "**/*.spec.ts",
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    // Debian's Chromium on these machines; Playwright's own browser elsewhere.
    launchOptions: existsSync(debianChromium)
      ? {
          executablePath: debianChromium,
          args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        }
      : {},
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } }, grepInvert: /@phone/ },
    { name: "phone", use: { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }, grep: /@phone/ },
  ],
  webServer: {
    command: "tsx --conditions=react-server scripts/e2e-server.ts",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    // Stop the server with SIGTERM and give it time to drop its database and files (the default,
    // SIGKILL, leaves them behind).
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
    stderr: "pipe",
    // The SMTP sink receives the app's mail, which tests read from test-results/e2e-mail-dir.
    env: { E2E_PORT: port, SCHEDULER: "on", E2E_SMTP_SINK: process.env.E2E_SMTP_SINK ?? "1" },
  },
});
