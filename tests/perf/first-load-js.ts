/**
 * First-load JavaScript of every route of the static export: the scripts each HTML page names
 * (<script src> and modulepreload links), gzipped at level 9 and summed, as a phone downloads them.
 * Lazily imported chunks (the what-if core, the map) are not first-load and are not counted.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

export const FIRST_LOAD_BUDGET_BYTES = 130 * 1000;

export interface RouteWeight {
  route: string;
  scripts: number;
  gzipBytes: number;
  /** What the local server and CloudFront actually send (brotli), for comparison. */
  brotliBytes: number;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '_next' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

export function firstLoadJs(outDir: string): RouteWeight[] {
  const cache = new Map<string, { gzip: number; brotli: number }>();
  return htmlFiles(outDir)
    .map((file) => {
      const html = readFileSync(file, 'utf8');
      // `noModule` scripts (Next's legacy polyfills) are skipped by every browser that runs modules.
      const srcs = new Set(
        [...html.matchAll(/<script([^>]*)\ssrc="([^"]+\.js)"([^>]*)>/g)]
          .filter((m) => !/noModule/i.test(`${m[1]}${m[3]}`))
          .map((m) => m[2] as string)
          .filter((s) => s.startsWith('/_next/')),
      );
      let gzipBytes = 0;
      let brotliBytes = 0;
      for (const src of srcs) {
        let size = cache.get(src);
        if (size === undefined) {
          const bytes = readFileSync(join(outDir, src));
          size = { gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
          cache.set(src, size);
        }
        gzipBytes += size.gzip;
        brotliBytes += size.brotli;
      }
      const rel = relative(outDir, file).replace(/\\/g, '/');
      const route = `/${rel.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '')}`;
      return { route, scripts: srcs.size, gzipBytes, brotliBytes };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

export function formatWeights(weights: readonly RouteWeight[]): string {
  const lines = weights.map(
    (w) =>
      `${w.route.padEnd(18)} ${(w.gzipBytes / 1000).toFixed(1).padStart(6)} kB gzip ${(w.brotliBytes / 1000)
        .toFixed(1)
        .padStart(6)} kB brotli (${w.scripts} scripts)  ${
        w.gzipBytes < FIRST_LOAD_BUDGET_BYTES ? 'ok' : 'OVER 130 kB'
      }`,
  );
  return ['First-load JavaScript per route (gzip -9):', ...lines].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = join(new URL('../..', import.meta.url).pathname, 'web', 'out');
  console.log(formatWeights(firstLoadJs(out)));
}
