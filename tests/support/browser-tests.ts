/**
 * `npm run test:browser`: runs the Playwright tests in tests/browser against Debian's Chromium.
 *
 * Without Chromium the browser tests are skipped with a loud warning, so a laptop without it can still
 * run `npm test`; with SINERGI_REQUIRE_BROWSER=1 (CI sets it) a missing Chromium fails the run.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../functions/src/local/dynamodb-local';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const required = process.env.SINERGI_REQUIRE_BROWSER === '1';

if (!existsSync(chromium)) {
  const bar = '!'.repeat(78);
  console.error(
    [
      '',
      bar,
      `!!! Chromium not found at ${chromium}: the BROWSER TESTS ${required ? 'CANNOT RUN' : 'WERE SKIPPED'}.`,
      '!!! Install it with:   sudo apt-get install -y chromium',
      '!!! (or point CHROMIUM_PATH at a Chromium/Chrome binary). Never `npx playwright install`.',
      bar,
      '',
    ].join('\n'),
  );
  process.exit(required ? 1 : 0);
}

const dataDir = await mkdtemp(join(tmpdir(), 'sinergi-browser-'));
const cli = createRequire(join(repoRoot, 'package.json')).resolve('@playwright/test/cli');
const child = spawn(
  process.execPath,
  [cli, 'test', '-c', 'tests/browser/playwright.config.ts', ...process.argv.slice(2)],
  {
    cwd: repoRoot,
    stdio: 'inherit',
    env: {
      ...process.env,
      CHROMIUM_PATH: chromium,
      SINERGI_BROWSER_PORT: String(await freePort()),
      SINERGI_BROWSER_DATA_DIR: dataDir,
    },
  },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
const code = await new Promise<number>((resolve) => child.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
await rm(dataDir, { recursive: true, force: true });
process.exit(code);
