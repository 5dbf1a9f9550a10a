import type { FeedbackCreate, PartnershipCreate, PartnershipListQuery } from '@sinergi/shared/schemas';
import {
  type Actor,
  type Decision,
  decideAction,
  decidePropose,
  type PartnershipEvent,
} from '@sinergi/shared/workflow';
import { hidden, requireRole } from './access';
import { createdOnce } from './ids';
import type { Identity, Page, PartnershipRecord, Runtime } from './model';
import type { Repository } from './ports';
import { carryOut } from './workflow';

type Party = 'business' | 'organization';

const actorOf = (who: Identity): Actor => ({ userId: who.userId, role: who.role });

/**
 * The partnership workflow, as the transition table in @sinergi/shared/workflow says it: each call
 * reads what the table's guards look at, decides, and writes the decision's change plan in one
 * transaction (see workflow.ts). Only the two parties see or act on a partnership; anyone else gets 404.
 */
export function partnershipService(repo: Repository, rt: Runtime) {
  const limits = rt.limits;

  /** Accept, decline, cancel, complete or rate, with a fresh read of the three objects each attempt. */
  async function act(
    who: Identity,
    id: string,
    event: Exclude<PartnershipEvent, 'propose'>,
    feedback?: FeedbackCreate,
  ): Promise<PartnershipRecord> {
    // The side that rates, for explaining a failed write by the guards (filled in by the read).
    const context: { side?: 'fromBusiness' | 'fromOrganization' } = {};
    const decision = await carryOut<Decision>(
      repo,
      async () => {
        const partnership = await repo.getPartnership(id);
        if (!partnership) throw hidden('partnership', id);
        context.side = partnership.businessOwnerId === who.userId ? 'fromBusiness' : 'fromOrganization';
        const [request, offer] = await Promise.all([
          repo.getRequest(partnership.requestId),
          repo.getOffer(partnership.offerId),
        ]);
        return decideAction({
          actor: actorOf(who),
          event,
          partnership,
          ...(request ? { request } : {}),
          ...(offer ? { offer } : {}),
          ...(feedback
            ? {
                feedback: {
                  rating: feedback.rating,
                  ...(feedback.comment ? { comment: feedback.comment } : {}),
                },
              }
            : {}),
          now: rt.now().toISOString(),
          ...(limits ? { limits } : {}),
        });
      },
      { limits, context },
    );
    return (decision as Decision).partnership;
  }

  return {
    async propose(who: Identity, input: PartnershipCreate): Promise<PartnershipRecord> {
      requireRole(who, ['business'], 'propose a partnership');
      const id = rt.newId();
      return createdOnce(
        async () => {
          const decision = await carryOut<Decision>(
            repo,
            async () => {
              const [request, offer] = await Promise.all([
                repo.getRequest(input.requestId),
                repo.getOffer(input.offerId),
              ]);
              if (!request || request.ownerId !== who.userId) throw hidden('request', input.requestId);
              if (!offer) throw hidden('offer', input.offerId);
              return decidePropose({
                actor: actorOf(who),
                request,
                offer,
                id,
                now: rt.now().toISOString(),
                ...(limits ? { limits } : {}),
              });
            },
            { limits },
          );
          return (decision as Decision).partnership;
        },
        () => repo.getPartnership(id),
        (found) => found.businessOwnerId === who.userId,
      );
    },

    async get(who: Identity, id: string): Promise<PartnershipRecord> {
      const partnership = await repo.getPartnership(id);
      const party =
        partnership &&
        (who.userId === partnership.businessOwnerId || who.userId === partnership.organizationOwnerId);
      if (!partnership || (!party && who.role !== 'admin')) throw hidden('partnership', id);
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

    accept: (who: Identity, id: string) => act(who, id, 'accept'),
    decline: (who: Identity, id: string) => act(who, id, 'decline'),
    cancel: (who: Identity, id: string) => act(who, id, 'cancel'),
    complete: (who: Identity, id: string) => act(who, id, 'complete'),

    /** Rates a completed partnership once per side; the UMKM's rating reaches the partner's offers. */
    async feedback(who: Identity, id: string, input: FeedbackCreate): Promise<PartnershipRecord> {
      const updated = await act(who, id, 'rate', input);
      if (who.userId === updated.businessOwnerId) {
        // Offers carry their organization's track record for matching; keep it fresh.
        const organization = await repo.getOrganization(updated.organization.id);
        if (organization) {
          for (const offer of await repo.listOffersOfOrganization(updated.organization.id)) {
            await repo.setOfferOrganization(offer.id, offer.organization, organization.track);
          }
        }
      }
      return updated;
    },
  };
}
