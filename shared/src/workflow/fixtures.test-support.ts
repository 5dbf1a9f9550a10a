import type { Offer, PartnershipRequest } from '../schemas/index';
import type { Actor } from './decide';
import { emptyWorld, type World } from './model';

export const NOW = '2026-12-01T00:00:00.000Z';
export const partnerOf = (n: number): Actor => ({ userId: `partner${n}`, role: 'corporate' });
export const umkmOf = (n: number): Actor => ({ userId: `umkm${n}`, role: 'business' });
export const admin: Actor = { userId: 'admin', role: 'admin' };

export function request(n: number, overrides: Partial<PartnershipRequest> = {}): PartnershipRequest {
  return {
    id: `r${n}`,
    ownerId: `umkm${n}`,
    businessId: `b${n}`,
    business: {
      id: `b${n}`,
      name: `Usaha ${n}`,
      province: '33',
      sizeClass: 'mikro',
      sector: 'makanan-minuman',
      kbli: ['10792'],
      products: ['keripik'],
      certifications: [],
    },
    type: 'mentorship',
    needs: ['pemasaran digital'],
    mode: 'any',
    provinces: [],
    languages: [],
    status: 'open',
    pendingProposals: [],
    declinedOfferIds: [],
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

export function offer(n: number, overrides: Partial<Offer> = {}): Offer {
  return {
    id: `o${n}`,
    ownerId: `partner${n}`,
    organizationId: `org${n}`,
    organization: { id: `org${n}`, kind: 'corporate', name: `Mitra ${n}`, province: '31' },
    type: 'mentorship',
    title: `Program ${n}`,
    topics: ['pemasaran digital'],
    sectors: [],
    sizeClasses: [],
    provinces: [],
    mode: 'online',
    capacity: 2,
    remaining: 2,
    pendingProposals: 0,
    requiredCertifications: [],
    languages: [],
    status: 'open',
    track: { ratingCount: 0, ratingSum: 0 },
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

export function worldOf(requests: PartnershipRequest[], offers: Offer[]): World {
  const w = emptyWorld();
  for (const r of requests) w.requests.set(r.id, r);
  for (const o of offers) w.offers.set(o.id, o);
  return w;
}
