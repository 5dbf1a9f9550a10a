/**
 * Hot counters under a burst (DynamoDB Local, a table of its own). Every creation and every accept
 * bumps a few counter items (businesses, open offers of a type, partnerships) inside its transaction.
 * On DynamoDB, concurrent transactions on one item conflict, and a conflict retried past the budget is a
 * 503; DynamoDB Local serializes transactions instead, so the conflict rule is applied in front of it
 * (tests/support/transaction-conflicts.ts). The counters are sharded (table.ts COUNTER_SHARDS, a shard
 * drawn again on each attempt), so a burst of BURST concurrent creations of each kind must all succeed,
 * with the totals exact afterwards.
 */
import { describe, expect, it } from 'vitest';
import { harness } from '../../functions/src/testing/harness';
import { writeFigures } from '../../scripts/figures';
import { emulateTransactionConflicts } from '../support/transaction-conflicts';

const BURST = Number(process.env.BURST ?? 200);

describe('a burst of creations on the hot counters', () => {
  it(`${BURST} concurrent registrations, offers and accepts: no 503, totals exact`, async () => {
    const h = await harness({}, { isolated: true });
    const conflicts = emulateTransactionConflicts(h.deps.db);
    const figures: { measure: string; value: string }[] = [];

    const timed = async <T>(what: string, run: () => Promise<T[]>) => {
      const started = performance.now();
      const out = await run();
      figures.push({
        measure: `${BURST} concurrent ${what}`,
        value: `${(performance.now() - started).toFixed(0)} ms`,
      });
      return out;
    };

    // Accounts first (no counter), then every profile in the same province at once.
    const accounts = await Promise.all(
      Array.from({ length: BURST }, (_, i) => h.login('business', `Burst ${i}`)),
    );
    const registered = await timed('UMKM registrations', () =>
      Promise.all(
        accounts.map((a, i) =>
          h.call('POST', '/businesses', {
            token: a.token,
            body: { name: `UMKM Serbu ${i}`, province: '33', sizeClass: 'mikro', sector: 'kuliner' },
          }),
        ),
      ),
    );
    expect(
      registered.map((r) => r.status).filter((s) => s !== 201),
      'registrations',
    ).toEqual([]);

    const partners = await Promise.all(Array.from({ length: 10 }, () => h.partner('corporate')));
    const offers = await timed('offer creations', () =>
      Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          h.call('POST', '/offers', {
            token: (partners[i % partners.length] as (typeof partners)[number]).token,
            body: {
              type: 'mentorship',
              title: `Kelas serbu ${i}`,
              topics: ['pemasaran digital'],
              mode: 'online',
              capacity: 1,
            },
          }),
        ),
      ),
    );
    expect(
      offers.map((r) => r.status).filter((s) => s !== 201),
      'offers',
    ).toEqual([]);

    // One request per UMKM, one proposal each to its own offer, then every accept at once: each bumps
    // the partnership counters (all, province, type, size).
    const requests = await Promise.all(accounts.map((a) => h.request(a.token)));
    const proposals = await Promise.all(
      requests.map((r, i) =>
        h.call('POST', '/partnerships', {
          token: (accounts[i] as (typeof accounts)[number]).token,
          body: { requestId: r.id, offerId: (offers[i] as (typeof offers)[number]).body.id },
        }),
      ),
    );
    expect(proposals.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    const accepts = await timed('accepts', () =>
      Promise.all(
        proposals.map((p, i) =>
          h.call('POST', `/partnerships/${p.body.id}/accept`, {
            token: (partners[i % partners.length] as (typeof partners)[number]).token,
          }),
        ),
      ),
    );
    expect(
      accepts.map((r) => r.status).filter((s) => s !== 200),
      'accepts',
    ).toEqual([]);

    const summary = (await h.call('GET', '/stats/summary')).body;
    expect(summary.businesses).toBe(BURST);
    expect(summary.organizations).toBe(partners.length);
    // Each offer had one slot and it was taken; a full offer is still open (it is not closed).
    expect(summary.offers.mentorship).toBe(BURST);
    expect(summary.partnerships).toBe(BURST);
    const impact = (await h.call('GET', '/stats/impact')).body;
    expect(impact.byProvince.find((p: { province: string }) => p.province === '33').partnerships).toBe(BURST);
    expect(impact.byProvince.find((p: { province: string }) => p.province === '33').businesses).toBe(BURST);
    expect(impact.byType.mentorship).toBe(BURST);
    expect(impact.bySizeClass.mikro).toBe(BURST);

    writeFigures(
      'faults-burst',
      'BURST=200 npx vitest run --project integ tests/faults/burst.integ.test.ts',
      [
        ...figures.map((f) => ({ ...f, target: 'no 503, totals exact' })),
        { measure: 'answers other than 201/200', value: '0', target: '0' },
        {
          measure: 'transaction conflicts met and retried (DynamoDB rule applied)',
          value: String(conflicts()),
        },
      ],
    );
  }, 600_000);
});
