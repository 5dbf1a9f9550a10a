/** Matches, candidates, rounds and impact figures on a table of their own (they read everything open). */

import { beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from '../testing/harness';
import { runRound } from './rounds/test-support';

let h: Harness;
beforeAll(async () => {
  h = await harness({}, { isolated: true });
});

describe('matching through the API', () => {
  it('ranks offers for a request with reasons, explains exclusions and keeps snapshots fresh', async () => {
    const partner = await h.partner('corporate', { province: '33' });
    const good = await h.offer(partner.token, { topics: ['pemasaran digital'], title: 'Digital marketing' });
    const halal = await h.offer(partner.token, {
      topics: ['pemasaran digital'],
      requiredCertifications: ['BPOM'],
      title: 'Butuh BPOM',
    });
    const umkm = await h.umkm({ certifications: ['halal'] });
    const request = await h.request(umkm.token, { needs: ['pemasaran digital'] });

    const reply = await h.call('GET', `/requests/${request.id}/matches?explain=excluded&limit=5`, {
      token: umkm.token,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.items[0]).toMatchObject({ offerId: good.id, rank: 1 });
    expect(reply.body.items[0].reasons[0]).toEqual({ id: expect.any(String), en: expect.any(String) });
    expect(reply.body.items[0].offer.remaining).toBe(3);
    expect(reply.body.excluded).toEqual({
      total: 1,
      byFilter: { certification: 1 },
      items: [
        expect.objectContaining({
          offerId: halal.id,
          title: 'Butuh BPOM',
          organizationName: partner.organization.name,
          filter: 'certification',
        }),
      ],
    });

    // Gaining the certification on the profile reaches the request's snapshot, and so matching.
    await h.call('PATCH', `/businesses/${umkm.business.id}`, {
      token: umkm.token,
      body: { certifications: ['halal', 'BPOM'] },
    });
    const after = await h.call('GET', `/requests/${request.id}/matches?explain=excluded`, {
      token: umkm.token,
    });
    expect(after.body.items.map((m: { offerId: string }) => m.offerId).sort()).toEqual(
      [good.id, halal.id].sort(),
    );

    const candidates = await h.call('GET', `/offers/${good.id}/candidates`, { token: partner.token });
    expect(candidates.body.items[0]).toMatchObject({ requestId: request.id, request: { id: request.id } });

    // A closed offer leaves matching.
    await h.call('DELETE', `/offers/${halal.id}`, { token: partner.token });
    const closed = await h.call('GET', `/requests/${request.id}/matches`, { token: umkm.token });
    expect(closed.body.items.map((m: { offerId: string }) => m.offerId)).toEqual([good.id]);
  });

  it('runs an allocation round: a dry run stores nothing, a real one proposes within capacity', async () => {
    const admin = await h.login('admin');
    const university = await h.partner('university', { province: '34' });
    await h.offer(university.token, {
      type: 'internship',
      topics: ['desain grafis'],
      capacity: 2,
      title: 'Magang desain',
    });
    const umkms = [];
    for (let i = 0; i < 4; i++) {
      const u = await h.umkm({ province: i % 2 ? '91' : '31' });
      await h.request(u.token, { type: 'internship', needs: ['desain grafis'] });
      umkms.push(u);
    }
    // A round is a job (202, then polled); without an objective it is the stable round.
    const dry = await runRound(h, admin.token, { type: 'internship', dryRun: true });
    expect(dry.round.status).toBe('done');
    expect(dry.round.dryRun).toBe(true);
    expect(dry.assignments).toHaveLength(2);
    for (const a of dry.assignments) {
      expect(a).toMatchObject({ offerTitle: 'Magang desain', businessName: expect.any(String) });
      expect(['31', '91']).toContain(a.province);
    }
    expect(dry.round.summary).toMatchObject({ objective: 'stable', requests: 4, slots: 2, placed: 2 });
    // The tie-breaking seed is recorded with the round; giving it back repeats the round exactly.
    expect(Number.isInteger(dry.round.seed)).toBe(true);
    const repeat = await runRound(h, admin.token, { type: 'internship', dryRun: true, seed: dry.round.seed });
    expect(repeat.round.seed).toBe(dry.round.seed);
    expect(repeat.assignments).toEqual(dry.assignments);
    const before = await h.call('GET', '/partnerships?role=mine', { token: university.token });
    expect(before.body.items).toHaveLength(0);

    const real = await runRound(h, admin.token, { type: 'internship', equity: { weight: 0.8 } });
    expect(real.round.confirmation?.proposed).toBe(2);
    const proposals = await h.call('GET', '/partnerships?role=mine', { token: university.token });
    expect(proposals.body.items).toHaveLength(2);
    expect(
      proposals.body.items.every(
        (p: { source: string; status: string }) => p.source === 'round' && p.status === 'proposed',
      ),
    ).toBe(true);

    // Running the same round again does not duplicate live pairs: the two waiting requests are left out,
    // and the offer has no free slot for the other two.
    const again = await runRound(h, admin.token, { type: 'internship', equity: { weight: 0.8 } });
    expect(again.round.skipped).toBe(2);
    expect(again.round.summary?.placed).toBe(0);
    expect(again.round.confirmation?.proposed).toBe(0);
    expect(
      (await h.call('GET', '/partnerships?role=mine', { token: university.token })).body.items,
    ).toHaveLength(2);

    // Accepting both fills the offer and shows in the impact figures by province, type and size class.
    for (const p of proposals.body.items) {
      expect((await h.call('POST', `/partnerships/${p.id}/accept`, { token: university.token })).status).toBe(
        200,
      );
    }
    const impact = await h.call('GET', '/stats/impact');
    expect(impact.body.total).toBe(2);
    expect(impact.body.byType.internship).toBe(2);
    expect(impact.body.bySizeClass.mikro).toBe(2);
    const provinces = impact.body.byProvince.filter((p: { partnerships: number }) => p.partnerships > 0);
    expect(provinces.reduce((s: number, p: { partnerships: number }) => s + p.partnerships, 0)).toBe(2);
    expect(provinces[0].povertyRatePct).toBeGreaterThan(0);
  });

  it('keeps the summary counters exact: open offers by type, UMKM, provinces covered, partnerships', async () => {
    const summary = await h.call('GET', '/stats/summary');
    expect(summary.body).toEqual({
      businesses: 5,
      organizations: 2,
      offers: { mentorship: 1, internship: 1, distribution: 0 },
      provincesCovered: 3,
      partnerships: 2,
    });
  });
  it('pages the excluded list with counts per filter, so an answer stays small at any scale', async () => {
    // A table of its own: the counters test below counts every business and organization of `h`.
    const h = await harness({}, { isolated: true });
    const partner = await h.partner('corporate', { province: '31' });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const o = await h.offer(partner.token, {
        topics: ['ekspor'],
        requiredCertifications: ['SNI'],
        title: `Butuh SNI ${i}`,
      });
      ids.push(o.id);
    }
    const umkm = await h.umkm({ certifications: [] });
    const request = await h.request(umkm.token, { needs: ['ekspor'] });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const reply = await h.call(
        'GET',
        `/requests/${request.id}/matches?explain=excluded&excludedLimit=2${cursor ? `&excludedCursor=${cursor}` : ''}`,
        { token: umkm.token },
      );
      expect(reply.status).toBe(200);
      expect(reply.body.excluded.items.length).toBeLessThanOrEqual(2);
      expect(reply.body.excluded.byFilter.certification).toBeGreaterThanOrEqual(5);
      expect(reply.body.excluded.total).toBe(
        Object.values(reply.body.excluded.byFilter as Record<string, number>).reduce((a, b) => a + b, 0),
      );
      expect(reply.body.excludedCount).toBe(reply.body.excluded.total);
      seen.push(...reply.body.excluded.items.map((e: { offerId: string }) => e.offerId));
      cursor = reply.body.excluded.nextCursor;
      pages++;
    } while (cursor !== undefined && pages < 50);
    expect(cursor).toBeUndefined();
    // Without `explain` the read ranks from the index and still counts them.
    const plain = await h.call('GET', `/requests/${request.id}/matches`, { token: umkm.token });
    expect(plain.body.excluded).toBeUndefined();
    expect(plain.body.excludedCount).toBe(seen.length);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of ids) expect(seen).toContain(id);
    const tooMany = await h.call(
      'GET',
      `/requests/${request.id}/matches?explain=excluded&excludedLimit=101`,
      {
        token: umkm.token,
      },
    );
    expect(tooMany.status).toBe(400);
  });
});
