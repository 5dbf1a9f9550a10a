/** Per-user rate limits through the whole app: 429 problems with Retry-After, per user and per class. */
import { RATE_LIMITS } from '@sinergi/shared/schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from '../testing/harness';
import { rateLimitClass } from './rate-limit';

let h: Harness;
beforeAll(async () => {
  // Small buckets that barely refill, so the test reaches them in a few calls.
  h = await harness({
    rateLimits: { write: { perSecond: 0.01, burst: 4 }, matchRead: { perSecond: 0.01, burst: 3 } },
  });
});

describe('rate limits', () => {
  it('answers a user past the burst of match reads with 429, Retry-After and a problem, others unaffected', async () => {
    const umkm = await h.umkm(); // 1 write (the profile)
    const request = await h.request(umkm.token); // 2 writes
    const read = (token: string) => h.call('GET', `/requests/${request.id}/matches`, { token });
    for (let i = 0; i < 3; i++) expect((await read(umkm.token)).status).toBe(200);
    const limited = await read(umkm.token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.body).toMatchObject({ status: 429, type: expect.stringContaining('rate-limited') });
    // Other reads of the same user are not match reads; another user has a bucket of its own.
    expect((await h.call('GET', `/requests/${request.id}`, { token: umkm.token })).status).toBe(200);
    const admin = await h.login('admin');
    expect((await read(admin.token)).status).toBe(200);
  });

  it('limits writes separately from match reads', async () => {
    const umkm = await h.umkm(); // write 1
    const request = await h.request(umkm.token); // write 2
    for (const note of ['a', 'b']) {
      const ok = await h.call('PATCH', `/requests/${request.id}`, { token: umkm.token, body: { note } });
      expect(ok.status).toBe(200);
    }
    const limited = await h.call('PATCH', `/requests/${request.id}`, {
      token: umkm.token,
      body: { note: 'c' },
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).not.toBeNull();
    // Nothing written by the refused call.
    expect((await h.call('GET', `/requests/${request.id}`, { token: umkm.token })).body.note).toBe('b');
    expect((await h.call('GET', `/requests/${request.id}/matches`, { token: umkm.token })).status).toBe(200);
  });

  it('names which calls count: writes and the two match reads, nothing anonymous', () => {
    expect(rateLimitClass('POST', '/api/partnerships')).toBe('write');
    expect(rateLimitClass('DELETE', '/api/offers/x')).toBe('write');
    expect(rateLimitClass('GET', '/api/requests/r1/matches')).toBe('matchRead');
    expect(rateLimitClass('GET', '/api/offers/o1/candidates')).toBe('matchRead');
    expect(rateLimitClass('GET', '/api/offers')).toBeUndefined();
    expect(RATE_LIMITS.write.burst).toBeGreaterThan(0);
  });
});
