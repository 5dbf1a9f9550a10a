/**
 * How every Lambda function is bundled: lambda.integ.test.ts, the benchmark and infra's functions all
 * build through {@link bundleLambda} (infra synchronously, through {@link bundleLambdaSync}, which runs
 * this module as a script), so what the tests invoke is exactly what deploys.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions, Plugin } from 'esbuild';

export const LAMBDA_ENTRY = fileURLToPath(new URL('./lambda.ts', import.meta.url));
/** The round worker (a queued round, from the table's stream) and the scheduled lapse: their own bundles. */
export const ROUND_WORKER_ENTRY = fileURLToPath(new URL('./round-worker.ts', import.meta.url));
export const LAPSE_ENTRY = fileURLToPath(new URL('./lapse.ts', import.meta.url));

/** The Lambda runtime: Node.js 22 on arm64 (infra), so the bundle targets node22. */
export const LAMBDA_NODE_TARGET = 'node22';

/** The bundle's file name in its directory: the function's handler is `index.handler`. */
export const LAMBDA_BUNDLE_FILE = 'index.mjs';

export const LAMBDA_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: LAMBDA_NODE_TARGET,
  format: 'esm',
  // Code reached only through `import()` (the API's route groups, built on their first request: see
  // functions/src/http/lazy.ts) goes into chunks beside index.mjs, read and compiled only when used.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  minify: true,
  // CommonJS dependencies (the AWS SDK) call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  // The AWS SDK is bundled (one file loads faster than the runtime's copy), except the credential
  // providers the SDK's default chain loads lazily (`await import(...)`) after `fromEnv`: on Lambda the
  // function's credentials are in its environment, so they are never loaded (135 KB of SSO, INI,
  // process, web-identity, container and instance-metadata providers). Locally the client has explicit
  // credentials. Likewise `bowser` (35 KB), which the SDK's browser user-agent provider imports on
  // demand to parse `window.navigator.userAgent`: Node uses the Node provider and never loads it.
  external: [
    'bowser',
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

/**
 * zod re-exports every locale as a namespace (`z.locales`, `z.core.locales`: 264 KB of messages in
 * 40-odd languages), and esbuild cannot drop a namespace that is itself exported, so every bundle with
 * zod carries them. Sinergi never reads them: zod registers its English messages from `locales/en.js`
 * directly (classic/schemas.js), which this leaves alone, so every error message stays the same. The
 * two namespace modules are replaced by one exporting English only.
 */
export const zodWithoutLocales: Plugin = {
  name: 'zod-without-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer)
        ? { path: join(dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-en-only' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-en-only' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

/** Bundle one entry into `outdir/index.mjs` (and its chunks); returns the entry file and the total size. */
export async function bundleLambda(entry: string, outdir: string, extra: BuildOptions = {}) {
  const { build } = await import('esbuild');
  const outfile = join(outdir, LAMBDA_BUNDLE_FILE);
  const result = await build({
    ...LAMBDA_BUNDLE_OPTIONS,
    plugins: [zodWithoutLocales],
    entryPoints: { index: entry },
    outdir,
    metafile: true,
    logLevel: 'error',
    ...extra,
  });
  const bytes = Object.values(result.metafile?.outputs ?? {}).reduce((sum, o) => sum + o.bytes, 0);
  return { outfile, bytes, metafile: result.metafile };
}

/**
 * The same build, synchronously (CDK constructs are synchronous and esbuild's plugins need its async
 * API): runs this module as a script in a child Node process.
 */
export function bundleLambdaSync(entry: string, outdir: string): void {
  mkdirSync(outdir, { recursive: true });
  execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), entry, outdir], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [entry, outdir] = process.argv.slice(2);
  if (!entry || !outdir) throw new Error('usage: lambda-bundle.ts <entry> <outdir>');
  await bundleLambda(entry, outdir);
}
