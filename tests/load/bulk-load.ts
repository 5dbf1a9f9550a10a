/**
 * Bulk-loads a national-scale catalogue straight into DynamoDB with BatchWriteItem (25 items a call,
 * several calls in flight): offers and open requests drawn by the matching benchmark's seeded
 * generators (realistic mix of types, topics, provinces, sizes, dates), stored exactly as the API stores
 * them (keys from functions/src/store/table.ts). Not through the API: 120,000 items in about a minute.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { MatchOffer, MatchRequest } from '@sinergi/shared/matching';
import type { Offer, PartnershipRequest } from '@sinergi/shared/schemas';
import type { DocumentClient } from '../../functions/src/store/client';
import { CATALOG_KINDS, CATALOG_SHARDS, keys } from '../../functions/src/store/table';
import { generateOffers, generateRequests } from '../../shared/bench/instances';

const CREATED = '2026-11-01T00:00:00.000Z';
const KIND = { mentorship: 'corporate', internship: 'university', distribution: 'community' } as const;

/** An offer as the API stores it; its organization (and owner) is shared by every 2 offers. */
export function storedOffer(m: MatchOffer, i: number): Offer {
  const org = `load-org-${Math.floor(i / 2)}`;
  return {
    id: m.id,
    ownerId: `load-partner-${Math.floor(i / 2)}`,
    organizationId: org,
    organization: {
      id: org,
      kind: KIND[m.type],
      name: `Mitra ${Math.floor(i / 2)}`,
      province: m.organization.province,
    },
    type: m.type,
    title: `Program ${m.type} ${i}`,
    topics: [...m.topics],
    sectors: [...(m.sectors ?? [])],
    sizeClasses: [...(m.sizeClasses ?? [])],
    provinces: [...(m.provinces ?? [])],
    mode: m.mode,
    capacity: m.capacity,
    remaining: m.remaining,
    pendingProposals: 0,
    ...(m.startDate ? { startDate: m.startDate } : {}),
    ...(m.endDate ? { endDate: m.endDate } : {}),
    requiredCertifications: [...(m.requiredCertifications ?? [])],
    languages: [...(m.languages ?? [])],
    status: 'open',
    track: { ratingCount: m.track?.ratingCount ?? 0, ratingSum: m.track?.ratingSum ?? 0 },
    createdAt: CREATED,
    updatedAt: CREATED,
  };
}

/** An open request as the API stores it, one UMKM (and owner) per request. */
export function storedRequest(m: MatchRequest, i: number): PartnershipRequest {
  const b = m.business;
  return {
    id: m.id,
    ownerId: `load-umkm-${i}`,
    businessId: b.id,
    business: {
      id: b.id,
      name: `UMKM ${i}`,
      province: b.province,
      sizeClass: b.sizeClass,
      sector: b.sector,
      kbli: [...(b.kbli ?? [])],
      products: [...(b.products ?? [])],
      certifications: [...(b.certifications ?? [])],
    },
    type: m.type,
    needs: [...m.needs],
    mode: m.mode ?? 'any',
    provinces: [...(m.provinces ?? [])],
    ...(m.startDate ? { startDate: m.startDate } : {}),
    ...(m.endDate ? { endDate: m.endDate } : {}),
    languages: [...(m.languages ?? [])],
    status: 'open',
    pendingProposals: [],
    declinedOfferIds: [],
    createdAt: CREATED,
    updatedAt: CREATED,
  };
}

async function writeAll(db: DocumentClient, table: string, items: Record<string, unknown>[], inFlight = 12) {
  let next = 0;
  const worker = async () => {
    for (;;) {
      const start = next;
      next += 25;
      if (start >= items.length) return;
      let batch = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
      while (batch.length > 0) {
        const out = await db.send(new BatchWriteCommand({ RequestItems: { [table]: batch } }));
        batch = (out.UnprocessedItems?.[table] ?? []) as typeof batch;
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
}

export interface Loaded {
  offers: Offer[];
  requests: PartnershipRequest[];
  seconds: number;
}

/** Writes `offerCount` offers and `requestCount` open requests into `table`; ids are prefixed by `tag`. */
export async function bulkLoad(
  db: DocumentClient,
  table: string,
  offerCount: number,
  requestCount: number,
  tag: string,
): Promise<Loaded> {
  const started = performance.now();
  const offers = generateOffers(offerCount, 32).map((m, i) => storedOffer({ ...m, id: `${tag}o${i}` }, i));
  const requests = generateRequests(requestCount, 31).map((m, i) =>
    storedRequest({ ...m, id: `${tag}r${i}`, business: { ...m.business, id: `${tag}b${i}` } }, i),
  );
  // The catalogues' version shards, as a live table has them (version 0: nothing changed since the load).
  const shards = CATALOG_KINDS.flatMap((kind) =>
    Array.from({ length: CATALOG_SHARDS }, (_, k) => ({ ...keys.catalogShard(kind, k), version: 0 })),
  );
  await writeAll(db, table, [
    ...shards,
    ...offers.map((o) => ({
      ...keys.offer(o.id),
      ...keys.openOffer(o.type, o.createdAt, o.id),
      ...keys.offerOwner(o.organizationId, o.createdAt, o.id),
      entity: 'offer',
      ...o,
    })),
    // Proposals and declines live in string sets the workflow fills (none yet).
    ...requests.map(({ pendingProposals: _pending, declinedOfferIds: _declined, ...r }) => ({
      ...keys.request(r.id),
      ...keys.openRequest(r.type, r.createdAt, r.id),
      ...keys.requestOwner(r.businessId, r.createdAt, r.id),
      entity: 'request',
      ...r,
    })),
  ]);
  return { offers, requests, seconds: (performance.now() - started) / 1000 };
}
