/**
 * How the Lambda function is bundled: lambda.integ.test.ts and the benchmark build the bundle with
 * exactly these options, and infra's `NodejsFunction` passes the same (`bundling` from
 * `nodejsBundling()` in infra/lib/constructs/api.ts), so what the tests invoke is what deploys.
 */
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

export const LAMBDA_ENTRY = fileURLToPath(new URL('./lambda.ts', import.meta.url));
/** The round worker (a queued round, from the table's stream) and the scheduled lapse: their own bundles. */
export const ROUND_WORKER_ENTRY = fileURLToPath(new URL('./round-worker.ts', import.meta.url));
export const LAPSE_ENTRY = fileURLToPath(new URL('./lapse.ts', import.meta.url));

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
  // The AWS SDK is bundled (one file loads faster than the runtime's copy), except the credential
  // providers the SDK's default chain loads lazily (`await import(...)`) after `fromEnv`: on Lambda the
  // function's credentials are in its environment, so they are never loaded (135 KB of SSO, INI,
  // process, web-identity, container and instance-metadata providers). Locally the client has explicit
  // credentials. CDK passes the same list as `externalModules`.
  external: [
    '@aws-sdk/credential-provider-sso',
    '@aws-sdk/credential-provider-ini',
    '@aws-sdk/credential-provider-login',
    '@aws-sdk/credential-provider-process',
    '@aws-sdk/credential-provider-web-identity',
    '@aws-sdk/credential-provider-http',
    '@aws-sdk/token-providers',
    '@aws-sdk/nested-clients',
    '@smithy/credential-provider-imds',
  ],
  // Node's own modules only; prefer ESM entry points so unused SDK code is tree-shaken.
  mainFields: ['module', 'main'],
} as const satisfies BuildOptions;
