import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Scalar } from '@scalar/hono-api-reference';
import { Hono } from 'hono';
import type { AppEnv } from './env';

/** The vendored Scalar bundle (see functions/assets/scalar/README.md). */
export const DEFAULT_DOCS_SCRIPT = fileURLToPath(
  new URL('../../assets/scalar/standalone.js.gz', import.meta.url),
);

/**
 * Where the docs script comes from: a path to the gzipped file (locally, beside the source), or the
 * gzipped bytes themselves (the Lambda bundle embeds them, see lambda.ts).
 */
export type DocsScript = string | { gzipped: Uint8Array };

/**
 * `/api/docs`: the API reference page for /api/openapi.json. Its script is served by the app itself
 * from the vendored bundle, so the page works offline. Given a path where no file is (a bundle built
 * without the asset), the page falls back to Scalar's CDN.
 */
export function docsRoutes(script: DocsScript = DEFAULT_DOCS_SCRIPT) {
  const app = new Hono<AppEnv>();
  const embedded = typeof script === 'string' ? undefined : Buffer.from(script.gzipped);
  const path = typeof script === 'string' ? script : undefined;
  const local = embedded !== undefined || (path !== undefined && existsSync(path));
  let gzipped: Buffer | undefined = embedded;
  let plain: Buffer | undefined;

  app.get(
    '/',
    Scalar({
      url: '/api/openapi.json',
      pageTitle: 'Sinergi API',
      ...(local ? { cdn: '/api/docs/scalar.js' } : {}),
    }),
  );
  if (local) {
    app.get('/scalar.js', (c) => {
      gzipped ??= readFileSync(path as string);
      const headers = {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=86400',
        vary: 'accept-encoding',
      };
      if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
        return c.body(new Uint8Array(gzipped), 200, { ...headers, 'content-encoding': 'gzip' });
      }
      plain ??= gunzipSync(gzipped);
      return c.body(new Uint8Array(plain), 200, headers);
    });
  }
  return app;
}
