import { type AllocationOptions, allocateRound, rankOffers, rankRequests } from '@sinergi/shared/matching';
import type { CandidateList, MatchList, MatchQuery, RoundCreate, RoundResult } from '@sinergi/shared/schemas';
import { hidden, requireRole } from './access';
import { ConflictError } from './errors';
import { toMatchOffer, toMatchRequest } from './match-mapping';
import type { Identity, Offer, PartnershipRequest, Runtime } from './model';
import { newPartnership } from './partnerships';
import type { Repository } from './ports';
import { withAverage } from './profiles';

/** Proposals of a round are stored this many at a time. */
const ROUND_WRITE_CONCURRENCY = 8;

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Matches, candidates and allocation rounds: reads from the indexes (GetItem + Query of the open items
 * of one type), scoring in memory with the pure matching core.
 */
export function matchingService(repo: Repository, rt: Runtime) {
  return {
    /** Offers for one of the caller's requests, best first (owner or admin). */
    async matchesForRequest(who: Identity, requestId: string, query: MatchQuery): Promise<MatchList> {
      const request = await repo.getRequest(requestId);
      if (!request || (request.ownerId !== who.userId && who.role !== 'admin'))
        throw hidden('request', requestId);
      const offers = await repo.listOpenOffers(request.type);
      const byId = new Map(offers.map((o) => [o.id, o]));
      const ranking = rankOffers(toMatchRequest(request), offers.map(toMatchOffer), {
        limit: query.limit,
        includeExcluded: query.explain === 'excluded',
      });
      return {
        items: ranking.ranked.map((m) => ({
          offerId: m.offerId,
          rank: m.rank,
          score: m.score,
          fit: m.fit,
          forUmkm: m.forUmkm,
          forPartner: m.forPartner,
          impact: m.impact,
          components: m.components,
          reasons: [...m.reasons],
          offer: withAverage(byId.get(m.offerId) as Offer),
        })),
        eligibleCount: ranking.eligibleCount,
        ...(ranking.excluded ? { excluded: ranking.excluded.map((e) => ({ ...e })) } : {}),
      };
    },

    /** Open requests for one of the caller's offers, best first (owner or admin). */
    async candidatesForOffer(who: Identity, offerId: string, query: MatchQuery): Promise<CandidateList> {
      const offer = await repo.getOffer(offerId);
      if (!offer || (offer.ownerId !== who.userId && who.role !== 'admin')) throw hidden('offer', offerId);
      const requests = await repo.listOpenRequests(offer.type);
      const byId = new Map(requests.map((r) => [r.id, r]));
      const ranking = rankRequests(toMatchOffer(offer), requests.map(toMatchRequest), {
        limit: query.limit,
        includeExcluded: query.explain === 'excluded',
      });
      return {
        items: ranking.ranked.map((m) => ({
          requestId: m.requestId,
          rank: m.rank,
          score: m.score,
          fit: m.fit,
          forUmkm: m.forUmkm,
          forPartner: m.forPartner,
          impact: m.impact,
          components: m.components,
          reasons: [...m.reasons],
          request: byId.get(m.requestId) as PartnershipRequest,
        })),
        eligibleCount: ranking.eligibleCount,
        ...(ranking.excluded ? { excluded: ranking.excluded.map((e) => ({ ...e })) } : {}),
      };
    },

    /**
     * An allocation round (admins): every open request and offer of the type, the core's stable
     * capacity-respecting allocation, and each assignment stored as a proposed partnership (source
     * "round") unless dryRun. A pair that already has a live partnership is reported, not duplicated.
     */
    async runRound(who: Identity, input: RoundCreate): Promise<RoundResult> {
      requireRole(who, ['admin'], 'run an allocation round');
      const [requests, offers] = await Promise.all([
        repo.listOpenRequests(input.type),
        repo.listOpenOffers(input.type),
      ]);
      const impact: AllocationOptions['impact'] =
        input.impactWeight === 0
          ? false
          : {
              ...(input.impactWeight !== undefined ? { weight: input.impactWeight } : {}),
              ...(input.impactCap !== undefined ? { cap: input.impactCap } : {}),
            };
      const result = allocateRound(requests.map(toMatchRequest), offers.map(toMatchOffer), { impact });
      const roundId = rt.newId();
      const dryRun = input.dryRun === true;
      const requestById = new Map(requests.map((r) => [r.id, r]));
      const offerById = new Map(offers.map((o) => [o.id, o]));
      const assignments: RoundResult['assignments'] = result.assignments.map((a) => ({
        requestId: a.requestId,
        offerId: a.offerId,
        fit: a.fit,
        score: a.score,
        impact: a.impact,
        outcome: 'dry-run' as const,
      }));
      if (!dryRun) {
        await forEachLimited(assignments, ROUND_WRITE_CONCURRENCY, async (a) => {
          const partnership = newPartnership(
            rt,
            requestById.get(a.requestId) as PartnershipRequest,
            offerById.get(a.offerId) as Offer,
            { source: 'round', roundId },
          );
          try {
            await repo.proposePartnership(partnership);
            a.outcome = 'proposed';
            a.partnershipId = partnership.id;
          } catch (error) {
            if (!(error instanceof ConflictError)) throw error;
            a.outcome = 'already-live';
          }
        });
      }
      return {
        roundId,
        type: input.type,
        dryRun,
        assignments,
        unassigned: [...result.unassigned],
        report: result.report,
        ...(result.withoutImpact ? { withoutImpact: result.withoutImpact.report } : {}),
        proposed: assignments.filter((a) => a.outcome === 'proposed').length,
        alreadyLive: assignments.filter((a) => a.outcome === 'already-live').length,
      };
    },
  };
}
