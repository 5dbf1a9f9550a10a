import type { FeedbackCreate, PartnershipCreate, PartnershipListQuery } from '@sinergi/shared/schemas';
import { hidden, requireRole } from './access';
import { CapacityFullError, ConflictError, ForbiddenError, ValidationError } from './errors';
import type {
  FeedbackSide,
  Identity,
  Offer,
  Page,
  PartnershipRecord,
  PartnershipRequest,
  Runtime,
} from './model';
import type { Repository } from './ports';

type Party = 'business' | 'organization';

function partyOf(who: Identity, p: PartnershipRecord): Party | undefined {
  if (who.userId === p.businessOwnerId) return 'business';
  if (who.userId === p.organizationOwnerId) return 'organization';
  return undefined;
}

/** A new proposed partnership between a request and an offer (from a UMKM or from a round). */
export function newPartnership(
  rt: Runtime,
  request: PartnershipRequest,
  offer: Offer,
  source: { source: 'direct' } | { source: 'round'; roundId: string },
): PartnershipRecord {
  const now = rt.now().toISOString();
  return {
    id: rt.newId(),
    status: 'proposed',
    type: request.type,
    ...source,
    requestId: request.id,
    offerId: offer.id,
    businessOwnerId: request.ownerId,
    organizationOwnerId: offer.ownerId,
    offerTitle: offer.title,
    business: {
      id: request.business.id,
      name: request.business.name,
      province: request.business.province,
      sizeClass: request.business.sizeClass,
    },
    organization: { id: offer.organization.id, name: offer.organization.name, kind: offer.organization.kind },
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The partnership workflow. proposed → active (accept, takes a slot) | declined; proposed|active →
 * cancelled (an active one gives its slot back); active → completed; feedback once per side.
 * Accepting fulfils the request: it becomes `matched` and its other proposals are `withdrawn`, in the
 * accept's transaction; cancelling the active partnership reopens it.
 * Only the two parties see or act on a partnership; anyone else gets 404.
 */
export function partnershipService(repo: Repository, rt: Runtime) {
  async function asParty(who: Identity, id: string, allowed: readonly Party[], action: string) {
    const partnership = await repo.getPartnership(id);
    const party = partnership && partyOf(who, partnership);
    if (!partnership || !party) throw hidden('partnership', id);
    if (!allowed.includes(party))
      throw new ForbiddenError(`only the ${allowed.join(' or ')} side may ${action}`);
    return { partnership, party };
  }

  function expectStatus(
    p: PartnershipRecord,
    allowed: readonly PartnershipRecord['status'][],
    action: string,
  ) {
    if (!allowed.includes(p.status)) throw new ConflictError(`cannot ${action} a ${p.status} partnership`);
  }

  return {
    async propose(who: Identity, input: PartnershipCreate): Promise<PartnershipRecord> {
      requireRole(who, ['business'], 'propose a partnership');
      const request = await repo.getRequest(input.requestId);
      if (!request || request.ownerId !== who.userId) throw hidden('request', input.requestId);
      const offer = await repo.getOffer(input.offerId);
      if (!offer) throw hidden('offer', input.offerId);
      // A matched request is fulfilled; the transaction checks this again atomically.
      if (request.status !== 'open') throw new ConflictError(`the request is ${request.status}`);
      if (offer.status !== 'open') throw new ConflictError('the offer is closed');
      if (offer.type !== request.type) {
        throw new ValidationError('offer and request are of different types', [
          { field: 'offerId', message: `offer is ${offer.type}, request is ${request.type}` },
        ]);
      }
      if (offer.remaining <= 0) throw new CapacityFullError('the offer has no slot left');
      const partnership = newPartnership(rt, request, offer, { source: 'direct' });
      await repo.proposePartnership(partnership);
      return partnership;
    },

    async get(who: Identity, id: string): Promise<PartnershipRecord> {
      const partnership = await repo.getPartnership(id);
      if (!partnership || (!partyOf(who, partnership) && who.role !== 'admin'))
        throw hidden('partnership', id);
      return partnership;
    },

    async listMine(who: Identity, query: PartnershipListQuery): Promise<Page<PartnershipRecord>> {
      const side: Party = who.role === 'business' ? 'business' : 'organization';
      return repo.pagePartnershipsOfUser(
        who.userId,
        side,
        { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) },
        query.status,
      );
    },

    async accept(who: Identity, id: string): Promise<PartnershipRecord> {
      const { partnership } = await asParty(who, id, ['organization'], 'accept');
      expectStatus(partnership, ['proposed'], 'accept');
      return repo.acceptPartnership(partnership, rt.now().toISOString());
    },

    async decline(who: Identity, id: string): Promise<PartnershipRecord> {
      const { partnership } = await asParty(who, id, ['organization'], 'decline');
      expectStatus(partnership, ['proposed'], 'decline');
      return repo.declinePartnership(partnership, rt.now().toISOString());
    },

    async cancel(who: Identity, id: string): Promise<PartnershipRecord> {
      const { partnership } = await asParty(who, id, ['business', 'organization'], 'cancel');
      expectStatus(partnership, ['proposed', 'active'], 'cancel');
      return repo.cancelPartnership(partnership, rt.now().toISOString());
    },

    async complete(who: Identity, id: string): Promise<PartnershipRecord> {
      const { partnership } = await asParty(who, id, ['business', 'organization'], 'complete');
      expectStatus(partnership, ['active'], 'complete');
      return repo.completePartnership(partnership, rt.now().toISOString());
    },

    async feedback(who: Identity, id: string, input: FeedbackCreate): Promise<PartnershipRecord> {
      const { partnership, party } = await asParty(who, id, ['business', 'organization'], 'give feedback');
      expectStatus(partnership, ['active', 'completed'], 'rate');
      const side: FeedbackSide = party === 'business' ? 'fromBusiness' : 'fromOrganization';
      if (partnership.feedback?.[side]) throw new ConflictError('feedback was already given');
      const { partnership: updated, track } = await repo.addFeedback(partnership, side, {
        rating: input.rating,
        ...(input.comment ? { comment: input.comment } : {}),
        at: rt.now().toISOString(),
      });
      if (track) {
        // Offers carry their organization's track record for matching; keep it fresh.
        for (const offer of await repo.listOffersOfOrganization(partnership.organization.id)) {
          await repo.setOfferOrganization(offer.id, offer.organization, track);
        }
      }
      return updated;
    },
  };
}
