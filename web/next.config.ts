import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants';

/** The part of webpack's configuration this file touches (Next's own types do not export it). */
interface WebpackConfig {
  optimization?: { splitChunks?: false | { cacheGroups?: Record<string, unknown> } };
  plugins?: unknown[];
}

/** What a splitChunks cache group's test sees of a module and of the chunk graph. */
interface SplitModule {
  nameForCondition?: () => string | null;
}
interface ChunkGraph {
  getModuleChunksIterable(module: SplitModule): Iterable<{ name?: string | null }>;
}

/** The part of Next's bundled webpack the compile-hints plugin uses. */
interface Webpack {
  Compilation: { PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE: number };
  sources: { ConcatSource: new (...parts: unknown[]) => unknown };
}
interface Compilation {
  chunks: Iterable<{ canBeInitial(): boolean; files: Iterable<string> }>;
  hooks: { processAssets: { tap(options: { name: string; stage: number }, fn: () => void): void } };
  updateAsset(file: string, update: (source: unknown) => unknown): void;
}

/**
 * V8's explicit compile hint (Chrome 136+): a script that starts with this comment has every function
 * compiled eagerly, while it streams in, on a background thread. Without it each function is
 * pre-parsed on arrival, then parsed again and compiled on the main thread when first called: for a
 * page's first-load chunks (React, the App Router's runtime, the page) that is nearly every function,
 * and it happened inside the one start-up task in which they run. Lazily loaded chunks (the map, the
 * matching core, the English catalogue) keep lazy compilation.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

function compileHints(webpack: Webpack) {
  return {
    apply(compiler: {
      hooks: { thisCompilation: { tap(name: string, fn: (c: Compilation) => void): void } };
    }) {
      compiler.hooks.thisCompilation.tap('CompileHints', (compilation) => {
        compilation.hooks.processAssets.tap(
          // After minification (which would drop the comment), before the content hashes are computed.
          { name: 'CompileHints', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1 },
          () => {
            for (const chunk of compilation.chunks) {
              if (!chunk.canBeInitial()) continue;
              for (const file of chunk.files) {
                if (file.endsWith('.js'))
                  compilation.updateAsset(
                    file,
                    (source) => new webpack.sources.ConcatSource(COMPILE_HINT, source),
                  );
              }
            }
          },
        );
      });
    },
  };
}

/**
 * Built: a static export (web/out) that CloudFront serves from S3, and that `npm start` serves beside
 * the API on one port. In `npm run dev`, `next dev` is the one port the user opens and /api is
 * rewritten to the API process (SINERGI_API_ORIGIN, set by functions/src/local/dev.ts).
 *
 * Next.js 15.5 with its webpack build, not 16 (Turbopack): the App Router's own runtime is 103 kB
 * gzipped in 15.5 against ~136 kB in 16.4, more than the 130 kB first-load budget of every route
 * (`npx tsx tests/perf/first-load-js.ts`). The price is a slower build: 1 min 45 s against 25 s for
 * Turbopack, measured on this 2-core machine under load.
 */
export default function config(phase: string): NextConfig {
  const base: NextConfig = {
    reactStrictMode: true,
    poweredByHeader: false,
    // The zod schemas in shared/ are TypeScript source; Next compiles them with the site.
    transpilePackages: ['@sinergi/shared'],
    images: { unoptimized: true },
    // The one stylesheet (~3.5 kB compressed) goes inside every page: the first paint waits for no
    // second request (a round trip on a slow link) and comes before the scripts run, so the largest
    // paint is the static page's and not one after hydration.
    experimental: { inlineCss: true },
    // `npm run typecheck` checks the site with the rest of the repo; checking again here would add ~5 s
    // to every `npm start` that has to rebuild the site.
    typescript: { ignoreBuildErrors: true },
    // The repo root holds the lockfile and the hoisted node_modules.
    outputFileTracingRoot: new URL('..', import.meta.url).pathname,
    turbopack: { root: new URL('..', import.meta.url).pathname },
    webpack: (
      config: WebpackConfig,
      { isServer, dev, webpack }: { isServer: boolean; dev: boolean; webpack: Webpack },
    ) => {
      if (!isServer && !dev) config.plugins = [...(config.plugins ?? []), compileHints(webpack)];
      // Everything of ours the root layout (the header, the footer) imports is on every page: one chunk
      // for all of it, the Indonesian catalogue and the locale store included. Left to splitChunks' 20 kB
      // minimum, webpack copied the catalogue into two of each page's first-load chunks (~4.5 kB gzipped
      // twice) and spread the rest over two more chunks: each a request and a script task of its own.
      const split = config.optimization?.splitChunks;
      if (!isServer && split && typeof split === 'object' && split.cacheGroups) {
        split.cacheGroups.messages = {
          test: (module: SplitModule, { chunkGraph }: { chunkGraph: ChunkGraph }) =>
            /[\\/]web[\\/](lib|components)[\\/]/.test(module.nameForCondition?.() ?? '') &&
            [...chunkGraph.getModuleChunksIterable(module)].some((c) => c.name === 'app/layout'),
          name: 'messages',
          chunks: 'initial',
          enforce: true,
          priority: 20,
        };
      }
      return config;
    },
  };
  const apiOrigin = process.env.SINERGI_API_ORIGIN;
  if (phase === PHASE_DEVELOPMENT_SERVER && apiOrigin) {
    return {
      ...base,
      rewrites: async () => [{ source: '/api/:path*', destination: `${apiOrigin}/api/:path*` }],
    };
  }
  return { ...base, output: 'export' };
}
