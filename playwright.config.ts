import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = path.join(import.meta.dirname, ".data", "e2e");

/**
 * Browsers cannot be downloaded on CI machines: use the Chromium at CHROMIUM_PATH or the
 * distribution's /usr/bin/chromium when present, and Playwright's own browser elsewhere.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const launchOptions = {
  executablePath: chromiumPath,
  args: chromiumPath
    ? ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
    : [],
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions,
  },
  projects: [
    { name: "desktop", testIgnore: "scale/**", use: { browserName: "chromium", viewport: { width: 1280, height: 800 } } },
    { name: "phone", testIgnore: "scale/**", use: { browserName: "chromium", viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
    // Instances of the app started by the specs themselves, on a database of their own; no browser.
    { name: "instances", testMatch: "scale/**/*.spec.ts" },
  ],
  webServer: {
    // A fresh embedded database for every run, seeded by the same start-up path as `npm start`.
    command: `node -e "require('fs').rmSync(process.argv[1], { recursive: true, force: true })" "${dataDir}" && tsx scripts/start.ts`,
    url: `http://127.0.0.1:${port}/api/health`,
    // The tests sign in as the demo owner with the development password (a production start
    // would otherwise generate one). Tests sign up many users from one address within a minute; the limit itself is covered by
    // the integration tests.
    env: { PORT: String(port), STANCEMAP_DEMO_PASSWORD: "stancemap-demo", STANCEMAP_DATA_DIR: dataDir, DATABASE_URL: "", STANCEMAP_AUTH_RATE_LIMIT: "off", STANCEMAP_HEAVY_READ_LIMIT: "0", STANCEMAP_STREAMS_PER_CALLER: "100" },
    reuseExistingServer: false,
    // Stop like Ctrl-C, so the app shuts its embedded PostgreSQL down instead of orphaning it.
    gracefulShutdown: { signal: "SIGINT", timeout: 20_000 },
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
