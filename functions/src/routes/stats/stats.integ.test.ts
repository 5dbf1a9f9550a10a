/**
 * The impact figures by province × offer type and province × size class are exact: after creates,
 * accepts, declines, cancels of proposals and of active partnerships, and profile moves, every counter
 * equals what a count of the partnerships and profiles themselves gives. Own table: the figures are global.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from '../../testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await harness({}, { isolated: true });
});

type OfferType = 'mentorship' | 'internship' | 'distribution';
type Size = 'mikro' | 'kecil' | 'menengah';
const TYPES: OfferType[] = ['mentorship', 'internship', 'distribution'];
const SIZES: Size[] = ['mikro', 'kecil', 'menengah'];

interface ProvinceFigures {
  province: string;
  partnerships: number;
  businesses: number;
  partnershipsByType: Record<OfferType, number>;
  partnershipsBySizeClass: Record<Size, number>;
  businessesBySizeClass: Record<Size, number>;
}

describe('impact counters by province × type and province × size class', () => {
  it('equal a count of the accepted partnerships and the profiles after every kind of change', async () => {
    const partners = {
      mentorship: await h.partner('corporate', { province: '31' }),
      internship: await h.partner('university', { province: '34' }),
      distribution: await h.partner('community', { province: '35' }),
    };
    const offers = {
      mentorship: await h.offer(partners.mentorship.token, { type: 'mentorship', capacity: 20 }),
      internship: await h.offer(partners.internship.token, { type: 'internship', capacity: 20 }),
      distribution: await h.offer(partners.distribution.token, { type: 'distribution', capacity: 20 }),
    };

    // Truth, kept beside the API: each UMKM's province and size class, each live accepted partnership.
    const profiles = new Map<string, { province: string; sizeClass: Size }>();
    const accepted = new Map<string, { province: string; sizeClass: Size; type: OfferType }>();

    const provinces = ['11', '33', '91'];
    const umkms: Awaited<ReturnType<Harness['umkm']>>[] = [];
    for (let i = 0; i < 9; i++) {
      const province = provinces[i % 3] as string;
      const sizeClass = SIZES[Math.floor(i / 3)] as Size;
      const u = await h.umkm({ province, sizeClass });
      profiles.set(u.business.id, { province, sizeClass });
      umkms.push(u);
    }

    async function propose(i: number, type: OfferType): Promise<string> {
      const u = umkms[i] as (typeof umkms)[number];
      const request = await h.request(u.token, { type, needs: ['pemasaran digital'] });
      const reply = await h.call('POST', '/partnerships', {
        token: u.token,
        body: { requestId: request.id, offerId: offers[type].id },
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      return reply.body.id;
    }
    async function act(id: string, action: string, token: string) {
      const reply = await h.call('POST', `/partnerships/${id}/${action}`, { token });
      expect(reply.status, `${action}: ${JSON.stringify(reply.body)}`).toBe(200);
      return reply.body;
    }

    // Accepted: each UMKM once per type for the first six; the partnership snapshot carries the
    // province and size class at proposal time.
    const live: { id: string; i: number; type: OfferType }[] = [];
    for (let i = 0; i < 6; i++) {
      for (const type of TYPES.slice(0, 1 + (i % 3))) {
        const id = await propose(i, type);
        const p = await act(id, 'accept', partners[type].token);
        accepted.set(id, { province: p.business.province, sizeClass: p.business.sizeClass, type });
        live.push({ id, i, type });
      }
    }
    // Declined and cancelled-while-proposed: no counter moves.
    await act(await propose(6, 'mentorship'), 'decline', partners.mentorship.token);
    await act(await propose(7, 'internship'), 'cancel', (umkms[7] as (typeof umkms)[number]).token);
    // Cancelled while active (by either side): taken back out.
    for (const { id, i, type } of [live[0], live[3]] as (typeof live)[number][]) {
      await act(id, 'cancel', i === 0 ? (umkms[i] as (typeof umkms)[number]).token : partners[type].token);
      accepted.delete(id);
    }
    // A profile moves province and size class; another only its size class.
    const moved = umkms[8] as (typeof umkms)[number];
    expect(
      (
        await h.call('PATCH', `/businesses/${moved.business.id}`, {
          token: moved.token,
          body: { province: '33', sizeClass: 'kecil' },
        })
      ).status,
    ).toBe(200);
    profiles.set(moved.business.id, { province: '33', sizeClass: 'kecil' });
    const grown = umkms[1] as (typeof umkms)[number];
    expect(
      (
        await h.call('PATCH', `/businesses/${grown.business.id}`, {
          token: grown.token,
          body: { sizeClass: 'menengah' },
        })
      ).status,
    ).toBe(200);
    profiles.set(grown.business.id, { province: '33', sizeClass: 'menengah' });
    // Accepted after the move: counted with the new size class.
    const after = await propose(1, 'distribution');
    const pAfter = await act(after, 'accept', partners.distribution.token);
    expect(pAfter.business.sizeClass).toBe('menengah');
    accepted.set(after, { province: '33', sizeClass: 'menengah', type: 'distribution' });

    const impact = await h.call('GET', '/stats/impact');
    expect(impact.status).toBe(200);
    const byProvince = new Map<string, ProvinceFigures>(
      (impact.body.byProvince as ProvinceFigures[]).map((p) => [p.province, p]),
    );
    expect(byProvince.size).toBe(38);
    for (const [code, p] of byProvince) {
      const mine = [...accepted.values()].filter((a) => a.province === code);
      const people = [...profiles.values()].filter((b) => b.province === code);
      expect(p.partnerships, code).toBe(mine.length);
      expect(p.businesses, code).toBe(people.length);
      for (const t of TYPES) {
        expect(p.partnershipsByType[t], `${code} ${t}`).toBe(mine.filter((a) => a.type === t).length);
      }
      for (const s of SIZES) {
        expect(p.partnershipsBySizeClass[s], `${code} ${s}`).toBe(
          mine.filter((a) => a.sizeClass === s).length,
        );
        expect(p.businessesBySizeClass[s], `${code} ${s}`).toBe(
          people.filter((b) => b.sizeClass === s).length,
        );
      }
    }
    // The national totals agree with the sums of the provinces.
    const all = [...accepted.values()];
    expect(impact.body.total).toBe(all.length);
    for (const t of TYPES) expect(impact.body.byType[t]).toBe(all.filter((a) => a.type === t).length);
    for (const s of SIZES)
      expect(impact.body.bySizeClass[s]).toBe(all.filter((a) => a.sizeClass === s).length);
  });
});
