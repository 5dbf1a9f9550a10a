/**
 * The local stack over real HTTP, through the same startLocalStack() that `npm start` runs: one port
 * serves the API under /api and the built site everywhere else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../functions/src/local/server';

let stack: LocalStack;
let javaPid: number;

beforeAll(async () => {
  stack = await startLocalStack({
    port: 0,
    host: '127.0.0.1',
    // In memory: nothing touches the developer's DATA_DIR.
    seed: false,
    buildSite: true,
    env: {},
    log: () => undefined,
  });
  javaPid = stack.dynamoDb.javaPid;
});

afterAll(async () => {
  await stack?.stop();
});

describe('one port for the site and the API', () => {
  it('answers /api/health with the database reachable', async () => {
    const response = await fetch(`${stack.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: { reachable: true } });
  });

  it('serves the home page in Bahasa Indonesia first', async () => {
    const response = await fetch(`${stack.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<html lang="id"');
    expect(html).toContain('Kemitraan UMKM');
  });

  it('serves the hashed assets the page references, cacheable for a year', async () => {
    const html = await (await fetch(`${stack.url}/`)).text();
    const asset = /\/_next\/static\/[^"]+\.(?:js|css)/.exec(html)?.[0];
    expect(asset).toBeDefined();
    const response = await fetch(`${stack.url}${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('answers an unknown page with the site 404 page and an unknown API path with problem+json', async () => {
    const page = await fetch(`${stack.url}/tidak-ada`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Halaman tidak ditemukan');

    const api = await fetch(`${stack.url}/api/tidak-ada`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses paths that climb out of the site folder', async () => {
    const response = await fetch(`${stack.url}/..%2f..%2fpackage.json`);
    expect(response.status).toBe(404);
  });
});

describe('stopping', () => {
  it('closes the port and stops the JVM', async () => {
    await stack.stop();
    await expect(fetch(`${stack.url}/api/health`)).rejects.toThrow();
    expect(() => process.kill(javaPid, 0)).toThrow();
  });
});
