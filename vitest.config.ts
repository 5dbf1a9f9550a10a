import { defineConfig } from 'vitest/config';

// Where a test lives says what it needs:
//   x.test.ts        no I/O, beside the code            -> project "unit"
//   x.integ.test.ts  needs the real local DynamoDB       -> project "integ" (one in-memory server per run)
//   tests/e2e/**     the whole local stack over HTTP     -> project "e2e"
// Browser tests (tests/browser, Playwright) run after vitest: see `npm run test:browser`.
const env = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', NEXT_TELEMETRY_DISABLED: '1' };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/**/*.test.ts',
            'functions/**/*.test.ts',
            'infra/**/*.test.ts',
            'web/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**', '**/*.integ.test.ts', 'web/.next/**', 'web/out/**'],
          // Property tests run hundreds of generated cases (3–4 s idle); a busy 2-core machine takes
          // several times that, and a time-out there says nothing about the code.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integ',
          include: ['**/*.integ.test.ts'],
          exclude: ['**/node_modules/**', 'tests/e2e/**', 'tests/browser/**'],
          globalSetup: ['tests/support/dynamodb-global-setup.ts'],
          env,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          env,
          // Each e2e file starts a whole local stack (JVM, seed); two cores run one at a time well.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
