import { analyseTexts } from '@sinergi/shared/matching';
import {
  OFFER_TYPES,
  type OfferCreate,
  type OfferListQuery,
  type OfferPatch,
  type RequestCreate,
  type RequestListQuery,
  type RequestPatch,
} from '@sinergi/shared/schemas';
import { decideCloseRequest, decideCreateRequest, type Violation } from '@sinergi/shared/workflow';
import { found, hidden, ORGANIZATION_ROLES, ownedOrAdmin, requireOwner, requireRole } from './access';
import { ConflictError } from './errors';
import { createdOnce } from './ids';
import {
  businessSnapshot,
  type Identity,
  type Offer,
  type Page,
  type PartnershipRequest,
  type Runtime,
} from './model';
import type { Repository } from './ports';
import { withAverage } from './profiles';
import { carryOut } from './workflow';

const actorOf = (who: Identity) => ({ userId: who.userId, role: who.role });

/** Offers: posted by an organization's owner, public to everyone signed in. */
export function offerService(repo: Repository, rt: Runtime) {
  async function ownOffer(who: Identity, id: string): Promise<Offer> {
    const offer = found(await repo.getOffer(id), 'offer', id);
    requireOwner(who, offer.ownerId, 'offer');
    return offer;
  }

  return {
    async create(who: Identity, input: OfferCreate): Promise<Offer> {
      requireRole(who, ORGANIZATION_ROLES, 'post an offer');
      const account = await repo.getAccount(who.userId);
      const organization = account?.organizationId
        ? await repo.getOrganization(account.organizationId)
        : undefined;
      if (!organization) throw new ConflictError('create your organization profile before posting offers');
      const now = rt.now().toISOString();
      const offer: Offer = {
        ...input,
        id: rt.newId(),
        ownerId: who.userId,
        organizationId: organization.id,
        organization: {
          id: organization.id,
          kind: organization.kind,
          name: organization.name,
          province: organization.province,
          ...(organization.city ? { city: organization.city } : {}),
        },
        sectors: input.sectors ?? [],
        sizeClasses: input.sizeClasses ?? [],
        provinces: input.provinces ?? [],
        requiredCertifications: input.requiredCertifications ?? [],
        languages: input.languages ?? [],
        remaining: input.capacity,
        pendingProposals: 0,
        status: 'open',
        track: organization.track,
        createdAt: now,
        updatedAt: now,
      };
      const created = await createdOnce(
        async () => {
          await repo.createOffer(offer);
          return offer;
        },
        () => repo.getOffer(offer.id),
        (found) => found.ownerId === who.userId,
      );
      return withAverage(created);
    },

    async get(_who: Identity, id: string): Promise<Offer> {
      return withAverage(found(await repo.getOffer(id), 'offer', id));
    },

    async list(_who: Identity, query: OfferListQuery): Promise<Page<Offer>> {
      const page = { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) };
      const result = query.organizationId
        ? await repo.pageOffersOfOrganization(query.organizationId, page)
        : await repo.pageOpenOffers(query.type ? [query.type] : OFFER_TYPES, page, query.province);
      return { ...result, items: result.items.map(withAverage) };
    },

    async update(who: Identity, id: string, patch: OfferPatch): Promise<Offer> {
      const offer = await ownOffer(who, id);
      if (offer.status !== 'open') throw new ConflictError('a closed offer cannot change');
      const dates = {
        startDate: patch.startDate ?? offer.startDate,
        endDate: patch.endDate ?? offer.endDate,
      };
      if (dates.startDate && dates.endDate && dates.startDate > dates.endDate) {
        throw new ConflictError('startDate would be after endDate');
      }
      if (patch.capacity !== undefined && patch.capacity < offer.capacity - offer.remaining) {
        throw new ConflictError(
          `capacity ${patch.capacity} is below the ${offer.capacity - offer.remaining} slots already taken`,
        );
      }
      const updated = await repo.updateOffer(
        id,
        { ...patch, updatedAt: rt.now().toISOString() },
        { capacity: offer.capacity, updatedAt: offer.updatedAt },
      );
      return withAverage(updated);
    },

    /** Closes the offer: it leaves matching and the open-offer lists. Closing a closed offer is a no-op. */
    async close(who: Identity, id: string): Promise<Offer> {
      const offer = await ownOffer(who, id);
      const now = rt.now().toISOString();
      if (offer.status === 'open') await repo.closeOffer(offer, now);
      const closed: Offer = {
        ...offer,
        status: 'closed',
        updatedAt: offer.status === 'open' ? now : offer.updatedAt,
      };
      return withAverage(closed);
    },
  };
}

