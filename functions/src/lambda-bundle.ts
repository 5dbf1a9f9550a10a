/**
 * How the Lambda function is bundled: lambda.integ.test.ts and the benchmark build the bundle with
 * exactly these options, and infra's `NodejsFunction` passes the same (`bundling` from
 * `nodejsBundling()` in infra/lib/constructs/api.ts), so what the tests invoke is what deploys.
 */
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

export const LAMBDA_ENTRY = fileURLToPath(new URL('./lambda.ts', import.meta.url));

/** The Lambda runtime: Node.js 22 on arm64 (infra), so the bundle targets node22. */
export const LAMBDA_NODE_TARGET = 'node22';

export const LAMBDA_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: LAMBDA_NODE_TARGET,
  format: 'esm',
  minify: true,
  // CommonJS dependencies (the AWS SDK) call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  // The AWS SDK is bundled (externalModules: [] in CDK): one file loads faster than the runtime's copy.
  external: [],
  // Node's own modules only; prefer ESM entry points so unused SDK code is tree-shaken.
  mainFields: ['module', 'main'],
} as const satisfies BuildOptions;
