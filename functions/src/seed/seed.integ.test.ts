import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { testDeps } from '../local/test-support';
import { keys } from '../store/table';
import { SEED_VERSION, seedDemoData } from './index';

const size = { businesses: 76, corporates: 4, universities: 4, communities: 5 };

async function summary(app: ReturnType<typeof createApp>) {
  const response = await app.request('/api/stats/summary');
  expect(response.status).toBe(200);
  return (await response.json()) as {
    businesses: number;
    organizations: number;
    offers: Record<string, number>;
    provincesCovered: number;
    partnerships: number;
  };
}

describe('demo seed', () => {
  let firstCounts: unknown;

  it('creates the demo data through the API once; a second start adds nothing', async () => {
    const deps = await testDeps({ isolated: true });
    const app = createApp(deps);

    const first = await seedDemoData(app, deps.db, deps.config, { size });
    expect(first.created).toBe(true);
    expect(first.counts.businesses).toBe(76);
    expect(first.counts.organizations).toBe(13);
    expect(first.counts.partnerships).toBeGreaterThan(0);
    expect(first.counts.completed).toBeGreaterThan(0);
    firstCounts = first.counts;

    const after = await summary(app);
    expect(after.businesses).toBe(76);
    expect(after.organizations).toBe(13);
    expect(after.provincesCovered).toBe(38);
    expect(after.partnerships).toBeGreaterThan(0);

    const second = await seedDemoData(app, deps.db, deps.config, { size });
    expect(second).toEqual({ created: false, counts: first.counts });
    expect(await summary(app)).toEqual(after);
  }, 120_000);

  it('picks up after an interrupted run without creating anything twice', async () => {
    const deps = await testDeps({ isolated: true });
    const app = createApp(deps);
    const seeded = await seedDemoData(app, deps.db, deps.config, { size });
    // The same seed on another empty table makes the same history, partnerships included.
    expect(seeded.counts).toEqual(firstCounts);
    const before = await summary(app);

    // As if the process had died before writing the marker: everything is replayed from the
    // idempotency records and the partnership transitions already made.
    await deps.db.send(
      new DeleteCommand({ TableName: deps.config.TABLE_NAME, Key: keys.seedMarker(SEED_VERSION) }),
    );
    const rerun = await seedDemoData(app, deps.db, deps.config, { size });
    expect(rerun.created).toBe(true);
    const afterRerun = await summary(app);
    expect(afterRerun.businesses).toBe(before.businesses);
    expect(afterRerun.organizations).toBe(before.organizations);
    expect(afterRerun.offers).toEqual(before.offers);
    expect(afterRerun.partnerships).toBe(before.partnerships);
  }, 120_000);
});
