/**
 * How the Lambda function is bundled: lambda.integ.test.ts builds the bundle with exactly these options,
 * and the CDK stack passes the same to `NodejsFunction` (`bundling: { format: OutputFormat.ESM, target,
 * minify, banner, loader }`), so what the test invokes is what deploys.
 */
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

export const LAMBDA_ENTRY = fileURLToPath(new URL('./lambda.ts', import.meta.url));

export const LAMBDA_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  minify: true,
  // CommonJS dependencies (the AWS SDK) call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  // The vendored docs script (1.4 MB gzipped) is inlined as bytes: /api/docs needs no file beside the
  // handler and no CDN.
  loader: { '.gz': 'binary' },
} as const satisfies BuildOptions;
