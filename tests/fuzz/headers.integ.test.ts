/**
 * Every answer, page or API, anonymous or signed in, success or problem, carries the security headers;
 * every answer to a signed-in request is `Cache-Control: private, no-store`. Driven through the local
 * server (site + API on one origin) over every operation of the OpenAPI document and the site's pages.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLocalServerApp } from '../../functions/src/local/server';
import { type Harness, harness } from '../../functions/src/testing/harness';
import { apiSurface, fillPath, type Operation } from '../support/api-surface';

/** The headers every answer must carry, and what each must say. */
const REQUIRED: Record<string, RegExp> = {
  'x-content-type-options': /^nosniff$/,
  'x-frame-options': /^(DENY|SAMEORIGIN)$/i,
  'referrer-policy': /\S/,
  'strict-transport-security': /max-age=\d{6,}/,
  'cross-origin-opener-policy': /same-origin/,
};

let h: Harness;
let server: ReturnType<typeof createLocalServerApp>;
let operations: Operation[];
let ids: Record<string, string>;
let token: string;

beforeAll(async () => {
  h = await harness();
  const site = await mkdtemp(join(tmpdir(), 'sinergi-site-'));
  await writeFile(join(site, 'index.html'), '<!doctype html><title>Sinergi</title>');
  await writeFile(join(site, '404.html'), '<!doctype html><title>Tidak ditemukan</title>');
  server = createLocalServerApp(h.app, site);
  operations = (await apiSurface(h.app)).operations;
  const umkm = await h.umkm();
  token = umkm.token;
  ids = { id: umkm.business.id };
});

function expectSecure(response: Response, what: string) {
  for (const [name, pattern] of Object.entries(REQUIRED)) {
    expect(response.headers.get(name), `${what}: ${name}`).toMatch(pattern);
  }
}

describe('security headers', () => {
  it('on every API operation, anonymous and signed in, with private, no-store when signed in', async () => {
    for (const op of operations) {
      for (const signedIn of [false, true]) {
        const response = await server.request(`/api${fillPath(op.path, ids)}`, {
          method: op.method,
          headers: {
            ...(signedIn ? { authorization: `Bearer ${token}` } : {}),
            ...(op.body ? { 'content-type': 'application/json' } : {}),
          },
          ...(op.body ? { body: '{}' } : {}),
        });
        const what = `${op.id} ${signedIn ? 'signed in' : 'anonymous'} → ${response.status}`;
        expectSecure(response, what);
        if (signedIn) expect(response.headers.get('cache-control'), what).toBe('private, no-store');
        else expect(response.headers.get('cache-control'), what).toMatch(/no-store|public, max-age=\d+/);
      }
    }
  });

  it('on the token answer of sign-in, which must never be cached', async () => {
    const response = await server.request('/api/auth/dev-login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'business' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('on pages, the 404 page, unknown API paths and the docs', async () => {
    for (const path of ['/', '/tidak-ada', '/api/tidak-ada', '/api/docs', '/api/openapi.json']) {
      const response = await server.request(path);
      expectSecure(response, `${path} → ${response.status}`);
    }
  });
});
