/**
 * /api/health is public: however many requests arrive, the table is described at most once per cache
 * window (one call in flight for all waiting requests), so it cannot be used to amplify load.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { testDeps } from '../../local/test-support';

function countingApp() {
  const deps = testDeps();
  let describes = 0;
  deps.db.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'DescribeTableCommand') describes++;
      return next(args);
    },
    { step: 'initialize', name: 'countDescribes' },
  );
  let clock = Date.parse('2026-12-01T00:00:00Z');
  const app = createApp({ ...deps, health: { ttlMs: 5000, now: () => clock } });
  return {
    app,
    describes: () => describes,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

describe('GET /api/health', () => {
  it('describes the table once for 200 concurrent and 200 sequential requests within the window', async () => {
    const { app, describes, advance } = countingApp();
    const replies = await Promise.all(Array.from({ length: 200 }, () => app.request('/api/health')));
    expect(replies.map((r) => r.status)).toEqual(Array(200).fill(200));
    for (let i = 0; i < 200; i++) expect((await app.request('/api/health')).status).toBe(200);
    expect(describes()).toBe(1);
    advance(4999);
    await app.request('/api/health');
    expect(describes()).toBe(1);
    advance(2);
    const fresh = await app.request('/api/health');
    expect(describes()).toBe(2);
    expect(await fresh.json()).toMatchObject({ status: 'ok', database: { reachable: true } });
    expect(fresh.headers.get('cache-control')).toBe('no-store');
  });

  it('is in the OpenAPI document', async () => {
    const { app } = countingApp();
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/health');
  });
});
