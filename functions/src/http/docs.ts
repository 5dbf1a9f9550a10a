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
 * Where the docs page's script comes from:
 *  - a path to the gzipped vendored file: the app serves it at /api/docs/scalar.js (local stack);
 *  - `{ url }`: a static file served beside the site (on AWS the stack puts it in the bucket at
 *    /docs/scalar.js, so the function stays the API alone and its bundle small).
 */
export type DocsScript = string | { url: string };

/**
 * `/api/docs`: the API reference page for /api/openapi.json. Its script never comes from a CDN, so the
 * page works offline; given a path where no file is, the page says so instead of reaching out.
 */
export function docsRoutes(script: DocsScript = DEFAULT_DOCS_SCRIPT) {
  const app = new Hono<AppEnv>();
  const path = typeof script === 'string' ? script : undefined;
  const scriptUrl = typeof script === 'string' ? '/api/docs/scalar.js' : script.url;
  let gzipped: Buffer | undefined;
  let plain: Buffer | undefined;

  app.get('/', Scalar({ url: '/api/openapi.json', pageTitle: 'Sinergi API', cdn: scriptUrl }));
  if (path !== undefined) {
    app.get('/scalar.js', (c) => {
      if (!existsSync(path)) return c.text('docs script not found', 404);
      gzipped ??= readFileSync(path);
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
