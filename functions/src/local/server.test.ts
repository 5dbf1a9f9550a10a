import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { App } from '../app';
import { createLocalServerApp } from './server';
import { precompressSite } from './site';

const script = `console.log(${JSON.stringify('x'.repeat(4000))});\n`;
const page = `<!doctype html><html lang="id"><body>${'<p>Sinergi</p>'.repeat(200)}</body></html>`;

async function siteApp() {
  const dir = mkdtempSync(join(tmpdir(), 'sinergi-site-'));
  mkdirSync(join(dir, '_next', 'static', 'chunks'), { recursive: true });
  writeFileSync(join(dir, '_next', 'static', 'chunks', 'abc123.js'), script);
  writeFileSync(join(dir, 'index.html'), page);
  writeFileSync(join(dir, 'masuk.html'), page);
  writeFileSync(join(dir, 'tiny.txt'), 'kecil');
  const done = await precompressSite(dir);
  // Only the API's fetch is used; a stand-in answers one JSON route.
  const api = new Hono().get('/api/big', (c) => c.json({ items: Array.from({ length: 300 }, (_, i) => i) }));
  return { app: createLocalServerApp(api as unknown as App, dir), done };
}

describe('local server: compression and caching', () => {
  it('sends hashed assets brotli-compressed with a year-long immutable cache', async () => {
    const { app, done } = await siteApp();
    expect(done.files).toBe(3); // the script and two pages; the 5-byte file is not worth it
    const res = await app.request('/_next/static/chunks/abc123.js', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(script);
  });

  it('falls back to gzip, and to the plain file for a client that accepts neither', async () => {
    const { app } = await siteApp();
    const gz = await app.request('/masuk', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('content-type')).toMatch(/^text\/html/);
    expect(gz.headers.get('cache-control')).toBe('no-cache');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(page);
    const plain = await app.request('/masuk');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(page);
  });

  it('compresses the API answers too', async () => {
    const { app } = await siteApp();
    const res = await app.request('/api/big', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const body = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString());
    expect(body.items).toHaveLength(300);
  });
});