/** Partnership requests: private to the UMKM that files them (and admins). */
export function requestService(repo: Repository, rt: Runtime) {
  /** The request with the words of its needs the matching did not understand (computed, not stored). */
  const withNotUnderstood = (request: PartnershipRequest): PartnershipRequest => ({
    ...request,
    notUnderstood: analyseTexts(request.needs).notUnderstood,
  });

  async function ownRequest(who: Identity, id: string): Promise<PartnershipRequest> {
    const request = await repo.getRequest(id);
    if (!request || request.ownerId !== who.userId) throw hidden('request', id);
    return request;
  }

  return {
    async create(who: Identity, input: RequestCreate): Promise<PartnershipRequest> {
      requireRole(who, ['business'], 'file a partnership request');
      const account = await repo.getAccount(who.userId);
      const business = account?.businessId ? await repo.getBusiness(account.businessId) : undefined;
      if (!business) throw new ConflictError('create your business profile before filing requests');
      const now = rt.now().toISOString();
      const request: PartnershipRequest = {
        ...input,
        id: rt.newId(),
        ownerId: who.userId,
        businessId: business.id,
        business: businessSnapshot(business),
        mode: input.mode ?? 'any',
        provinces: input.provinces ?? [],
        languages: input.languages ?? [],
        status: 'open',
        pendingProposals: [],
        declinedOfferIds: [],
        createdAt: now,
        updatedAt: now,
      };
      // One transaction with its count against LIMITS.openRequestsPerType (a named limit, 409).
      const created = await createdOnce(
        async () => {
          await carryOut(
            repo,
            async () => ({ ok: true as const, plan: decideCreateRequest(request, rt.limits) }),
            { limits: rt.limits },
          );
          return request;
        },
        () => repo.getRequest(request.id),
        (found) => found.ownerId === who.userId,
      );
      return withNotUnderstood(created);
    },

    async get(who: Identity, id: string): Promise<PartnershipRequest> {
      return withNotUnderstood(ownedOrAdmin(who, await repo.getRequest(id), 'request', id));
    },

    async listMine(who: Identity, query: RequestListQuery): Promise<Page<PartnershipRequest>> {
      requireRole(who, ['business'], 'list requests');
      const account = await repo.getAccount(who.userId);
      if (!account?.businessId) return { items: [] };
      return repo.pageRequestsOfBusiness(account.businessId, {
        limit: query.limit,
        ...(query.cursor ? { cursor: query.cursor } : {}),
      });
    },

    async update(who: Identity, id: string, patch: RequestPatch): Promise<PartnershipRequest> {
      const request = await ownRequest(who, id);
      if (request.status !== 'open') throw new ConflictError(`a ${request.status} request cannot change`);
      const dates = {
        startDate: patch.startDate ?? request.startDate,
        endDate: patch.endDate ?? request.endDate,
      };
      if (dates.startDate && dates.endDate && dates.startDate > dates.endDate) {
        throw new ConflictError('startDate would be after endDate');
      }
      return repo.updateRequest(id, { ...patch, updatedAt: rt.now().toISOString() }, request.updatedAt);
    },

    /**
     * Closes a request: it leaves matching, and its proposals waiting for an answer are withdrawn with
     * it. A matched request can be closed too (its active partnership goes on, but cancelling it will not
     * reopen the request). Closing a closed request is a no-op.
     */
    async close(who: Identity, id: string): Promise<PartnershipRequest> {
      const now = rt.now().toISOString();
      let last = await ownRequest(who, id);
      const done = await carryOut(
        repo,
        async () => {
          last = await ownRequest(who, id);
          const plan = decideCloseRequest(actorOf(who), last, now);
          return plan === null || !('changes' in plan)
            ? (plan as Violation | null)
            : { ok: true as const, plan };
        },
        { limits: rt.limits },
      );
      return done ? { ...last, status: 'closed', pendingProposals: [], updatedAt: now } : last;
    },
  };
}
