import { defineConfig } from 'vitest/config';

// Where a test lives says what it needs:
//   x.test.ts        no I/O, beside the code            -> project "unit"
//   x.integ.test.ts  needs the real local DynamoDB       -> project "integ" (one in-memory server per run)
//   tests/e2e/**     the whole local stack over HTTP     -> project "e2e"
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'functions/**/*.test.ts', 'infra/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.integ.test.ts'],
        },
      },
    ],
  },
});
