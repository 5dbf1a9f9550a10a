import { beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from '../testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});

describe('core resources', () => {
  it('creates a UMKM, a partner, an offer and a request through the public API', async () => {
    const u = await h.umkm();
    expect(u.business.id).toBeTruthy();
    const p = await h.partner('corporate');
    const offer = await h.offer(p.token);
    expect(offer).toMatchObject({ capacity: 3, remaining: 3, status: 'open' });
    const request = await h.request(u.token);
    expect(request.business.province).toBe('33');
    const got = await h.call('GET', `/offers/${offer.id}`, { token: u.token });
    expect(got.status).toBe(200);
    const summary = await h.call('GET', '/stats/summary');
    expect(summary.status).toBe(200);
    expect(summary.body.businesses).toBeGreaterThanOrEqual(1);
  });
});
