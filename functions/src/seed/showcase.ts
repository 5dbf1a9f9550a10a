/**
 * The demo accounts the sign-in page offers (umkm-0001, umkm-0002, corporate-001, university-001,
 * community-001, admin) get a story to see on a first visit, on top of the generated history: each UMKM
 * has one request of every type aimed at the showcase partners, with ranked matches; every partner has a
 * proposal waiting for its answer, an active partnership and a completed one rated by both sides.
 *
 * Each showcase partner publishes one nationwide programme open to every sector, so the showcase UMKM
 * are eligible whatever their profile. Made through the public API like the rest of the seed, with
 * idempotency keys, so a re-run is harmless.
 */
import type { DemoData, OfferType } from './generate';

/** The accounts listed on the sign-in page (web/app/masuk/SignIn.tsx). */
export const SHOWCASE = {
  businesses: ['umkm-0001', 'umkm-0002'],
  partners: { mentorship: 'corporate-001', internship: 'university-001', distribution: 'community-001' },
} as const satisfies { businesses: readonly string[]; partners: Record<OfferType, string> };

type Outcome = 'proposed' | 'active' | 'completed';

/**
 * What each UMKM does with each showcase programme: a Latin square, so every showcase partner gets one
 * proposal waiting for its answer, one active partnership and one completed and rated. umkm-0003 is not
 * on the sign-in page; it completes the square.
 */
const PLAN: Record<string, Record<OfferType, Outcome>> = {
  'umkm-0001': { mentorship: 'completed', internship: 'active', distribution: 'proposed' },
  'umkm-0002': { mentorship: 'proposed', internship: 'completed', distribution: 'active' },
  'umkm-0003': { mentorship: 'active', internship: 'proposed', distribution: 'completed' },
};

export interface ShowcaseApi {
  call<T>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; idempotencyKey?: string; allow?: number[] },
  ): Promise<{ status: number; body: T }>;
  login(role: 'business' | OfferTypeRole | 'admin', name: string): Promise<{ token: string; userId: string }>;
}
type OfferTypeRole = 'corporate' | 'university' | 'community';

const ROLE_OF: Record<OfferType, OfferTypeRole> = {
  mentorship: 'corporate',
  internship: 'university',
  distribution: 'community',
};

/** One nationwide programme per showcase partner, open to every sector and size: the demo's common ground. */
const SHOWCASE_OFFERS: Record<OfferType, { title: string; topics: string[] }> = {
  mentorship: {
    title: 'Kelas Naik Kelas: pemasaran digital dan keuangan UMKM',
    topics: ['pemasaran digital', 'pembukuan', 'akses permodalan'],
  },
  internship: {
    title: 'Magang MBKM: desain kemasan dan media sosial',
    topics: ['desain grafis', 'media sosial', 'fotografi produk'],
  },
  distribution: {
    title: 'Jaringan reseller daring se-Indonesia',
    topics: ['marketplace', 'reseller', 'produk lokal'],
  },
};

export async function seedShowcase(api: ShowcaseApi, demo: DemoData): Promise<{ partnerships: number }> {
  const partners = new Map<OfferType, { caller: { token: string; userId: string }; offerId: string }>();
  for (const type of ['mentorship', 'internship', 'distribution'] as const) {
    const key = SHOWCASE.partners[type];
    if (!demo.organizations.some((o) => o.key === key)) continue;
    const caller = await api.login(ROLE_OF[type], key);
    const { body } = await api.call<{ id: string }>('POST', '/offers', {
      token: caller.token,
      body: { type, ...SHOWCASE_OFFERS[type], mode: 'online', capacity: 12 },
      idempotencyKey: `seed-${key}-showcase-offer`,
    });
    partners.set(type, { caller, offerId: body.id });
  }

  let partnerships = 0;
  for (const key of Object.keys(PLAN)) {
    if (!demo.businesses.some((b) => b.key === key)) continue;
    const owner = await api.login('business', key);
    for (const [type, partner] of partners) {
      const { body: request } = await api.call<{ id: string }>('POST', '/requests', {
        token: owner.token,
        body: { type, needs: SHOWCASE_OFFERS[type].topics.slice(0, 2), mode: 'any' },
        idempotencyKey: `seed-${key}-showcase-${type}`,
      });
      const proposed = await api.call<{ id: string }>('POST', '/partnerships', {
        token: owner.token,
        body: { requestId: request.id, offerId: partner.offerId },
        idempotencyKey: `seed-${key}-showcase-${type}-partnership`,
        allow: [409, 422],
      });
      if (proposed.status !== 201 && proposed.status !== 200) continue;
      partnerships++;
      const outcome = PLAN[key]?.[type] ?? 'proposed';
      if (outcome === 'proposed') continue;
      const id = proposed.body.id;
      await api.call('POST', `/partnerships/${id}/accept`, { token: partner.caller.token, allow: [409] });
      if (outcome === 'active') continue;
      await api.call('POST', `/partnerships/${id}/complete`, { token: owner.token, allow: [409] });
      await api.call('POST', `/partnerships/${id}/feedback`, {
        token: owner.token,
        body: { rating: 5, comment: 'Sangat membantu usaha kami.' },
        allow: [409],
      });
      await api.call('POST', `/partnerships/${id}/feedback`, {
        token: partner.caller.token,
        body: { rating: 4, comment: 'UMKM yang tekun, kerja sama lancar.' },
        allow: [409],
      });
    }
  }
  return { partnerships };
}
