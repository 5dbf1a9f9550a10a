import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests against the real local stack, started exactly as `npm start` does, on its own port and
 * with a temporary DATA_DIR so a developer's data is never touched. `npm run test:browser`
 * (tests/support/browser-tests.ts) picks the port and folder and checks that Chromium exists; these
 * fallbacks serve a direct `npx playwright test -c tests/browser/playwright.config.ts`.
 *
 * Debian's Chromium, never `npx playwright install` (it downloads a browser).
 */
// Set on process.env so that Playwright's workers, which load this file again, see the same values.
process.env.SINERGI_BROWSER_PORT ??= '3999';
process.env.SINERGI_BROWSER_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'sinergi-browser-'));
const port = Number(process.env.SINERGI_BROWSER_PORT);
const baseURL = `http://127.0.0.1:${port}`;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: join(repoRoot, 'test-results', 'browser'),
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'mobile', use: { ...devices['Pixel 7'], browserName: 'chromium' } },
    { name: 'desktop', use: { ...devices['Desktop Chrome'] } },
  ],
  webServer: {
    command: 'node --import tsx functions/src/local/main.ts',
    cwd: repoRoot,
    url: `${baseURL}/api/health`,
    // Fresh data folder: the JVM starts, the table is created, the demo data seeded, the site maybe built.
    timeout: 480_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: process.env.SINERGI_BROWSER_DATA_DIR,
      NEXT_TELEMETRY_DISABLED: '1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  },
});
